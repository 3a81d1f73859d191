package dev.caveat.platform.internal;

import dev.caveat.platform.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages become a readable page with the same status the API would give. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

  @ExceptionHandler(ApiException.class)
  ModelAndView api(ApiException e) {
    ModelAndView page = new ModelAndView("error");
    page.setStatus(e.status());
    page.addObject("status", e.status().value());
    page.addObject("error", e.status().getReasonPhrase());
    page.addObject("message", e.getMessage());
    return page;
  }
}
