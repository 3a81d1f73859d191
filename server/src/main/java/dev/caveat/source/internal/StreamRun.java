package dev.caveat.source.internal;

import dev.caveat.platform.fetch.FetchException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one streaming source until stopped or paused: connects from the stored cursor (read afresh
 * for every connection, so a reconnect resumes from what was stored), and after a drop reconnects
 * with exponential backoff and jitter.
 */
final class StreamRun {

  /**
   * How batches are cut and reconnects spaced; a connection that lasted {@code settled} or stored
   * something starts the backoff over.
   */
  record Settings(
      int batchSize,
      Duration batchWait,
      Duration backoff,
      Duration maxBackoff,
      Duration idleTimeout,
      Duration settled) {}

  private static final Logger log = LoggerFactory.getLogger(StreamRun.class);

  private final UUID id;
  private final Sources sources;
  private final StreamConnectors connectors;
  private final StreamBatches batches;
  private final Settings settings;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread;

  private StreamRun(
      UUID id,
      Sources sources,
      StreamConnectors connectors,
      StreamBatches batches,
      Settings settings) {
    this.id = id;
    this.sources = sources;
    this.connectors = connectors;
    this.batches = batches;
    this.settings = settings;
    this.thread = Thread.ofVirtual().name("stream-" + id).unstarted(this::run);
  }

  static StreamRun start(
      UUID id,
      Sources sources,
      StreamConnectors connectors,
      StreamBatches batches,
      Settings settings) {
    StreamRun run = new StreamRun(id, sources, connectors, batches, settings);
    run.thread.start();
    return run;
  }

  /** Asks the run to disconnect and end, without waiting; {@link #awaitEnd} waits. */
  void stop() {
    stop.countDown();
  }

  boolean ended() {
    return !thread.isAlive();
  }

  boolean awaitEnd(Duration wait) throws InterruptedException {
    return thread.join(wait);
  }

  private boolean stopping() {
    return stop.getCount() == 0;
  }

  private void run() {
    int failures = 0;
    while (!stopping()) {
      String error;
      boolean progressed = false;
      try {
        Optional<Sources.Source> source = sources.find(id);
        if (source.isEmpty() || !source.get().enabled()) {
          return;
        }
        StreamSession session =
            new StreamSession(
                source.get(),
                connectors.get(source.get().type()),
                batches,
                settings,
                this::stopping);
        try {
          error = session.run();
        } finally {
          progressed = session.progressed();
        }
      } catch (FetchException e) {
        error = e.getMessage();
      } catch (RuntimeException e) {
        log.warn("Stream of source {} failed unexpectedly", id, e);
        error = "the stream failed: " + e.getClass().getSimpleName();
      }
      if (stopping()) {
        return;
      }
      failures = progressed ? 0 : failures + 1;
      Duration wait = backoff(failures);
      if (error != null) {
        log.info(
            "Stream of source {} ended: {}; reconnecting in {} ms", id, error, wait.toMillis());
        record(error, wait);
      }
      try {
        stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void record(String error, Duration wait) {
    try {
      batches.failed(id, error, wait);
    } catch (RuntimeException e) {
      log.warn("Could not record the failure of source {}", id, e);
    }
  }

  /** Doubling from the base up to the cap, each wait drawn from the upper half of its step. */
  private Duration backoff(int failures) {
    long base = settings.backoff().toMillis();
    long step =
        Math.min(settings.maxBackoff().toMillis(), base << Math.min(Math.max(failures - 1, 0), 20));
    return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
  }
}
