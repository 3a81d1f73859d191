package dev.caveat.core.query;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Field;
import dev.caveat.core.query.QueryNode.Near;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Prefix;
import dev.caveat.core.query.QueryNode.Term;
import java.util.List;
import java.util.Random;

/** Random query trees of every kind the parser can produce, for property-style tests. */
final class QueryTestUtils {

  private static final List<String> WORDS =
      List.of(
          "dell",
          "hp",
          "Café",
          "power-supply",
          "e@mail.com",
          "ORACLE",
          "x1",
          "naïve",
          "12:30",
          "http://x.example/a",
          "NEARBY",
          "Title:x");
  private static final List<String> PREFIXES = List.of("refund", "Café", "power-sup", "x1", "OR");
  private static final List<String> HOSTS =
      List.of("example.com", "forum.example.com", "https://forum.example.com/x");
  private static final List<String> LANGUAGES = List.of("fr", "EN", "de");

  private QueryTestUtils() {}

  static QueryNode randomTree(Random random, int depth) {
    return tree(random, depth, true);
  }

  private static QueryNode tree(Random random, int depth, boolean fieldAllowed) {
    int kinds = depth == 0 ? 3 : fieldAllowed ? 8 : 7;
    return switch (random.nextInt(kinds)) {
      case 0 -> new Term(pick(random, WORDS));
      case 1 -> new Phrase(pick(random, WORDS) + " " + pick(random, WORDS));
      case 2 -> new Prefix(pick(random, PREFIXES));
      case 3 -> new Not(tree(random, depth - 1, fieldAllowed));
      case 4 ->
          new And(
              List.of(
                  tree(random, depth - 1, fieldAllowed), tree(random, depth - 1, fieldAllowed)));
      case 5 ->
          new Or(
              List.of(
                  tree(random, depth - 1, fieldAllowed), tree(random, depth - 1, fieldAllowed)));
      case 6 -> new Near(nearOperand(random, 1), nearOperand(random, 1), random.nextInt(51));
      default -> field(random, depth);
    };
  }

  private static QueryNode nearOperand(Random random, int depth) {
    return switch (random.nextInt(depth == 0 ? 3 : 4)) {
      case 0 -> new Term(pick(random, WORDS));
      case 1 -> new Phrase(pick(random, WORDS) + " " + pick(random, WORDS));
      case 2 -> new Prefix(pick(random, PREFIXES));
      default -> new Or(List.of(nearOperand(random, depth - 1), nearOperand(random, depth - 1)));
    };
  }

  private static QueryNode field(Random random, int depth) {
    QueryField field = QueryField.values()[random.nextInt(QueryField.values().length)];
    QueryNode clause =
        switch (field) {
          case SITE -> values(random, HOSTS);
          case LANG -> values(random, LANGUAGES);
          case TITLE, AUTHOR -> tree(random, depth - 1, false);
        };
    return new Field(field, clause);
  }

  private static QueryNode values(Random random, List<String> values) {
    Term one = new Term(pick(random, values));
    return random.nextBoolean() ? one : new Or(List.of(one, new Term(pick(random, values))));
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
