package dev.caveat.source.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Starts polls of due sources, a few at a time, and never two requests to the same host closer
 * together than the politeness interval.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "caveat.sources.polling.enabled", matchIfMissing = true)
class PollScheduler implements AutoCloseable {

  static final int MAX_CONCURRENT_POLLS = 16;
  static final Duration LEASE = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

  private final Sources sources;
  private final SourcePoller poller;
  private final Clock clock;
  private final Duration perHost;
  private final Map<String, Instant> hostFreeAt = new ConcurrentHashMap<>();
  private final Semaphore slots = new Semaphore(MAX_CONCURRENT_POLLS);
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  PollScheduler(
      Sources sources,
      SourcePoller poller,
      Clock clock,
      @Value("${caveat.sources.per-host-interval:2s}") Duration perHost) {
    this.sources = sources;
    this.poller = poller;
    this.clock = clock;
    this.perHost = perHost;
  }

  @Scheduled(fixedDelayString = "${caveat.sources.poll-tick:1s}")
  void tick() {
    int free = slots.availablePermits();
    if (free == 0) {
      return;
    }
    Instant now = clock.instant();
    List<Sources.Source> due = sources.claimDue(now, now.plus(LEASE), free);
    for (Sources.Source source : due) {
      String host = host(source);
      Instant hostFree = hostFreeAt.getOrDefault(host, Instant.MIN);
      if (hostFree.isAfter(now)) {
        sources.pollSoon(source.id(), hostFree);
        continue;
      }
      hostFreeAt.put(host, now.plus(perHost));
      slots.acquireUninterruptibly();
      workers.submit(
          () -> {
            try {
              poller.poll(source);
            } catch (RuntimeException e) {
              log.error("Polling source {} failed", source.id(), e);
            } finally {
              slots.release();
            }
          });
    }
  }

  private static String host(Sources.Source source) {
    if (source.url() == null) {
      return source.id().toString();
    }
    String host = URI.create(source.url()).getHost();
    return host == null ? source.id().toString() : host;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
