package dev.caveat.core.classify;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Urgency flags are rules, not learned: a churn, legal, safety or outage entry of the post's
 * language lexicon fires its flag, and the author's reach fires {@link Urgency#REACH}. Praise and
 * spam carry no flags ("they fixed the outage in ten minutes" is not urgent; "win a free iPhone,
 * sue nobody" is noise).
 */
final class UrgencyRules {

  private UrgencyRules() {}

  static Set<Urgency> flags(Hits hits, Intent intent, Reach reach, List<Reason> reasons) {
    Set<Urgency> flags = EnumSet.noneOf(Urgency.class);
    if (intent != Intent.PRAISE && intent != Intent.SPAM) {
      flag(hits, Category.CHURN, Urgency.CHURN, flags, reasons);
      flag(hits, Category.LEGAL, Urgency.LEGAL, flags, reasons);
      flag(hits, Category.SAFETY, Urgency.SAFETY, flags, reasons);
      flag(hits, Category.OUTAGE, Urgency.OUTAGE, flags, reasons);
    }
    if (reach.large()) {
      flags.add(Urgency.REACH);
      reasons.add(
          new Reason(
              "urgency:reach",
              String.format(
                  Locale.ROOT,
                  "rule: author has %,d followers (large from %,d)",
                  reach.followers(),
                  Reach.LARGE),
              1));
    }
    return flags;
  }

  private static void flag(
      Hits hits, Category c, Urgency u, Set<Urgency> flags, List<Reason> reasons) {
    if (hits.count(c) > 0) {
      flags.add(u);
      reasons.add(new Reason("urgency:" + u.code(), FeatureNames.lexicon(c, hits), 1));
    }
  }
}
