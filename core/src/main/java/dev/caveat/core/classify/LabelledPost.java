package dev.caveat.core.classify;

/**
 * A post with the intent it should get: from the base set, or a rep's correction. Corrections weigh
 * more in training, and replace a base example of the same text.
 *
 * @param sentiment -1 to 1, or null when not labelled (corrections carry none)
 */
public record LabelledPost(
    String text, String language, Intent intent, Double sentiment, boolean correction) {

  public LabelledPost {
    if (text == null || intent == null) {
      throw new IllegalArgumentException("a labelled post needs a text and an intent");
    }
    if (sentiment != null && !(sentiment >= -1 && sentiment <= 1)) {
      throw new IllegalArgumentException("sentiment must be between -1 and 1: " + sentiment);
    }
  }

  /** A rep's correction: this post's intent is {@code intent}. */
  public static LabelledPost correction(String text, String language, Intent intent) {
    return new LabelledPost(text, language, intent, null, true);
  }
}
