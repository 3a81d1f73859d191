package dev.caveat.core.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds which of a company's products a post names: a name or alias as whole folded words ("Livebox
 * 6" matches "livebox 6" and "#livebox", not "liveboxes"), or as an @mention. Words inside e-mail
 * addresses and links are never tokens, so "jean@orange.fr" names no Orange product.
 */
final class ProductMatcher {

  private ProductMatcher() {}

  static List<String> match(Text t, List<Product> products, List<Reason> reasons) {
    List<String> found = new ArrayList<>();
    for (Product p : products) {
      String hit = find(t, p.name());
      for (int a = 0; hit == null && a < p.aliases().size(); a++) {
        hit = find(t, p.aliases().get(a));
      }
      if (hit != null) {
        found.add(p.name());
        reasons.add(
            new Reason("product", "product \"" + p.name() + "\" named as \"" + hit + "\"", 1));
      }
    }
    return found;
  }

  private static String find(Text t, String name) {
    Text want = TextScanner.scan(name);
    if (want.size == 0) {
      return null;
    }
    for (int i = 0; i + want.size <= t.size; i++) {
      if (matches(t, i, want)) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < want.size; k++) {
          sb.append(k > 0 ? " " : "")
              .append(t.kinds[i + k] == Text.HASHTAG ? "#" : "")
              .append(t.tokens[i + k]);
        }
        return sb.toString();
      }
    }
    // "Livebox6" or "#LiveboxPro" written as one word
    if (want.size > 1) {
      StringBuilder joined = new StringBuilder();
      for (int k = 0; k < want.size; k++) {
        joined.append(want.tokens[k]);
      }
      String one = joined.toString();
      for (int i = 0; i < t.size; i++) {
        String tok = t.kinds[i] == Text.MENTION ? t.tokens[i].substring(1) : t.tokens[i];
        if (tok.equals(one)) {
          return t.tokens[i];
        }
      }
    }
    return null;
  }

  private static boolean matches(Text t, int at, Text want) {
    for (int k = 0; k < want.size; k++) {
      String tok = t.tokens[at + k];
      if (t.kinds[at + k] == Text.MENTION) {
        if (want.size != 1) {
          return false;
        }
        tok = tok.substring(1);
      }
      if (!tok.equals(want.tokens[k])) {
        return false;
      }
    }
    return true;
  }
}
