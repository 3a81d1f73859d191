package dev.caveat.source.internal;

import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import dev.caveat.source.Replies;
import dev.caveat.source.ReplyException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replies through the connector a post came from. A Mastodon source replies as the account whose
 * token is its {@code replyToken}; a Discourse source as {@code replyUsername} with the API key
 * {@code replyApiKey}. Both are set when the source is added, and never shown back. A blog post
 * (from a feed, an mf2 page or a received Webmention) is answered by a Webmention from the reply's
 * page on the hub ({@link WebmentionSender}).
 */
@Component
class ReplySender implements Replies {

  static final Set<String> MASTODON = Set.of("mastodon", "mastodon-stream");
  static final String DISCOURSE = "discourse";

  /** A Discourse post address: /t/{slug}/{topic}/{post number}. */
  private static final Pattern DISCOURSE_POST = Pattern.compile("/t/[^/]+/(\\d+)(?:/(\\d+))?");

  private final Sources sources;
  private final GuardedHttpClient http;
  private final JsonMapper json;
  private final WebmentionSender webmentions;

  ReplySender(
      Sources sources, GuardedHttpClient http, JsonMapper json, WebmentionSender webmentions) {
    this.sources = sources;
    this.http = http;
    this.json = json;
    this.webmentions = webmentions;
  }

  @Override
  public boolean canReply(String source) {
    return sources
        .findByName(source)
        .map(s -> WebmentionSender.BLOGS.contains(s.type()) || credentials(s).isPresent())
        .orElse(false);
  }

  @Override
  public boolean canReply(Target target) {
    return sources
        .findByName(target.source())
        .map(
            s ->
                WebmentionSender.BLOGS.contains(s.type())
                    ? WebmentionSender.isWebAddress(target.url())
                    : credentials(s).isPresent())
        .orElse(false);
  }

  @Override
  public Sent reply(Target target, String text, String idempotencyKey, String page)
      throws ReplyException {
    Sources.Source source =
        sources
            .findByName(target.source())
            .orElseThrow(
                () ->
                    new ReplyException(
                        ReplyException.Kind.UNSUPPORTED,
                        "The post came in through the ingest API as '"
                            + target.source()
                            + "'; there is no source to reply through."));
    if (WebmentionSender.BLOGS.contains(source.type())) {
      return webmentions.send(target, page);
    }
    JsonNode config = credentials(source).orElseThrow(() -> cannotReply(source));
    if (MASTODON.contains(source.type())) {
      return mastodon(source, config, target, text, idempotencyKey);
    }
    return discourse(source, config, target, text);
  }

  private Sent mastodon(
      Sources.Source source, JsonNode config, Target target, String text, String key)
      throws ReplyException {
    ObjectNode body = json.createObjectNode();
    String mention = target.authorHandle() == null ? "" : "@" + target.authorHandle() + " ";
    body.put("status", mention + text);
    body.put("in_reply_to_id", target.externalId());
    body.put("visibility", "public");
    JsonNode answer =
        post(
            source,
            URI.create(source.url()).resolve("/api/v1/statuses"),
            Map.of(
                "Authorization",
                "Bearer " + JsonSource.text(config, "replyToken"),
                "Idempotency-Key",
                key),
            body);
    return new Sent(JsonSource.text(answer, "id"), JsonSource.text(answer, "url"));
  }

  private Sent discourse(Sources.Source source, JsonNode config, Target target, String text)
      throws ReplyException {
    Matcher address = target.url() == null ? null : DISCOURSE_POST.matcher(target.url());
    if (address == null || !address.find()) {
      throw new ReplyException(
          ReplyException.Kind.UNSUPPORTED,
          "The forum post has no topic address to reply under: " + target.url());
    }
    ObjectNode body = json.createObjectNode();
    body.put("topic_id", Long.parseLong(address.group(1)));
    body.put("raw", text);
    if (address.group(2) != null) {
      body.put("reply_to_post_number", Long.parseLong(address.group(2)));
    }
    URI base = URI.create(source.url());
    JsonNode answer =
        post(
            source,
            base.resolve("/posts.json"),
            Map.of(
                "Api-Key",
                JsonSource.text(config, "replyApiKey"),
                "Api-Username",
                JsonSource.text(config, "replyUsername")),
            body);
    String slug = JsonSource.text(answer, "topic_slug");
    String number = JsonSource.text(answer, "post_number");
    return new Sent(
        JsonSource.text(answer, "id"),
        slug == null || number == null
            ? null
            : base.resolve("/t/" + slug + "/" + address.group(1) + "/" + number).toString());
  }

  private JsonNode post(Sources.Source source, URI uri, Map<String, String> headers, JsonNode body)
      throws ReplyException {
    GuardedHttpClient.Response response;
    try {
      response =
          http.post(
              uri,
              headers,
              "application/json",
              json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    } catch (FetchException e) {
      throw new ReplyException(
          ReplyException.Kind.UNREACHABLE,
          "The reply could not be sent to " + source.name() + ": " + e.getMessage());
    }
    if (response.status() / 100 != 2) {
      throw new ReplyException(
          response.status() >= 500 ? ReplyException.Kind.UNREACHABLE : ReplyException.Kind.REFUSED,
          source.name() + " refused the reply with HTTP " + response.status() + summary(response));
    }
    try {
      return json.readTree(response.body());
    } catch (RuntimeException e) {
      throw new ReplyException(
          ReplyException.Kind.UNREACHABLE,
          source.name() + " took the reply but its answer could not be read");
    }
  }

  /** The error a Mastodon or Discourse server explains itself with, when it does. */
  private String summary(GuardedHttpClient.Response response) {
    try {
      JsonNode error = json.readTree(response.body());
      String message = JsonSource.text(error, "error");
      if (message == null && error.path("errors").isArray() && !error.path("errors").isEmpty()) {
        message = error.path("errors").get(0).asString();
      }
      return message == null ? "" : ": " + message;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** The source's reply credentials, when it is of a kind that can reply and has them. */
  private Optional<JsonNode> credentials(Sources.Source source) {
    JsonNode config = json.readTree(source.config() == null ? "{}" : source.config());
    boolean ready =
        MASTODON.contains(source.type())
            ? JsonSource.text(config, "replyToken") != null
            : source.type().equals(DISCOURSE)
                && JsonSource.text(config, "replyApiKey") != null
                && JsonSource.text(config, "replyUsername") != null;
    return ready ? Optional.of(config) : Optional.empty();
  }

  private static ReplyException cannotReply(Sources.Source source) {
    String how =
        MASTODON.contains(source.type())
            ? " has no replyToken; add the source again with the token of the account that answers"
            : source.type().equals(DISCOURSE)
                ? " has no replyApiKey and replyUsername; add the source again with them"
                : " is a " + source.type() + " source, which Caveat cannot reply through";
    return new ReplyException(ReplyException.Kind.UNSUPPORTED, "Source " + source.name() + how);
  }
}
