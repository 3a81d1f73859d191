package dev.caveat.core.match;

import dev.caveat.core.post.Post;

/** Posts with just the parts a matching test is about. */
final class MatchTestUtils {

  private MatchTestUtils() {}

  static Post post(String text) {
    return new Post("s", "1", null, null, null, text, null, null, null, null);
  }

  static Post titled(String title, String text) {
    return new Post("s", "1", null, null, title, text, null, null, null, null);
  }

  static Post by(String handle, String name, String text) {
    return new Post(
        "s", "1", null, new Post.Author(handle, name, null), null, text, null, null, null, null);
  }

  static Post at(String url, String text) {
    return new Post("s", "1", url, null, null, text, null, null, null, null);
  }

  static Post in(String language, String text) {
    return new Post("s", "1", null, null, null, text, null, null, null, language);
  }
}
