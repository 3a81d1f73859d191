package dev.caveat.care.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.CompanyId;
import dev.caveat.account.CompanyMembers;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting up a company's teams and reps, each change checked before it is kept. */
@Service
class TeamWork {

  static final int MAX_NAME = 100;
  static final int MAX_CAPACITY = 1000;
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  record TeamRequest(String name, UUID lead) {}

  record RepRequest(
      List<String> teams,
      List<String> languages,
      List<String> products,
      Boolean available,
      Integer capacity) {}

  private final Teams teams;
  private final RoutingRules routing;
  private final CompanyMembers members;
  private final Cases cases;
  private final CaseHistory history;
  private final Clock clock;

  TeamWork(
      Teams teams,
      RoutingRules routing,
      CompanyMembers members,
      Cases cases,
      CaseHistory history,
      Clock clock) {
    this.teams = teams;
    this.cases = cases;
    this.history = history;
    this.routing = routing;
    this.members = members;
    this.clock = clock;
  }

  @Transactional
  Teams.Team create(CompanyId company, TeamRequest request) {
    String name = name(request.name());
    UUID lead = lead(company, request.lead());
    return teams
        .insert(company, name, lead, clock.instant())
        .orElseThrow(() -> ApiException.conflict("A team named '" + name + "' exists."));
  }

  @Transactional
  Teams.Team update(CompanyId company, long id, TeamRequest request) {
    Teams.Team team = team(company, id);
    String name = name(request.name());
    UUID lead = lead(company, request.lead());
    teams
        .findByName(company, name)
        .filter(other -> other.id() != id)
        .ifPresent(
            other -> {
              throw ApiException.conflict("A team named '" + name + "' exists.");
            });
    teams.update(company, team, name, lead);
    return team(company, id);
  }

  @Transactional
  void delete(CompanyId company, long id) {
    Teams.Team team = team(company, id);
    if (routing.uses(company, id)) {
      throw ApiException.conflict(
          "Team '"
              + team.name()
              + "' is named by the routing; change the routing first, then delete the team.");
    }
    teams.delete(company, id);
  }

  Teams.Team team(CompanyId company, long id) {
    return teams
        .find(company, id)
        .orElseThrow(() -> ApiException.notFound("No team " + id + " in this company."));
  }

  /**
   * Creates or replaces a rep: a member of the company, on the teams named.
   *
   * @return whether the rep is new
   */
  @Transactional
  boolean saveRep(CompanyId company, UUID userId, RepRequest request) {
    Accounts.Member member = member(company, userId);
    if (request.capacity() == null) {
      throw ApiException.badRequest("capacity is required: the most open cases the rep may hold");
    }
    if (request.capacity() < 0 || request.capacity() > MAX_CAPACITY) {
      throw ApiException.badRequest("capacity must be between 0 and " + MAX_CAPACITY);
    }
    List<String> languages = new ArrayList<>();
    for (String language : orEmpty(request.languages())) {
      String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(code).matches()) {
        throw ApiException.badRequest(
            "languages must be ISO 639-1 codes such as 'en' or 'de', not '" + language + "'");
      }
      if (!languages.contains(code)) {
        languages.add(code);
      }
    }
    List<String> products = new ArrayList<>();
    for (String product : orEmpty(request.products())) {
      String clean = name(product, "products");
      if (products.stream().noneMatch(clean::equalsIgnoreCase)) {
        products.add(clean);
      }
    }
    Set<Long> teamIds = new LinkedHashSet<>();
    for (String teamName : orEmpty(request.teams())) {
      if (teamName == null) {
        throw ApiException.badRequest("teams must be team names");
      }
      teamIds.add(
          teams
              .findByName(company, teamName.strip())
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "No team named '" + teamName + "'; create it first or fix the name."))
              .id());
    }
    return teams.saveRep(
        company,
        userId,
        member.name(),
        languages,
        products,
        request.available() == null || request.available(),
        request.capacity(),
        List.copyOf(teamIds),
        clock.instant());
  }

  @Transactional
  Teams.Rep setAvailable(CompanyId company, UUID userId, Boolean available) {
    if (available == null) {
      throw ApiException.badRequest("available is required: true or false");
    }
    if (!teams.setAvailable(company, userId, available, clock.instant())) {
      throw noRep(userId);
    }
    return rep(company, userId);
  }

  /** Removes the rep; the cases they still held go back to their teams, so none is stranded. */
  @Transactional
  void deleteRep(CompanyId company, UUID userId, String by) {
    String name = rep(company, userId).name();
    if (!teams.deleteRep(company, userId)) {
      throw noRep(userId);
    }
    handBack(company, userId, by, name + " is no longer a rep", clock.instant());
  }

  /**
   * A person left the company: their rep profile goes, their unresolved cases go back to their
   * teams (each case's history says why), and the teams they led have no lead.
   */
  void memberLeft(CompanyId company, UUID userId, String name, String by, Instant at) {
    teams.deleteRep(company, userId);
    handBack(company, userId, by, name + " left the company", at);
    teams.clearLead(company, userId);
  }

  /** The person's unresolved cases go back to their teams; each case's history says why. */
  private void handBack(CompanyId company, UUID userId, String by, String why, Instant at) {
    for (long kase : cases.unassignAllOf(company, userId, at)) {
      history.record(kase, at, by, CaseHistory.ASSIGNED, "to nobody: " + why);
    }
  }

  Teams.Rep rep(CompanyId company, UUID userId) {
    return teams.rep(company, userId).orElseThrow(() -> noRep(userId));
  }

  private Accounts.Member member(CompanyId company, UUID userId) {
    return members
        .find(company, userId)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "No member "
                        + userId
                        + " in this company; add the person with POST .../users first."));
  }

  private UUID lead(CompanyId company, UUID lead) {
    if (lead == null) {
      return null;
    }
    members
        .find(company, lead)
        .orElseThrow(
            () -> ApiException.badRequest("lead must be the user id of a member of this company"));
    return lead;
  }

  private static ApiException noRep(UUID userId) {
    return ApiException.notFound("No rep " + userId + " in this company.");
  }

  private static String name(String name) {
    return name(name, "name");
  }

  private static String name(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " must not be blank");
    }
    if (value.strip().length() > MAX_NAME) {
      throw ApiException.badRequest(field + " must be at most " + MAX_NAME + " characters");
    }
    return value.strip();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
