package dev.caveat.care.internal;

import dev.caveat.account.MemberRemoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * A person who leaves a company leaves no work behind: their cases go back to their teams. Their
 * open pages stop hearing of the company's cases, since a page reconnecting needs a membership.
 */
@Service
class MemberDepartures {

  private final TeamWork work;
  private final CaseStream stream;

  MemberDepartures(TeamWork work, CaseStream stream) {
    this.work = work;
    this.stream = stream;
  }

  @ApplicationModuleListener
  void on(MemberRemoved removed) {
    work.memberLeft(
        removed.company(), removed.person(), removed.name(), removed.by(), removed.removedAt());
    stream.end(removed.company());
  }
}
