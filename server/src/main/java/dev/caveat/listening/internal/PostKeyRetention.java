package dev.caveat.listening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the keys of posts received longer ago than the retention, so the firehose's keys do not
 * grow without end. A post matched by a monitor stays stored whole and unique on its source and id,
 * so a very late repeat of it still makes no second mention; a forgotten unmatched post would only
 * be matched again, and match nothing again.
 */
@Component
class PostKeyRetention {

  private static final System.Logger log = System.getLogger(PostKeyRetention.class.getName());

  /** Deleted per statement, so a sweep never holds many rows locked at once. */
  static final int BATCH = 10_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration retention;

  PostKeyRetention(
      JdbcClient jdbc,
      Clock clock,
      @Value("${caveat.listening.keys.retention:30d}") Duration retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  @Scheduled(
      initialDelayString = "${caveat.listening.keys.sweep-interval:10m}",
      fixedDelayString = "${caveat.listening.keys.sweep-interval:10m}")
  void sweep() {
    sweep(clock.instant());
  }

  /** Deletes the keys received before {@code now} less the retention; how many. */
  long sweep(Instant now) {
    Timestamp before = Timestamp.from(now.minus(retention));
    long total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  "delete from post_key where ctid in (select ctid from post_key"
                      + " where received_at < ? limit ?)")
              .params(before, BATCH)
              .update();
      total += deleted;
    } while (deleted == BATCH);
    if (total > 0) {
      log.log(System.Logger.Level.INFO, "Forgot {0} post keys received before {1}", total, before);
    }
    return total;
  }
}
