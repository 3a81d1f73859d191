package dev.caveat.bench.load;

import dev.caveat.core.classify.Intent;
import dev.caveat.core.classify.Urgency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Routes the cases of the shape as Caveat does when each opens: the company's first matching rule
 * names the team (churn to Retention, questions to Technical, the rest to the default team), then
 * the rep who last helped the customer if they have room, else the least loaded rep of the team
 * with room, else nobody. Cases are replayed in time order, so a rep's load is what it was then.
 */
final class InboxRouting {

  private InboxRouting() {}

  static void route(InboxShape shape, List<InboxTenants.Tenant> tenants) {
    record Moment(long at, boolean opens, InboxShape.Case kase) {}
    List<Moment> moments = new ArrayList<>();
    for (InboxShape.Case kase : shape.cases) {
      moments.add(new Moment(kase.openedAt, true, kase));
      if (kase.resolved()) {
        moments.add(new Moment(kase.resolvedAt, false, kase));
      }
    }
    moments.sort(Comparator.comparingLong(Moment::at));
    List<List<InboxTenants.Rep>> repsOf = new ArrayList<>();
    List<int[]> loadOf = new ArrayList<>();
    for (InboxTenants.Tenant t : tenants) {
      repsOf.add(ordered(t));
      loadOf.add(new int[t.reps().size()]);
    }
    for (Moment m : moments) {
      InboxShape.Case kase = m.kase();
      int[] load = loadOf.get(kase.tenant);
      if (!m.opens()) {
        if (kase.rep >= 0) {
          load[kase.rep]--;
        }
        continue;
      }
      List<InboxTenants.Rep> reps = repsOf.get(kase.tenant);
      team(kase, tenants.get(kase.tenant));
      int last = kase.customer.lastRep;
      if (last >= 0 && reps.get(last).team().equals(kase.team) && roomy(reps, load, last)) {
        give(kase, last, load, "helped this customer last");
        continue;
      }
      int least = -1;
      for (int r = 0; r < reps.size(); r++) {
        if (reps.get(r).team().equals(kase.team)
            && roomy(reps, load, r)
            && (least < 0 || load[r] < load[least])) {
          least = r;
        }
      }
      if (least >= 0) {
        give(
            kase,
            least,
            load,
            "fewest open cases among the available reps with the skills ("
                + load[least]
                + " of "
                + reps.get(least).capacity()
                + ")");
      }
    }
  }

  private static boolean roomy(List<InboxTenants.Rep> reps, int[] load, int r) {
    return load[r] < reps.get(r).capacity();
  }

  private static void give(InboxShape.Case kase, int rep, int[] load, String why) {
    kase.rep = rep;
    kase.assignedWhy = why;
    kase.customer.lastRep = rep;
    load[rep]++;
  }

  private static void team(InboxShape.Case kase, InboxTenants.Tenant tenant) {
    if (tenant.teams().size() == 1) {
      kase.team = tenant.teams().getFirst().name();
      kase.routedBy = "the default team";
      return;
    }
    var labels = kase.opening().labels;
    if (labels.urgency().contains(Urgency.CHURN)) {
      kase.team = "Retention";
      kase.routedBy = "rule 1 (urgency churn)";
    } else if (labels.intent() == Intent.QUESTION) {
      kase.team = "Technical";
      kase.routedBy = "rule 2 (intent question)";
    } else {
      kase.team = "Care";
      kase.routedBy = "the default team";
    }
  }

  /**
   * The reps of a company in the order routing sees them, so that a case's rep index finds them.
   */
  static List<InboxTenants.Rep> ordered(InboxTenants.Tenant tenant) {
    List<InboxTenants.Rep> byName = new ArrayList<>(tenant.reps());
    byName.sort(
        Comparator.comparing((InboxTenants.Rep r) -> r.name().toLowerCase(Locale.ROOT))
            .thenComparing(InboxTenants.Rep::userId));
    return byName;
  }
}
