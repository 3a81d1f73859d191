package dev.caveat.care.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.CompanyId;
import dev.caveat.account.CompanyMembers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles the SLA clocks of cases on a tick: a clock that has used its warning share of the target
 * warns once; one past its target breaches, and its case escalates to the lead of its team; one
 * stopped in time is met. Only business time counts, and none while the case waited on the
 * customer. The policy is the case's team's own, else the company's; without one a clock waits.
 */
@Service
class SlaEvaluator {

  private static final Logger log = LoggerFactory.getLogger(SlaEvaluator.class);
  private static final int PAGE = 500;

  private final SlaClocks clocks;
  private final SlaPolicies policies;
  private final Teams teams;
  private final Cases cases;
  private final CaseHistory history;
  private final CompanyMembers members;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SlaEvaluator(
      SlaClocks clocks,
      SlaPolicies policies,
      Teams teams,
      Cases cases,
      CaseHistory history,
      CompanyMembers members,
      TransactionTemplate transactions,
      Clock clock) {
    this.clocks = clocks;
    this.policies = policies;
    this.teams = teams;
    this.cases = cases;
    this.history = history;
    this.members = members;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${caveat.care.sla.tick:1m}")
  void tick() {
    try {
      evaluate();
    } catch (RuntimeException e) {
      log.warn("SLA evaluation failed; the next tick tries again", e);
    }
  }

  /** Evaluates every unsettled clock now; returns how many warned, breached or were met. */
  int evaluate() {
    Instant now = clock.instant();
    Map<UUID, List<SlaPolicies.Policy>> byCompany = new HashMap<>();
    int settled = 0;
    long after = 0;
    while (true) {
      List<SlaClocks.Unsettled> page = clocks.unsettled(after, PAGE);
      for (SlaClocks.Unsettled u : page) {
        List<SlaPolicies.Policy> company =
            byCompany.computeIfAbsent(u.company(), id -> policies.of(new CompanyId(id)));
        Optional<SlaPolicies.Policy> policy = policies.forTeam(company, u.team());
        if (policy.isPresent() && policy.get().target(u.clock().target()) != null) {
          Boolean changed = transactions.execute(status -> evaluate(u, policy.get(), now));
          settled += Boolean.TRUE.equals(changed) ? 1 : 0;
        }
      }
      if (page.size() < PAGE) {
        return settled;
      }
      after = page.getLast().clock().id();
    }
  }

  private boolean evaluate(SlaClocks.Unsettled u, SlaPolicies.Policy policy, Instant now) {
    SlaClocks.Clock k = u.clock();
    Duration target = policy.target(k.target());
    BusinessHours hours = policy.hours() == null ? BusinessHours.ALWAYS : policy.hours();
    Instant until = k.stoppedAt() == null ? now : k.stoppedAt();
    List<BusinessHours.Span> waits =
        clocks.waits(k.caseId()).stream()
            .map(w -> new BusinessHours.Span(w.startedAt(), w.endedAt()))
            .toList();
    Duration used = hours.between(k.startedAt(), until, waits);
    if (k.stoppedAt() == null) {
      clocks.due(k.id(), SlaDueTimes.dueAt(k, policy, waits, now));
    }
    String what = k.target().replace('-', ' ');
    if (used.compareTo(target) > 0 || (k.stoppedAt() == null && used.equals(target))) {
      if (!clocks.breach(k.id(), now)) {
        return false;
      }
      history.record(
          k.caseId(),
          now,
          CaseFiling.CAVEAT,
          CaseHistory.SLA_BREACHED,
          what + " took longer than " + words(target) + " of business time");
      if (!u.status().equals("resolved")) {
        escalate(u, what, now);
      }
      return true;
    }
    if (k.stoppedAt() != null) {
      clocks.met(k.id());
      return true;
    }
    if (k.warnedAt() == null
        && used.multipliedBy(100).compareTo(target.multipliedBy(policy.warnAtPercent())) >= 0
        && clocks.warn(k.id(), now)) {
      history.record(
          k.caseId(),
          now,
          CaseFiling.CAVEAT,
          CaseHistory.SLA_WARNING,
          what
              + " due in "
              + words(target.minus(used))
              + " of business time ("
              + policy.warnAtPercent()
              + "% of "
              + words(target)
              + " used)");
      return true;
    }
    return false;
  }

  private void escalate(SlaClocks.Unsettled u, String what, Instant now) {
    CompanyId company = new CompanyId(u.company());
    Optional<UUID> lead =
        Optional.ofNullable(u.team())
            .flatMap(team -> teams.findByName(company, team))
            .map(Teams.Team::lead);
    if (lead.isEmpty()) {
      history.record(
          u.clock().caseId(),
          now,
          CaseFiling.CAVEAT,
          CaseHistory.ESCALATED,
          "to nobody: "
              + (u.team() == null ? "the case has no team" : "team " + u.team() + " has no lead"));
      return;
    }
    String name = members.find(company, lead.get()).map(Accounts.Member::name).orElse("the lead");
    cases.escalate(u.clock().caseId(), lead.get(), now);
    history.record(
        u.clock().caseId(),
        now,
        CaseFiling.CAVEAT,
        CaseHistory.ESCALATED,
        "to "
            + name
            + " ("
            + lead.get()
            + "), lead of team "
            + u.team()
            + ": "
            + what
            + " breached");
  }

  /** "1h 30m", "2d 4h": what a person reads faster than PT52H. */
  static String words(Duration d) {
    long minutes = d.toMinutes();
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder s = new StringBuilder();
    if (days > 0) {
      s.append(days).append("d ");
    }
    if (hours > 0) {
      s.append(hours).append("h ");
    }
    if (mins > 0 || s.isEmpty()) {
      s.append(mins).append("m ");
    }
    return s.toString().strip();
  }
}
