package dev.caveat.core.match;

import dev.caveat.core.query.QueryField;
import dev.caveat.core.query.QueryNode;
import java.util.Set;

/**
 * What any post matching a query must contain among its keys (body words cut by {@link
 * PostAnalyzer}, plus author words, sites and language; see {@link PostKeys}): at least one of
 * {@code terms} whole, or a key starting with one of {@code prefixes}. A cheap first pass can skip
 * a query for a post that has none. {@link #NONE} means the query can match without any particular
 * key, for instance when it only says what must be absent.
 *
 * <p>Anchors hold for monitors that ignore addresses too: the address-free body is cut into the
 * same words as the body, less those inside addresses.
 */
record Anchors(Set<String> terms, Set<String> prefixes) {

  static final Anchors NONE = new Anchors(Set.of(), Set.of());

  Anchors {
    terms = Set.copyOf(terms);
    prefixes = Set.copyOf(prefixes);
  }

  boolean isNone() {
    return terms.isEmpty() && prefixes.isEmpty();
  }

  /** The anchors a query gets when no other query is known: the likely rarest keys. */
  static Anchors of(QueryNode node) {
    return AnchorPlan.of(node).choose((key, prefix) -> price(key, prefix, 0));
  }

  /**
   * Roughly how many posts a key wakes, times how many queries could share it. Queries show what
   * posts are made of: a word that many queries name ("installer", "refund") is a common word of
   * the trade, while a brand is named only by its own company's monitors. Short words are common
   * words; a language is shared by every post written in it; a prefix matches many words.
   *
   * @param queriesNaming how many registered queries name the key anywhere
   */
  static long price(String key, boolean prefix, int queriesNaming) {
    long price = (queriesNaming + 1L) * commonness(key);
    return prefix ? price * 8 : price;
  }

  private static long commonness(String key) {
    if (PostKeys.isField(key)) {
      return key.startsWith(PostKeys.field(QueryField.LANG, "")) ? 1024 : 1;
    }
    return switch (key.length()) {
      case 0, 1, 2 -> 64;
      case 3 -> 16;
      case 4 -> 4;
      case 5 -> 2;
      default -> 1;
    };
  }
}
