package dev.caveat.source.internal;

import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one post in the design's JSON shape. Field errors are reasons a sender can act on; the
 * normaliser checks the values afterwards.
 */
final class PostJson {

  private PostJson() {}

  static Post read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidPostException("each post must be a JSON object");
    }
    return new Post(
        identifier(node, "source"),
        identifier(node, "externalId"),
        string(node, "url"),
        author(node.get("author")),
        string(node, "title"),
        string(node, "text"),
        string(node, "html"),
        instant(node, "published"),
        identifier(node, "inReplyTo"),
        string(node, "language"));
  }

  private static Post.Author author(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isString()) {
      return new Post.Author(node.stringValue(), null, null);
    }
    if (!node.isObject()) {
      throw new InvalidPostException("author must be an object with handle, name and url");
    }
    return new Post.Author(
        string(node, "handle", "author.handle"),
        string(node, "name", "author.name"),
        string(node, "url", "author.url"));
  }

  private static String string(JsonNode node, String field) {
    return string(node, field, field);
  }

  private static String string(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new InvalidPostException(path + " must be a string");
    }
    return value.stringValue();
  }

  /** Ids may come as strings or whole numbers; both mean the same id. */
  private static String identifier(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    throw new InvalidPostException(field + " must be a string");
  }

  private static Instant instant(JsonNode node, String field) {
    String value = string(node, field);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidPostException(
          field + " must be an ISO-8601 date-time with an offset, such as 2005-06-21T18:04:00Z");
    }
  }
}
