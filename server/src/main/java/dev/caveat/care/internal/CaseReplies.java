package dev.caveat.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The replies of a case: what the rep wrote, what went out, and where it landed. */
@Repository
class CaseReplies {

  record Reply(
      long id,
      Long mentionId,
      String visibility,
      String author,
      String text,
      String sentText,
      String status,
      String remoteUrl,
      String error,
      Instant createdAt,
      Instant sentAt) {}

  private final JdbcClient jdbc;

  CaseReplies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a reply about to go out, so that what the rep wrote survives whatever happens next. */
  long sending(
      long caseId,
      Long mentionId,
      String visibility,
      String author,
      String text,
      String sentText,
      Instant now) {
    return jdbc.sql(
            "insert into case_reply (case_id, mention_id, visibility, author, text, sent_text,"
                + " status, created_at) values (?, ?, ?, ?, ?, ?, 'sending', ?) returning id")
        .params(caseId, mentionId, visibility, author, text, sentText, Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  void sent(long id, String remoteId, String remoteUrl, Instant now) {
    jdbc.sql(
            "update case_reply set status = 'sent', remote_id = ?, remote_url = ?, sent_at = ?"
                + " where id = ?")
        .params(remoteId, remoteUrl, Timestamp.from(now), id)
        .update();
  }

  void failed(long id, String error) {
    jdbc.sql("update case_reply set status = 'failed', error = ? where id = ?")
        .params(error, id)
        .update();
  }

  List<Reply> of(long caseId) {
    return jdbc.sql("select * from case_reply where case_id = ? order by id")
        .param(caseId)
        .query(CaseReplies::map)
        .list();
  }

  private static Reply map(ResultSet rs, int row) throws SQLException {
    long mention = rs.getLong("mention_id");
    Long mentionId = rs.wasNull() ? null : mention;
    Timestamp sent = rs.getTimestamp("sent_at");
    return new Reply(
        rs.getLong("id"),
        mentionId,
        rs.getString("visibility"),
        rs.getString("author"),
        rs.getString("text"),
        rs.getString("sent_text"),
        rs.getString("status"),
        rs.getString("remote_url"),
        rs.getString("error"),
        rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
