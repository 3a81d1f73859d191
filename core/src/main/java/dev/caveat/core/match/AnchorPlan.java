package dev.caveat.core.match;

import dev.caveat.core.query.QueryField;
import dev.caveat.core.query.QueryNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ways a standing query could be anchored: which keys of a post (see {@link PostKeys}) any
 * match must contain. A phrase or an AND offers a choice — every match contains all its words, so
 * any one will do — and the choice is made later, against what other queries use, by {@link
 * #choose}. An OR needs each of its branches anchored.
 */
sealed interface AnchorPlan {

  /** The price of anchoring on a key: roughly how many posts would wake how many queries. */
  @FunctionalInterface
  interface Cost {
    long of(String key, boolean prefix);
  }

  /** A post key, or with {@code prefix} any key that starts with it. */
  record Key(String key, boolean prefix) implements AnchorPlan {}

  /** Every match contains what each option asks for, so the cheapest option will do. */
  record AnyOne(List<AnchorPlan> options) implements AnchorPlan {}

  /** A match may come through any part, so every part must be anchored. */
  record Each(List<AnchorPlan> parts) implements AnchorPlan {}

  /** The query can match without any particular key, for instance when it only says NOT. */
  enum None implements AnchorPlan {
    INSTANCE
  }

  static AnchorPlan of(QueryNode node) {
    return of(node, null);
  }

  /** {@code field} is where the node's words are looked for; null for the body and the title. */
  private static AnchorPlan of(QueryNode node, QueryField field) {
    return switch (node) {
      case QueryNode.Term t -> words(t.text(), field);
      case QueryNode.Phrase p -> words(p.text(), field);
      case QueryNode.Prefix p -> prefix(p.text(), field);
      case QueryNode.Near n -> anyOne(List.of(of(n.left(), field), of(n.right(), field)));
      // The title is part of the body.
      case QueryNode.Field f -> of(f.clause(), f.field() == QueryField.TITLE ? null : f.field());
      case QueryNode.Not n -> None.INSTANCE;
      case QueryNode.And a -> anyOne(a.clauses().stream().map(c -> of(c, field)).toList());
      case QueryNode.Or o -> each(o.clauses().stream().map(c -> of(c, field)).toList());
    };
  }

  /** Every key the plan names, whichever are chosen. */
  default Set<String> keys() {
    Set<String> keys = new HashSet<>();
    collect(this, keys);
    return keys;
  }

  /**
   * The cheapest anchors, or {@link Anchors#NONE} when some way to match needs no key. A text
   * without searchable characters never matches, which no anchor can express, so it counts as
   * needing none: the first pass errs only towards running a query.
   */
  default Anchors choose(Cost cost) {
    Choice choice = Choice.of(this, cost);
    return choice == null ? Anchors.NONE : new Anchors(choice.terms, choice.prefixes);
  }

  private static AnchorPlan words(String text, QueryField field) {
    if (field == QueryField.SITE) {
      String host = Sites.typed(text);
      return host.isEmpty() ? None.INSTANCE : new Key(PostKeys.field(field, host), false);
    }
    if (field == QueryField.LANG) {
      return new Key(PostKeys.field(field, text.toLowerCase(Locale.ROOT)), false);
    }
    return anyOne(QueryText.tokens(text).stream().map(t -> key(t, field, false)).toList());
  }

  /** "power-sup*" needs "power" whole and a word starting with "sup". */
  private static AnchorPlan prefix(String text, QueryField field) {
    if (field == QueryField.SITE || field == QueryField.LANG) {
      return None.INSTANCE;
    }
    List<String> tokens = QueryText.tokens(text);
    List<AnchorPlan> options = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      options.add(key(tokens.get(i), field, i == tokens.size() - 1));
    }
    return anyOne(options);
  }

  private static AnchorPlan key(String token, QueryField field, boolean prefix) {
    return new Key(field == null ? token : PostKeys.field(field, token), prefix);
  }

  private static AnchorPlan anyOne(List<AnchorPlan> options) {
    List<AnchorPlan> anchored = options.stream().filter(o -> o != None.INSTANCE).toList();
    return switch (anchored.size()) {
      case 0 -> None.INSTANCE;
      case 1 -> anchored.getFirst();
      default -> new AnyOne(anchored);
    };
  }

  private static AnchorPlan each(List<AnchorPlan> parts) {
    if (parts.contains(None.INSTANCE)) {
      return None.INSTANCE;
    }
    return parts.size() == 1 ? parts.getFirst() : new Each(parts);
  }

  private static void collect(AnchorPlan plan, Set<String> keys) {
    switch (plan) {
      case Key k -> keys.add(k.key());
      case AnyOne a -> a.options().forEach(o -> collect(o, keys));
      case Each e -> e.parts().forEach(p -> collect(p, keys));
      case None n -> {}
    }
  }

  /** A chosen set of anchors and its price; null stands for "cannot be anchored". */
  final class Choice {
    final Set<String> terms = new HashSet<>();
    final Set<String> prefixes = new HashSet<>();
    long cost;

    private static Choice of(AnchorPlan plan, Cost cost) {
      return switch (plan) {
        case Key k -> {
          Choice one = new Choice();
          (k.prefix() ? one.prefixes : one.terms).add(k.key());
          one.cost = cost.of(k.key(), k.prefix());
          yield one;
        }
        case AnyOne a -> {
          Choice best = null;
          for (AnchorPlan option : a.options()) {
            Choice choice = of(option, cost);
            if (choice != null && (best == null || choice.cost < best.cost)) {
              best = choice;
            }
          }
          yield best;
        }
        case Each e -> {
          Choice all = new Choice();
          for (AnchorPlan part : e.parts()) {
            Choice choice = of(part, cost);
            if (choice == null) {
              yield null;
            }
            all.terms.addAll(choice.terms);
            all.prefixes.addAll(choice.prefixes);
            all.cost = saturatedAdd(all.cost, choice.cost);
          }
          yield all;
        }
        case None n -> null;
      };
    }

    private static long saturatedAdd(long a, long b) {
      long sum = a + b;
      return sum < 0 ? Long.MAX_VALUE : sum;
    }
  }
}
