package dev.caveat.core.query;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Term;
import java.util.stream.Collectors;

/** Prints a query tree in the monitor language, fully parenthesised where precedence needs it. */
public final class QueryPrinter {

  private QueryPrinter() {}

  public static String print(QueryNode node) {
    return switch (node) {
      case Term t -> t.text();
      case Phrase p -> '"' + p.text() + '"';
      case Not n -> "NOT " + grouped(n.clause());
      case And a ->
          a.clauses().stream().map(QueryPrinter::grouped).collect(Collectors.joining(" AND "));
      case Or o ->
          o.clauses().stream().map(QueryPrinter::grouped).collect(Collectors.joining(" OR "));
    };
  }

  private static String grouped(QueryNode node) {
    return node instanceof And || node instanceof Or ? "(" + print(node) + ")" : print(node);
  }
}
