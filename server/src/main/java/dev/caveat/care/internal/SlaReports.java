package dev.caveat.care.internal;

import dev.caveat.account.CompanyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** How well each team met its SLA targets: runs met in time, missed and still running. */
@Service
class SlaReports {

  /** One target of one team: runs met in time, missed, still running, and the share met. */
  record TargetReport(int met, int missed, int running, Double percentMet) {}

  record TeamReport(String team, Map<String, TargetReport> targets) {}

  record Report(Instant since, Instant until, List<TeamReport> teams) {}

  private final SlaClocks clocks;

  SlaReports(SlaClocks clocks) {
    this.clocks = clocks;
  }

  /** Per team and target, over the runs that started from {@code since} up to {@code until}. */
  Report report(CompanyId company, Instant since, Instant until) {
    Map<String, Map<String, TargetReport>> byTeam = new LinkedHashMap<>();
    for (SlaClocks.Tally t : clocks.tally(company.value(), since, until.plusNanos(1))) {
      int settled = t.met() + t.missed();
      byTeam
          .computeIfAbsent(t.team() == null ? "" : t.team(), k -> new LinkedHashMap<>())
          .put(
              t.target(),
              new TargetReport(
                  t.met(),
                  t.missed(),
                  t.running(),
                  settled == 0 ? null : Math.round(1000.0 * t.met() / settled) / 10.0));
    }
    List<TeamReport> teams = new ArrayList<>();
    byTeam.forEach(
        (team, targets) -> teams.add(new TeamReport(team.isEmpty() ? null : team, targets)));
    return new Report(since, until, teams);
  }
}
