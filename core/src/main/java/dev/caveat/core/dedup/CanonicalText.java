package dev.caveat.core.dedup;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A post's text reduced to the words that carry its meaning, each as a 64-bit hash, plus a 128-bit
 * fingerprint of the whole sequence. Folded away: case, accents and compatibility forms (NFKD),
 * punctuation and whitespace runs, emoji variation selectors and skin tones, apostrophes inside
 * words, "RT @x" / "MT @x" / "via @x" attributions, and the tracking parameters of links. Emoji
 * stay (an angry face changes the meaning of a thank-you).
 *
 * <p>Other mentions stay as words, with or without their "@": a leading "@northwind" is as often
 * the subject ("@northwind is down") as the address of a reply, and dropping it would make
 * "@northwind is down" and "@contoso is down" one text. A reply that adds an address is still a
 * near copy.
 *
 * <p>The hashes are not cryptographic: a crafted collision only files a post under a wrong cluster.
 *
 * @param words word hashes in text order; only the first {@code size} are valid
 */
record CanonicalText(long[] words, int size, long fingerprintHigh, long fingerprintLow) {

  private static final byte WORD = 0;
  private static final byte MENTION = 1;
  private static final long RT = wordHash("rt");
  private static final long MT = wordHash("mt");
  private static final long VIA = wordHash("via");

  static CanonicalText of(String text) {
    String folded = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
    Scan scan = new Scan(folded);
    scan.run();
    return scan.finish();
  }

  private static long wordHash(String word) {
    return of(word).words()[0];
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Nothing that changes meaning: accents, joiners, variation selectors, skin tones. */
  private static boolean ignorable(int type) {
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.FORMAT
        || type == Character.MODIFIER_SYMBOL;
  }

  private static final class Scan {
    private final String text;
    private long[] first = new long[32];
    private long[] second = new long[32];
    private byte[] kinds = new byte[32];
    private int size;
    private long hashA;
    private long hashB;

    Scan(String text) {
      this.text = text;
    }

    void run() {
      int i = 0;
      int n = text.length();
      // Whether the character before i belongs to a word: "support@northwind.com" is no mention.
      boolean joined = false;
      while (i < n) {
        char c = text.charAt(i);
        if (c < 0x80 && !asciiWordChar(c) && c != '@') {
          // The common case of spaces and punctuation, without code point tables.
          joined = c == '_';
          i++;
          continue;
        }
        int cp = text.codePointAt(i);
        if (Character.isLetterOrDigit(cp)) {
          boolean link = (c == 'h' || c == 'H' || c == 'w' || c == 'W') && Urls.startsAt(text, i);
          i = link ? url(i) : word(i, WORD);
          joined = true;
          continue;
        }
        int next = i + Character.charCount(cp);
        if (cp == '@' && !joined && next < n && handleChar(text.codePointAt(next))) {
          i = word(next, MENTION);
          joined = true;
          continue;
        }
        int type = Character.getType(cp);
        if (type == Character.OTHER_SYMBOL) {
          start();
          feed(cp);
          emit(WORD);
        }
        joined = cp == '_' || (joined && ignorable(type));
        i = next;
      }
    }

    private int word(int from, byte kind) {
      start();
      int i = from;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c < 0x80) {
          if (asciiWordChar(c) || (kind == MENTION && c == '_')) {
            feed(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            i++;
            continue;
          }
          if (!apostropheInWord(c, i + 1)) {
            break;
          }
          i++;
          continue;
        }
        int cp = text.codePointAt(i);
        int width = Character.charCount(cp);
        if (Character.isLetterOrDigit(cp)) {
          feed(Character.toLowerCase(cp));
        } else if (!(ignorable(Character.getType(cp)) || apostropheInWord(cp, i + width))) {
          break;
        }
        i += width;
      }
      emit(kind);
      return i;
    }

    private static boolean asciiWordChar(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private boolean apostropheInWord(int cp, int next) {
      return (cp == '\'' || cp == '’')
          && next < text.length()
          && Character.isLetterOrDigit(text.codePointAt(next));
    }

    private int url(int from) {
      int end = Urls.end(text, from);
      String canonical = Urls.canonical(text.substring(from, end));
      start();
      for (int i = 0; i < canonical.length(); i++) {
        feed(canonical.charAt(i));
      }
      emit(WORD);
      return end;
    }

    private static boolean handleChar(int cp) {
      return Character.isLetterOrDigit(cp) || cp == '_';
    }

    private void start() {
      hashA = 0xcbf29ce484222325L;
      hashB = 0x9E3779B97F4A7C15L;
    }

    // Two unrelated mixes per character, so the fingerprint does not rest on one 64-bit hash.
    private void feed(int cp) {
      hashA = (hashA ^ cp) * 0x100000001b3L;
      hashB = Long.rotateLeft(hashB + cp * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
    }

    private void emit(byte kind) {
      if (size == first.length) {
        first = Arrays.copyOf(first, size * 2);
        second = Arrays.copyOf(second, size * 2);
        kinds = Arrays.copyOf(kinds, size * 2);
      }
      first[size] = Mix.fmix64(hashA);
      second[size] = Mix.fmix64(hashB ^ 0x5851F42D4C957F2DL);
      kinds[size++] = kind;
    }

    CanonicalText finish() {
      int kept = dropAttributions();
      long high = 0x243F6A8885A308D3L;
      long low = 0x13198A2E03707344L;
      for (int i = 0; i < kept; i++) {
        high = (high + first[i]) * 0x9E3779B97F4A7C15L;
        low = Long.rotateLeft(low ^ second[i], 27) * 0xff51afd7ed558ccdL;
      }
      return new CanonicalText(first, kept, Mix.fmix64(high ^ kept), Mix.fmix64(low + 31L * kept));
    }

    /** Removes "RT @x", "MT @x" and "via @x" wherever they stand; returns the new size. */
    private int dropAttributions() {
      int out = 0;
      for (int i = 0; i < size; i++) {
        boolean attribution =
            kinds[i] == WORD
                && i + 1 < size
                && kinds[i + 1] == MENTION
                && (first[i] == RT || first[i] == MT || first[i] == VIA);
        if (attribution) {
          i++;
          continue;
        }
        first[out] = first[i];
        second[out] = second[i];
        kinds[out++] = kinds[i];
      }
      return out;
    }
  }
}
