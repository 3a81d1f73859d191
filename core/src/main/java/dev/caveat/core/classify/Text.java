package dev.caveat.core.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A post cut into folded tokens, with the surface cues a reader notices before reading: links,
 * short links, e-mail addresses, phone numbers, question and exclamation marks, shouting. Built by
 * {@link TextScanner}; read by the lexicon, the features and the product matcher.
 */
final class Text {

  static final byte WORD = 0;
  static final byte NUMBER = 1;
  static final byte MENTION = 2;
  static final byte HASHTAG = 3;
  static final byte EMOJI = 4;

  /**
   * What separates a token from the one before: nothing, a comma or the like, or a sentence end.
   */
  static final byte NO_BREAK = 0;

  static final byte CLAUSE = 1;
  static final byte SENTENCE = 2;

  String[] tokens = new String[64];
  byte[] kinds = new byte[64];
  boolean[] shouted = new boolean[64];
  byte[] breaks = new byte[64];
  int size;
  // The break that the next token will stand after; a post starts a sentence.
  byte pendingBreak = SENTENCE;

  int urls;
  int shortLinks;
  int emails;
  int phones;
  int questions;
  int exclamations;
  int prices;
  int percents;
  int letters;
  boolean endsWithQuestion;
  final List<String> emailDomains = new ArrayList<>(2);

  void add(String token, byte kind, boolean shout) {
    if (size == tokens.length) {
      tokens = Arrays.copyOf(tokens, size * 2);
      kinds = Arrays.copyOf(kinds, size * 2);
      shouted = Arrays.copyOf(shouted, size * 2);
      breaks = Arrays.copyOf(breaks, size * 2);
    }
    tokens[size] = token;
    kinds[size] = kind;
    shouted[size] = shout;
    breaks[size] = pendingBreak;
    // "@Tesco how do I ..." still opens with "how": a leading mention is an address, not a word.
    if (kind != MENTION) {
      pendingBreak = NO_BREAK;
    }
    size++;
  }

  void breakBefore(byte kind) {
    if (kind > pendingBreak) {
      pendingBreak = kind;
    }
  }

  /**
   * Whether a sentence or a clause ends anywhere between token {@code from} and token {@code to}.
   */
  boolean brokenBetween(int from, int to) {
    for (int i = from + 1; i <= to && i < size; i++) {
      if (breaks[i] != NO_BREAK) {
        return true;
      }
    }
    return false;
  }

  /** Words, numbers and hashtags read as words: what lexicon phrases and product names match. */
  boolean isWordLike(int i) {
    byte k = kinds[i];
    return k == WORD || k == NUMBER || k == HASHTAG;
  }

  int count(byte kind) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (kinds[i] == kind) {
        n++;
      }
    }
    return n;
  }

  int shoutedWords() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (shouted[i]) {
        n++;
      }
    }
    return n;
  }

  int words() {
    return count(WORD);
  }
}
