package dev.caveat.relay.internal;

import dev.caveat.account.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mail waiting to go out, going out, sent or given up on. A sender claims a row before sending it,
 * so the immediate attempt and the retry never send the same mail at once; a claim runs out, so a
 * sender that died mid-send leaves the mail to the retry.
 */
@Repository
class Outbox {

  record Letter(
      long id,
      CompanyId company,
      String caseNumber,
      String reference,
      String sender,
      String senderName,
      String recipient,
      String subject,
      String body,
      String messageId,
      String status,
      int attempts,
      Instant nextAttemptAt,
      String lastError) {}

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a letter, due for the retry only from {@code due}: the immediate attempt comes first.
   */
  long add(
      CompanyId company,
      String caseNumber,
      String reference,
      String sender,
      String senderName,
      String recipient,
      String subject,
      String body,
      String messageId,
      Instant now,
      Instant due) {
    return jdbc.sql(
            "insert into relay_outbox (company_id, case_number, reference, sender, sender_name,"
                + " recipient, subject, body, message_id, status, next_attempt_at, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) returning id")
        .params(
            company.value(),
            caseNumber,
            reference,
            sender,
            senderName,
            recipient,
            subject,
            body,
            messageId,
            Timestamp.from(due),
            Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  Optional<Letter> find(long id) {
    return jdbc.sql("select * from relay_outbox where id = ?")
        .param(id)
        .query(Outbox::map)
        .optional();
  }

  /**
   * Claims the letter for one attempt, if it is queued or its last sender's claim ran out.
   *
   * @param until when the claim runs out
   */
  Optional<Letter> claim(long id, Instant now, Instant until) {
    return jdbc.sql(
            "update relay_outbox set status = 'sending', attempts = attempts + 1,"
                + " next_attempt_at = ? where id = ? and (status = 'queued'"
                + " or (status = 'sending' and next_attempt_at <= ?)) returning *")
        .params(Timestamp.from(until), id, Timestamp.from(now))
        .query(Outbox::map)
        .optional();
  }

  /** The ids of letters due for an attempt: queued ones whose time came, and abandoned claims. */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql(
            "select id from relay_outbox where status in ('queued', 'sending')"
                + " and next_attempt_at <= ? order by next_attempt_at, id limit ?")
        .params(Timestamp.from(now), limit)
        .query(Long.class)
        .list();
  }

  void sent(long id, Instant now) {
    jdbc.sql("update relay_outbox set status = 'sent', sent_at = ?, last_error = null where id = ?")
        .params(Timestamp.from(now), id)
        .update();
  }

  void retryAt(long id, Instant next, String error) {
    jdbc.sql(
            "update relay_outbox set status = 'queued', next_attempt_at = ?, last_error = ?"
                + " where id = ?")
        .params(Timestamp.from(next), error, id)
        .update();
  }

  void failed(long id, String error) {
    jdbc.sql("update relay_outbox set status = 'failed', last_error = ? where id = ?")
        .params(error, id)
        .update();
  }

  private static Letter map(ResultSet rs, int row) throws SQLException {
    return new Letter(
        rs.getLong("id"),
        new CompanyId(rs.getObject("company_id", UUID.class)),
        rs.getString("case_number"),
        rs.getString("reference"),
        rs.getString("sender"),
        rs.getString("sender_name"),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("message_id"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getTimestamp("next_attempt_at").toInstant(),
        rs.getString("last_error"));
  }
}
