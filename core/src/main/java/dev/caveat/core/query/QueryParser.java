package dev.caveat.core.query;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Field;
import dev.caveat.core.query.QueryNode.Near;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses the monitor language: terms, prefixes ({@code refund*}), "phrases", {@code NEAR/n}, fields
 * ({@code title:}, {@code author:}, {@code site:}, {@code lang:}), AND, OR, NOT (also written as a
 * leading {@code -}), and parentheses. Adjacent clauses are joined by AND; NEAR binds tighter than
 * AND, and AND tighter than OR. Operators are only operators in capitals, so a lowercase "and" is
 * an ordinary word.
 */
public final class QueryParser {

  static final int MAX_LENGTH = 4_000;
  static final int MAX_DEPTH = 64;
  private static final String CLAUSE = "a term, a \"phrase\", NOT or '('";
  private static final String OPERAND = "a term, a \"phrase\" or '('";
  private static final String NEAR_OPERAND =
      "a term, a \"phrase\", a prefix* or a '(' group of them joined by OR";

  private final QueryScanner in;
  private final Words words;
  private int depth;

  /** The field whose clause is being parsed, or null outside any field. */
  private QueryField field;

  private QueryParser(String input) {
    this.in = new QueryScanner(input);
    this.words = new Words(in);
  }

  public static QueryNode parse(String query) {
    if (query == null || query.isBlank()) {
      throw new QuerySyntaxException(1, CLAUSE, "the query is empty; expected " + CLAUSE);
    }
    if (query.length() > MAX_LENGTH) {
      throw new QuerySyntaxException(
          MAX_LENGTH + 1,
          "the end of the query",
          "the query is longer than " + MAX_LENGTH + " characters");
    }
    QueryParser parser = new QueryParser(query);
    QueryNode node = parser.parseOr();
    parser.in.skipSpace();
    if (!parser.in.atEnd()) {
      char c = parser.in.peek();
      String found = c == ')' ? "')' without a matching '('" : "'" + c + "'";
      throw parser.in.error("AND, OR or the end of the query", "unexpected " + found);
    }
    if (!QueryShapes.mustContainSomething(node)) {
      throw new QuerySyntaxException(
          1,
          "a term that posts must contain",
          "the query only says what posts must not contain; add a term they must contain");
    }
    return node;
  }

  private QueryNode parseOr() {
    List<QueryNode> clauses = new ArrayList<>();
    clauses.add(parseAnd());
    while (in.acceptKeyword("OR")) {
      clauses.add(parseAnd());
    }
    return clauses.size() == 1 ? clauses.getFirst() : new Or(clauses);
  }

  private QueryNode parseAnd() {
    List<QueryNode> clauses = new ArrayList<>();
    clauses.add(parseUnary());
    while (true) {
      if (in.acceptKeyword("AND")) {
        clauses.add(parseUnary());
        continue;
      }
      in.skipSpace();
      if (in.atEnd() || in.peek() == ')' || in.peekKeyword("OR")) {
        break;
      }
      clauses.add(parseUnary());
    }
    return clauses.size() == 1 ? clauses.getFirst() : new And(clauses);
  }

  private QueryNode parseUnary() {
    in.skipSpace();
    if (in.acceptKeyword("NOT")) {
      return new Not(nested(this::parseUnary));
    }
    if (!in.atEnd() && in.peek() == '-') {
      int minus = in.pos();
      in.advance(1);
      if (in.atEnd() || Character.isWhitespace(in.peek())) {
        throw in.errorAt(
            minus, CLAUSE, "'-' must stand right before what it excludes, with no space");
      }
      return new Not(nested(this::parseUnary));
    }
    return parseNear();
  }

  private QueryNode parseNear() {
    in.skipSpace();
    int leftStart = in.pos();
    QueryNode left = parsePrimary();
    in.skipSpace();
    if (!in.peekNear()) {
      return left;
    }
    if (field == QueryField.SITE || field == QueryField.LANG) {
      throw in.error(
          "OR, ')' or the end of the query",
          "NEAR finds words close together in text; " + field.keyword() + ": has no text");
    }
    requireNearOperand(left, leftStart);
    int distance = words.nearDistance();
    in.skipSpace();
    int rightStart = in.pos();
    QueryNode right = parseOperand("NEAR/" + distance);
    requireNearOperand(right, rightStart);
    in.skipSpace();
    if (in.peekNear()) {
      throw in.error(
          "AND, OR or the end of the query",
          "NEAR joins exactly two clauses; join a third with AND, or group words with OR");
    }
    return new Near(left, right, distance);
  }

  private QueryNode parsePrimary() {
    in.skipSpace();
    if (in.atEnd()) {
      throw in.error(CLAUSE, "the query ends where " + CLAUSE + " was expected");
    }
    char c = in.peek();
    if (c == '(') {
      int open = in.pos();
      in.advance(1);
      QueryNode inner = nested(this::parseOr);
      in.skipSpace();
      if (in.atEnd() || in.peek() != ')') {
        throw in.errorAt(open, "')'", "the '(' here is never closed; expected ')'");
      }
      in.advance(1);
      return inner;
    }
    if (c == '"') {
      return words.phrase(field);
    }
    if (c == ')') {
      throw in.error(CLAUSE, "unexpected ')'; expected " + CLAUSE);
    }
    if (in.peekKeyword("AND") || in.peekKeyword("OR") || in.peekNear()) {
      throw in.error(CLAUSE, "an operator cannot stand here; expected " + CLAUSE);
    }
    String name = in.peekFieldName();
    if (name != null) {
      return parseField(name);
    }
    return words.word(field);
  }

  /** What follows NEAR/n or a field's colon: one clause, which NOT cannot start. */
  private QueryNode parseOperand(String after) {
    if (in.atEnd()) {
      throw in.error(OPERAND, "the query ends where " + after + " needs " + OPERAND);
    }
    if (in.peek() == '-' || in.peekKeyword("NOT")) {
      throw in.error(OPERAND, "NOT cannot follow " + after + "; put NOT in front of it");
    }
    return parsePrimary();
  }

  private QueryNode parseField(String name) {
    int start = in.pos();
    QueryField named =
        QueryField.named(name)
            .orElseThrow(
                () ->
                    in.error(
                        "one of the fields " + QueryField.known(),
                        "there is no field '"
                            + name
                            + ":'; the fields are "
                            + QueryField.known()
                            + " (to find the text itself, put it in quotes)"));
    if (field != null) {
      throw in.errorAt(
          start,
          OPERAND,
          "a field cannot stand inside " + field.keyword() + ":(...); each clause has one field");
    }
    in.advance(name.length() + 1);
    if (in.atEnd() || Character.isWhitespace(in.peek())) {
      throw in.error(
          OPERAND, name + ": must be followed at once by what it applies to, with no space");
    }
    field = named;
    try {
      return new Field(named, parseOperand(name + ":"));
    } finally {
      field = null;
    }
  }

  private void requireNearOperand(QueryNode node, int start) {
    if (!QueryShapes.isNearOperand(node)) {
      String hint =
          node instanceof Field f
              ? "; to look near each other in one field, write "
                  + f.field().keyword()
                  + ":(a NEAR/3 b)"
              : "";
      throw in.errorAt(
          start, NEAR_OPERAND, "NEAR takes words, phrases, prefixes* or an OR of them" + hint);
    }
  }

  private QueryNode nested(Supplier<QueryNode> rule) {
    if (++depth > MAX_DEPTH) {
      throw in.error(
          "fewer nested clauses", "the query nests deeper than " + MAX_DEPTH + " levels");
    }
    try {
      return rule.get();
    } finally {
      depth--;
    }
  }
}
