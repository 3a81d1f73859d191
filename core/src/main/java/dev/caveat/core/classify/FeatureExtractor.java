package dev.caveat.core.classify;

/**
 * Turns a scanned post into {@link Features}: folded words and word pairs, letter groups of three
 * to four inside words (so "refnd" and "remboursement" still share something with "refund" and
 * "rembourser"), counts per lexicon category, and surface cues. Each group of text features is
 * scaled to unit length so long forum posts and short tweets weigh alike.
 */
final class FeatureExtractor {

  /** Bumped whenever features change meaning: a model trained on another schema is refused. */
  static final int SCHEMA = 5;

  /**
   * Words, pairs and letter groups come from the first {@value #HEAD_TOKENS} tokens (about 600
   * characters) and the last {@value #TAIL_TOKENS}: a long forum post says what it is about up
   * front and what the author wants at the end, and the middle (steps tried, history) costs time
   * without telling the intent apart. Lexicon counts and cues still see the whole post.
   */
  static final int HEAD_TOKENS = 110;

  static final int TAIL_TOKENS = 30;

  private static final int SEED_WORD = 0x1234567;
  private static final int SEED_BIGRAM = 0x2345678;
  private static final int SEED_CHARS = 0x3456789;
  private static final int SEED_LEXICON = 0x456789A;
  private static final int SEED_CUE = 0x56789AB;
  private static final int SEED_LANGUAGE = 0x6789ABC;
  private static final float WORD_WEIGHT = 1.0f;
  private static final float BIGRAM_WEIGHT = 0.6f;
  private static final float CHARS_WEIGHT = 0.8f;
  private static final float LEXICON_WEIGHT = 1.0f;
  private static final float CUE_WEIGHT = 0.7f;
  private static final int SHORT_WORDS = 6;
  private static final int LONG_WORDS = 60;
  private static final int SARCASM_REACH = 6;

  private FeatureExtractor() {}

  static void extract(Text t, Hits hits, String language, Features f) {
    f.clear();
    words(t, f);
    lexicon(hits, f);
    cues(t, hits, f);
    f.add(Features.hash(SEED_LANGUAGE, language), 1f, Features.LANGUAGE, 0, 0);
    normalise(f, Features.WORD, WORD_WEIGHT);
    normalise(f, Features.BIGRAM, BIGRAM_WEIGHT);
    normalise(f, Features.CHARS, CHARS_WEIGHT);
  }

  private static void words(Text t, Features f) {
    int previous = -1;
    int previousHash = 0;
    int tail = Math.max(HEAD_TOKENS, t.size - TAIL_TOKENS);
    for (int i = 0; i < t.size; i++) {
      if (i == HEAD_TOKENS && i < tail) {
        i = tail;
        previous = -1;
      }
      byte k = t.kinds[i];
      if (k == Text.MENTION || k == Text.NUMBER) {
        previous = -1;
        continue;
      }
      String w = t.tokens[i];
      int h = Features.hash(SEED_WORD, w);
      f.add(h, 1f, Features.WORD, i, 0);
      if (previous >= 0) {
        f.add(Features.mix(previousHash * 31 + h + SEED_BIGRAM), 1f, Features.BIGRAM, previous, i);
      }
      previous = i;
      previousHash = h;
      // A function word's letter groups say no more than the word itself, and cost time.
      if (k != Text.EMOJI && !Languages.isFunctionWord(w)) {
        chars(w, i, f);
      }
    }
  }

  /** Letter groups of 3 and 4 in "^word$", hashed without building strings. */
  private static void chars(String w, int token, Features f) {
    int padded = w.length() + 2;
    if (padded < 4) {
      return;
    }
    for (int start = 0; start < padded; start++) {
      int h = SEED_CHARS;
      for (int n = 1; n <= 4 && start + n <= padded; n++) {
        int p = start + n - 1;
        char c = p == 0 ? '^' : p == padded - 1 ? '$' : w.charAt(p - 1);
        h = h * 31 + c;
        if (n >= 3 && !(start == 0 && n == padded)) {
          f.add(Features.mix(h), 1f, Features.CHARS, token, start << 8 | n);
        }
      }
    }
  }

  private static void lexicon(Hits hits, Features f) {
    for (Category c : Category.ALL) {
      int n = hits.count(c);
      if (n > 0 && c != Category.NEGATOR) {
        float v = LEXICON_WEIGHT * (1f + 0.5f * (Math.min(n, 4) - 1));
        f.add(Features.mix(SEED_LEXICON + c.ordinal()), v, Features.LEXICON, c.ordinal(), 0);
      }
    }
  }

  private static void cues(Text t, Hits hits, Features f) {
    int words = t.words();
    cue(f, Cue.QUESTION_MARK, t.questions > 0 ? 1 : 0);
    cue(f, Cue.ENDS_WITH_QUESTION, t.endsWithQuestion ? 1 : 0);
    cue(f, Cue.EXCLAMATIONS, t.exclamations >= 2 ? 1 : 0);
    int shouted = t.shoutedWords();
    cue(f, Cue.SHOUTING, shouted >= 3 || (shouted >= 2 && shouted * 2 >= words) ? 1 : 0);
    cue(f, Cue.LINK, Math.min(t.urls, 2));
    cue(f, Cue.SHORT_LINK, Math.min(t.shortLinks, 2));
    cue(f, Cue.EMAIL, Math.min(t.emails, 2));
    cue(f, Cue.PHONE, Math.min(t.phones, 2));
    cue(f, Cue.MENTION, Math.min(t.count(Text.MENTION), 2));
    int hashtags = t.count(Text.HASHTAG);
    cue(f, Cue.HASHTAG, Math.min(hashtags, 2));
    cue(f, Cue.HASHTAG_RUN, hashtags >= 3 ? 1 : 0);
    cue(f, Cue.PRICE, Math.min(t.prices, 2));
    cue(f, Cue.PERCENT, Math.min(t.percents, 2));
    cue(f, Cue.NUMBER, t.count(Text.NUMBER) > 0 ? 1 : 0);
    cue(f, Cue.SARCASM, sarcasm(t, hits) ? 1 : 0);
    cue(f, Cue.SHORT, words <= SHORT_WORDS ? 1 : 0);
    cue(f, Cue.LONG, words >= LONG_WORDS ? 1 : 0);
  }

  /**
   * A sarcasm cue, or a praise word and a problem word close together in one sentence ("love paying
   * for a modem that blinks orange", "great, another delay"). Praise and a problem far apart are
   * more often a problem that was put right, which is praise.
   */
  static boolean sarcasm(Text t, Hits hits) {
    if (hits.count(Category.SARCASM) > 0) {
      return true;
    }
    for (int i = 0; i < hits.size; i++) {
      if (!isPraise(hits.category[i])) {
        continue;
      }
      for (int j = 0; j < hits.size; j++) {
        if (isProblem(hits.category[j])
            && Math.abs(hits.start[j] - hits.start[i]) <= SARCASM_REACH
            && !sentenceBetween(
                t,
                Math.min(hits.start[i], hits.start[j]),
                Math.max(hits.start[i], hits.start[j]))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPraise(Category c) {
    return c == Category.POSITIVE || c == Category.PRAISE;
  }

  private static boolean isProblem(Category c) {
    return c == Category.NEGATIVE
        || c == Category.COMPLAINT
        || c == Category.OUTAGE
        || c == Category.NEGATED_POSITIVE;
  }

  private static boolean sentenceBetween(Text t, int from, int to) {
    for (int i = from + 1; i <= to; i++) {
      if (t.breaks[i] == Text.SENTENCE) {
        return true;
      }
    }
    return false;
  }

  private static void cue(Features f, Cue cue, int count) {
    if (count > 0) {
      f.add(
          Features.mix(SEED_CUE + cue.ordinal()),
          CUE_WEIGHT * count,
          Features.CUE,
          cue.ordinal(),
          0);
    }
  }

  private static void normalise(Features f, byte kind, float weight) {
    double sum = 0;
    for (int i = 0; i < f.size; i++) {
      if (f.kind[i] == kind) {
        sum += f.value[i] * f.value[i];
      }
    }
    if (sum == 0) {
      return;
    }
    float scale = (float) (weight / Math.sqrt(sum));
    for (int i = 0; i < f.size; i++) {
      if (f.kind[i] == kind) {
        f.value[i] *= scale;
      }
    }
  }
}
