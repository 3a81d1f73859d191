package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to a case: the mentions filed under it, its events and its internal notes. */
@Repository
class CaseHistory {

  record Event(Instant at, String actor, String kind, String details) {}

  record Note(long id, String author, String text, Instant at) {}

  /** Kinds of event, as the API shows them. */
  static final String OPENED = "opened";

  static final String MENTION_ADDED = "mention-added";
  static final String RESOLVED = "resolved";
  static final String NOTE_ADDED = "note-added";
  static final String REPLIED = "replied";
  static final String REPLY_FAILED = "reply-failed";
  static final String REOPENED = "reopened";
  static final String MESSAGE_ADDED = "message-added";
  static final String CUSTOMER_MERGED = "customer-merged";
  static final String CUSTOMER_UNMERGED = "customer-unmerged";
  static final String ROUTED = "routed";
  static final String ASSIGNED = "assigned";
  static final String NOT_ASSIGNED = "not-assigned";
  static final String REP_REQUEST_DECLINED = "rep-request-declined";
  static final String SLA_WARNING = "sla-warning";
  static final String SLA_BREACHED = "sla-breached";
  static final String ESCALATED = "escalated";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  CaseHistory(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Whether the mention is filed under a case already: events may be delivered again. */
  boolean isFiled(long mentionId) {
    return jdbc.sql("select exists (select 1 from case_mention where mention_id = ?)")
        .param(mentionId)
        .query(Boolean.class)
        .single();
  }

  /**
   * Files the mention under the case.
   *
   * @return false when it was filed already
   */
  boolean attach(long caseId, long mentionId, String how, Instant now) {
    return jdbc.sql(
                "insert into case_mention (mention_id, case_id, attached_at, how)"
                    + " values (?, ?, ?, ?) on conflict do nothing")
            .params(mentionId, caseId, Timestamp.from(now), how)
            .update()
        == 1;
  }

  /** Moves every mention of one case to another; answers the ids moved. */
  List<Long> moveMentions(long fromCase, long toCase) {
    return jdbc.sql("update case_mention set case_id = ? where case_id = ? returning mention_id")
        .params(toCase, fromCase)
        .query(Long.class)
        .list();
  }

  /** The case's mentions in the order they were filed. */
  List<Long> mentionIds(long caseId) {
    return jdbc.sql(
            "select mention_id from case_mention where case_id = ? order by attached_at, mention_id")
        .param(caseId)
        .query(Long.class)
        .list();
  }

  /** Records what happened, and tells whoever watches the company's cases: see CaseChanges. */
  void record(long caseId, Instant at, String actor, String kind, String details) {
    CaseChanged changed =
        jdbc.sql(
                "with e as (insert into case_event (case_id, at, actor, kind, details)"
                    + " values (?, ?, ?, ?, ?) returning case_id)"
                    + " select c.company_id, c.number from care_case c join e on e.case_id = c.id")
            .params(caseId, Timestamp.from(at), actor, kind, details)
            .query(
                (rs, row) ->
                    new CaseChanged(
                        new CompanyId(rs.getObject("company_id", UUID.class)),
                        caseId,
                        rs.getString("number"),
                        kind))
            .single();
    events.publishEvent(changed);
  }

  List<Event> events(long caseId) {
    return jdbc.sql("select at, actor, kind, details from case_event where case_id = ? order by id")
        .param(caseId)
        .query(
            (rs, row) ->
                new Event(
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("kind"),
                    rs.getString("details")))
        .list();
  }

  Note addNote(long caseId, String author, String text, Instant now) {
    long id =
        jdbc.sql(
                "insert into case_note (case_id, author, text, created_at) values (?, ?, ?, ?)"
                    + " returning id")
            .params(caseId, author, text, Timestamp.from(now))
            .query(Long.class)
            .single();
    return new Note(id, author, text, now);
  }

  List<Note> notes(long caseId) {
    return jdbc.sql(
            "select id, author, text, created_at from case_note where case_id = ? order by id")
        .param(caseId)
        .query(
            (rs, row) ->
                new Note(
                    rs.getLong("id"),
                    rs.getString("author"),
                    rs.getString("text"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
