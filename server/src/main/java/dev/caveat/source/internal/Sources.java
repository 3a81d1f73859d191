package dev.caveat.source.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Sources {

  /** A source with its cursor and health. */
  record Source(
      UUID id,
      String name,
      String type,
      String url,
      String config,
      Duration pollInterval,
      boolean enabled,
      boolean pulled,
      String secret,
      Instant createdAt,
      Cursor cursor,
      Health health) {}

  /** How far a source has been read: HTTP validators and a type-specific position. */
  record Cursor(String etag, String lastModified, String position) {
    static final Cursor START = new Cursor(null, null, null);
  }

  record Health(
      Instant nextPollAt,
      Instant lastPolledAt,
      Instant lastSuccessAt,
      String lastError,
      Instant lastErrorAt,
      int consecutiveFailures,
      long items,
      long quarantined,
      Long lastLagSeconds) {}

  record Quarantined(String externalId, String fingerprint, String reason, Instant at) {}

  private static final String COLUMNS =
      "id, name, type, url, config::text as config, poll_interval_seconds, enabled, pulled,"
          + " secret, created_at,"
          + " etag, last_modified, cursor, next_poll_at, last_polled_at, last_success_at,"
          + " last_error, last_error_at, consecutive_failures, items_total, quarantined_total,"
          + " last_lag_seconds";

  private final JdbcClient jdbc;

  Sources(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when the name is taken. */
  Optional<Source> insert(NewSource source, Instant now) {
    UUID id = UUID.randomUUID();
    int rows =
        jdbc.sql(
                "insert into source (id, name, type, url, config, poll_interval_seconds, enabled,"
                    + " pulled, secret, created_at, next_poll_at)"
                    + " values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) on conflict (name) do nothing")
            .params(
                id,
                source.name(),
                source.type(),
                source.url(),
                source.config(),
                (int) source.interval().toSeconds(),
                source.enabled(),
                source.pulled(),
                source.secret(),
                ts(now),
                ts(now))
            .update();
    return rows == 0 ? Optional.empty() : find(id);
  }

  /** A source as its operator defines it. */
  record NewSource(
      String name,
      String type,
      String url,
      String config,
      Duration interval,
      boolean enabled,
      boolean pulled,
      String secret) {}

  /** Whether there was such a source. */
  boolean change(UUID id, boolean enabled, Duration interval) {
    return jdbc.sql("update source set enabled = ?, poll_interval_seconds = ? where id = ?")
            .params(enabled, (int) interval.toSeconds(), id)
            .update()
        == 1;
  }

  Optional<Source> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from source where id = ?")
        .param(id)
        .query(Sources::map)
        .optional();
  }

  Optional<Source> findByName(String name) {
    return jdbc.sql("select " + COLUMNS + " from source where name = ?")
        .param(name)
        .query(Sources::map)
        .optional();
  }

  List<Source> findAll() {
    return jdbc.sql("select " + COLUMNS + " from source order by name").query(Sources::map).list();
  }

  boolean delete(UUID id) {
    return jdbc.sql("delete from source where id = ?").param(id).update() == 1;
  }

  /**
   * Takes up to {@code limit} due sources and leases them until {@code leaseUntil}, so another
   * poller (or instance) does not take them meanwhile.
   */
  List<Source> claimDue(Instant now, Instant leaseUntil, int limit) {
    return jdbc.sql(
            "update source set next_poll_at = :lease where id in (select id from source"
                + " where enabled and pulled and next_poll_at <= :now order by next_poll_at"
                + " limit :limit"
                + " for update skip locked) returning "
                + COLUMNS)
        .param("lease", ts(leaseUntil))
        .param("now", ts(now))
        .param("limit", limit)
        .query(Sources::map)
        .list();
  }

  /** Records a successful poll; the cursor moves only here, after the posts were stored. */
  void succeeded(
      UUID id,
      Cursor cursor,
      Instant polledAt,
      Instant nextPoll,
      int items,
      int quarantined,
      Long lagSeconds) {
    jdbc.sql(
            "update source set etag = ?, last_modified = ?, cursor = ?, last_polled_at = ?,"
                + " last_success_at = ?, next_poll_at = ?, consecutive_failures = 0,"
                + " items_total = items_total + ?, quarantined_total = quarantined_total + ?,"
                + " last_lag_seconds = coalesce(?, last_lag_seconds) where id = ?")
        .params(
            cursor.etag(),
            cursor.lastModified(),
            cursor.position(),
            ts(polledAt),
            ts(polledAt),
            ts(nextPoll),
            items,
            quarantined,
            lagSeconds,
            id)
        .update();
  }

  void failed(UUID id, String error, Instant polledAt, Instant nextPoll) {
    jdbc.sql(
            "update source set last_polled_at = ?, last_error = ?, last_error_at = ?,"
                + " next_poll_at = ?, consecutive_failures = consecutive_failures + 1 where id = ?")
        .params(ts(polledAt), error, ts(polledAt), ts(nextPoll), id)
        .update();
  }

  /** Records a push delivery in the source's health. */
  void received(UUID id, Instant at, int items, int quarantined) {
    jdbc.sql(
            "update source set last_polled_at = ?, last_success_at = ?, consecutive_failures = 0,"
                + " items_total = items_total + ?, quarantined_total = quarantined_total + ?"
                + " where id = ?")
        .params(ts(at), ts(at), items, quarantined, id)
        .update();
  }

  void pollSoon(UUID id, Instant at) {
    jdbc.sql("update source set next_poll_at = ? where id = ?").params(ts(at), id).update();
  }

  /** Quarantines the items not quarantined before; how many were new. */
  int quarantine(UUID id, List<Quarantined> items) {
    int added = 0;
    for (Quarantined item : items) {
      added +=
          jdbc.sql(
                  "insert into source_quarantine (source_id, external_id, fingerprint, reason,"
                      + " quarantined_at) values (?, ?, ?, ?, ?)"
                      + " on conflict (source_id, fingerprint) do nothing")
              .params(id, item.externalId(), item.fingerprint(), item.reason(), ts(item.at()))
              .update();
    }
    return added;
  }

  List<Quarantined> recentQuarantine(UUID id, int limit) {
    return jdbc.sql(
            "select external_id, fingerprint, reason, quarantined_at from source_quarantine"
                + " where source_id = ? order by id desc limit ?")
        .params(id, limit)
        .query(
            (rs, row) ->
                new Quarantined(
                    rs.getString("external_id"),
                    rs.getString("fingerprint"),
                    rs.getString("reason"),
                    rs.getTimestamp("quarantined_at").toInstant()))
        .list();
  }

  private static Source map(ResultSet rs, int row) throws SQLException {
    long lag = rs.getLong("last_lag_seconds");
    Long lagSeconds = rs.wasNull() ? null : lag;
    return new Source(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("url"),
        rs.getString("config"),
        Duration.ofSeconds(rs.getInt("poll_interval_seconds")),
        rs.getBoolean("enabled"),
        rs.getBoolean("pulled"),
        rs.getString("secret"),
        instant(rs, "created_at"),
        new Cursor(rs.getString("etag"), rs.getString("last_modified"), rs.getString("cursor")),
        new Health(
            instant(rs, "next_poll_at"),
            instant(rs, "last_polled_at"),
            instant(rs, "last_success_at"),
            rs.getString("last_error"),
            instant(rs, "last_error_at"),
            rs.getInt("consecutive_failures"),
            rs.getLong("items_total"),
            rs.getLong("quarantined_total"),
            lagSeconds));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
