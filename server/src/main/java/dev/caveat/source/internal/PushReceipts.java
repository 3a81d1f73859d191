package dev.caveat.source.internal;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Health counts of pushed sources, written once a second rather than once per delivery: a busy
 * webhook then costs one database commit per delivery instead of two, and deliveries no longer
 * queue on the lock of their source's row. A crash loses at most a second of counts, never posts.
 */
@Component
class PushReceipts {

  private record Receipt(Instant at, int items, int quarantined) {
    Receipt plus(Receipt later) {
      return new Receipt(
          later.at.isAfter(at) ? later.at : at,
          items + later.items,
          quarantined + later.quarantined);
    }
  }

  private final Map<UUID, Receipt> pending = new ConcurrentHashMap<>();
  private final Sources sources;

  PushReceipts(Sources sources) {
    this.sources = sources;
  }

  void received(UUID source, Instant at, int items, int quarantined) {
    pending.merge(source, new Receipt(at, items, quarantined), Receipt::plus);
  }

  @Scheduled(fixedDelay = 1_000)
  @PreDestroy
  void flush() {
    for (UUID source : pending.keySet()) {
      Receipt receipt = pending.remove(source);
      if (receipt != null) {
        sources.received(source, receipt.at(), receipt.items(), receipt.quarantined());
      }
    }
  }
}
