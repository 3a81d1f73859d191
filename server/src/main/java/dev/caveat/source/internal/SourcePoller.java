package dev.caveat.source.internal;

import dev.caveat.listening.PostIntake;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls one source: read from its cursor, hand the posts to listening, then — only once they are
 * stored — quarantine what could not be taken and move the cursor. A crash anywhere before that
 * last step means the same items are read again, and idempotent storage absorbs the repeat.
 */
@Service
class SourcePoller {

  /** What one poll did, for the operator who asked for it. */
  record PollReport(
      boolean notModified,
      int fetched,
      int accepted,
      int duplicates,
      int quarantined,
      String error) {}

  static final Duration MAX_BACKOFF = Duration.ofHours(6);
  private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

  private final Sources sources;
  private final PostIntake intake;
  private final GuardedHttpClient http;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Map<String, Connector> connectors;
  private final WebSub webSub;
  private final Set<java.util.UUID> running = ConcurrentHashMap.newKeySet();

  SourcePoller(
      Sources sources,
      PostIntake intake,
      GuardedHttpClient http,
      TransactionTemplate transactions,
      Clock clock,
      List<Connector> connectors,
      WebSub webSub) {
    this.webSub = webSub;
    this.sources = sources;
    this.intake = intake;
    this.http = http;
    this.transactions = transactions;
    this.clock = clock;
    this.connectors =
        connectors.stream()
            .collect(Collectors.toUnmodifiableMap(Connector::type, Function.identity()));
  }

  Set<String> types() {
    return connectors.keySet();
  }

  /** Empty when a poll of this source is already under way. */
  java.util.Optional<PollReport> poll(Sources.Source source) {
    if (!source.pulled()) {
      throw dev.caveat.platform.ApiException.badRequest(
          "A " + source.type() + " source is pushed to, not polled.");
    }
    if (!running.add(source.id())) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(pollNow(source));
    } finally {
      running.remove(source.id());
    }
  }

  private PollReport pollNow(Sources.Source source) {
    Instant started = clock.instant();
    Connector.Delivery delivery;
    try {
      delivery = connectors.get(source.type()).read(source, http);
    } catch (FetchException e) {
      return failed(source, started, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Reading source {} failed unexpectedly", source.id(), e);
      return failed(source, started, "could not read the source: " + e.getClass().getSimpleName());
    }
    if (delivery.notModified()) {
      sources.succeeded(
          source.id(), delivery.next(), started, nextPoll(source, started), 0, 0, null);
      return new PollReport(true, 0, 0, 0, 0, null);
    }
    IntakeTally tally = IntakeTally.of(delivery.posts(), intake.take(delivery.posts()), started);
    List<Sources.Quarantined> quarantined = new ArrayList<>(tally.rejected());
    delivery
        .problems()
        .forEach(
            p ->
                quarantined.add(
                    new Sources.Quarantined(p.externalId(), p.fingerprint(), p.reason(), started)));
    Integer newlyQuarantined =
        transactions.execute(
            status -> {
              int added = sources.quarantine(source.id(), quarantined);
              sources.succeeded(
                  source.id(),
                  delivery.next(),
                  started,
                  nextPoll(source, started),
                  tally.accepted(),
                  added,
                  tally.lagSeconds());
              return added;
            });
    if (delivery.hub() != null) {
      webSub.ensureSubscribed(source, delivery.hub().url(), delivery.hub().topic());
    }
    return new PollReport(
        false,
        delivery.posts().size(),
        tally.accepted(),
        tally.duplicates(),
        newlyQuarantined,
        null);
  }

  private PollReport failed(Sources.Source source, Instant started, String error) {
    Duration backoff =
        jitter(
            min(
                source
                    .pollInterval()
                    .multipliedBy(1L << Math.min(source.health().consecutiveFailures() + 1, 16)),
                MAX_BACKOFF));
    sources.failed(source.id(), error, started, started.plus(backoff));
    log.info("Source {} failed; next try in {} s", source.id(), backoff.toSeconds());
    return new PollReport(false, 0, 0, 0, 0, error);
  }

  private static Instant nextPoll(Sources.Source source, Instant now) {
    return now.plus(jitter(source.pollInterval()));
  }

  /** ±10 %, so sources added together do not poll together forever. */
  private static Duration jitter(Duration base) {
    double factor = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
    return Duration.ofMillis((long) (base.toMillis() * factor));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
