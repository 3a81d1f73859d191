package dev.caveat.source.internal;

import dev.caveat.core.feed.FeedDocument;
import dev.caveat.core.feed.FeedException;
import dev.caveat.core.feed.FeedParser;
import dev.caveat.listening.IntakeOutcome;
import dev.caveat.listening.PostIntake;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The callback a WebSub hub talks to: verification by GET, content deliveries by POST. */
@RestController
class WebSubController {

  private static final Logger log = LoggerFactory.getLogger(WebSubController.class);

  private final WebSub webSub;
  private final PostIntake intake;
  private final Sources sources;
  private final PushReceipts receipts;
  private final Clock clock;
  private final FeedParser parser = new FeedParser();

  WebSubController(
      WebSub webSub, PostIntake intake, Sources sources, PushReceipts receipts, Clock clock) {
    this.webSub = webSub;
    this.intake = intake;
    this.sources = sources;
    this.receipts = receipts;
    this.clock = clock;
  }

  @GetMapping(value = "/websub/{id}", produces = "text/plain")
  ResponseEntity<String> verify(
      @PathVariable UUID id,
      @RequestParam(name = "hub.mode", required = false) String mode,
      @RequestParam(name = "hub.topic", required = false) String topic,
      @RequestParam(name = "hub.challenge", required = false) String challenge,
      @RequestParam(name = "hub.lease_seconds", required = false) String lease) {
    String answer = webSub.verify(id, mode, topic, challenge, lease);
    return answer == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(answer);
  }

  /**
   * A delivery is acknowledged whatever its signature, as the specification asks, so a forger
   * learns nothing; only an authentic one is taken.
   */
  @PostMapping("/websub/{id}")
  ResponseEntity<Void> deliver(
      @PathVariable UUID id,
      @RequestHeader(name = "X-Hub-Signature", required = false) String signature,
      HttpServletRequest request)
      throws IOException {
    byte[] body = PushedPosts.readCapped(request.getInputStream());
    var source = webSub.authenticate(id, signature, body);
    if (source.isEmpty()) {
      log.info("Ignored a WebSub delivery to {} that is not signed with its secret", id);
      return ResponseEntity.accepted().build();
    }
    FeedDocument feed;
    try {
      feed = parser.parse(body, source.get().name(), webSub.topicOf(id));
    } catch (FeedException e) {
      sources.quarantine(
          source.get().id(),
          List.of(
              new Sources.Quarantined(
                  null,
                  Fingerprints.of(new String(body, java.nio.charset.StandardCharsets.UTF_8)),
                  "a WebSub delivery could not be read: " + e.getMessage(),
                  clock.instant())));
      return ResponseEntity.accepted().build();
    }
    List<IntakeOutcome> outcomes = intake.take(feed.posts());
    int accepted = (int) outcomes.stream().filter(IntakeOutcome.Accepted.class::isInstance).count();
    receipts.received(source.get().id(), clock.instant(), accepted, feed.quarantined().size());
    return ResponseEntity.accepted().build();
  }
}
