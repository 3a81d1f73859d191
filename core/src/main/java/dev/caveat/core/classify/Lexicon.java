package dev.caveat.core.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Word lists per language: phrases under a {@link Category}, matched on folded tokens. An entry is
 * words separated by spaces; {@code refund*} matches any word that starts with "refund", a lone
 * {@code *} matches any one word. Read from {@code lexicon/<lang>.txt} beside this class, plus
 * {@code lexicon/global.txt} (emoji, internet English) for every language.
 */
final class Lexicon {

  static final List<String> LANGUAGES = List.of("en", "fr", "de", "nl", "es");
  private static final int PREFIX_KEY = 3;
  private static final int NEGATION_SCOPE = 3;
  private static final Map<String, Lexicon> BY_LANGUAGE = new HashMap<>();
  private static final long FINGERPRINT;
  private static final java.util.Set<Category> NEGATABLE =
      java.util.EnumSet.of(
          Category.POSITIVE,
          Category.NEGATIVE,
          Category.COMPLAINT,
          Category.CHURN,
          Category.LEGAL,
          Category.SAFETY,
          Category.OUTAGE);

  static {
    CRC32 crc = new CRC32();
    Lexicon union = new Lexicon();
    List<String> global = read("global", crc);
    for (String lang : LANGUAGES) {
      Lexicon lexicon = new Lexicon();
      List<String> own = read(lang, crc);
      lexicon.addAll(global);
      lexicon.addAll(own);
      lexicon.freeze();
      union.addAll(own);
      BY_LANGUAGE.put(lang, lexicon);
    }
    union.addAll(global);
    union.freeze();
    BY_LANGUAGE.put(Languages.UNDETERMINED, union);
    FINGERPRINT = crc.getValue();
  }

  /** One element of a phrase: a word, a prefix or any word. */
  private record Part(String text, boolean prefix, boolean hashtag) {
    boolean matches(Text t, int i) {
      byte kind = t.kinds[i];
      if (kind == Text.MENTION || (hashtag && kind != Text.HASHTAG)) {
        return false;
      }
      String token = t.tokens[i];
      return text.isEmpty() || (prefix ? token.startsWith(text) : token.equals(text));
    }
  }

  private record Phrase(Category category, Part[] parts) {}

  private final Map<String, List<Phrase>> byWord = new HashMap<>();
  private final Map<String, List<Phrase>> byPrefix = new HashMap<>();
  // The prefix entries again, keyed by their first three letters packed in a long and sorted, so a
  // lookup per token allocates nothing.
  private long[] prefixKeys = new long[0];
  private Phrase[][] prefixPhrases = new Phrase[0][];
  private Map<String, Phrase[]> wordPhrases = Map.of();

  private Lexicon() {}

  static Lexicon forLanguage(String language) {
    Lexicon lexicon = BY_LANGUAGE.get(language);
    return lexicon != null ? lexicon : BY_LANGUAGE.get(Languages.UNDETERMINED);
  }

  /** Changes whenever any lexicon file does: models remember it, since their features use it. */
  static long fingerprint() {
    return FINGERPRINT;
  }

  /** Finds every entry in {@code text}, then turns sentiment words under negation around. */
  Hits match(Text text, Hits hits) {
    for (int i = 0; i < text.size; i++) {
      if (text.kinds[i] == Text.MENTION) {
        continue;
      }
      String token = text.tokens[i];
      Phrase[] exact = wordPhrases.get(token);
      if (exact != null) {
        tryAll(exact, text, i, hits);
      }
      if (token.length() >= PREFIX_KEY) {
        int at = java.util.Arrays.binarySearch(prefixKeys, key(token));
        if (at >= 0) {
          tryAll(prefixPhrases[at], text, i, hits);
        }
      }
    }
    negate(text, hits);
    return hits;
  }

  private static long key(String word) {
    return (long) word.charAt(0) << 32 | (long) word.charAt(1) << 16 | word.charAt(2);
  }

  private void freeze() {
    List<String> keys = new ArrayList<>(byPrefix.keySet());
    keys.sort(java.util.Comparator.comparingLong(Lexicon::key));
    prefixKeys = new long[keys.size()];
    prefixPhrases = new Phrase[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      prefixKeys[i] = key(keys.get(i));
      prefixPhrases[i] = byPrefix.get(keys.get(i)).toArray(Phrase[]::new);
    }
    Map<String, Phrase[]> words = new HashMap<>();
    byWord.forEach((w, phrases) -> words.put(w, phrases.toArray(Phrase[]::new)));
    wordPhrases = words;
  }

  private static void tryAll(Phrase[] phrases, Text text, int at, Hits hits) {
    for (Phrase p : phrases) {
      int end = at + p.parts.length;
      if (end > text.size) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < p.parts.length && ok; k++) {
        ok = p.parts[k].matches(text, at + k);
      }
      if (ok && p.category == Category.INTERROGATIVE && text.breaks[at] == Text.NO_BREAK) {
        continue;
      }
      if (ok) {
        hits.add(p.category, at, end, span(text, at, end));
      }
    }
  }

  private static String span(Text text, int from, int to) {
    if (to == from + 1) {
      return text.tokens[from];
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(text.tokens[i]);
    }
    return sb.toString();
  }

  /**
   * "not good" is negative and "not bad" is not: one-word entries after a negator turn around. A
   * negated problem word ("no delay", "aucune plainte") counts as a negated negative word, and no
   * longer as a complaint or an urgency. A negation ends with its clause: in "no stress, thanks"
   * the thanks stand.
   */
  private static void negate(Text text, Hits hits) {
    if (hits.count(Category.NEGATOR) == 0) {
      return;
    }
    for (int i = 0; i < hits.size; i++) {
      Category c = hits.category[i];
      if (!NEGATABLE.contains(c) || hits.end[i] - hits.start[i] != 1) {
        continue;
      }
      for (int j = 0; j < hits.size; j++) {
        int distance = hits.start[i] - hits.start[j];
        if (hits.category[j] == Category.NEGATOR
            && distance >= 1
            && distance <= NEGATION_SCOPE
            && !text.brokenBetween(hits.start[j], hits.start[i])
            && !insidePhrase(hits, hits.start[j], hits.start[i])) {
          hits.recount(
              i, c == Category.POSITIVE ? Category.NEGATED_POSITIVE : Category.NEGATED_NEGATIVE);
          break;
        }
      }
    }
  }

  /**
   * A negator inside a longer entry ("no internet") already said what it means there, and does not
   * reach past it; inside an entry that holds the word too ("not bad") it still turns it around.
   */
  private static boolean insidePhrase(Hits hits, int negator, int word) {
    for (int i = 0; i < hits.size; i++) {
      if (hits.end[i] - hits.start[i] > 1
          && hits.start[i] <= negator
          && negator < hits.end[i]
          && word >= hits.end[i]) {
        return true;
      }
    }
    return false;
  }

  private void addAll(List<String> lines) {
    Category category = null;
    for (String line : lines) {
      if (line.startsWith("[")) {
        category = Category.valueOf(line.substring(1, line.length() - 1).toUpperCase());
        continue;
      }
      if (category == null) {
        throw new IllegalStateException("lexicon entry before any [section]: " + line);
      }
      add(category, line);
    }
  }

  private void add(Category category, String entry) {
    List<Part> parts = new ArrayList<>();
    for (String word : entry.split(" +")) {
      if (word.equals("*")) {
        parts.add(new Part("", false, false));
      } else if (word.endsWith("*")) {
        parts.add(new Part(Fold.text(word.substring(0, word.length() - 1)), true, false));
      } else {
        Text t = TextScanner.scan(word);
        if (t.size == 0 || t.count(Text.MENTION) > 0) {
          throw new IllegalStateException("lexicon entry has no word or a mention: " + entry);
        }
        for (int i = 0; i < t.size; i++) {
          parts.add(new Part(t.tokens[i], false, t.kinds[i] == Text.HASHTAG));
        }
      }
    }
    if (parts.isEmpty() || parts.get(0).text.isEmpty()) {
      throw new IllegalStateException("lexicon entry must start with a word: " + entry);
    }
    Phrase phrase = new Phrase(category, parts.toArray(Part[]::new));
    Part first = parts.get(0);
    if (first.prefix) {
      if (first.text.length() < PREFIX_KEY) {
        throw new IllegalStateException("prefix too short in lexicon entry: " + entry);
      }
      byPrefix
          .computeIfAbsent(first.text.substring(0, PREFIX_KEY), k -> new ArrayList<>())
          .add(phrase);
    } else {
      byWord.computeIfAbsent(first.text, k -> new ArrayList<>()).add(phrase);
    }
  }

  private static List<String> read(String name, CRC32 crc) {
    String path = "lexicon/" + name + ".txt";
    try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classifier resource " + path);
      }
      byte[] bytes = in.readAllBytes();
      crc.update(bytes);
      List<String> lines = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String l = line.strip();
          // "# " starts a comment; "#fail" is a hashtag entry.
          if (!l.isEmpty() && !l.startsWith("# ") && !l.equals("#")) {
            lines.add(l);
          }
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
