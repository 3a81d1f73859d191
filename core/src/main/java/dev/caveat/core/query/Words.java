package dev.caveat.core.query;

import dev.caveat.core.query.QueryNode.Near;
import dev.caveat.core.query.QueryNode.Phrase;
import dev.caveat.core.query.QueryNode.Prefix;
import dev.caveat.core.query.QueryNode.Term;

/**
 * Reads the smallest pieces of a query: words, prefixes, phrases and NEAR's distance, checking each
 * against what the field it stands in can hold.
 */
final class Words {

  static final int MIN_PREFIX = 2;
  private static final String LANGUAGE = "a two-letter language code such as fr";
  private static final String HOST = "a host name such as example.com";

  private final QueryScanner in;

  Words(QueryScanner in) {
    this.in = in;
  }

  /** A term, or a prefix when it ends in '*'. */
  QueryNode word(QueryField field) {
    int start = in.pos();
    String text = in.readWord();
    int star = text.indexOf('*');
    if (star >= 0) {
      return prefix(text, start, star, field);
    }
    if (field == QueryField.LANG && !text.matches("[A-Za-z]{2}")) {
      throw in.errorAt(
          start, LANGUAGE, "lang: takes a two-letter language code, not '" + text + "'");
    }
    return new Term(text);
  }

  private QueryNode prefix(String text, int start, int star, QueryField field) {
    if (star != text.length() - 1) {
      throw in.errorAt(
          start + star,
          "letters or digits, then '*' at the end of the word",
          "'*' can only end a word, as in refund*");
    }
    String prefix = text.substring(0, star);
    int run = 0;
    while (run < prefix.length()
        && Character.isLetterOrDigit(prefix.charAt(prefix.length() - 1 - run))) {
      run++;
    }
    if (run < MIN_PREFIX) {
      throw in.errorAt(
          start,
          "at least " + MIN_PREFIX + " letters or digits before '*'",
          "a wildcard needs at least " + MIN_PREFIX + " letters or digits right before the '*'");
    }
    if (field == QueryField.SITE || field == QueryField.LANG) {
      throw in.errorAt(
          start,
          field == QueryField.SITE ? HOST : LANGUAGE,
          field.keyword() + ": takes whole values; '*' does not work there");
    }
    return new Prefix(prefix);
  }

  QueryNode phrase(QueryField field) {
    int open = in.pos();
    if (field == QueryField.SITE || field == QueryField.LANG) {
      throw in.error(
          field == QueryField.SITE ? HOST : LANGUAGE,
          field.keyword() + ": takes one value without quotes");
    }
    in.advance(1);
    int textStart = in.pos();
    String text = in.readUntilQuote();
    if (text == null) {
      throw in.errorAt(open, "'\"'", "the phrase that starts here is never closed; expected '\"'");
    }
    in.advance(1);
    int star = text.indexOf('*');
    if (star >= 0) {
      throw in.errorAt(
          textStart + star,
          "words without '*' inside the quotes",
          "'*' does not work inside a \"phrase\"; put the word with '*' outside the quotes and"
              + " join it with NEAR/0");
    }
    String phrase = text.strip().replaceAll("\\s+", " ");
    if (phrase.isEmpty()) {
      throw in.errorAt(open, "words inside the quotes", "the phrase is empty");
    }
    return new Phrase(phrase);
  }

  /** Reads "NEAR/n", the scanner standing on NEAR, and returns n. */
  int nearDistance() {
    String expected = "a distance from 0 to " + Near.MAX_DISTANCE;
    in.advance(4);
    if (in.atEnd() || in.peek() != '/') {
      throw in.error(
          "'/' and " + expected + ", as in NEAR/5",
          "NEAR needs the number of words allowed between, as in NEAR/5");
    }
    in.advance(1);
    int start = in.pos();
    String digits = in.readWord();
    if (!digits.matches("[0-9]{1,2}") || Integer.parseInt(digits) > Near.MAX_DISTANCE) {
      throw in.errorAt(
          start, expected, "NEAR/ takes a whole number of words from 0 to " + Near.MAX_DISTANCE);
    }
    return Integer.parseInt(digits);
  }
}
