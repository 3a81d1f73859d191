package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.listening.PostIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what a stream delivered, a batch at a time: the posts go to listening first; only once
 * they are stored are the problems quarantined and the cursor moved, together. A crash in between
 * means the stream resumes from the old cursor and idempotent storage absorbs the repeat.
 */
@Component
class StreamBatches {

  private final PostIntake intake;
  private final Sources sources;
  private final SourceStreams streams;
  private final TransactionTemplate transactions;
  private final Clock clock;

  StreamBatches(
      PostIntake intake,
      Sources sources,
      SourceStreams streams,
      TransactionTemplate transactions,
      Clock clock) {
    this.intake = intake;
    this.sources = sources;
    this.streams = streams;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Stores a batch, in the order it arrived; answers how many posts were new. */
  int store(UUID sourceId, List<StreamConnector.Item> batch) {
    Instant at = clock.instant();
    List<Post> posts = new ArrayList<>();
    List<Sources.Quarantined> quarantined = new ArrayList<>();
    String cursor = null;
    for (StreamConnector.Item item : batch) {
      if (item.post() != null) {
        posts.add(item.post());
      }
      if (item.problem() != null) {
        Connector.Problem p = item.problem();
        quarantined.add(new Sources.Quarantined(p.externalId(), p.fingerprint(), p.reason(), at));
      }
      cursor = item.cursor() != null ? item.cursor() : cursor;
    }
    IntakeTally tally = IntakeTally.of(posts, posts.isEmpty() ? List.of() : intake.take(posts), at);
    quarantined.addAll(tally.rejected());
    String next = cursor;
    transactions.executeWithoutResult(
        status -> {
          int added = sources.quarantine(sourceId, quarantined);
          streams.advanced(sourceId, next, at, tally.accepted(), added, tally.lagSeconds());
        });
    return tally.accepted();
  }

  /** A connection opened: the source is healthy again, whether or not anything arrives. */
  void connected(UUID sourceId) {
    sources.received(sourceId, clock.instant(), 0, 0);
  }

  void failed(UUID sourceId, String error, Duration retryIn) {
    Instant now = clock.instant();
    sources.failed(sourceId, error, now, now.plus(retryIn));
  }
}
