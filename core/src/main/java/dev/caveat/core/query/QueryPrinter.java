package dev.caveat.core.query;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Field;
import dev.caveat.core.query.QueryNode.Near;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Prefix;
import dev.caveat.core.query.QueryNode.Term;
import java.util.stream.Collectors;

/** Prints a query tree in the monitor language, fully parenthesised where precedence needs it. */
public final class QueryPrinter {

  private QueryPrinter() {}

  public static String print(QueryNode node) {
    return switch (node) {
      case Term t -> t.text();
      case Phrase p -> '"' + p.text() + '"';
      case Prefix p -> p.text() + '*';
      case Near n -> single(n.left()) + " NEAR/" + n.distance() + " " + single(n.right());
      case Field f -> f.field().keyword() + ':' + single(f.clause());
      case Not n -> "NOT " + grouped(n.clause());
      case And a ->
          a.clauses().stream().map(QueryPrinter::grouped).collect(Collectors.joining(" AND "));
      case Or o ->
          o.clauses().stream().map(QueryPrinter::grouped).collect(Collectors.joining(" OR "));
    };
  }

  /** NEAR is grouped too, though it binds tightest, so "NOT (a NEAR/2 b)" reads as it parses. */
  private static String grouped(QueryNode node) {
    return node instanceof And || node instanceof Or || node instanceof Near
        ? "(" + print(node) + ")"
        : print(node);
  }

  /** Fields and NEAR apply to one word, phrase or prefix; anything larger needs parentheses. */
  private static String single(QueryNode node) {
    return node instanceof Term || node instanceof Phrase || node instanceof Prefix
        ? print(node)
        : "(" + print(node) + ")";
  }
}
