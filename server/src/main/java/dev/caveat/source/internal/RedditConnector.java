package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Reddit listing in JSON (for example {@code https://www.reddit.com/r/broadband/new.json}). The
 * cursor is the creation time of the newest post stored.
 */
@Component
class RedditConnector implements Connector {

  private final JsonMapper json;

  RedditConnector(JsonMapper json) {
    this.json = json;
  }

  @Override
  public String type() {
    return "reddit";
  }

  @Override
  public Delivery read(Sources.Source source, GuardedHttpClient http) throws FetchException {
    URI listing = URI.create(source.url());
    JsonNode root = JsonSource.get(http, json, listing);
    JsonNode children = root.path("data").path("children");
    if (!children.isArray()) {
      throw new FetchException(FetchException.Kind.NETWORK, "the answer is not a Reddit listing");
    }
    long seen = source.cursor().position() == null ? 0 : Long.parseLong(source.cursor().position());
    long newest = seen;
    List<Post> posts = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (JsonNode child : children) {
      JsonNode data = child.get("data");
      String name = JsonSource.text(data, "name");
      try {
        long created = (long) data.path("created_utc").asDouble(-1);
        if (created < 0) {
          throw new IllegalArgumentException("created_utc is missing");
        }
        if (created <= seen) {
          continue;
        }
        newest = Math.max(newest, created);
        posts.add(post(source, listing, data, created));
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(
            Problem.of(
                name,
                String.valueOf(child),
                e.getMessage() == null ? "the item is not a Reddit post" : e.getMessage()));
      }
    }
    return new Delivery(
        posts, problems, new Sources.Cursor(null, null, Long.toString(newest)), false);
  }

  private static Post post(Sources.Source source, URI listing, JsonNode data, long created) {
    String permalink = JsonSource.text(data, "permalink");
    String author = JsonSource.text(data, "author");
    String title = JsonSource.text(data, "title");
    String body = JsonSource.text(data, "selftext");
    if (body == null) {
      body = JsonSource.text(data, "body");
    }
    return new Post(
        source.name(),
        JsonSource.text(data, "name"),
        permalink == null ? null : listing.resolve(permalink).toString(),
        author == null
            ? null
            : new Post.Author(author, null, listing.resolve("/user/" + author).toString()),
        title,
        body == null ? title : body,
        null,
        Instant.ofEpochSecond(created),
        JsonSource.text(data, "parent_id"),
        null);
  }
}
