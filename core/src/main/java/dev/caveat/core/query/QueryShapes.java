package dev.caveat.core.query;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Field;
import dev.caveat.core.query.QueryNode.Near;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Prefix;
import dev.caveat.core.query.QueryNode.Term;

/** Rules about the shape of a whole clause that the parser can only check once it is read. */
final class QueryShapes {

  private QueryShapes() {}

  /**
   * Whether a post must contain something for the clause to match; a query of exclusions alone
   * would match nearly every post ever seen.
   */
  static boolean mustContainSomething(QueryNode node) {
    return switch (node) {
      case Term t -> true;
      case Phrase p -> true;
      case Prefix p -> true;
      case Near n -> true;
      case Field f -> mustContainSomething(f.clause());
      case Not n -> false;
      case And a -> a.clauses().stream().anyMatch(QueryShapes::mustContainSomething);
      case Or o -> o.clauses().stream().allMatch(QueryShapes::mustContainSomething);
    };
  }

  /** Word positions are defined for words, phrases, prefixes and alternatives among them. */
  static boolean isNearOperand(QueryNode node) {
    return switch (node) {
      case Term t -> true;
      case Phrase p -> true;
      case Prefix p -> true;
      case Or o -> o.clauses().stream().allMatch(QueryShapes::isNearOperand);
      default -> false;
    };
  }
}
