package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon hashtag or public timeline over the REST API. {@code url} is the instance, config
 * {@code "hashtag"} picks a tag (else the public timeline); the cursor is the newest status id,
 * passed back as {@code since_id}.
 */
@Component
class MastodonConnector implements Connector {

  static final int PAGE = 40;

  private final JsonMapper json;

  MastodonConnector(JsonMapper json) {
    this.json = json;
  }

  @Override
  public String type() {
    return "mastodon";
  }

  @Override
  public Delivery read(Sources.Source source, GuardedHttpClient http) throws FetchException {
    URI instance = URI.create(source.url());
    String hashtag = hashtag(source);
    String path =
        hashtag == null
            ? "/api/v1/timelines/public"
            : "/api/v1/timelines/tag/" + URLEncoder.encode(hashtag, StandardCharsets.UTF_8);
    String since = source.cursor().position();
    URI uri =
        instance.resolve(path + "?limit=" + PAGE + (since == null ? "" : "&since_id=" + since));
    JsonNode statuses = JsonSource.get(http, json, uri);
    if (!statuses.isArray()) {
      throw new FetchException(FetchException.Kind.NETWORK, "the answer is not a list of statuses");
    }
    String newest = since;
    List<Post> posts = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (JsonNode status : statuses) {
      String id = JsonSource.text(status, "id");
      try {
        newest = newer(newest, statusId(status));
        posts.add(MastodonStatuses.post(source.name(), status));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(id, status.toString(), e.getMessage()));
      }
    }
    return new Delivery(posts, problems, new Sources.Cursor(null, null, newest), false);
  }

  String hashtag(Sources.Source source) {
    JsonNode config = json.readTree(source.config());
    String tag = JsonSource.text(config, "hashtag");
    return tag == null ? null : tag.replaceFirst("^#", "");
  }

  /** A status's id, checked: the cursor is made of these. */
  static String statusId(JsonNode status) {
    String id = JsonSource.text(status, "id");
    if (id == null || !id.matches("\\d{1,30}")) {
      throw new IllegalArgumentException("the status has no numeric id");
    }
    return id;
  }

  /** Mastodon ids are numbers too long for a long on some servers; compare them as numbers. */
  static String newer(String a, String b) {
    if (a == null) {
      return b;
    }
    if (a.length() != b.length()) {
      return a.length() > b.length() ? a : b;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
