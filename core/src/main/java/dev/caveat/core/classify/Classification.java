package dev.caveat.core.classify;

import java.util.List;
import java.util.Set;

/**
 * What a post is, with the reasons.
 *
 * @param language ISO 639-1 code (en, fr, de, nl, es), or {@code "und"} when the text has nothing
 *     to tell by (emoji only, a bare link) and no language was declared
 * @param intent what the author wants
 * @param intentConfidence the model's probability for that intent, 0 to 1
 * @param sentiment -1 (furious) to 1 (delighted)
 * @param urgency flags, possibly none
 * @param reach the author's reach, as given
 * @param products names of the listed products the post mentions, in list order
 * @param reasons evidence for each label, strongest first within each label
 */
public record Classification(
    String language,
    Intent intent,
    double intentConfidence,
    double sentiment,
    Set<Urgency> urgency,
    Reach reach,
    List<String> products,
    List<Reason> reasons) {

  public Classification {
    urgency = Set.copyOf(urgency);
    products = List.copyOf(products);
    reasons = List.copyOf(reasons);
  }

  /** The reasons for one label, such as {@code intent} or {@code urgency:churn}. */
  public List<Reason> reasonsFor(String label) {
    return reasons.stream().filter(r -> r.label().equals(label)).toList();
  }
}
