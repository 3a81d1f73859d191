package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.listening.IntakeOutcome;
import dev.caveat.listening.PostIntake;
import dev.caveat.platform.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts pushed to Caveat over HTTP — one post, an array, or NDJSON — read within limits and taken
 * item by item: a bad item is rejected with its reason and the rest are still taken.
 */
@Component
class PushedPosts {

  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  static final int MAX_ITEMS = 10_000;

  record Rejection(long index, String reason) {}

  record IngestReport(int accepted, int duplicates, List<Rejection> rejected, int mentions) {}

  private final PostIntake intake;
  private final JsonMapper json;

  PushedPosts(PostIntake intake, JsonMapper json) {
    this.intake = intake;
    this.json = json;
  }

  /** Reads, parses and takes a pushed body; {@code adjust} may rewrite each post first. */
  IngestReport take(String contentType, InputStream in, UnaryOperator<Post> adjust)
      throws IOException {
    return take(contentType, readCapped(in), adjust);
  }

  IngestReport take(String contentType, byte[] body, UnaryOperator<Post> adjust) {
    List<PostItems.Item> items = parse(contentType, body);
    if (items.size() > MAX_ITEMS) {
      throw new ApiException(
          HttpStatus.CONTENT_TOO_LARGE,
          "At most " + MAX_ITEMS + " posts per request; send the rest in further requests.");
    }
    return report(
        items.stream()
            .map(
                item ->
                    item.post() == null
                        ? item
                        : new PostItems.Item(item.index(), adjust.apply(item.post()), null))
            .toList());
  }

  List<PostItems.Item> parse(String contentType, byte[] body) {
    return isNdjson(contentType) ? ndjson(body) : json(contentType, body);
  }

  IngestReport report(List<PostItems.Item> items) {
    List<PostItems.Item> readable = items.stream().filter(item -> item.post() != null).toList();
    List<IntakeOutcome> outcomes =
        intake.take(readable.stream().map(PostItems.Item::post).toList());
    int accepted = 0;
    int duplicates = 0;
    int mentions = 0;
    List<Rejection> rejected = new ArrayList<>();
    for (PostItems.Item item : items) {
      if (item.problem() != null) {
        rejected.add(new Rejection(item.index(), item.problem()));
      }
    }
    for (int i = 0; i < readable.size(); i++) {
      switch (outcomes.get(i)) {
        case IntakeOutcome.Accepted a -> {
          accepted++;
          mentions += a.mentions();
        }
        case IntakeOutcome.Duplicate d -> duplicates++;
        case IntakeOutcome.Rejected r ->
            rejected.add(new Rejection(readable.get(i).index(), r.reason()));
      }
    }
    rejected.sort(java.util.Comparator.comparingLong(Rejection::index));
    return new IngestReport(accepted, duplicates, rejected, mentions);
  }

  private List<PostItems.Item> json(String type, byte[] body) {
    if (type == null || !isJson(type)) {
      throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Send posts as application/json (one post or an array) or application/x-ndjson.");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw ApiException.badRequest("The body is empty; send a post or an array of posts.");
    }
    if (!root.isArray()) {
      return List.of(PostItems.fromNode(0, root));
    }
    List<PostItems.Item> items = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      items.add(PostItems.fromNode(i, root.get(i)));
    }
    return items;
  }

  /** Each line stands alone: a line that is not JSON is rejected and the others are taken. */
  private List<PostItems.Item> ndjson(byte[] body) {
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n", -1);
    List<PostItems.Item> items = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      items.add(PostItems.fromLine(json, i, lines[i]));
    }
    return items;
  }

  static byte[] readCapped(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiException(
          HttpStatus.CONTENT_TOO_LARGE,
          "The body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB; split it up.");
    }
    return body;
  }

  private static boolean isNdjson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/x-ndjson")
        || type.startsWith("application/ndjson")
        || type.startsWith("application/jsonl");
  }

  private static boolean isJson(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/json") || type.matches("application/[^;]*\\+json.*");
  }
}
