package dev.caveat.account.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

  @GetMapping("/login")
  String signIn() {
    return "account/login";
  }
}
