package dev.caveat.source.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps one connection running for every enabled streaming source this instance holds the lease of.
 * Every tick it renews its leases and compares what should run with what runs: sources added or
 * resumed through the API start within a tick, paused or deleted ones stop. It starts once the
 * application is ready and stops every connection on shutdown.
 */
@Component
@ConditionalOnBooleanProperty(name = "caveat.sources.streaming.enabled", matchIfMissing = true)
class StreamSupervisor implements AutoCloseable {

  static final Duration LEASE = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(StreamSupervisor.class);

  /** Tells this instance's leases from others'. */
  private final String owner = "stream-" + UUID.randomUUID();

  private final Sources sources;
  private final SourceStreams streams;
  private final StreamConnectors connectors;
  private final StreamBatches batches;
  private final Clock clock;
  private final StreamRun.Settings settings;
  private final Map<UUID, StreamRun> runs = new ConcurrentHashMap<>();
  private volatile boolean ready;
  private volatile boolean closed;

  StreamSupervisor(
      Sources sources,
      SourceStreams streams,
      StreamConnectors connectors,
      StreamBatches batches,
      Clock clock,
      @Value("${caveat.sources.stream-batch-size:100}") int batchSize,
      @Value("${caveat.sources.stream-batch-wait:200ms}") Duration batchWait,
      @Value("${caveat.sources.stream-backoff:1s}") Duration backoff,
      @Value("${caveat.sources.stream-max-backoff:5m}") Duration maxBackoff,
      @Value("${caveat.sources.stream-idle-timeout:90s}") Duration idleTimeout) {
    this.sources = sources;
    this.streams = streams;
    this.connectors = connectors;
    this.batches = batches;
    this.clock = clock;
    this.settings =
        new StreamRun.Settings(
            batchSize, batchWait, backoff, maxBackoff, idleTimeout, Duration.ofMinutes(1));
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    ready = true;
    tick();
  }

  @Scheduled(fixedDelayString = "${caveat.sources.stream-tick:1s}")
  synchronized void tick() {
    if (!ready || closed) {
      return;
    }
    Instant now = clock.instant();
    Set<UUID> held = new HashSet<>(streams.claim(owner, connectors.types(), now, now.plus(LEASE)));
    runs.forEach(
        (id, run) -> {
          if (!held.contains(id)) {
            run.stop();
            runs.remove(id);
            streams.release(id, owner);
          } else if (run.ended()) {
            runs.remove(id);
          }
        });
    for (UUID id : held) {
      runs.computeIfAbsent(id, this::start);
    }
  }

  private StreamRun start(UUID id) {
    log.info("Streaming source {}", id);
    return StreamRun.start(id, sources, connectors, batches, settings);
  }

  @Override
  public synchronized void close() {
    closed = true;
    runs.values().forEach(StreamRun::stop);
    for (StreamRun run : runs.values()) {
      try {
        if (!run.awaitEnd(Duration.ofSeconds(15))) {
          log.warn("A stream did not stop within 15 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    runs.clear();
    try {
      streams.releaseAll(owner);
    } catch (RuntimeException e) {
      log.warn("Could not release the stream leases of {}; they expire by themselves", owner, e);
    }
  }
}
