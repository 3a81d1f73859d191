package dev.caveat.care.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What follows every change of a case, once per transaction: before it commits, the due times of
 * the case's SLA clocks are worked out again (a reply, a new post or another team moves them);
 * after it commits, whoever watches the company's cases hears of it. Watchers hear nothing of a
 * change that rolled back, and nothing before it is there to read.
 */
@Component
class CaseChanges {

  private final SlaDueTimes dueTimes;
  private final CaseStream stream;

  CaseChanges(SlaDueTimes dueTimes, CaseStream stream) {
    this.dueTimes = dueTimes;
    this.stream = stream;
  }

  @EventListener
  void on(CaseChanged change) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      dueTimes.refresh(change.company(), change.caseId());
      stream.publish(List.of(change));
      return;
    }
    // Synchronizations belong to the transaction at hand; an inner, separate one gets its own.
    TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(Pending.class::isInstance)
        .map(Pending.class::cast)
        .filter(p -> p.owner() == this)
        .findFirst()
        .orElseGet(this::pending)
        .add(change);
  }

  private Pending pending() {
    Pending pending = new Pending(this);
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  /** The changes of one transaction. */
  private static final class Pending implements TransactionSynchronization {

    private final CaseChanges owner;
    private final List<CaseChanged> changes = new ArrayList<>();

    Pending(CaseChanges owner) {
      this.owner = owner;
    }

    CaseChanges owner() {
      return owner;
    }

    void add(CaseChanged change) {
      changes.add(change);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      changes.stream()
          .map(c -> Map.entry(c.company(), c.caseId()))
          .distinct()
          .forEach(c -> owner.dueTimes.refresh(c.getKey(), c.getValue()));
    }

    @Override
    public void afterCommit() {
      owner.stream.publish(List.copyOf(changes));
    }
  }
}
