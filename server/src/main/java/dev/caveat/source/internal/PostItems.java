package dev.caveat.source.internal;

import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pushed posts, one item at a time: a post to take, or the reason it cannot be read. */
final class PostItems {

  /** {@code index} counts from 0 in the order the sender sent the items. */
  record Item(long index, Post post, String problem) {}

  private PostItems() {}

  static Item fromNode(long index, JsonNode node) {
    try {
      return new Item(index, PostJson.read(node), null);
    } catch (InvalidPostException e) {
      return new Item(index, null, e.getMessage());
    }
  }

  /** One NDJSON line; a line that is not JSON is an item with a problem, not a failed request. */
  static Item fromLine(JsonMapper json, long index, String line) {
    try {
      return fromNode(index, json.readTree(line));
    } catch (JacksonException e) {
      return new Item(
          index, null, "line " + (index + 1) + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
