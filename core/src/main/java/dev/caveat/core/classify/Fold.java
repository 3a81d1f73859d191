package dev.caveat.core.classify;

import java.text.Normalizer;

/**
 * Folds one character the way every lexicon entry, product name and feature sees text: lower case,
 * accents off ("é" is "e", "ß" is "ss"), typographic apostrophes as {@code '}. Latin letters go
 * through a table built once, so the hot path never calls the normaliser.
 */
final class Fold {

  private static final int TABLE = 0x250;
  private static final String[] LATIN = new String[TABLE];

  static {
    for (int c = 0; c < TABLE; c++) {
      String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
      StringBuilder base = new StringBuilder();
      for (int i = 0; i < decomposed.length(); i++) {
        char d = decomposed.charAt(i);
        if (Character.getType(d) != Character.NON_SPACING_MARK) {
          base.append(Character.toLowerCase(d));
        }
      }
      LATIN[c] = base.toString();
    }
    LATIN['ß'] = "ss";
    LATIN['æ'] = "ae";
    LATIN['Æ'] = "ae";
    LATIN['œ'] = "oe";
    LATIN['Œ'] = "oe";
    LATIN['ø'] = "o";
    LATIN['Ø'] = "o";
    LATIN['ł'] = "l";
    LATIN['Ł'] = "l";
    LATIN['đ'] = "d";
    LATIN['Đ'] = "d";
    LATIN['ı'] = "i";
  }

  private Fold() {}

  /** Appends the folded form of {@code c} (nothing for a combining mark). */
  static void append(StringBuilder out, char c) {
    if (c < 0x80) {
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    } else if (c < TABLE) {
      out.append(LATIN[c]);
    } else if (isApostrophe(c)) {
      out.append('\'');
    } else if (!isMark(c)) {
      out.append(Character.toLowerCase(c));
    }
  }

  /** The whole string folded, for names and lexicon entries (not the hot path). */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      append(out, s.charAt(i));
    }
    return out.toString();
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == '‘' || c == 'ʼ' || c == '`' || c == '´';
  }

  static boolean isMark(char c) {
    return (c >= 0x300 && c <= 0x36F) || Character.getType(c) == Character.NON_SPACING_MARK;
  }
}
