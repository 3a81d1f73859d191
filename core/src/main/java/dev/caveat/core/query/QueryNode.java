package dev.caveat.core.query;

import java.util.List;
import java.util.Objects;

/**
 * A parsed monitor query. The tree is what the parser understood; {@link QueryPrinter} turns it
 * back into text that parses to an equal tree.
 */
public sealed interface QueryNode {

  /** A single word, matched after case and accent folding. */
  record Term(String text) implements QueryNode {}

  /** Words that must appear next to each other, in order. */
  record Phrase(String text) implements QueryNode {}

  /** Any word that starts with {@code text}, written {@code text*}. */
  record Prefix(String text) implements QueryNode {}

  /**
   * Both clauses, in either order, with at most {@code distance} words between them. Written {@code
   * left NEAR/distance right}.
   */
  record Near(QueryNode left, QueryNode right, int distance) implements QueryNode {

    public static final int MAX_DISTANCE = 50;

    public Near {
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
      if (distance < 0 || distance > MAX_DISTANCE) {
        throw new IllegalArgumentException("distance must be 0 to " + MAX_DISTANCE);
      }
    }
  }

  /** The clause, looked for only in one part of the post. Written {@code field:clause}. */
  record Field(QueryField field, QueryNode clause) implements QueryNode {

    public Field {
      Objects.requireNonNull(field);
      Objects.requireNonNull(clause);
    }
  }

  /** Every clause must match. */
  record And(List<QueryNode> clauses) implements QueryNode {
    public And {
      clauses = List.copyOf(clauses);
    }
  }

  /** At least one clause must match. */
  record Or(List<QueryNode> clauses) implements QueryNode {
    public Or {
      clauses = List.copyOf(clauses);
    }
  }

  /** The clause must not match. */
  record Not(QueryNode clause) implements QueryNode {}
}
