package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import dev.caveat.platform.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving a case to a rep by hand, and a customer asking for a rep by name after the case opened.
 */
@Service
class CaseAssignment {

  static final int MAX_NAME = 100;

  /** What became of a customer's request for a rep. */
  record Outcome(boolean honoured, Cases.Case kase) {}

  private final Cases cases;
  private final Teams teams;
  private final CaseHistory history;
  private final CaseRouter router;
  private final Clock clock;

  CaseAssignment(Cases cases, Teams teams, CaseHistory history, CaseRouter router, Clock clock) {
    this.cases = cases;
    this.teams = teams;
    this.history = history;
    this.router = router;
    this.clock = clock;
  }

  /** Gives the case to the rep, or to nobody; a person may overrule availability and capacity. */
  @Transactional
  Cases.Case assign(CompanyId company, String number, UUID assignee, String by) {
    Cases.Case kase = open(company, number);
    Instant now = clock.instant();
    if (assignee == null) {
      cases.assign(kase.id(), kase.team(), null, now);
      history.record(kase.id(), now, by, CaseHistory.ASSIGNED, "to nobody: back to the team");
      return cases.find(company, kase.id()).orElseThrow();
    }
    Teams.Rep rep =
        teams
            .rep(company, assignee)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "assignee must be the user id of a rep of this company; add them with PUT"
                            + " .../reps/{userId} first"));
    String team =
        kase.team() != null && rep.teams().stream().anyMatch(kase.team()::equalsIgnoreCase)
            ? kase.team()
            : rep.teams().isEmpty() ? kase.team() : rep.teams().getFirst();
    cases.assign(kase.id(), team, rep.userId(), now);
    history.record(
        kase.id(),
        now,
        by,
        CaseHistory.ASSIGNED,
        "to " + rep.name() + " (" + rep.userId() + ")" + (team == null ? "" : " of team " + team));
    return cases.find(company, kase.id()).orElseThrow();
  }

  /**
   * The customer asks for a rep by name: honoured when the rep is available and under capacity,
   * else the case stays where it is and its history says why.
   */
  @Transactional
  Outcome requestRep(CompanyId company, String number, String name, String how) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("name is required: the rep's name, as they sign their replies");
    }
    if (name.length() > MAX_NAME) {
      throw ApiException.badRequest("name must be at most " + MAX_NAME + " characters");
    }
    Cases.Case kase = open(company, number);
    boolean honoured =
        router.honour(company, kase.id(), kase.team(), name.strip(), how, clock.instant());
    return new Outcome(honoured, cases.find(company, kase.id()).orElseThrow());
  }

  private Cases.Case open(CompanyId company, String number) {
    Cases.Case kase = cases.require(company, number);
    if (kase.status().equals("resolved")) {
      throw ApiException.conflict("Case " + kase.number() + " is resolved; it takes no rep now.");
    }
    return kase;
  }
}
