package dev.caveat.support;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon server on the fixture host: a hashtag timeline the test sets, and a statuses endpoint
 * that keeps every reply posted to it and answers with the status the test chooses.
 */
public final class MastodonFixture implements AutoCloseable {

  /** The token the answering account's source is created with. */
  public static final String REPLY_TOKEN = "reply-token-123";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A reply as Mastodon received it. */
  public record Received(Map<String, String> headers, JsonNode body) {

    public String status() {
      return body.get("status").stringValue();
    }
  }

  private final FixtureServer server = new FixtureServer();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answerStatus = new AtomicInteger(200);
  private final AtomicReference<String> timeline = new AtomicReference<>("[]");

  public MastodonFixture() {
    server.route(
        "/api/v1/timelines/tag/",
        exchange ->
            FixtureServer.respond(
                exchange, 200, Map.of("Content-Type", "application/json"), timeline.get()));
    server.route(
        "/api/v1/statuses",
        exchange -> {
          JsonNode body =
              JSON.readTree(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          received.add(
              new Received(
                  Map.of(
                      "Authorization",
                      String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                      "Idempotency-Key",
                      String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"))),
                  body));
          int status = answerStatus.get();
          String answer =
              status == 200
                  ? "{\"id\":\"900001\",\"url\":\"https://social.example/@northwind/900001\"}"
                  : "{\"error\":\"Validation failed: Text is too long\"}";
          FixtureServer.respond(
              exchange, status, Map.of("Content-Type", "application/json"), answer);
        });
  }

  /** Puts one status on the timeline and has the source read it now. */
  public void post(ApiClient api, String source, String id, String acct, String text) {
    timeline(status(id, acct, null, text));
    poll(api, source);
  }

  /** The bodies of the replies posted so far, oldest first. */
  public List<JsonNode> replies() {
    return received.stream().map(Received::body).toList();
  }

  /** Every reply posted so far, oldest first. */
  public List<Received> received() {
    return received;
  }

  /** The HTTP status the statuses endpoint answers the next replies with. */
  public void answerWith(int status) {
    answerStatus.set(status);
  }

  /** What the hashtag timeline serves from now on. */
  public void timeline(String... statuses) {
    timeline.set("[" + String.join(",", statuses) + "]");
  }

  /** A source that follows the hashtag on this server and may reply; answers its id. */
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
                REPLY_TOKEN,
                "name",
                "mastodon-" + UUID.randomUUID()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(REPLY_TOKEN);
    return created.json().get("id").stringValue();
  }

  /** Has Caveat read the timeline now. */
  public static void poll(ApiClient api, String source) {
    ApiClient.Response polled = api.post("/api/v1/sources/" + source + "/poll", OPERATOR, Map.of());
    assertThat(polled.status()).as(polled.body()).isEqualTo(200);
  }

  /** A status as the Mastodon API serves it, by the account {@code acct}. */
  public static String status(String id, String acct, String text) {
    return status(id, acct, acct.toUpperCase(), text);
  }

  /** A status by an account that shows the given display name, or none when it is null. */
  public static String status(String id, String acct, String displayName, String text) {
    Map<String, Object> account = new HashMap<>();
    account.put("id", "1" + id.substring(id.length() - 3));
    account.put("acct", acct);
    account.put("url", "https://social.example/@" + acct);
    if (displayName != null) {
      account.put("display_name", displayName);
    }
    return JSON.writeValueAsString(
        Map.of(
            "id",
            id,
            "created_at",
            "2026-11-30T08:30:12.000Z",
            "url",
            "https://social.example/@" + acct + "/" + id,
            "content",
            "<p>" + text + "</p>",
            "account",
            account));
  }

  @Override
  public void close() {
    server.close();
  }
}
