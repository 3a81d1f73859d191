package dev.caveat.core.classify;

import java.util.Locale;
import java.util.Set;

/**
 * Cuts a post into {@link Text}: whitespace-separated chunks are links, e-mail addresses or runs of
 * words, mentions, hashtags and emoji. English contractions join ("don't" is "dont") while French
 * elisions split ("l'appli" is "l", "appli"), so both match their lexicons.
 */
final class TextScanner {

  private static final Set<String> SHORTENERS =
      Set.of(
          "bit.ly",
          "t.co",
          "tinyurl.com",
          "goo.gl",
          "ow.ly",
          "is.gd",
          "buff.ly",
          "cutt.ly",
          "rb.gy",
          "shorturl.at",
          "tiny.cc",
          "rebrand.ly",
          "t.ly",
          "lnkd.in",
          "bitly.com",
          "s.id",
          "v.gd",
          "shorte.st",
          "adf.ly",
          "linktr.ee",
          "wa.me",
          "t.me");
  // Generic and national endings seen on hosts in posts; "e-mail.Thanks" is no host.
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "com", "net", "org", "info", "biz", "co", "io", "me", "app", "shop", "store", "online",
          "site", "top", "xyz", "live", "club", "pro", "gg", "vip", "cc", "tv", "win", "bet",
          "click", "link", "love", "uk", "ie", "fr", "de", "nl", "be", "es", "ch", "at", "it", "pt",
          "eu", "us", "ca", "mx", "ar", "cl", "pe", "br", "au", "nz", "in");
  private static final Set<String> CONTRACTIONS = Set.of("t", "s", "re", "ve", "ll", "d", "m");
  private static final int PHONE_DIGITS = 9;

  private final String in;
  private final Text out = new Text();
  private final StringBuilder token = new StringBuilder(32);
  private int upper;
  private int lower;
  private int digitRun;
  private boolean phoneCounted;

  private TextScanner(String in) {
    this.in = in;
  }

  static Text scan(String text) {
    TextScanner s = new TextScanner(text);
    s.run();
    return s.out;
  }

  private void run() {
    int n = in.length();
    int i = 0;
    int lastChunkStart = -1;
    int lastQuestionChunk = -2;
    while (i < n) {
      while (i < n && Character.isWhitespace(in.charAt(i))) {
        // A line break ends a sentence, as in a subject line or a greeting.
        if (in.charAt(i) == '\n') {
          out.breakBefore(Text.SENTENCE);
        }
        i++;
      }
      if (i == n) {
        break;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(in.charAt(i))) {
        i++;
      }
      int questionsBefore = out.questions;
      chunk(start, i);
      lastChunkStart = start;
      if (out.questions > questionsBefore) {
        lastQuestionChunk = start;
      }
    }
    out.endsWithQuestion = lastChunkStart >= 0 && lastQuestionChunk == lastChunkStart;
  }

  private void chunk(int s, int e) {
    phone(s, e);
    int end = e;
    byte after = Text.NO_BREAK;
    while (end > s && ".,;:!?)]}\"'»”".indexOf(in.charAt(end - 1)) >= 0) {
      char c = in.charAt(end - 1);
      if (c == '?') {
        out.questions++;
      } else if (c == '!') {
        out.exclamations++;
      }
      after = (byte) Math.max(after, breakAfter(c));
      end--;
    }
    if (isLink(s, end)) {
      out.urls++;
    } else if (!email(s, end)) {
      words(s, end);
    }
    out.breakBefore(after);
  }

  private static byte breakAfter(char c) {
    return switch (c) {
      case '.', '!', '?' -> Text.SENTENCE;
      case ',', ';', ':', ')' -> Text.CLAUSE;
      default -> Text.NO_BREAK;
    };
  }

  private boolean email(int s, int end) {
    int at = in.indexOf('@', s, end);
    if (at > s && at < end) {
      int dot = in.indexOf('.', at, end);
      if (dot > at + 1 && dot < end - 1) {
        out.emails++;
        out.emailDomains.add(Fold.text(in.substring(at + 1, end)));
        return true;
      }
    }
    return false;
  }

  private boolean isLink(int s, int e) {
    if (in.regionMatches(true, s, "http://", 0, 7)
        || in.regionMatches(true, s, "https://", 0, 8)
        || in.regionMatches(true, s, "www.", 0, 4)) {
      int hostStart = in.indexOf("//", s, e);
      hostStart = hostStart >= 0 && hostStart < e ? hostStart + 2 : s;
      countShortener(hostStart, e);
      return true;
    }
    int slash = in.indexOf('/', s, e);
    if (slash <= s || slash >= e) {
      return isHyphenatedHost(s, e);
    }
    int dot = in.indexOf('.', s, slash);
    if (dot <= s || dot >= slash - 1) {
      return false;
    }
    for (int i = s; i < slash; i++) {
      char c = in.charAt(i);
      if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-'))) {
        return false;
      }
    }
    // A bare host with a path, like bit.ly/3xYz; "24/7" or "and/or" have no dot before the slash.
    countShortener(s, e);
    return true;
  }

  /**
   * A bare host with a hyphen and a common top-level domain, like "parcel-redelivery-uk.com": the
   * look-alike hosts that spam and phishing drop without "https://". A brand written as a host
   * without a hyphen ("Booking.com", "bol.com") stays words, as customers name shops that way.
   */
  private boolean isHyphenatedHost(int s, int e) {
    int lastDot = -1;
    boolean hyphen = false;
    for (int i = s; i < e; i++) {
      char c = in.charAt(i);
      if (c == '.') {
        lastDot = i;
      } else if (c == '-') {
        hyphen = true;
      } else if (!(c < 0x80 && Character.isLetterOrDigit(c))) {
        return false;
      }
    }
    if (!hyphen || lastDot <= s + 1 || lastDot >= e - 2 || in.charAt(s) == '-') {
      return false;
    }
    return TOP_LEVEL.contains(in.substring(lastDot + 1, e).toLowerCase(Locale.ROOT));
  }

  private void countShortener(int hostStart, int e) {
    int hostEnd = hostStart;
    while (hostEnd < e && in.charAt(hostEnd) != '/' && in.charAt(hostEnd) != '?') {
      hostEnd++;
    }
    String host = in.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    if (SHORTENERS.contains(host)) {
      out.shortLinks++;
    }
  }

  /** Phone numbers: runs of digit groups such as "1-888-555-0199" or "+33 6 12 34 56 78". */
  private void phone(int s, int e) {
    int digits = 0;
    for (int i = s; i < e; i++) {
      char c = in.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if ("+-.()/".indexOf(c) < 0 && !(i == e - 1 && ",;:".indexOf(c) >= 0)) {
        digitRun = 0;
        phoneCounted = false;
        return;
      }
    }
    if (digits == 0) {
      return;
    }
    digitRun += digits;
    if (digitRun >= PHONE_DIGITS && !phoneCounted) {
      out.phones++;
      phoneCounted = true;
    }
  }

  private void words(int s, int e) {
    byte kind = Text.WORD;
    for (int i = s; i < e; ) {
      int cp = in.codePointAt(i);
      int width = Character.charCount(cp);
      if (token.isEmpty() && (cp == '@' || cp == '#') && i + 1 < e && wordChar(in.charAt(i + 1))) {
        kind = cp == '@' ? Text.MENTION : Text.HASHTAG;
        if (cp == '@') {
          token.append('@');
        }
      } else if (Character.isLetterOrDigit(cp) || (cp == '_' && kind != Text.WORD)) {
        if (Character.isUpperCase(cp)) {
          upper++;
        } else if (Character.isLowerCase(cp)) {
          lower++;
        }
        if (width == 1) {
          Fold.append(token, (char) cp);
        } else {
          token.appendCodePoint(cp);
        }
      } else if (width == 1 && Fold.isMark((char) cp)) {
        // a combining accent: folded away
      } else if (width == 1 && Fold.isApostrophe((char) cp) && !token.isEmpty()) {
        int after = i + 1;
        while (after < e && Character.isLetter(in.charAt(after))) {
          after++;
        }
        String rest = Fold.text(in.substring(i + 1, after));
        if (!CONTRACTIONS.contains(rest)) {
          kind = flush(kind);
        }
      } else if (kind == Text.MENTION && cp == '.' && i + 1 < e && wordChar(in.charAt(i + 1))) {
        token.append('.');
      } else {
        kind = flush(kind);
        punctuation(cp);
      }
      i += width;
    }
    flush(kind);
  }

  private void punctuation(int cp) {
    switch (cp) {
      case '?', '¿' -> {
        out.questions++;
        out.breakBefore(Text.SENTENCE);
      }
      case '!', '¡' -> {
        out.exclamations += cp == '!' ? 1 : 0;
        out.breakBefore(Text.SENTENCE);
      }
      case ',', ';' -> out.breakBefore(Text.CLAUSE);
      case '€', '$', '£' -> out.prices++;
      case '%' -> out.percents++;
      default -> {
        if (Emoji.is(cp)) {
          out.add(new String(Character.toChars(cp)), Text.EMOJI, false);
        }
      }
    }
  }

  private byte flush(byte kind) {
    if (!token.isEmpty()) {
      byte k = kind;
      if (k == Text.WORD && allDigits()) {
        k = Text.NUMBER;
      }
      boolean shout = upper >= 2 && lower == 0 && k == Text.WORD && token.length() >= 3;
      out.add(token.toString(), k, shout);
      out.letters += upper + lower;
      if (k == Text.HASHTAG || k == Text.MENTION) {
        out.letters -= upper + lower;
      }
      token.setLength(0);
    }
    upper = 0;
    lower = 0;
    return Text.WORD;
  }

  private boolean allDigits() {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
