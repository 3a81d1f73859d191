package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A company's routing: its rules in order and the team that takes what no rule matches. */
@Repository
class RoutingRules {

  record Routing(String defaultTeam, List<RoutingRule> rules) {}

  private final JdbcClient jdbc;

  RoutingRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Routing of(CompanyId company) {
    Optional<String> defaultTeam =
        jdbc.sql(
                "select t.name from care_routing r join care_team t on t.id = r.default_team_id"
                    + " where r.company_id = ?")
            .param(company.value())
            .query(String.class)
            .optional();
    List<RoutingRule> rules =
        jdbc.sql(
                "select r.*, t.name as team from care_routing_rule r"
                    + " join care_team t on t.id = r.team_id where r.company_id = ?"
                    + " order by r.position")
            .param(company.value())
            .query(
                (rs, row) ->
                    new RoutingRule(
                        rs.getString("monitor"),
                        rs.getString("intent"),
                        rs.getString("language"),
                        number(rs.getObject("sentiment_below")),
                        number(rs.getObject("sentiment_above")),
                        rs.getString("urgency"),
                        rs.getString("product"),
                        rs.getString("customer"),
                        rs.getString("team")))
            .list();
    return new Routing(defaultTeam.orElse(null), rules);
  }

  /** Replaces the company's routing; team ids are checked by the caller. */
  void replace(CompanyId company, Long defaultTeamId, List<RoutingRule> rules, List<Long> teamIds) {
    jdbc.sql("delete from care_routing_rule where company_id = ?").param(company.value()).update();
    jdbc.sql(
            "insert into care_routing (company_id, default_team_id) values (?, ?)"
                + " on conflict (company_id) do update set default_team_id = excluded.default_team_id")
        .params(company.value(), defaultTeamId)
        .update();
    for (int i = 0; i < rules.size(); i++) {
      RoutingRule rule = rules.get(i);
      jdbc.sql(
              "insert into care_routing_rule (company_id, position, monitor, intent, language,"
                  + " sentiment_below, sentiment_above, urgency, product, customer, team_id)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              company.value(),
              i + 1,
              rule.monitor(),
              rule.intent(),
              rule.language(),
              rule.sentimentBelow() == null ? null : rule.sentimentBelow().floatValue(),
              rule.sentimentAbove() == null ? null : rule.sentimentAbove().floatValue(),
              rule.urgency(),
              rule.product(),
              rule.customer(),
              teamIds.get(i))
          .update();
    }
  }

  /** Whether the routing names the team, as a rule's target or as the default. */
  boolean uses(CompanyId company, long teamId) {
    return jdbc.sql(
            "select exists (select 1 from care_routing_rule where company_id = ? and team_id = ?)"
                + " or exists (select 1 from care_routing where company_id = ?"
                + " and default_team_id = ?)")
        .params(company.value(), teamId, company.value(), teamId)
        .query(Boolean.class)
        .single();
  }

  private static Double number(Object value) {
    return value == null ? null : Double.valueOf(value.toString());
  }
}
