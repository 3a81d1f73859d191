package dev.caveat.core.match;

import dev.caveat.core.query.QueryField;
import dev.caveat.core.query.QueryNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A standing query judged on the bag of a post's keys alone (see {@link PostKeys}): positions and
 * exclusions are ignored, so the answer errs only towards "may match". A post no query may match
 * this way never reaches Lucene.
 */
sealed interface WordCheck {

  boolean mayMatch(Set<String> keys);

  static WordCheck of(QueryNode node) {
    return of(node, null);
  }

  /** {@code field} is where the node's words are looked for; null for the body and the title. */
  private static WordCheck of(QueryNode node, QueryField field) {
    return switch (node) {
      case QueryNode.Term t -> words(t.text(), field);
      case QueryNode.Phrase p -> words(p.text(), field);
      case QueryNode.Prefix p -> prefix(p.text(), field);
      case QueryNode.Near n -> new And(List.of(of(n.left(), field), of(n.right(), field)));
      case QueryNode.Field f -> of(f.clause(), f.field() == QueryField.TITLE ? null : f.field());
      case QueryNode.Not n -> Always.INSTANCE;
      case QueryNode.And a -> new And(a.clauses().stream().map(c -> of(c, field)).toList());
      case QueryNode.Or o -> new Or(o.clauses().stream().map(c -> of(c, field)).toList());
    };
  }

  private static WordCheck words(String text, QueryField field) {
    if (field == QueryField.SITE) {
      String host = Sites.typed(text);
      return host.isEmpty() ? Always.INSTANCE : new AllOf(List.of(PostKeys.field(field, host)));
    }
    if (field == QueryField.LANG) {
      return new AllOf(List.of(PostKeys.field(field, text.toLowerCase(Locale.ROOT))));
    }
    return new AllOf(QueryText.tokens(text).stream().map(t -> key(t, field)).toList());
  }

  private static WordCheck prefix(String text, QueryField field) {
    List<String> tokens = QueryText.tokens(text);
    if (tokens.isEmpty() || field == QueryField.SITE || field == QueryField.LANG) {
      return Always.INSTANCE;
    }
    List<WordCheck> parts = new ArrayList<>();
    if (tokens.size() > 1) {
      parts.add(
          new AllOf(
              tokens.subList(0, tokens.size() - 1).stream().map(t -> key(t, field)).toList()));
    }
    parts.add(new StartsWith(key(tokens.getLast(), field)));
    return parts.size() == 1 ? parts.getFirst() : new And(parts);
  }

  private static String key(String token, QueryField field) {
    return field == null ? token : PostKeys.field(field, token);
  }

  /** Text that folds to no words matches nothing in Lucene; "may match" stays on the safe side. */
  record AllOf(List<String> words) implements WordCheck {
    @Override
    public boolean mayMatch(Set<String> present) {
      for (String word : words) {
        if (!present.contains(word)) {
          return false;
        }
      }
      return true;
    }
  }

  record StartsWith(String prefix) implements WordCheck {
    @Override
    public boolean mayMatch(Set<String> present) {
      for (String word : present) {
        if (word.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  record And(List<WordCheck> all) implements WordCheck {
    @Override
    public boolean mayMatch(Set<String> present) {
      for (WordCheck check : all) {
        if (!check.mayMatch(present)) {
          return false;
        }
      }
      return true;
    }
  }

  record Or(List<WordCheck> any) implements WordCheck {
    @Override
    public boolean mayMatch(Set<String> present) {
      for (WordCheck check : any) {
        if (check.mayMatch(present)) {
          return true;
        }
      }
      return false;
    }
  }

  enum Always implements WordCheck {
    INSTANCE;

    @Override
    public boolean mayMatch(Set<String> present) {
      return true;
    }
  }
}
