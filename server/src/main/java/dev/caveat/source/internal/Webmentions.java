package dev.caveat.source.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Webmentions {

  record Webmention(
      UUID id,
      UUID sourceId,
      String sourceUrl,
      String targetUrl,
      String status,
      String detail,
      Instant receivedAt,
      Instant processedAt) {}

  private final JdbcClient jdbc;

  Webmentions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  UUID insert(UUID sourceId, String sourceUrl, String targetUrl, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into webmention (id, source_id, source_url, target_url, status, received_at)"
                + " values (?, ?, ?, ?, 'pending', ?)")
        .params(id, sourceId, sourceUrl, targetUrl, Timestamp.from(now))
        .update();
    return id;
  }

  Optional<Webmention> find(UUID id) {
    return jdbc.sql("select * from webmention where id = ?")
        .param(id)
        .query(Webmentions::map)
        .optional();
  }

  List<Webmention> pending(int limit) {
    return jdbc.sql(
            "select * from webmention where status = 'pending' order by received_at limit ?")
        .param(limit)
        .query(Webmentions::map)
        .list();
  }

  /** How the verification of one Webmention ended. */
  record Outcome(UUID id, String status, String detail) {}

  void processed(List<Outcome> outcomes, Instant now) {
    if (outcomes.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(now);
    jdbc.sql(
            "update webmention w set status = o.status, detail = o.detail, processed_at = ?"
                + " from unnest(?::uuid[], ?::text[], ?::text[]) as o(id, status, detail)"
                + " where w.id = o.id")
        .params(
            at,
            outcomes.stream().map(o -> o.id().toString()).toArray(String[]::new),
            outcomes.stream().map(Outcome::status).toArray(String[]::new),
            outcomes.stream().map(Outcome::detail).toArray(String[]::new))
        .update();
  }

  private static Webmention map(ResultSet rs, int row) throws SQLException {
    Timestamp processed = rs.getTimestamp("processed_at");
    return new Webmention(
        rs.getObject("id", UUID.class),
        rs.getObject("source_id", UUID.class),
        rs.getString("source_url"),
        rs.getString("target_url"),
        rs.getString("status"),
        rs.getString("detail"),
        rs.getTimestamp("received_at").toInstant(),
        processed == null ? null : processed.toInstant());
  }
}
