package dev.caveat.core.mf2;

import dev.caveat.core.feed.Quarantined;
import dev.caveat.core.post.Post;
import java.util.List;
import java.util.Map;

/**
 * What a page said: its entries as normalised posts or quarantined, and its rel links.
 *
 * @param title the h-feed's name, else the page's title element
 * @param rels every rel value on the page's {@code <a>}, {@code <link>} and {@code <area>}
 *     elements, lower case, to the absolute http(s) addresses that carry it, in document order
 */
public record Mf2Page(
    String title, List<Post> posts, List<Quarantined> quarantined, Map<String, List<String>> rels) {

  public Mf2Page {
    posts = List.copyOf(posts);
    quarantined = List.copyOf(quarantined);
    rels = Map.copyOf(rels);
  }

  /**
   * The addresses with this rel ("me", "webmention", "hub", "self"...), first in the document
   * first; Webmention discovery takes the first.
   */
  public List<String> rel(String name) {
    return rels.getOrDefault(name, List.of());
  }
}
