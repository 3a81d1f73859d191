package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * When SLA clocks fall due, counted as {@link SlaEvaluator} counts them: business time only under
 * the policy of the case's team (else the company's), none while the case waits on the customer. A
 * running clock of a case that waits now has no due time: it stands still until the customer
 * writes.
 */
@Service
class SlaDueTimes {

  private final SlaClocks clocks;
  private final SlaPolicies policies;

  SlaDueTimes(SlaClocks clocks, SlaPolicies policies) {
    this.clocks = clocks;
    this.policies = policies;
  }

  /** Per case id, the earliest due time among the case's running clocks; absent when none. */
  Map<Long, Instant> earliest(CompanyId company, List<Cases.Case> cases) {
    Map<Long, Instant> earliest = new HashMap<>();
    List<Long> open =
        cases.stream().filter(c -> !c.status().equals("resolved")).map(Cases.Case::id).toList();
    if (open.isEmpty()) {
      return earliest;
    }
    List<SlaPolicies.Policy> all = policies.of(company);
    if (all.isEmpty()) {
      return earliest;
    }
    Map<Long, String> teams = new HashMap<>();
    cases.forEach(c -> teams.put(c.id(), Objects.requireNonNullElse(c.team(), "")));
    Map<Long, List<SlaClocks.Wait>> waits = clocks.waits(open);
    for (SlaClocks.Clock k : clocks.running(open)) {
      Optional<SlaPolicies.Policy> policy = policies.forTeam(all, teams.get(k.caseId()));
      Instant due =
          policy.map(p -> due(p, k, waits.getOrDefault(k.caseId(), List.of()))).orElse(null);
      if (due != null) {
        earliest.merge(k.caseId(), due, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return earliest;
  }

  /** Per clock id, when each of the case's clocks was or is due; absent when it has no due time. */
  Map<Long, Instant> of(CompanyId company, Cases.Case kase, List<SlaClocks.Clock> caseClocks) {
    Map<Long, Instant> dues = new HashMap<>();
    if (caseClocks.isEmpty()) {
      return dues;
    }
    Optional<SlaPolicies.Policy> policy =
        policies.forTeam(policies.of(company), Objects.requireNonNullElse(kase.team(), ""));
    if (policy.isEmpty()) {
      return dues;
    }
    List<SlaClocks.Wait> waits = clocks.waits(kase.id());
    for (SlaClocks.Clock k : caseClocks) {
      Instant due = due(policy.get(), k, waits);
      if (due != null) {
        dues.put(k.id(), due);
      }
    }
    return dues;
  }

  /** The earliest of the running clocks' due times. */
  static Instant earliestRunning(List<SlaClocks.Clock> caseClocks, Map<Long, Instant> dues) {
    return caseClocks.stream()
        .filter(k -> k.stoppedAt() == null)
        .map(k -> dues.get(k.id()))
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  /**
   * When the clock's target is reached. A stopped clock is held to the waits before it stopped: the
   * reply that stops a response clock is also where the next wait begins.
   */
  private static Instant due(SlaPolicies.Policy policy, SlaClocks.Clock k, List<SlaClocks.Wait> w) {
    Duration target = policy.target(k.target());
    if (target == null) {
      return null;
    }
    BusinessHours hours = policy.hours() == null ? BusinessHours.ALWAYS : policy.hours();
    Instant stop = k.stoppedAt();
    List<BusinessHours.Span> pauses =
        w.stream()
            .filter(x -> stop == null || x.startedAt().isBefore(stop))
            .map(
                x ->
                    new BusinessHours.Span(
                        x.startedAt(),
                        stop == null
                            ? x.endedAt()
                            : (x.endedAt() == null || x.endedAt().isAfter(stop)
                                ? stop
                                : x.endedAt())))
            .toList();
    return hours.after(k.startedAt(), target, pauses);
  }
}
