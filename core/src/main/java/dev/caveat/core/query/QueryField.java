package dev.caveat.core.query;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The parts of a post a clause can be limited to, written {@code name:} before the clause. */
public enum QueryField {
  /** The author's handle or name. */
  AUTHOR("author"),
  /** The host of the post's address, or any domain above it. */
  SITE("site"),
  /** The post's two-letter language code. */
  LANG("lang"),
  /** Only the title, not the text. */
  TITLE("title");

  private final String keyword;

  QueryField(String keyword) {
    this.keyword = keyword;
  }

  /** The name as written in a query, without the colon. */
  public String keyword() {
    return keyword;
  }

  static Optional<QueryField> named(String keyword) {
    return Arrays.stream(values()).filter(f -> f.keyword.equals(keyword)).findFirst();
  }

  /** For error messages: "author:, site:, lang:, title:". */
  static String known() {
    return Arrays.stream(values()).map(f -> f.keyword + ":").collect(Collectors.joining(", "));
  }
}
