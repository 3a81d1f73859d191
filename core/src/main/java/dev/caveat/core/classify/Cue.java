package dev.caveat.core.classify;

/** Surface cues that are features of their own, each with the words a rep reads in a reason. */
enum Cue {
  QUESTION_MARK("question mark"),
  ENDS_WITH_QUESTION("ends with a question"),
  EXCLAMATIONS("exclamation marks"),
  SHOUTING("words in capitals"),
  LINK("link"),
  SHORT_LINK("shortened link"),
  EMAIL("e-mail address"),
  PHONE("phone number"),
  MENTION("@mention"),
  HASHTAG("hashtag"),
  HASHTAG_RUN("three or more hashtags"),
  PRICE("price or currency"),
  PERCENT("percentage"),
  NUMBER("number"),
  SARCASM("sarcasm: praise words in a bad situation"),
  SHORT("very short post"),
  LONG("long post");

  static final Cue[] ALL = values();

  private final String description;

  Cue(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
