package dev.caveat.core.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Brings a web address to the form that two copies of one post share: no scheme, no "www.", no
 * fragment, no trailing slash, and no query parameters that only say who shared the link.
 */
final class Urls {

  /** Parameters added by share buttons, mailers and ad networks; they never change the page. */
  private static final Set<String> TRACKING =
      Set.of(
          "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
          "igsh", "mc_cid", "mc_eid", "mkt_tok", "_hsenc", "_hsmi", "ref", "ref_src", "ref_url",
          "si", "s", "t", "feature", "share", "shared", "cmpid", "spm", "scid", "srsltid");

  private Urls() {}

  /**
   * Where an address that starts at {@code from} ends, without the punctuation that ends a
   * sentence.
   */
  static int end(String text, int from) {
    int end = from;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '`') {
        break;
      }
      end++;
    }
    while (end > from && ".,;:!?)]}'’".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  static boolean startsAt(String text, int at) {
    return text.regionMatches(true, at, "http://", 0, 7)
        || text.regionMatches(true, at, "https://", 0, 8)
        || text.regionMatches(true, at, "www.", 0, 4);
  }

  static String canonical(String address) {
    String rest = address.toLowerCase(Locale.ROOT);
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    }
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    String query = question < 0 ? "" : rest.substring(question + 1);
    rest = question < 0 ? rest : rest.substring(0, question);
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    // Paths lose their case like the rest of the text: "t.co/AbC" and "t.co/abc" become one
    // token, a collision that matters only when everything else in two posts is the same too.
    String path = slash < 0 ? "" : rest.substring(slash);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String kept = keptParameters(query);
    return kept.isEmpty() ? host + path : host + path + "?" + kept;
  }

  private static String keptParameters(String query) {
    if (query.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : query.split("&")) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (!name.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(parameter);
      }
    }
    // Order carries no meaning either; sorting lets "?a=1&b=2" equal "?b=2&a=1".
    kept.sort(null);
    return String.join("&", kept);
  }
}
