package dev.caveat.core.classify;

import java.util.List;

/**
 * What to classify.
 *
 * @param text the post's text (required)
 * @param title its title, when the source has one (forum threads, blog posts); may be null
 * @param language the language the source declared, or null; used when the words do not say
 * @param followers the author's follower count when the source tells it, or null
 * @param products the company's products to look for; may be empty
 */
public record ClassifyInput(
    String text, String title, String language, Long followers, List<Product> products) {

  public ClassifyInput {
    if (text == null) {
      throw new IllegalArgumentException("text is required");
    }
    products = products == null ? List.of() : List.copyOf(products);
  }

  public static ClassifyInput of(String text) {
    return new ClassifyInput(text, null, null, null, List.of());
  }

  public ClassifyInput withTitle(String t) {
    return new ClassifyInput(text, t, language, followers, products);
  }

  public ClassifyInput withLanguage(String l) {
    return new ClassifyInput(text, title, l, followers, products);
  }

  public ClassifyInput withFollowers(Long f) {
    return new ClassifyInput(text, title, language, f, products);
  }

  public ClassifyInput withProducts(List<Product> p) {
    return new ClassifyInput(text, title, language, followers, p);
  }

  /** Title and text as one, the title first. */
  String fullText() {
    return title == null || title.isBlank() ? text : title + "\n" + text;
  }
}
