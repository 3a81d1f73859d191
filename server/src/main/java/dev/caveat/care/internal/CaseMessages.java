package dev.caveat.care.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What customers wrote to a case by e-mail. */
@Repository
class CaseMessages {

  record Message(
      long id,
      String channel,
      String from,
      String subject,
      String text,
      String messageId,
      Instant receivedAt) {}

  private final JdbcClient jdbc;

  CaseMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds the message to the case, once per Message-ID.
   *
   * @return false when the case has it already
   */
  boolean add(
      long caseId,
      String channel,
      String from,
      String subject,
      String text,
      String messageId,
      Instant at) {
    return jdbc.sql(
                "insert into case_message (case_id, channel, sender, subject, text, message_id,"
                    + " received_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
            .params(caseId, channel, from, subject, text, messageId, Timestamp.from(at))
            .update()
        == 1;
  }

  List<Message> of(long caseId) {
    return jdbc.sql("select * from case_message where case_id = ? order by received_at, id")
        .param(caseId)
        .query(
            (rs, row) ->
                new Message(
                    rs.getLong("id"),
                    rs.getString("channel"),
                    rs.getString("sender"),
                    rs.getString("subject"),
                    rs.getString("text"),
                    rs.getString("message_id"),
                    rs.getTimestamp("received_at").toInstant()))
        .list();
  }
}
