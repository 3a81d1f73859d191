package dev.caveat.core.query;

/**
 * The character-level half of the parser: where it is in the query, what stands there, and errors
 * that point at it. Positions in errors are 1-based.
 */
final class QueryScanner {

  private final String input;
  private int pos;

  QueryScanner(String input) {
    this.input = input;
  }

  int pos() {
    return pos;
  }

  boolean atEnd() {
    return pos >= input.length();
  }

  char peek() {
    return input.charAt(pos);
  }

  void advance(int chars) {
    pos += chars;
  }

  void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  /** An operator in capitals standing alone, so "ORACLE" and "and" stay words. */
  boolean peekKeyword(String keyword) {
    int end = pos + keyword.length();
    return input.startsWith(keyword, pos) && (end == input.length() || !isWordChar(charAt(end)));
  }

  boolean acceptKeyword(String keyword) {
    skipSpace();
    if (peekKeyword(keyword)) {
      pos += keyword.length();
      return true;
    }
    return false;
  }

  /** NEAR, alone or followed by its "/distance"; "NEARBY" is a word. */
  boolean peekNear() {
    int end = pos + 4;
    return input.startsWith("NEAR", pos)
        && (end == input.length() || charAt(end) == '/' || !isWordChar(charAt(end)));
  }

  /**
   * The field name if a field reference starts here, else null. A known name followed by a colon is
   * always a field; any other lowercase name is one only when a clause follows its colon at once,
   * so "http://x" and "12:30" stay words while "colour:red" is reported as an unknown field.
   */
  String peekFieldName() {
    int end = pos;
    while (end < input.length() && charAt(end) >= 'a' && charAt(end) <= 'z') {
      end++;
    }
    if (end == pos || end >= input.length() || charAt(end) != ':') {
      return null;
    }
    String name = input.substring(pos, end);
    if (QueryField.named(name).isPresent()) {
      return name;
    }
    int next = end + 1;
    if (next < input.length()) {
      char c = charAt(next);
      if (Character.isLetterOrDigit(c) || c == '"' || c == '(') {
        return name;
      }
    }
    return null;
  }

  /** The word from here to the next space, parenthesis or quote. */
  String readWord() {
    int start = pos;
    while (!atEnd() && isWordChar(peek())) {
      pos++;
    }
    return input.substring(start, pos);
  }

  /** The text up to the closing quote, leaving the scanner on it; null if it is never closed. */
  String readUntilQuote() {
    int end = input.indexOf('"', pos);
    if (end < 0) {
      return null;
    }
    String text = input.substring(pos, end);
    pos = end;
    return text;
  }

  QuerySyntaxException error(String expected, String problem) {
    return errorAt(pos, expected, problem);
  }

  /** An error at a 0-based index into the query. */
  QuerySyntaxException errorAt(int index, String expected, String problem) {
    return new QuerySyntaxException(index + 1, expected, problem);
  }

  static boolean isWordChar(char c) {
    return !Character.isWhitespace(c) && c != '(' && c != ')' && c != '"';
  }

  private char charAt(int index) {
    return input.charAt(index);
  }
}
