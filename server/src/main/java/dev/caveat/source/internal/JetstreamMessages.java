package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Jetstream message as an item: a new post becomes a post, a message that cannot be read
 * becomes a problem, and everything else (identity and account events, updates, deletes, other
 * collections, posts with no text to match) is passed over.
 */
final class JetstreamMessages {

  static final String POSTS = "app.bsky.feed.post";
  private static final Pattern DID = Pattern.compile("did:[a-z]+:[A-Za-z0-9._:%-]{1,2000}");
  private static final Pattern RKEY = Pattern.compile("[A-Za-z0-9._:~-]{1,512}");

  private JetstreamMessages() {}

  static Optional<StreamConnector.Item> read(JsonMapper json, String sourceName, String text) {
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (JacksonException e) {
      return problem(null, text, "the message is not valid JSON: " + e.getOriginalMessage(), null);
    }
    if (message == null || !message.isObject()) {
      return problem(null, text, "the message is not a JSON object", null);
    }
    JsonNode timeUs = message.get("time_us");
    if (timeUs == null || !timeUs.canConvertToLong() || timeUs.asLong() <= 0) {
      return problem(null, text, "the message has no time_us", null);
    }
    String cursor = Long.toString(timeUs.asLong());
    JsonNode commit = message.get("commit");
    if (!"commit".equals(JsonSource.text(message, "kind"))
        || commit == null
        || !POSTS.equals(JsonSource.text(commit, "collection"))
        || !"create".equals(JsonSource.text(commit, "operation"))) {
      return Optional.empty();
    }
    String did = JsonSource.text(message, "did");
    String rkey = JsonSource.text(commit, "rkey");
    if (did == null
        || !DID.matcher(did).matches()
        || rkey == null
        || !RKEY.matcher(rkey).matches()) {
      return problem(null, text, "the post has no valid did and rkey", cursor);
    }
    String uri = "at://" + did + "/" + POSTS + "/" + rkey;
    JsonNode record = commit.get("record");
    if (record == null || !record.isObject()) {
      return problem(uri, text, "the post has no record", cursor);
    }
    String postText = JsonSource.text(record, "text");
    if (postText == null) {
      return Optional.empty();
    }
    try {
      Post post =
          new Post(
              sourceName,
              uri,
              "https://bsky.app/profile/" + did + "/post/" + rkey,
              new Post.Author(did, null, "https://bsky.app/profile/" + did),
              null,
              postText,
              null,
              JsonSource.instant(record, "createdAt"),
              replyParent(record),
              firstLanguage(record));
      return Optional.of(StreamConnector.Item.post(post, cursor));
    } catch (IllegalArgumentException e) {
      return problem(uri, text, e.getMessage(), cursor);
    }
  }

  private static String replyParent(JsonNode record) {
    JsonNode reply = record.get("reply");
    return reply == null ? null : JsonSource.text(reply.get("parent"), "uri");
  }

  private static String firstLanguage(JsonNode record) {
    JsonNode langs = record.get("langs");
    if (langs == null || !langs.isArray() || langs.isEmpty()) {
      return null;
    }
    JsonNode first = langs.get(0);
    return first.isString() && !first.stringValue().isBlank() ? first.stringValue() : null;
  }

  private static Optional<StreamConnector.Item> problem(
      String externalId, String text, String reason, String cursor) {
    return Optional.of(
        StreamConnector.Item.problem(Connector.Problem.of(externalId, text, reason), cursor));
  }
}
