package dev.caveat.core.query;

import java.util.List;

/**
 * A parsed monitor query. The tree is what the parser understood; {@link QueryPrinter} turns it
 * back into text that parses to an equal tree.
 */
public sealed interface QueryNode {

  /** A single word, matched after case and accent folding. */
  record Term(String text) implements QueryNode {}

  /** Words that must appear next to each other, in order. */
  record Phrase(String text) implements QueryNode {}

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
