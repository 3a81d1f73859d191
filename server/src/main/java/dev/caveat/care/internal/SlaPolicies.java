package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SLA policies: one for the company, and one per team that wants its own. */
@Repository
class SlaPolicies {

  /**
   * Times to first response, next response and resolution (null: no target), a warning when this
   * share of a target is used, and the hours in which time counts.
   */
  record Policy(
      String team,
      Duration firstResponse,
      Duration nextResponse,
      Duration resolution,
      int warnAtPercent,
      BusinessHours hours) {

    Duration target(String clock) {
      return switch (clock) {
        case SlaClocks.FIRST_RESPONSE -> firstResponse;
        case SlaClocks.NEXT_RESPONSE -> nextResponse;
        case SlaClocks.RESOLUTION -> resolution;
        default -> null;
      };
    }
  }

  private final JdbcClient jdbc;

  SlaPolicies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The company's policy first, then the teams' by name. */
  List<Policy> of(CompanyId company) {
    return jdbc.sql(
            "select p.*, t.name as team from sla_policy p left join care_team t on t.id = p.team_id"
                + " where p.company_id = ? order by t.name nulls first, lower(t.name)")
        .param(company.value())
        .query(SlaPolicies::map)
        .list();
  }

  /** The policy for cases of the team: the team's own, else the company's. */
  Optional<Policy> forTeam(List<Policy> policies, String team) {
    return policies.stream()
        .filter(p -> p.team() != null && p.team().equalsIgnoreCase(team))
        .findFirst()
        .or(() -> policies.stream().filter(p -> p.team() == null).findFirst());
  }

  void save(CompanyId company, Long teamId, Policy policy) {
    BusinessHours hours = policy.hours();
    boolean always = hours == null;
    jdbc.sql(
            "insert into sla_policy (company_id, team_id, first_response_minutes,"
                + " next_response_minutes, resolution_minutes, warn_percent, business_days,"
                + " business_start, business_end, time_zone) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (company_id, team_id) do update set"
                + " first_response_minutes = excluded.first_response_minutes,"
                + " next_response_minutes = excluded.next_response_minutes,"
                + " resolution_minutes = excluded.resolution_minutes,"
                + " warn_percent = excluded.warn_percent, business_days = excluded.business_days,"
                + " business_start = excluded.business_start, business_end = excluded.business_end,"
                + " time_zone = excluded.time_zone")
        .params(
            company.value(),
            teamId,
            minutes(policy.firstResponse()),
            minutes(policy.nextResponse()),
            minutes(policy.resolution()),
            policy.warnAtPercent(),
            always
                ? null
                : hours.days().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new),
            always ? null : hours.start(),
            always ? null : hours.end(),
            always ? null : hours.zone().getId())
        .update();
  }

  boolean delete(CompanyId company, Long teamId) {
    return jdbc.sql(
                "delete from sla_policy where company_id = ? and team_id is not distinct from ?")
            .params(company.value(), teamId)
            .update()
        == 1;
  }

  private static Integer minutes(Duration duration) {
    return duration == null ? null : Math.toIntExact(duration.toMinutes());
  }

  private static Duration duration(ResultSet rs, String column) throws SQLException {
    int minutes = rs.getInt(column);
    return rs.wasNull() ? null : Duration.ofMinutes(minutes);
  }

  private static Policy map(ResultSet rs, int row) throws SQLException {
    Array days = rs.getArray("business_days");
    BusinessHours hours = null;
    if (days != null) {
      Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
      for (Integer day : (Integer[]) days.getArray()) {
        set.add(DayOfWeek.of(day));
      }
      hours =
          new BusinessHours(
              set,
              rs.getObject("business_start", LocalTime.class),
              rs.getObject("business_end", LocalTime.class),
              ZoneId.of(rs.getString("time_zone")));
    }
    return new Policy(
        rs.getString("team"),
        duration(rs, "first_response_minutes"),
        duration(rs, "next_response_minutes"),
        duration(rs, "resolution_minutes"),
        rs.getInt("warn_percent"),
        hours);
  }
}
