package dev.caveat.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
      UUID authorId,
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
      UUID authorId,
      String text,
      String sentText,
      Instant now) {
    return jdbc.sql(
            "insert into case_reply (case_id, mention_id, visibility, author, author_id, text,"
                + " sent_text, status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'sending', ?)"
                + " returning id")
        .params(
            caseId, mentionId, visibility, author, authorId, text, sentText, Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /**
   * Marks the reply sent, once: a mail's outcome may be heard both at once and later by event.
   *
   * @return whether this call marked it
   */
  boolean sent(long id, String remoteId, String remoteUrl, Instant now) {
    return jdbc.sql(
                "update case_reply set status = 'sent', remote_id = ?, remote_url = ?,"
                    + " sent_at = ?, error = null where id = ? and status = 'sending'")
            .params(remoteId, remoteUrl, Timestamp.from(now), id)
            .update()
        == 1;
  }

  /**
   * Marks the reply failed, unless it went out meanwhile.
   *
   * @return whether this call marked it
   */
  boolean failed(long id, String error) {
    return jdbc.sql(
                "update case_reply set status = 'failed', error = ? where id = ?"
                    + " and status = 'sending'")
            .params(error, id)
            .update()
        == 1;
  }

  /** Notes why a reply still being sent did not go out yet. */
  void delayed(long id, String error) {
    jdbc.sql("update case_reply set error = ? where id = ? and status = 'sending'")
        .params(error, id)
        .update();
  }

  /** The case a reply belongs to. */
  Optional<Long> caseOf(long id) {
    return jdbc.sql("select case_id from case_reply where id = ?")
        .param(id)
        .query(Long.class)
        .optional();
  }

  Optional<Reply> find(long caseId, long id) {
    return jdbc.sql("select * from case_reply where case_id = ? and id = ?")
        .params(caseId, id)
        .query(CaseReplies::map)
        .optional();
  }

  /**
   * Holds the case until the transaction ends, so that of two reps sending at once the second sees
   * the first one's reply.
   */
  void lockCase(long caseId) {
    jdbc.sql("select id from care_case where id = ? for update")
        .param(caseId)
        .query(Long.class)
        .list();
  }

  /**
   * The newest reply stored after {@code afterId} by someone other than the author, failed ones
   * aside: those reached nobody. Replies stored before authors' ids were kept go by name.
   */
  Optional<Reply> newestByOthers(long caseId, long afterId, UUID authorId, String author) {
    return jdbc.sql(
            "select * from case_reply where case_id = ? and id > ? and status <> 'failed'"
                + " and case when author_id is null then author <> ? else author_id <> ? end"
                + " order by id desc limit 1")
        .params(caseId, afterId, author, authorId)
        .query(CaseReplies::map)
        .optional();
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
        rs.getObject("author_id", UUID.class),
        rs.getString("text"),
        rs.getString("sent_text"),
        rs.getString("status"),
        rs.getString("remote_url"),
        rs.getString("error"),
        rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
