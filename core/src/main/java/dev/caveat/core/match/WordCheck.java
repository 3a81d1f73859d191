package dev.caveat.core.match;

import dev.caveat.core.query.QueryField;
import dev.caveat.core.query.QueryNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A standing query judged on the bag of a post's body words alone: positions, other fields and
 * exclusions are ignored, so the answer errs only towards "may match". A post no query may match
 * this way never reaches Lucene.
 */
sealed interface WordCheck {

  boolean mayMatch(Set<String> words);

  static WordCheck of(QueryNode node) {
    return switch (node) {
      case QueryNode.Term t -> new AllOf(QueryText.tokens(t.text()));
      case QueryNode.Phrase p -> new AllOf(QueryText.tokens(p.text()));
      case QueryNode.Prefix p -> prefix(QueryText.tokens(p.text()));
      case QueryNode.Near n -> new And(List.of(of(n.left()), of(n.right())));
      case QueryNode.Field f -> f.field() == QueryField.TITLE ? of(f.clause()) : Always.INSTANCE;
      case QueryNode.Not n -> Always.INSTANCE;
      case QueryNode.And a -> new And(a.clauses().stream().map(WordCheck::of).toList());
      case QueryNode.Or o -> new Or(o.clauses().stream().map(WordCheck::of).toList());
    };
  }

  private static WordCheck prefix(List<String> tokens) {
    if (tokens.isEmpty()) {
      return Always.INSTANCE;
    }
    List<WordCheck> parts = new ArrayList<>();
    if (tokens.size() > 1) {
      parts.add(new AllOf(tokens.subList(0, tokens.size() - 1)));
    }
    parts.add(new StartsWith(tokens.getLast()));
    return parts.size() == 1 ? parts.getFirst() : new And(parts);
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
