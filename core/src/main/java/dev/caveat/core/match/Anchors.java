package dev.caveat.core.match;

import dev.caveat.core.query.QueryField;
import dev.caveat.core.query.QueryNode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What any post matching a query must contain in its body (title and text, cut by {@link
 * PostAnalyzer}): at least one of {@code terms} as a whole word, or a word starting with one of
 * {@code prefixes}. A cheap first pass can skip a query for a post that contains none. {@link
 * #NONE} means the query can match without any particular word, for instance when it only names an
 * author, a site or a language, or only says what must be absent.
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

  static Anchors of(QueryNode node) {
    return switch (node) {
      case QueryNode.Term t -> oneOf(QueryText.tokens(t.text()));
      case QueryNode.Phrase p -> oneOf(QueryText.tokens(p.text()));
      case QueryNode.Prefix p -> prefix(QueryText.tokens(p.text()));
      case QueryNode.Near n -> best(List.of(of(n.left()), of(n.right())));
      // The title is part of the body; the other fields are not.
      case QueryNode.Field f -> f.field() == QueryField.TITLE ? of(f.clause()) : NONE;
      case QueryNode.Not n -> NONE;
      case QueryNode.And a -> best(a.clauses().stream().map(Anchors::of).toList());
      case QueryNode.Or o -> union(o.clauses().stream().map(Anchors::of).toList());
    };
  }

  /**
   * Every word of a phrase must be there, so any one will do; the longest is likely the rarest. A
   * text without searchable characters never matches, which no anchor can express, so NONE.
   */
  private static Anchors oneOf(List<String> tokens) {
    return tokens.stream()
        .max(Comparator.comparingInt(String::length))
        .map(longest -> new Anchors(Set.of(longest), Set.of()))
        .orElse(NONE);
  }

  /** "power-sup*" needs "power" whole, which a first pass checks more cheaply than "sup". */
  private static Anchors prefix(List<String> tokens) {
    if (tokens.isEmpty()) {
      return NONE;
    }
    if (tokens.size() > 1) {
      return oneOf(tokens.subList(0, tokens.size() - 1));
    }
    return new Anchors(Set.of(), Set.of(tokens.getFirst()));
  }

  /** All must match, so the anchors of any one will do: fewest prefixes, then fewest terms. */
  private static Anchors best(List<Anchors> all) {
    return all.stream()
        .filter(a -> !a.isNone())
        .min(
            Comparator.comparingInt((Anchors a) -> a.prefixes.size())
                .thenComparingInt(a -> a.terms.size())
                .thenComparingInt(a -> -a.shortestTerm()))
        .orElse(NONE);
  }

  /** Any may match, so each must be anchored, and the anchors are all of theirs. */
  private static Anchors union(List<Anchors> all) {
    Set<String> terms = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (Anchors a : all) {
      if (a.isNone()) {
        return NONE;
      }
      terms.addAll(a.terms);
      prefixes.addAll(a.prefixes);
    }
    return new Anchors(terms, prefixes);
  }

  private int shortestTerm() {
    return terms.stream().mapToInt(String::length).min().orElse(0);
  }
}
