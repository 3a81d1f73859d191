package dev.caveat.core.classify;

import java.util.Locale;

/** What the author of a post wants, as the API names it ({@link #code()}). */
public enum Intent {
  /**
   * Something went wrong with a product or service, or the author is unhappy with how they were
   * treated.
   */
  COMPLAINT,
  /** Asks for information or help without reporting a failure. */
  QUESTION,
  /** Thanks or compliments a company, product or person. */
  PRAISE,
  /** Wants to buy something or hire someone, and is open to offers. */
  NEED,
  /** Promotion, scams and noise aimed at many. */
  SPAM,
  /** Mentions a company without asking, complaining or praising. */
  OTHER;

  static final Intent[] ALL = values();

  /** The lower-case name used in the API and data files, such as {@code complaint}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The intent named by {@code code}, in any case. */
  public static Intent of(String code) {
    for (Intent i : ALL) {
      if (i.name().equalsIgnoreCase(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown intent '" + code + "': expected complaint, question, praise, need, spam or other");
  }
}
