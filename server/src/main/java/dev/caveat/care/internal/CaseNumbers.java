package dev.caveat.care.internal;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case numbers a person can read aloud and type: the company's prefix, a hyphen and five characters
 * that cannot be mistaken for one another (no 0/O, no 1/I/L), such as "NW-7K3Q9".
 */
final class CaseNumbers {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 5;
  static final int CODE_LENGTH = 6;

  /** A case number anywhere in a text, whatever its case, not inside a longer word. */
  private static final Pattern QUOTED =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])([A-Z0-9]{1,3}-[" + ALPHABET + "]{" + LENGTH + "})(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LINK_CODE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(LINK-[" + ALPHABET + "]{" + CODE_LENGTH + "})(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE);

  private static final RandomGenerator RANDOM = new SecureRandom();

  private CaseNumbers() {}

  /**
   * The prefix for a company's numbers, from its slug: the initials of up to three of its words, or
   * the first two characters of a one-word slug ("northwind-broadband" → "NB", "acme" → "AC").
   */
  static String prefix(String slug) {
    String[] words = slug.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "").split("-+");
    StringBuilder prefix = new StringBuilder();
    if (words.length >= 2) {
      for (int i = 0; i < words.length && prefix.length() < 3; i++) {
        if (!words[i].isEmpty()) {
          prefix.append(words[i].charAt(0));
        }
      }
    } else if (words.length == 1) {
      prefix.append(words[0], 0, Math.min(2, words[0].length()));
    }
    return prefix.isEmpty() ? "C" : prefix.toString();
  }

  static String next(String prefix) {
    StringBuilder number = new StringBuilder(prefix).append('-');
    for (int i = 0; i < LENGTH; i++) {
      number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return number.toString();
  }

  /** The code a customer gives with the case number to follow the case on its public page. */
  static String code() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** A code a customer posts from another account to show it is theirs too, such as LINK-7K3Q9M. */
  static String linkCode() {
    return "LINK-" + code();
  }

  /** Every link code in the text, upper-cased, in order of appearance. */
  static List<String> linkCodesIn(String text) {
    if (text == null) {
      return List.of();
    }
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = LINK_CODE.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1).toUpperCase(Locale.ROOT));
    }
    return List.copyOf(found);
  }

  /** Everything in the text shaped like a case number, upper-cased, in order of appearance. */
  static List<String> quotedIn(String text) {
    if (text == null) {
      return List.of();
    }
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = QUOTED.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1).toUpperCase(Locale.ROOT));
    }
    return List.copyOf(found);
  }
}
