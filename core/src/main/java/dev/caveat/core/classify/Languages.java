package dev.caveat.core.classify;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Says which of the five languages a post is in. First the post's own frequent words and letters (a
 * post with a clear lead of one language's function words is decided at once, which is most posts
 * of more than a few words); only the rest goes to Lingua, built for these five languages, on at
 * most {@link #LINGUA_PREFIX} characters. Lingua alone would cap throughput well below what the
 * classifier must reach (see the README's figures).
 *
 * <p>Text with no letters (emoji only, a bare link) is {@link #UNDETERMINED} unless the caller
 * declared a language. A declared language is taken when the post's own words do not clearly say
 * otherwise, and then Lingua is not asked.
 */
final class Languages {

  static final String UNDETERMINED = "und";
  static final int LINGUA_PREFIX = 160;
  private static final String[] CODES = {"en", "fr", "de", "nl", "es"};
  private static final Language[] LINGUA = {
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.DUTCH, Language.SPANISH
  };
  private static final double LEAD = 1.0;
  private static final double WORD_NUDGE = 0.25;
  private static final Map<String, Integer> FUNCTION_WORDS = readFunctionWords();

  private final LanguageDetector lingua;

  private Languages(LanguageDetector lingua) {
    this.lingua = lingua;
  }

  /** Loads Lingua's models for the five languages; takes a few hundred milliseconds. */
  static Languages load() {
    return new Languages(
        LanguageDetectorBuilder.fromLanguages(LINGUA)
            .withLowAccuracyMode()
            .withPreloadedLanguageModels()
            .build());
  }

  /** The decision and how it was reached, for the reasons. */
  record Guess(String code, String how) {}

  Guess detect(String raw, Text text, String declared) {
    double[] score = new double[CODES.length];
    functionWords(text, score);
    letters(raw, score);
    int best = 0;
    int second = -1;
    for (int i = 1; i < CODES.length; i++) {
      if (score[i] > score[best]) {
        second = best;
        best = i;
      } else if (second < 0 || score[i] > score[second]) {
        second = i;
      }
    }
    if (second < 0 || score[best] < 0) {
      second = best == 0 ? 1 : 0;
    }
    double lead = score[best] - score[second];
    if (lead >= LEAD) {
      return new Guess(
          CODES[best], "its words and letters (lead " + Math.round(lead * 10) / 10.0 + ")");
    }
    String declaredCode = supported(declared);
    if (declaredCode != null) {
      return new Guess(declaredCode, "declared by the source");
    }
    if (text.letters == 0) {
      return new Guess(UNDETERMINED, "no letters to tell");
    }
    // Lingua's relative confidences (the likeliest is 1), nudged by the post's own words.
    Map<Language, Double> confidence =
        lingua.computeLanguageConfidenceValues(
            raw.length() > LINGUA_PREFIX ? raw.substring(0, LINGUA_PREFIX) : raw);
    int pick = -1;
    double top = 0;
    for (int i = 0; i < LINGUA.length; i++) {
      double c = confidence.getOrDefault(LINGUA[i], 0.0) + WORD_NUDGE * score[i];
      if (c > top) {
        top = c;
        pick = i;
      }
    }
    if (pick >= 0) {
      return new Guess(CODES[pick], "Lingua");
    }
    if (score[best] > 0) {
      return new Guess(CODES[best], "its words (Lingua undecided)");
    }
    return new Guess(UNDETERMINED, "Lingua undecided");
  }

  /** A frequent short word of any of the five languages: no reason for a rep to read. */
  static boolean isFunctionWord(String folded) {
    return FUNCTION_WORDS.containsKey(folded);
  }

  static String supported(String declared) {
    if (declared == null || declared.length() < 2) {
      return null;
    }
    String code = declared.substring(0, 2).toLowerCase(Locale.ROOT);
    for (String c : CODES) {
      if (c.equals(code)) {
        return c;
      }
    }
    return null;
  }

  private static void functionWords(Text text, double[] score) {
    for (int i = 0; i < text.size; i++) {
      if (text.kinds[i] != Text.WORD) {
        continue;
      }
      Integer mask = FUNCTION_WORDS.get(text.tokens[i]);
      if (mask != null) {
        double share = 1.0 / Integer.bitCount(mask);
        for (int l = 0; l < CODES.length; l++) {
          if ((mask & (1 << l)) != 0) {
            score[l] += share;
          }
        }
      }
    }
  }

  /** Letters only one of the five languages uses. */
  private static void letters(String raw, double[] score) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0xC0) {
        if (c == 0xBF || c == 0xA1) {
          score[4] += 1; // ¿ ¡
        }
        continue;
      }
      switch (Character.toLowerCase(c)) {
        case 'ñ', 'á', 'í', 'ó', 'ú' -> score[4] += 1;
        case 'ß', 'ä', 'ö', 'ü' -> score[2] += 1;
        case 'ç', 'è', 'ê', 'à', 'â', 'î', 'û', 'ù', 'œ' -> score[1] += 1;
        default -> {}
      }
    }
  }

  private static Map<String, Integer> readFunctionWords() {
    Map<String, Integer> words = new HashMap<>();
    String path = "lexicon/function-words.txt";
    try (InputStream in = Languages.class.getResourceAsStream(path);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        int lang = java.util.Arrays.asList(CODES).indexOf(line.substring(0, colon));
        for (String w : line.substring(colon + 1).trim().split(" +")) {
          words.merge(w, 1 << lang, (a, b) -> a | b);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(words);
  }
}
