package dev.caveat.core.classify;

/** Names one feature of a post the way a rep reads it: {@code word "refund"}. */
final class FeatureNames {

  private FeatureNames() {}

  static String name(Features f, int i, Text t, Hits hits) {
    return switch (f.kind[i]) {
      case Features.WORD -> word(t, f.a[i]);
      case Features.BIGRAM -> "words \"" + t.tokens[f.a[i]] + " " + t.tokens[f.b[i]] + "\"";
      case Features.CHARS -> chars(t.tokens[f.a[i]], f.b[i] >>> 8, f.b[i] & 0xFF);
      case Features.LEXICON -> lexicon(Category.ALL[f.a[i]], hits);
      case Features.CUE -> "cue: " + Cue.ALL[f.a[i]].description();
      default -> "language prior";
    };
  }

  private static String word(Text t, int token) {
    return switch (t.kinds[token]) {
      case Text.HASHTAG -> "hashtag \"#" + t.tokens[token] + "\"";
      case Text.EMOJI -> "emoji " + t.tokens[token];
      default -> "word \"" + t.tokens[token] + "\"";
    };
  }

  private static String chars(String word, int start, int length) {
    StringBuilder sb = new StringBuilder();
    for (int p = start; p < start + length; p++) {
      if (p == 0 || p == word.length() + 1) {
        continue;
      }
      sb.append(word.charAt(p - 1));
    }
    String where =
        start == 0 ? "begins with" : start + length == word.length() + 2 ? "ends with" : "contains";
    return "word \"" + word + "\" " + where + " \"" + sb + "\"";
  }

  static String lexicon(Category c, Hits hits) {
    String prefix =
        switch (c) {
          case CHURN, LEGAL, SAFETY, OUTAGE -> "rule: ";
          default -> "lexicon: ";
        };
    return prefix + c.description() + " " + hits.entries(c, 3);
  }
}
