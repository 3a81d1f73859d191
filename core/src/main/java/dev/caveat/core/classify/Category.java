package dev.caveat.core.classify;

import java.util.Locale;

/** What a lexicon entry signals. Each language's lexicon lists its entries under these names. */
enum Category {
  POSITIVE("positive word"),
  NEGATIVE("negative word"),
  NEGATOR("negation"),
  COMPLAINT("complaint phrase"),
  QUESTION("question phrase"),
  /**
   * Words that open a question ("how do I", "est-ce que", "kann ich"), counted only where a
   * sentence or clause starts: "can I" opens a question, "so I can I guess" does not.
   */
  INTERROGATIVE("question opening"),
  NEED("buying or hiring phrase"),
  PRAISE("thanks or praise"),
  SPAM("promotion or scam phrase"),
  NEWS("news or neutral report"),
  CHURN("churn threat"),
  LEGAL("legal threat"),
  SAFETY("safety hazard"),
  OUTAGE("outage"),
  SARCASM("sarcasm cue"),
  /** Not in lexicon files: a positive word under negation ("not good"). */
  NEGATED_POSITIVE("negated positive word"),
  /** Not in lexicon files: a negative word under negation ("not bad"). */
  NEGATED_NEGATIVE("negated negative word");

  static final Category[] ALL = values();

  private final String description;

  Category(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** The section name in a lexicon file, such as {@code [churn]}. */
  String section() {
    return name().toLowerCase(Locale.ROOT);
  }
}
