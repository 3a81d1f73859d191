package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.listening.MentionDetails;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Routes a new case: the first routing rule that matches its mention names the team, else the
 * company's default team. Inside the team the case goes to a rep who is available and under
 * capacity: the one the customer asked for by name, else the one who last helped this customer,
 * else the one with the language and product skills who holds the fewest open cases. With nobody
 * left the case waits in its team, unassigned. Every step is an event of the case.
 */
@Service
class CaseRouter {

  private static final Comparator<Teams.Rep> LEAST_LOADED =
      Comparator.comparingInt(Teams.Rep::openCases)
          .thenComparing(r -> r.name().toLowerCase(java.util.Locale.ROOT))
          .thenComparing(Teams.Rep::userId);

  private final RoutingRules routing;
  private final Teams teams;
  private final Cases cases;
  private final CaseHistory history;

  CaseRouter(RoutingRules routing, Teams teams, Cases cases, CaseHistory history) {
    this.routing = routing;
    this.teams = teams;
    this.cases = cases;
    this.history = history;
  }

  /** Routes a case just opened for the mention; runs in the transaction that opened it. */
  void route(
      CompanyId company,
      long caseId,
      Long customerId,
      MentionDetails.Details mention,
      Instant now) {
    RoutingRules.Routing setup = routing.of(company);
    String teamName = setup.defaultTeam();
    String why = "the default team";
    List<RoutingRule> rules = setup.rules();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).matches(mention)) {
        teamName = rules.get(i).team();
        why = "rule " + (i + 1) + " (" + rules.get(i).describe() + ")";
        break;
      }
    }
    Optional<Teams.Team> team =
        teamName == null ? Optional.empty() : teams.findByName(company, teamName);
    Optional<String> asked = RepRequests.askedFor(mention.text());
    if (team.isEmpty() && asked.isEmpty()) {
      return;
    }
    team.ifPresent(
        t -> {
          cases.assign(caseId, t.name(), null, now);
        });
    String routedWhy = why;
    team.ifPresent(
        t ->
            history.record(
                caseId,
                now,
                CaseFiling.CAVEAT,
                CaseHistory.ROUTED,
                "to team " + t.name() + " by " + routedWhy));
    if (asked.isPresent()
        && honour(
            company,
            caseId,
            team.map(Teams.Team::name).orElse(null),
            asked.get(),
            "in their post",
            now)) {
      return;
    }
    if (team.isEmpty()) {
      return;
    }
    List<Teams.Rep> reps = teams.lockRepsOf(company, team.get().id());
    if (customerId != null) {
      Optional<UUID> last = cases.lastAssigneeOf(company, customerId, caseId);
      Optional<Teams.Rep> sticky =
          last.flatMap(id -> reps.stream().filter(r -> r.userId().equals(id)).findFirst())
              .filter(Teams.Rep::hasRoom);
      if (sticky.isPresent()) {
        assign(caseId, team.get().name(), sticky.get(), "helped this customer last", now);
        return;
      }
    }
    Optional<Teams.Rep> least =
        reps.stream().filter(Teams.Rep::hasRoom).filter(r -> skilled(r, mention)).min(LEAST_LOADED);
    if (least.isPresent()) {
      Teams.Rep rep = least.get();
      assign(
          caseId,
          team.get().name(),
          rep,
          "fewest open cases among the available reps with the skills ("
              + rep.openCases()
              + " of "
              + rep.capacity()
              + ")",
          now);
      return;
    }
    history.record(
        caseId,
        now,
        CaseFiling.CAVEAT,
        CaseHistory.NOT_ASSIGNED,
        "nobody on team "
            + team.get().name()
            + " is available, under capacity"
            + skillsWanted(mention)
            + "; the case waits in the team");
  }

  /**
   * Gives the case to the rep the customer asked for when that rep is available and under capacity;
   * otherwise records why not.
   *
   * @return whether the rep took the case
   */
  boolean honour(
      CompanyId company, long caseId, String team, String name, String how, Instant now) {
    List<Teams.Rep> named = teams.repsNamed(company, name);
    if (named.isEmpty() && name.contains(" ")) {
      named = teams.repsNamed(company, name.substring(0, name.indexOf(' ')));
    }
    String declined;
    if (named.isEmpty()) {
      declined = "no rep is named " + name;
    } else if (named.size() > 1) {
      declined = named.size() + " reps are named " + name;
    } else {
      Teams.Rep rep = teams.lockRep(company, named.getFirst().userId()).orElseThrow();
      if (!rep.available()) {
        declined = rep.name() + " is away";
      } else if (!rep.hasRoom()) {
        declined =
            rep.name()
                + " is at capacity ("
                + rep.openCases()
                + " of "
                + rep.capacity()
                + " open cases)";
      } else {
        String into = team != null ? team : rep.teams().isEmpty() ? null : rep.teams().getFirst();
        assign(caseId, into, rep, "the customer asked for " + name + " " + how, now);
        return true;
      }
    }
    history.record(
        caseId,
        now,
        CaseFiling.CAVEAT,
        CaseHistory.REP_REQUEST_DECLINED,
        "the customer asked for " + name + " " + how + ", but " + declined + "; routed as usual");
    return false;
  }

  private void assign(long caseId, String team, Teams.Rep rep, String why, Instant now) {
    cases.assign(caseId, team, rep.userId(), now);
    history.record(
        caseId,
        now,
        CaseFiling.CAVEAT,
        CaseHistory.ASSIGNED,
        "to "
            + rep.name()
            + " ("
            + rep.userId()
            + ")"
            + (team == null ? "" : " of team " + team)
            + ": "
            + why);
  }

  /** Empty skills mean the rep takes any language or product. */
  static boolean skilled(Teams.Rep rep, MentionDetails.Details mention) {
    boolean language =
        rep.languages().isEmpty()
            || mention.language() == null
            || rep.languages().contains(mention.language());
    boolean product =
        rep.products().isEmpty()
            || mention.products().isEmpty()
            || mention.products().stream()
                .anyMatch(p -> rep.products().stream().anyMatch(p::equalsIgnoreCase));
    return language && product;
  }

  private static String skillsWanted(MentionDetails.Details mention) {
    StringBuilder wanted = new StringBuilder();
    if (mention.language() != null) {
      wanted.append(" and speaks ").append(mention.language());
    }
    if (!mention.products().isEmpty()) {
      wanted.append(" and knows ").append(String.join(" or ", mention.products()));
    }
    return wanted.toString();
  }
}
