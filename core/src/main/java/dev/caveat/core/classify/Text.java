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

  String[] tokens = new String[64];
  byte[] kinds = new byte[64];
  boolean[] shouted = new boolean[64];
  int size;

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
    }
    tokens[size] = token;
    kinds[size] = kind;
    shouted[size] = shout;
    size++;
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
