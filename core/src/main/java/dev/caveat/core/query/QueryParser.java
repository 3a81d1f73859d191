package dev.caveat.core.query;

import dev.caveat.core.query.QueryNode.And;
import dev.caveat.core.query.QueryNode.Not;
import dev.caveat.core.query.QueryNode.Or;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the monitor language: terms, "phrases", AND, OR, NOT (also written as a leading {@code
 * -}), and parentheses. Adjacent clauses are joined by AND; AND binds tighter than OR. Operators
 * are only operators in capitals, so a lowercase "and" is an ordinary word.
 */
public final class QueryParser {

  static final int MAX_LENGTH = 4_000;
  static final int MAX_DEPTH = 64;
  private static final String CLAUSE = "a term, a \"phrase\", NOT or '('";

  private final String input;
  private int pos;
  private int depth;

  private QueryParser(String input) {
    this.input = input;
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
    parser.skipSpace();
    if (!parser.atEnd()) {
      char c = parser.input.charAt(parser.pos);
      String found = c == ')' ? "')' without a matching '('" : "'" + c + "'";
      throw parser.error("AND, OR or the end of the query", "unexpected " + found);
    }
    if (!mustContainSomething(node)) {
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
    while (acceptKeyword("OR")) {
      clauses.add(parseAnd());
    }
    return clauses.size() == 1 ? clauses.getFirst() : new Or(clauses);
  }

  private QueryNode parseAnd() {
    List<QueryNode> clauses = new ArrayList<>();
    clauses.add(parseUnary());
    while (true) {
      if (acceptKeyword("AND")) {
        clauses.add(parseUnary());
        continue;
      }
      skipSpace();
      if (atEnd() || peek() == ')' || peekKeyword("OR")) {
        break;
      }
      clauses.add(parseUnary());
    }
    return clauses.size() == 1 ? clauses.getFirst() : new And(clauses);
  }

  private QueryNode parseUnary() {
    skipSpace();
    if (acceptKeyword("NOT")) {
      return new Not(nested(this::parseUnary));
    }
    if (!atEnd() && peek() == '-') {
      pos++;
      if (atEnd() || Character.isWhitespace(peek())) {
        throw new QuerySyntaxException(
            pos, CLAUSE, "'-' must stand right before what it excludes, with no space");
      }
      return new Not(nested(this::parseUnary));
    }
    return parsePrimary();
  }

  private QueryNode parsePrimary() {
    skipSpace();
    if (atEnd()) {
      throw error(CLAUSE, "the query ends where " + CLAUSE + " was expected");
    }
    char c = peek();
    if (c == '(') {
      int open = pos;
      pos++;
      QueryNode inner = nested(this::parseOr);
      skipSpace();
      if (atEnd() || peek() != ')') {
        throw new QuerySyntaxException(
            open + 1, "')'", "the '(' here is never closed; expected ')'");
      }
      pos++;
      return inner;
    }
    if (c == '"') {
      return parsePhrase();
    }
    if (c == ')') {
      throw error(CLAUSE, "unexpected ')'; expected " + CLAUSE);
    }
    if (peekKeyword("AND") || peekKeyword("OR")) {
      throw error(CLAUSE, "an operator cannot stand here; expected " + CLAUSE);
    }
    int start = pos;
    while (!atEnd() && isTermChar(peek())) {
      pos++;
    }
    return new Term(input.substring(start, pos));
  }

  private QueryNode parsePhrase() {
    int open = pos;
    pos++;
    StringBuilder text = new StringBuilder();
    while (!atEnd() && peek() != '"') {
      text.append(peek());
      pos++;
    }
    if (atEnd()) {
      throw new QuerySyntaxException(
          open + 1, "'\"'", "the phrase that starts here is never closed; expected '\"'");
    }
    pos++;
    String phrase = text.toString().strip().replaceAll("\\s+", " ");
    if (phrase.isEmpty()) {
      throw new QuerySyntaxException(open + 1, "words inside the quotes", "the phrase is empty");
    }
    return new Phrase(phrase);
  }

  private QueryNode nested(java.util.function.Supplier<QueryNode> rule) {
    if (++depth > MAX_DEPTH) {
      throw error("fewer nested clauses", "the query nests deeper than " + MAX_DEPTH + " levels");
    }
    try {
      return rule.get();
    } finally {
      depth--;
    }
  }

  private boolean acceptKeyword(String keyword) {
    skipSpace();
    if (peekKeyword(keyword)) {
      pos += keyword.length();
      return true;
    }
    return false;
  }

  private boolean peekKeyword(String keyword) {
    int end = pos + keyword.length();
    return input.startsWith(keyword, pos)
        && (end == input.length() || !isTermChar(input.charAt(end)));
  }

  private static boolean isTermChar(char c) {
    return !Character.isWhitespace(c) && c != '(' && c != ')' && c != '"';
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= input.length();
  }

  private char peek() {
    return input.charAt(pos);
  }

  private QuerySyntaxException error(String expected, String problem) {
    return new QuerySyntaxException(pos + 1, expected, problem);
  }

  private static boolean mustContainSomething(QueryNode node) {
    return switch (node) {
      case Term t -> true;
      case Phrase p -> true;
      case Not n -> false;
      case And a -> a.clauses().stream().anyMatch(QueryParser::mustContainSomething);
      case Or o -> o.clauses().stream().allMatch(QueryParser::mustContainSomething);
    };
  }
}
