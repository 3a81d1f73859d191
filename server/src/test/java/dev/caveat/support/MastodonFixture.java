package dev.caveat.support;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon server on a {@link FixtureServer}: a hashtag timeline the test fills, and a statuses
 * endpoint that takes replies and keeps what it was sent, for tests of replying to cases.
 */
public final class MastodonFixture implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FixtureServer server = new FixtureServer();
  private final AtomicReference<String> timeline = new AtomicReference<>("[]");
  private final List<JsonNode> replies = new CopyOnWriteArrayList<>();
  private final AtomicInteger statusIds = new AtomicInteger(900_000);

  public MastodonFixture() {
    server.route(
        "/api/v1/timelines/tag/",
        exchange ->
            FixtureServer.respond(
                exchange, 200, Map.of("Content-Type", "application/json"), timeline.get()));
    server.route(
        "/api/v1/statuses",
        exchange -> {
          replies.add(
              JSON.readTree(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          int id = statusIds.incrementAndGet();
          FixtureServer.respond(
              exchange,
              200,
              Map.of("Content-Type", "application/json"),
              "{\"id\":\"" + id + "\",\"url\":\"https://social.example/@company/" + id + "\"}");
        });
  }

  /** A paused source reading the hashtag, able to reply; answers its id. */
  public String source(ApiClient api, String hashtag) {
    ApiClient.Response created =
        api.post(
            "/api/v1/sources",
            OPERATOR,
            Map.of(
                "type",
                "mastodon",
                "url",
                server.uri("/").toString(),
                "hashtag",
                "#" + hashtag,
                "enabled",
                false,
                "replyToken",
                "reply-token-" + UUID.randomUUID(),
                "name",
                "mastodon-" + UUID.randomUUID()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").stringValue();
  }

  /** Puts one status on the timeline and has the source read it now. */
  public void post(ApiClient api, String source, String id, String acct, String text) {
    timeline.set(
        "["
            + JSON.writeValueAsString(
                Map.of(
                    "id",
                    id,
                    "created_at",
                    "2026-03-02T08:00:00.000Z",
                    "url",
                    "https://social.example/@" + acct + "/" + id,
                    "content",
                    "<p>" + text + "</p>",
                    "account",
                    Map.of(
                        "id",
                        "1" + id.substring(id.length() - 3),
                        "acct",
                        acct,
                        "url",
                        "https://social.example/@" + acct)))
            + "]");
    ApiClient.Response polled = api.post("/api/v1/sources/" + source + "/poll", OPERATOR, Map.of());
    assertThat(polled.status()).as(polled.body()).isEqualTo(200);
  }

  /** The replies the server took, in order. */
  public List<JsonNode> replies() {
    return List.copyOf(replies);
  }

  @Override
  public void close() {
    server.close();
  }
}
