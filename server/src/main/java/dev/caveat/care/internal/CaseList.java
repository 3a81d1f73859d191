package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A company's cases as lists: filtered, sorted and paged, each with when it falls due by its
 * running SLA clocks, and how many cases each view of the inbox holds.
 */
@Repository
class CaseList {

  /**
   * Which cases to list; every criterion given must hold. Null or empty {@code statuses} mean any
   * status; {@code unassigned} keeps only cases nobody holds; {@code breaching} only cases with a
   * running SLA clock that warned or breached; {@code teams}, when not null, only cases of one of
   * those teams (none when it is empty); {@code number} only that case.
   */
  record Filter(
      Set<String> statuses,
      String assignee,
      String team,
      boolean unassigned,
      boolean breaching,
      String intent,
      String language,
      List<String> teams,
      String number) {

    static final Filter ANY = new Filter(null, null, null, false, false, null, null, null, null);

    Filter withStatuses(Set<String> value) {
      return new Filter(
          value, assignee, team, unassigned, breaching, intent, language, teams, number);
    }

    Filter withAssignee(String value) {
      return new Filter(
          statuses, value, team, unassigned, breaching, intent, language, teams, number);
    }

    Filter withTeam(String value) {
      return new Filter(
          statuses, assignee, value, unassigned, breaching, intent, language, teams, number);
    }

    Filter withUnassigned(boolean value) {
      return new Filter(
          statuses, assignee, team, value, breaching, intent, language, teams, number);
    }

    Filter withBreaching(boolean value) {
      return new Filter(
          statuses, assignee, team, unassigned, value, intent, language, teams, number);
    }

    Filter withIntent(String value) {
      return new Filter(
          statuses, assignee, team, unassigned, breaching, value, language, teams, number);
    }

    Filter withLanguage(String value) {
      return new Filter(
          statuses, assignee, team, unassigned, breaching, intent, value, teams, number);
    }

    Filter withTeams(List<String> value) {
      return new Filter(
          statuses, assignee, team, unassigned, breaching, intent, language, value, number);
    }

    Filter withNumber(String value) {
      return new Filter(
          statuses, assignee, team, unassigned, breaching, intent, language, teams, value);
    }
  }

  /** The orders a list comes in; ties go by id, so pages never skip or repeat a case. */
  enum Sort {
    NEWEST,
    OLDEST,
    /** Soonest due first; cases past due lead, cases without a running clock come last. */
    DUE;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The order a request names; newest first when it names none. */
    static Sort of(String code) {
      if (code == null || code.isBlank()) {
        return NEWEST;
      }
      for (Sort sort : values()) {
        if (sort.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
          return sort;
        }
      }
      throw ApiException.badRequest("sort must be one of newest, oldest, due");
    }
  }

  /** Where a page ends in its order: the next page starts strictly after it. */
  record Position(Instant key, long id) {}

  /**
   * A listed case with its soonest due time among its running SLA clocks (null without one, or
   * while the case waits on the customer), and whether one of them breached or warned.
   */
  record Listed(Cases.Case kase, Instant dueAt, boolean breached, boolean warned, Instant key) {}

  /** How many cases each view of the inbox holds. */
  record Counts(int mine, int team, int unassigned, int breaching, int open) {}

  /** Stands in for "never due" when sorting by due time, so such cases come last. */
  private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  private static final String RUNNING = "k.case_id = c.id and k.stopped_at is null";
  private static final String DUE =
      "(select min(k.due_at) from case_sla_clock k where " + RUNNING + ")";
  private static final String BREACHED =
      "exists (select 1 from case_sla_clock k where " + RUNNING + " and k.breached_at is not null)";
  private static final String WARNED =
      "exists (select 1 from case_sla_clock k where " + RUNNING + " and k.warned_at is not null)";

  private final JdbcClient jdbc;

  CaseList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code limit} cases in the order given, after {@code after}, or from the first when null. */
  List<Listed> page(CompanyId company, Filter filter, Sort sort, Position after, int limit) {
    Map<String, Object> params = new HashMap<>();
    String key = sort == Sort.DUE ? "coalesce(" + DUE + ", :never)" : "c.opened_at";
    params.put("never", Timestamp.from(NEVER));
    // The clocks of a listed case are read once, and only for the rows of the page.
    StringBuilder sql =
        new StringBuilder("select * from (select ")
            .append(Cases.COLUMNS)
            .append(", s.due_at, coalesce(s.breached, false) as breached,")
            .append(" coalesce(s.warned, false) as warned, ")
            .append(key)
            .append(" as sort_key")
            .append(Cases.FROM)
            .append(
                " left join lateral (select min(k.due_at) as due_at,"
                    + " bool_or(k.breached_at is not null) as breached,"
                    + " bool_or(k.warned_at is not null) as warned"
                    + " from case_sla_clock k where "
                    + RUNNING
                    + ") s on true")
            .append(where(company, filter, params))
            .append(") l");
    String direction = sort == Sort.NEWEST ? "desc" : "asc";
    if (after != null) {
      sql.append(
              sort == Sort.NEWEST ? " where (l.sort_key, l.id) < " : " where (l.sort_key, l.id) > ")
          .append("(:afterKey, :afterId)");
      params.put("afterKey", Timestamp.from(after.key()));
      params.put("afterId", after.id());
    }
    sql.append(" order by l.sort_key ")
        .append(direction)
        .append(", l.id ")
        .append(direction)
        .append(" limit :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, row) -> {
              Timestamp due = rs.getTimestamp("due_at");
              return new Listed(
                  Cases.map(rs, row),
                  due == null ? null : due.toInstant(),
                  rs.getBoolean("breached"),
                  rs.getBoolean("warned"),
                  rs.getTimestamp("sort_key").toInstant());
            })
        .list();
  }

  /**
   * How many cases each view holds among those the base filter lets through: the rep's own, their
   * teams', nobody's, those breaching their SLA, and all.
   */
  Counts counts(CompanyId company, Filter base, String me, List<String> myTeams) {
    Map<String, Object> params = new HashMap<>();
    params.put("me", me);
    params.put(
        "myTeams", myTeams.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    String sql =
        "select count(*) filter (where c.assignee = :me) as mine,"
            + " count(*) filter (where lower(c.team) = any(:myTeams)) as team,"
            + " count(*) filter (where c.assignee is null) as unassigned,"
            + " count(*) filter (where "
            + BREACHED
            + " or "
            + WARNED
            + ") as breaching,"
            + " count(*) as open from care_case c"
            + where(company, base, params);
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, row) ->
                new Counts(
                    rs.getInt("mine"),
                    rs.getInt("team"),
                    rs.getInt("unassigned"),
                    rs.getInt("breaching"),
                    rs.getInt("open")))
        .single();
  }

  /** The languages the company's cases are in, for the inbox's filter. */
  List<String> languages(CompanyId company) {
    return jdbc.sql(
            "select distinct language from care_case where company_id = ? and language is not null"
                + " order by language")
        .param(company.value())
        .query(String.class)
        .list();
  }

  private static String where(CompanyId company, Filter filter, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(" where c.company_id = :company");
    params.put("company", company.value());
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      sql.append(" and c.status = any(:statuses)");
      params.put("statuses", filter.statuses().toArray(String[]::new));
    }
    if (filter.assignee() != null) {
      sql.append(" and c.assignee = :assignee");
      params.put("assignee", filter.assignee());
    }
    if (filter.team() != null) {
      sql.append(" and lower(c.team) = lower(:team)");
      params.put("team", filter.team());
    }
    if (filter.unassigned()) {
      sql.append(" and c.assignee is null");
    }
    if (filter.breaching()) {
      sql.append(" and (").append(BREACHED).append(" or ").append(WARNED).append(")");
    }
    if (filter.intent() != null) {
      sql.append(" and c.intent = :intent");
      params.put("intent", filter.intent());
    }
    if (filter.language() != null) {
      sql.append(" and c.language = :language");
      params.put("language", filter.language());
    }
    if (filter.teams() != null) {
      sql.append(" and lower(c.team) = any(:teams)");
      params.put(
          "teams",
          filter.teams().stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    }
    if (filter.number() != null) {
      sql.append(" and c.number = :number");
      params.put("number", filter.number());
    }
    return sql.toString();
  }
}
