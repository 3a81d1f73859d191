package dev.caveat.core.classify;

import java.util.List;

/**
 * A product a company lists, with the other names customers use for it. Matched on whole words,
 * ignoring case and accents; never inside e-mail addresses or links.
 */
public record Product(String name, List<String> aliases) {

  public Product {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a product needs a name");
    }
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public static Product of(String name, String... aliases) {
    return new Product(name, List.of(aliases));
  }
}
