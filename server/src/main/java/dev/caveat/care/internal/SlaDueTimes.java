package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * When the running SLA clocks of a case fall due, kept on each clock so the inbox can sort by it. A
 * clock falls due once the rest of its target has passed in business time from now; while the case
 * waits on the customer it stands still and has no due time; without a policy or target it has none
 * either. Worked out whenever the case changes, and on every SLA tick.
 */
@Service
class SlaDueTimes {

  private final Cases cases;
  private final SlaClocks clocks;
  private final SlaPolicies policies;
  private final Clock clock;

  SlaDueTimes(Cases cases, SlaClocks clocks, SlaPolicies policies, Clock clock) {
    this.cases = cases;
    this.clocks = clocks;
    this.policies = policies;
    this.clock = clock;
  }

  /** After a policy changed: every running clock of the company falls due anew. */
  void refreshAll(CompanyId company) {
    for (long caseId : clocks.casesRunning(company)) {
      refresh(company, caseId);
    }
  }

  /** Works out and keeps when each running clock of the case falls due. */
  void refresh(CompanyId company, long caseId) {
    List<SlaClocks.Clock> running = clocks.running(caseId);
    if (running.isEmpty()) {
      return;
    }
    Optional<Cases.Case> kase = cases.find(company, caseId);
    if (kase.isEmpty()) {
      return;
    }
    SlaPolicies.Policy policy =
        policies.forTeam(policies.of(company), kase.get().team()).orElse(null);
    List<BusinessHours.Span> waits =
        clocks.waits(caseId).stream()
            .map(w -> new BusinessHours.Span(w.startedAt(), w.endedAt()))
            .toList();
    Instant now = clock.instant();
    for (SlaClocks.Clock k : running) {
      clocks.due(k.id(), dueAt(k, policy, waits, now));
    }
  }

  /**
   * When the clock falls due, seen from {@code now}. A breached clock keeps the due time it had
   * before; if it never had one, the breach is when it fell due as far as anyone knows.
   */
  static Instant dueAt(
      SlaClocks.Clock k, SlaPolicies.Policy policy, List<BusinessHours.Span> waits, Instant now) {
    if (k.breachedAt() != null) {
      return k.dueAt() != null ? k.dueAt() : k.breachedAt();
    }
    Duration target = policy == null ? null : policy.target(k.target());
    if (target == null || waits.stream().anyMatch(w -> w.to() == null)) {
      return null;
    }
    BusinessHours hours = policy.hours() == null ? BusinessHours.ALWAYS : policy.hours();
    Duration left = target.minus(hours.between(k.startedAt(), now, waits));
    if (left.isNegative()) {
      // Overdue, not yet marked breached: the due time worked out before still holds.
      return k.dueAt() != null && !k.dueAt().isAfter(now) ? k.dueAt() : now;
    }
    return hours.after(now, left);
  }
}
