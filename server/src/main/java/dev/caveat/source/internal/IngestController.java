package dev.caveat.source.internal;

import dev.caveat.account.Actor;
import dev.caveat.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/ingest}: the hub operator pushes posts of any source. */
@RestController
class IngestController {

  private final PushedPosts pushed;

  IngestController(PushedPosts pushed) {
    this.pushed = pushed;
  }

  @PostMapping("/api/v1/ingest")
  PushedPosts.IngestReport ingest(Actor actor, HttpServletRequest request) throws IOException {
    if (!actor.operator()) {
      throw ApiException.forbidden("Only a hub operator's token may push posts into the hub.");
    }
    return pushed.take(
        request.getContentType(), request.getInputStream(), UnaryOperator.identity());
  }
}
