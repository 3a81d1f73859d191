package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA clocks of cases and the times they waited on the customer. A case runs a first-response
 * and a resolution clock from its opening, and a next-response clock each time the customer writes
 * again after a reply; a reply stops the response clocks, resolving stops them all.
 */
@Repository
class SlaClocks {

  static final String FIRST_RESPONSE = "first-response";
  static final String NEXT_RESPONSE = "next-response";
  static final String RESOLUTION = "resolution";

  record Clock(
      long id,
      long caseId,
      String target,
      Instant startedAt,
      Instant stoppedAt,
      Instant warnedAt,
      Instant breachedAt,
      Instant dueAt) {}

  /** A clock not settled yet, with what its evaluation needs of the case. */
  record Unsettled(Clock clock, UUID company, String number, String status, String team) {}

  record Wait(Instant startedAt, Instant endedAt) {}

  private static final String CLOCK =
      "k.id, k.case_id, k.target, k.started_at, k.stopped_at, k.warned_at, k.breached_at,"
          + " k.due_at";

  private final JdbcClient jdbc;

  SlaClocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void opened(long caseId, Instant now) {
    start(caseId, FIRST_RESPONSE, now);
    start(caseId, RESOLUTION, now);
  }

  /** A reply went out: the response clocks stop, and an open case starts waiting. */
  void replied(long caseId, boolean waiting, Instant now) {
    jdbc.sql(
            "update case_sla_clock set stopped_at = ? where case_id = ? and stopped_at is null"
                + " and target in ('first-response', 'next-response')")
        .params(Timestamp.from(now), caseId)
        .update();
    if (waiting) {
      jdbc.sql("insert into case_wait (case_id, started_at) values (?, ?) on conflict do nothing")
          .params(caseId, Timestamp.from(now))
          .update();
    }
  }

  /** The customer wrote while the case waited on them: the wait ends and a next response is due. */
  void customerWrote(long caseId, Instant now) {
    endWait(caseId, now);
    start(caseId, NEXT_RESPONSE, now);
  }

  void resolved(long caseId, Instant now) {
    endWait(caseId, now);
    jdbc.sql("update case_sla_clock set stopped_at = ? where case_id = ? and stopped_at is null")
        .params(Timestamp.from(now), caseId)
        .update();
  }

  List<Clock> of(long caseId) {
    return jdbc.sql("select " + CLOCK + " from case_sla_clock k where k.case_id = ? order by k.id")
        .param(caseId)
        .query(SlaClocks::clock)
        .list();
  }

  List<Wait> waits(long caseId) {
    return jdbc.sql(
            "select started_at, ended_at from case_wait where case_id = ? order by started_at")
        .param(caseId)
        .query(
            (rs, row) ->
                new Wait(rs.getTimestamp("started_at").toInstant(), instant(rs, "ended_at")))
        .list();
  }

  /** The clocks of these cases that are running: not stopped, whether breached or not. */
  List<Clock> running(List<Long> caseIds) {
    return jdbc.sql(
            "select "
                + CLOCK
                + " from case_sla_clock k where k.case_id = any(?) and k.stopped_at is null"
                + " order by k.id")
        .param(caseIds.toArray(Long[]::new))
        .query(SlaClocks::clock)
        .list();
  }

  /** The waits of these cases on their customers, by case. */
  Map<Long, List<Wait>> waits(List<Long> caseIds) {
    Map<Long, List<Wait>> byCase = new HashMap<>();
    jdbc.sql(
            "select case_id, started_at, ended_at from case_wait where case_id = any(?)"
                + " order by started_at")
        .param(caseIds.toArray(Long[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    byCase
                        .computeIfAbsent(rs.getLong("case_id"), id -> new ArrayList<>())
                        .add(
                            new Wait(
                                rs.getTimestamp("started_at").toInstant(),
                                instant(rs, "ended_at"))));
    return byCase;
  }

  /** Clocks not settled yet, met or breached, by id, after the id given. */
  List<Unsettled> unsettled(long afterId, int limit) {
    return jdbc.sql(
            "select "
                + CLOCK
                + ", c.company_id, c.number, c.status, c.team"
                + " from case_sla_clock k join care_case c on c.id = k.case_id"
                + " where k.breached_at is null and k.met is null and k.id > ?"
                + " and exists (select 1 from sla_policy p where p.company_id = c.company_id)"
                + " order by k.id limit ?")
        .params(afterId, limit)
        .query(
            (rs, row) ->
                new Unsettled(
                    clock(rs, row),
                    rs.getObject("company_id", UUID.class),
                    rs.getString("number"),
                    rs.getString("status"),
                    rs.getString("team")))
        .list();
  }

  /** The company's cases with a clock still running. */
  List<Long> casesRunning(CompanyId company) {
    return jdbc.sql(
            "select distinct k.case_id from case_sla_clock k join care_case c on c.id = k.case_id"
                + " where c.company_id = ? and k.stopped_at is null")
        .param(company.value())
        .query(Long.class)
        .list();
  }

  /** The clocks of the case still running, by id. */
  List<Clock> running(long caseId) {
    return jdbc.sql(
            "select "
                + CLOCK
                + " from case_sla_clock k where k.case_id = ? and k.stopped_at is null order by k.id")
        .param(caseId)
        .query(SlaClocks::clock)
        .list();
  }

  /** Keeps when the clock falls due; null while it stands still or has no target. */
  void due(long clockId, Instant dueAt) {
    jdbc.sql(
            "update case_sla_clock set due_at = ? where id = ?"
                + " and due_at is distinct from cast(? as timestamptz)")
        .params(
            dueAt == null ? null : Timestamp.from(dueAt),
            clockId,
            dueAt == null ? null : Timestamp.from(dueAt))
        .update();
  }

  /** Marks the clock warned; false when it was already. */
  boolean warn(long clockId, Instant now) {
    return jdbc.sql("update case_sla_clock set warned_at = ? where id = ? and warned_at is null")
            .params(Timestamp.from(now), clockId)
            .update()
        == 1;
  }

  /** Marks a stopped clock as met in time. */
  void met(long clockId) {
    jdbc.sql("update case_sla_clock set met = true where id = ? and breached_at is null")
        .param(clockId)
        .update();
  }

  /** Marks the clock breached; false when it was already. */
  boolean breach(long clockId, Instant now) {
    return jdbc.sql(
                "update case_sla_clock set breached_at = ?, warned_at = coalesce(warned_at, ?)"
                    + " where id = ? and breached_at is null")
            .params(Timestamp.from(now), Timestamp.from(now), clockId)
            .update()
        == 1;
  }

  /** Settled runs by team and target since an instant: how many were met and how many missed. */
  record Tally(String team, String target, int met, int missed, int running) {}

  List<Tally> tally(UUID company, Instant since, Instant until) {
    return jdbc.sql(
            "select c.team, k.target, count(*) filter (where k.met) as met,"
                + " count(*) filter (where k.breached_at is not null) as missed,"
                + " count(*) filter (where k.met is null and k.breached_at is null) as running"
                + " from case_sla_clock k join care_case c on c.id = k.case_id"
                + " where c.company_id = ? and k.started_at >= ? and k.started_at < ?"
                + " group by c.team, k.target order by lower(c.team) nulls last, k.target")
        .params(company, Timestamp.from(since), Timestamp.from(until))
        .query(
            (rs, row) ->
                new Tally(
                    rs.getString("team"),
                    rs.getString("target"),
                    rs.getInt("met"),
                    rs.getInt("missed"),
                    rs.getInt("running")))
        .list();
  }

  private void start(long caseId, String target, Instant now) {
    jdbc.sql(
            "insert into case_sla_clock (case_id, target, started_at) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(caseId, target, Timestamp.from(now))
        .update();
  }

  private void endWait(long caseId, Instant now) {
    jdbc.sql("update case_wait set ended_at = ? where case_id = ? and ended_at is null")
        .params(Timestamp.from(now), caseId)
        .update();
  }

  private static Clock clock(ResultSet rs, int row) throws SQLException {
    return new Clock(
        rs.getLong("id"),
        rs.getLong("case_id"),
        rs.getString("target"),
        rs.getTimestamp("started_at").toInstant(),
        instant(rs, "stopped_at"),
        instant(rs, "warned_at"),
        instant(rs, "breached_at"),
        instant(rs, "due_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
