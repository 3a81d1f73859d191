package dev.caveat.source.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The streaming side of the source table: who runs each stream, and how far it has been read. */
@Repository
class SourceStreams {

  private final JdbcClient jdbc;

  SourceStreams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the enabled streaming sources that no live instance holds, renews the leases this owner
   * holds when they are half spent, and answers every source this owner now holds.
   */
  List<UUID> claim(String owner, Collection<String> types, Instant now, Instant leaseUntil) {
    if (types.isEmpty()) {
      return List.of();
    }
    Instant renewBefore = now.plus(Duration.between(now, leaseUntil).dividedBy(2));
    jdbc.sql(
            "update source set stream_owner = :owner, stream_lease_until = :lease"
                + " where enabled and not pulled and type in (:types)"
                + " and (stream_owner is null or stream_lease_until < :now"
                + " or (stream_owner = :owner and stream_lease_until < :renew))")
        .param("owner", owner)
        .param("lease", ts(leaseUntil))
        .param("types", types)
        .param("now", ts(now))
        .param("renew", ts(renewBefore))
        .update();
    return jdbc.sql(
            "select id from source where enabled and not pulled and type in (:types)"
                + " and stream_owner = :owner and stream_lease_until >= :now order by id")
        .param("types", types)
        .param("owner", owner)
        .param("now", ts(now))
        .query(UUID.class)
        .list();
  }

  /** Lets go of a source this owner no longer runs, so another instance need not wait. */
  void release(UUID id, String owner) {
    jdbc.sql("update source set stream_owner = null where id = ? and stream_owner = ?")
        .params(id, owner)
        .update();
  }

  void releaseAll(String owner) {
    jdbc.sql("update source set stream_owner = null where stream_owner = ?").param(owner).update();
  }

  /**
   * Records a stored batch; the cursor moves only here, after the batch was stored. A null cursor
   * leaves it where it was.
   */
  void advanced(UUID id, String cursor, Instant at, int items, int quarantined, Long lagSeconds) {
    jdbc.sql(
            "update source set cursor = coalesce(?, cursor), last_polled_at = ?,"
                + " last_success_at = ?, consecutive_failures = 0,"
                + " items_total = items_total + ?, quarantined_total = quarantined_total + ?,"
                + " last_lag_seconds = coalesce(?, last_lag_seconds) where id = ?")
        .params(cursor, ts(at), ts(at), items, quarantined, lagSeconds, id)
        .update();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
