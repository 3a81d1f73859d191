package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Discourse forum's latest posts ({@code /posts.json}). The cursor is the highest post id stored;
 * posts at or below it are skipped.
 */
@Component
class DiscourseConnector implements Connector {

  private final JsonMapper json;

  DiscourseConnector(JsonMapper json) {
    this.json = json;
  }

  @Override
  public String type() {
    return "discourse";
  }

  @Override
  public Delivery read(Sources.Source source, GuardedHttpClient http) throws FetchException {
    URI base = URI.create(source.url());
    JsonNode root = JsonSource.get(http, json, base.resolve("/posts.json"));
    JsonNode latest = root.get("latest_posts");
    if (latest == null || !latest.isArray()) {
      throw new FetchException(
          FetchException.Kind.NETWORK, "the forum's answer has no latest_posts list");
    }
    long seen = source.cursor().position() == null ? 0 : Long.parseLong(source.cursor().position());
    long highest = seen;
    List<Post> posts = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (JsonNode item : latest) {
      String externalId = JsonSource.text(item, "id");
      try {
        long id = JsonSource.number(item, "id");
        if (id <= seen) {
          continue;
        }
        highest = Math.max(highest, id);
        posts.add(post(source, base, item));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(externalId, item.toString(), e.getMessage()));
      }
    }
    return new Delivery(
        posts, problems, new Sources.Cursor(null, null, Long.toString(highest)), false);
  }

  private static Post post(Sources.Source source, URI base, JsonNode item) {
    String slug = JsonSource.text(item, "topic_slug");
    String topic = JsonSource.text(item, "topic_id");
    String number = JsonSource.text(item, "post_number");
    String url =
        slug == null || topic == null
            ? null
            : base.resolve("/t/" + slug + "/" + topic + (number == null ? "" : "/" + number))
                .toString();
    String username = JsonSource.text(item, "username");
    String reply = JsonSource.text(item, "reply_to_post_number");
    return new Post(
        source.name(),
        JsonSource.text(item, "id"),
        url,
        new Post.Author(
            username,
            JsonSource.text(item, "name"),
            username == null ? null : base.resolve("/u/" + username).toString()),
        JsonSource.text(item, "topic_title"),
        JsonSource.text(item, "raw"),
        JsonSource.text(item, "cooked"),
        JsonSource.instant(item, "created_at"),
        reply == null || topic == null ? null : topic + "/" + reply,
        null);
  }
}
