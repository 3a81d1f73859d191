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
class WebSubSubscriptions {

  record Subscription(
      UUID id,
      UUID sourceId,
      String hub,
      String topic,
      String secret,
      String pendingSecret,
      String previousSecret,
      String state,
      Instant requestedAt,
      Instant expiresAt) {}

  private final JdbcClient jdbc;

  WebSubSubscriptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Subscription> find(UUID id) {
    return jdbc.sql("select * from websub_subscription where id = ?")
        .param(id)
        .query(WebSubSubscriptions::map)
        .optional();
  }

  Optional<Subscription> find(UUID sourceId, String hub, String topic) {
    return jdbc.sql(
            "select * from websub_subscription where source_id = ? and hub = ? and topic = ?")
        .params(sourceId, hub, topic)
        .query(WebSubSubscriptions::map)
        .optional();
  }

  /**
   * A new request, or the existing subscription asked for again with a fresh secret. An active one
   * keeps its secret until the hub confirms the renewal: the fresh one waits as pending.
   */
  Subscription request(UUID sourceId, String hub, String topic, String secret, Instant now) {
    return jdbc.sql(
            "insert into websub_subscription (id, source_id, hub, topic, secret, state, requested_at)"
                + " values (?, ?, ?, ?, ?, 'requested', ?) on conflict (source_id, hub, topic) do update"
                + " set secret = case when websub_subscription.state = 'active'"
                + " then websub_subscription.secret else excluded.secret end,"
                + " pending_secret = case when websub_subscription.state = 'active'"
                + " then excluded.secret end,"
                + " state = case when websub_subscription.state = 'active'"
                + " then 'active' else 'requested' end, requested_at = excluded.requested_at"
                + " returning *")
        .params(UUID.randomUUID(), sourceId, hub, topic, secret, Timestamp.from(now))
        .query(WebSubSubscriptions::map)
        .single();
  }

  void verified(UUID id, int leaseSeconds, Instant now) {
    jdbc.sql(
            "update websub_subscription set state = 'active', lease_seconds = ?, verified_at = ?,"
                + " expires_at = ?, last_error = null,"
                + " previous_secret = case when pending_secret is null then previous_secret"
                + " else secret end,"
                + " secret = coalesce(pending_secret, secret), pending_secret = null where id = ?")
        .params(
            leaseSeconds, Timestamp.from(now), Timestamp.from(now.plusSeconds(leaseSeconds)), id)
        .update();
  }

  void failed(UUID id, String state, String error) {
    jdbc.sql("update websub_subscription set state = ?, last_error = ? where id = ?")
        .params(state, error, id)
        .update();
  }

  void renewalFailed(UUID id, String error) {
    jdbc.sql("update websub_subscription set last_error = ? where id = ?")
        .params(error, id)
        .update();
  }

  void delivered(UUID id, Instant now) {
    jdbc.sql("update websub_subscription set last_delivery_at = ? where id = ?")
        .params(Timestamp.from(now), id)
        .update();
  }

  /**
   * Active subscriptions with less than a tenth of their lease left (a minute at least), unless a
   * renewal asked for in the last hour still waits for the hub.
   */
  List<Subscription> due(Instant now) {
    return jdbc.sql(
            "select * from websub_subscription where state = 'active'"
                + " and expires_at - make_interval(secs => greatest(60, coalesce(lease_seconds, 0)"
                + " / 10)) < ? and (pending_secret is null or requested_at < ?)")
        .params(Timestamp.from(now), Timestamp.from(now.minus(java.time.Duration.ofHours(1))))
        .query(WebSubSubscriptions::map)
        .list();
  }

  private static Subscription map(ResultSet rs, int row) throws SQLException {
    Timestamp expires = rs.getTimestamp("expires_at");
    return new Subscription(
        rs.getObject("id", UUID.class),
        rs.getObject("source_id", UUID.class),
        rs.getString("hub"),
        rs.getString("topic"),
        rs.getString("secret"),
        rs.getString("pending_secret"),
        rs.getString("previous_secret"),
        rs.getString("state"),
        rs.getTimestamp("requested_at").toInstant(),
        expires == null ? null : expires.toInstant());
  }
}
