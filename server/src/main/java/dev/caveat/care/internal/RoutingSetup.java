package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.core.classify.Urgency;
import dev.caveat.platform.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks and keeps a company's routing: the whole ordered list of rules at once. */
@Service
class RoutingSetup {

  static final int MAX_RULES = 200;
  static final Set<String> INTENTS =
      Set.of("complaint", "question", "praise", "need", "spam", "other");

  record RoutingRequest(String defaultTeam, List<RoutingRule> rules) {}

  private final RoutingRules routing;
  private final Teams teams;

  RoutingSetup(RoutingRules routing, Teams teams) {
    this.routing = routing;
    this.teams = teams;
  }

  @Transactional
  RoutingRules.Routing replace(CompanyId company, RoutingRequest request) {
    List<RoutingRule> given = request.rules() == null ? List.of() : request.rules();
    if (given.size() > MAX_RULES) {
      throw ApiException.badRequest("at most " + MAX_RULES + " rules");
    }
    Long defaultTeam =
        blank(request.defaultTeam()) ? null : teamId(company, request.defaultTeam(), "defaultTeam");
    List<RoutingRule> rules = new ArrayList<>();
    List<Long> teamIds = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String where = "rules[" + i + "]";
      RoutingRule rule = given.get(i);
      if (rule == null) {
        throw ApiException.badRequest(where + " is empty");
      }
      RoutingRule clean = clean(rule, where);
      if (!clean.hasCondition()) {
        throw ApiException.badRequest(
            where + " has no condition; give defaultTeam for what no rule matches");
      }
      if (blank(rule.team())) {
        throw ApiException.badRequest(where + ".team is required");
      }
      teamIds.add(teamId(company, rule.team(), where + ".team"));
      rules.add(clean);
    }
    routing.replace(company, defaultTeam, rules, teamIds);
    return routing.of(company);
  }

  private static RoutingRule clean(RoutingRule rule, String where) {
    String intent = text(rule.intent());
    if (intent != null && !INTENTS.contains(intent.toLowerCase(Locale.ROOT))) {
      throw ApiException.badRequest(
          where + ".intent must be one of " + String.join(", ", new TreeSet<>(INTENTS)));
    }
    String language = text(rule.language());
    if (language != null
        && !TeamWork.LANGUAGE.matcher(language.toLowerCase(Locale.ROOT)).matches()) {
      throw ApiException.badRequest(where + ".language must be an ISO 639-1 code such as 'en'");
    }
    sentiment(rule.sentimentBelow(), where + ".sentimentBelow");
    sentiment(rule.sentimentAbove(), where + ".sentimentAbove");
    String urgency = text(rule.urgency());
    if (urgency != null) {
      urgency = urgency.toLowerCase(Locale.ROOT);
      List<String> allowed = new ArrayList<>(List.of(RoutingRule.ANY_URGENCY));
      Arrays.stream(Urgency.values()).map(Urgency::code).forEach(allowed::add);
      if (!allowed.contains(urgency)) {
        throw ApiException.badRequest(
            where + ".urgency must be one of " + String.join(", ", allowed));
      }
    }
    return new RoutingRule(
        text(rule.monitor()),
        intent == null ? null : intent.toLowerCase(Locale.ROOT),
        language == null ? null : language.toLowerCase(Locale.ROOT),
        rule.sentimentBelow(),
        rule.sentimentAbove(),
        urgency,
        text(rule.product()),
        text(rule.customer()),
        rule.team());
  }

  private long teamId(CompanyId company, String name, String field) {
    return teams
        .findByName(company, name.strip())
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    field + ": no team named '" + name + "'; create it first or fix the name"))
        .id();
  }

  private static void sentiment(Double value, String field) {
    if (value != null && (value < -1 || value > 1)) {
      throw ApiException.badRequest(field + " must be between -1 and 1");
    }
  }

  private static String text(String value) {
    return blank(value) ? null : value.strip();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
