package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed webhooks: a sender holding a webhook source's secret posts to it without a token. Every
 * post is filed under that source's name, whatever the body says, so a sender can write only into
 * its own source.
 */
@RestController
class WebhookController {

  private final Sources sources;
  private final PushedPosts pushed;
  private final PushReceipts receipts;
  private final Clock clock;

  WebhookController(Sources sources, PushedPosts pushed, PushReceipts receipts, Clock clock) {
    this.sources = sources;
    this.pushed = pushed;
    this.receipts = receipts;
    this.clock = clock;
  }

  @PostMapping("/api/v1/webhooks/{id}")
  PushedPosts.IngestReport deliver(
      @PathVariable UUID id,
      @RequestHeader(name = "webhook-id", required = false) String deliveryId,
      @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
      @RequestHeader(name = "webhook-signature", required = false) String signature,
      HttpServletRequest request)
      throws IOException {
    Sources.Source source =
        sources
            .find(id)
            .filter(s -> s.type().equals(SourceController.WEBHOOK))
            .orElseThrow(() -> ApiException.notFound("There is no webhook " + id + "."));
    byte[] body = PushedPosts.readCapped(request.getInputStream());
    String problem =
        StandardWebhooks.problem(
            source.secret(), deliveryId, timestamp, signature, body, clock.instant());
    if (problem != null) {
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          "The delivery is not signed by this webhook's secret: " + problem + ".");
    }
    if (!source.enabled()) {
      throw new ApiException(
          HttpStatus.GONE, "This webhook is paused; its operator can resume it.");
    }
    PushedPosts.IngestReport report =
        pushed.take(request.getContentType(), body, post -> filedUnder(source.name(), post));
    receipts.received(id, clock.instant(), report.accepted(), report.rejected().size());
    return report;
  }

  private static Post filedUnder(String name, Post post) {
    return new Post(
        name,
        post.externalId(),
        post.url(),
        post.author(),
        post.title(),
        post.text(),
        post.html(),
        post.published(),
        post.inReplyTo(),
        post.language());
  }
}
