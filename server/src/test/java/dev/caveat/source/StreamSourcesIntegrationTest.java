package dev.caveat.source;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.FixtureServer;
import dev.caveat.support.IntegrationTestSupport;
import dev.caveat.support.WebSocketFixtureServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streaming sources against real servers on loopback posing as public hosts: a WebSocket server
 * speaking Jetstream, and server-sent events for Mastodon's streaming API.
 */
@Tag("persistence")
class StreamSourcesIntegrationTest extends IntegrationTestSupport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";

  @Autowired JdbcClient jdbc;

  private final List<String> created = new ArrayList<>();
  private WebSocketFixtureServer jetstream;
  private FixtureServer mastodon;
  private ApiClient api;
  private String slug;
  private String token;

  @BeforeEach
  void start() {
    jetstream = new WebSocketFixtureServer();
    mastodon = new FixtureServer();
    api = api();
    slug = uniqueSlug("zephyr");
    token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Brand", "zephyr");
  }

  @AfterEach
  void stop() {
    created.forEach(id -> api.delete("/api/v1/sources/" + id, OPERATOR));
    jetstream.close();
    mastodon.close();
  }

  @Test
  void jetstreamPostsBecomeMentionsAndAReconnectPassesBackTheStoredCursor() {
    CountDownLatch cut = new CountDownLatch(1);
    jetstream.onConnect(
        connection -> {
          if (jetstream.targets().size() == 1) {
            connection.send(identity(1763720000000001L));
            connection.send(
                post("3lbaaa", 1763720000000002L, "My Zephyr router drops wifi every evening"));
            connection.send(delete("3lbold", 1763720000000003L));
            connection.send(post("3lbbbb", 1763720000000004L, "Zephyr support fixed it, thanks"));
            cut.await();
            connection.drop();
          } else {
            connection.send(post("3lbccc", 1763720000000005L, "Zephyr again after the reconnect"));
          }
        });
    String id =
        create(
            Map.of(
                "type",
                "jetstream",
                "url",
                jetstream.uri("").toString(),
                "wantedDids",
                List.of(DID),
                "name",
                "jetstream-" + UUID.randomUUID()));

    waiting()
        .until(
            () ->
                mentionTexts(api, token, slug)
                    .containsAll(
                        List.of(
                            "My Zephyr router drops wifi every evening",
                            "Zephyr support fixed it, thanks")));
    waiting().until(() -> health(id).get("items").intValue() == 2);
    cut.countDown();
    waiting()
        .until(() -> mentionTexts(api, token, slug).contains("Zephyr again after the reconnect"));

    List<String> targets = jetstream.targets();
    assertThat(targets.get(0))
        .startsWith("/subscribe?")
        .contains("wantedCollections=app.bsky.feed.post")
        .contains("wantedDids=did%3Aplc%3Aewvi7nxzyoun6zhxrhs64oiz")
        .doesNotContain("cursor=");
    assertThat(targets.get(1)).contains("cursor=1763720000000004");
    JsonNode mention =
        api.get("/api/v1/companies/" + slug + "/mentions", token)
            .json()
            .get("items")
            .valueStream()
            .filter(m -> m.get("text").stringValue().startsWith("My Zephyr router"))
            .findFirst()
            .orElseThrow();
    assertThat(mention.get("externalId").stringValue())
        .isEqualTo("at://" + DID + "/app.bsky.feed.post/3lbaaa");
    assertThat(mention.get("url").stringValue())
        .isEqualTo("https://bsky.app/profile/" + DID + "/post/3lbaaa");
    assertThat(mention.get("author").get("handle").stringValue()).isEqualTo(DID);
    assertThat(mention.get("language").stringValue()).isEqualTo("en");
  }

  @Test
  void malformedAndOversizedMessagesAreQuarantinedAndTheStreamGoesOn() {
    jetstream.onConnect(
        connection -> {
          connection.send("{\"did\":\"" + DID + "\",\"time_us\":");
          connection.send(post("3lbbig", 1763720000000010L, "zephyr " + "x".repeat(1_200_000)));
          connection.send(post("3lbok", 1763720000000011L, "Zephyr still going after the junk"));
        });
    String id = create(jetstreamSource());

    waiting()
        .until(() -> mentionTexts(api, token, slug).contains("Zephyr still going after the junk"));
    // The posts are stored first and the source's health is written just after, so wait for it.
    JsonNode source =
        waiting()
            .until(
                () -> api.get("/api/v1/sources/" + id, OPERATOR).json(),
                health -> health.get("health").get("quarantined").intValue() == 2);
    assertThat(source.get("health").get("status").stringValue()).isEqualTo("ok");
    assertThat(
            source.get("recentlyQuarantined").valueStream().map(q -> q.get("reason").stringValue()))
        .anyMatch(reason -> reason.startsWith("the message is not valid JSON"))
        .anyMatch(reason -> reason.startsWith("the message is larger than 1 MiB"));
    assertThat(jetstream.targets()).as("the bad messages did not cost the connection").hasSize(1);
  }

  @Test
  void aPausedStreamDisconnectsAndResumesFromItsCursor() {
    jetstream.onConnect(
        connection ->
            connection.send(post("3lbpause", 1763720000000020L, "Zephyr before the pause")));
    String id = create(jetstreamSource());
    waiting().until(() -> health(id).get("items").intValue() == 1);
    assertThat(jetstream.openConnections()).isEqualTo(1);

    assertThat(api.patch("/api/v1/sources/" + id, OPERATOR, Map.of("enabled", false)).status())
        .isEqualTo(200);
    waiting().until(() -> jetstream.openConnections() == 0);
    Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> jetstream.targets().size() == 1);

    assertThat(api.patch("/api/v1/sources/" + id, OPERATOR, Map.of("enabled", true)).status())
        .isEqualTo(200);
    waiting().until(() -> jetstream.targets().size() == 2);
    assertThat(jetstream.targets().get(1)).contains("cursor=1763720000000020");
  }

  @Test
  void everyReconnectPassesTheAddressGuardAgain() {
    CountDownLatch cut = new CountDownLatch(1);
    jetstream.onConnect(
        connection -> {
          connection.send(post("3lbguard", 1763720000000030L, "Zephyr before the move"));
          cut.await();
          connection.drop();
        });
    String id = create(jetstreamSource());
    waiting().until(() -> health(id).get("items").intValue() == 1);

    // As if the name now resolved to a private address. The API would refuse such a url, so it
    // is set underneath; nothing listens there, so only the guard can give this reason.
    jdbc.sql("update source set url = ? where id = ?")
        .params("ws://127.0.0.1:" + jetstream.uri("").getPort() + "/subscribe", UUID.fromString(id))
        .update();
    cut.countDown();

    waiting()
        .until(
            () -> {
              JsonNode lastError = health(id).get("lastError");
              return lastError.isString()
                  && lastError.stringValue().contains("is a loopback address");
            });
    assertThat(jetstream.targets()).hasSize(1);
  }

  @Test
  void aMastodonStreamCatchesUpOverRestThenStreamsAndCatchesUpAgainAfterADrop() {
    List<String> timelineQueries = new CopyOnWriteArrayList<>();
    mastodon.route(
        "/api/v1/timelines/tag/zephyr",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          timelineQueries.add(query);
          String answer;
          if (!query.contains("since_id=")) {
            answer = "[" + status("113552079123456100", "Zephyr before the stream opened") + "]";
          } else if (query.contains("since_id=113552079123456200")) {
            answer = "[" + status("113552079123456210", "Zephyr while the stream was down") + "]";
          } else {
            answer = "[]";
          }
          FixtureServer.respond(exchange, 200, Map.of("Content-Type", "application/json"), answer);
        });
    FixtureServer.EventStream stream = mastodon.eventStream("/api/v1/streaming/hashtag");
    String id =
        create(
            Map.of(
                "type",
                "mastodon-stream",
                "url",
                mastodon.uri("/").toString(),
                "hashtag",
                "#zephyr",
                "name",
                "mastodon-stream-" + UUID.randomUUID()));

    waiting()
        .until(() -> mentionTexts(api, token, slug).contains("Zephyr before the stream opened"));
    waiting().until(() -> stream.openConnections() == 1);
    stream.send("update", "{\"id\": \"113552079123456150\", \"content\": ");
    stream.send("delete", "113552079123456100");
    stream.send("update", status("113552079123456200", "Zephyr streamed as it happened"));
    waiting()
        .until(() -> mentionTexts(api, token, slug).contains("Zephyr streamed as it happened"));
    waiting().until(() -> health(id).get("items").intValue() == 2);

    stream.drop();
    waiting()
        .until(() -> mentionTexts(api, token, slug).contains("Zephyr while the stream was down"));
    assertThat(stream.queries())
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(q -> q.equals("tag=zephyr"));
    assertThat(timelineQueries.get(0)).doesNotContain("since_id");
    assertThat(timelineQueries).anyMatch(q -> q.contains("since_id=113552079123456200"));
    JsonNode source = api.get("/api/v1/sources/" + id, OPERATOR).json();
    assertThat(
            source.get("recentlyQuarantined").valueStream().map(q -> q.get("reason").stringValue()))
        .anyMatch(reason -> reason.startsWith("the event is not valid JSON"));
  }

  @ParameterizedTest
  @CsvSource({
    "jetstream, ws://127.0.0.1:9/subscribe",
    "jetstream, wss://localhost/subscribe",
    "jetstream, ws://[::1]/subscribe",
    "mastodon-stream, http://127.0.0.1/",
    "mastodon-stream, http://169.254.169.254/"
  })
  void streamsAtPrivateAddressesAreRefused(String type, String url) {
    ApiClient.Response response =
        api.post("/api/v1/sources", OPERATOR, Map.of("type", type, "url", url));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("detail").stringValue())
        .startsWith("url cannot be used")
        .contains("Caveat does not fetch from such addresses");
  }

  @Test
  void aJetstreamNeedsAWebSocketAddress() {
    ApiClient.Response response =
        api.post(
            "/api/v1/sources",
            OPERATOR,
            Map.of("type", "jetstream", "url", "https://public.example/subscribe"));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("detail").stringValue()).contains("ws:// or wss://");
  }

  private Map<String, Object> jetstreamSource() {
    return Map.of(
        "type",
        "jetstream",
        "url",
        jetstream.uri("/subscribe").toString(),
        "name",
        "jetstream-" + UUID.randomUUID());
  }

  private String create(Map<String, Object> source) {
    ApiClient.Response response = api.post("/api/v1/sources", OPERATOR, source);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String id = response.json().get("id").stringValue();
    created.add(id);
    return id;
  }

  private JsonNode health(String id) {
    return api.get("/api/v1/sources/" + id, OPERATOR).json().get("health");
  }

  private static ConditionFactory waiting() {
    return Awaitility.await().atMost(Duration.ofSeconds(30));
  }

  private static String post(String rkey, long timeUs, String text) {
    return JSON.writeValueAsString(
        Map.of(
            "did",
            DID,
            "time_us",
            timeUs,
            "kind",
            "commit",
            "commit",
            Map.of(
                "rev",
                "3lb" + timeUs,
                "operation",
                "create",
                "collection",
                "app.bsky.feed.post",
                "rkey",
                rkey,
                "cid",
                "bafyreib" + timeUs,
                "record",
                Map.of(
                    "$type",
                    "app.bsky.feed.post",
                    "text",
                    text,
                    "createdAt",
                    "2026-11-21T08:30:12.000Z",
                    "langs",
                    List.of("en")))));
  }

  private static String delete(String rkey, long timeUs) {
    return JSON.writeValueAsString(
        Map.of(
            "did",
            DID,
            "time_us",
            timeUs,
            "kind",
            "commit",
            "commit",
            Map.of(
                "rev",
                "3lb" + timeUs,
                "operation",
                "delete",
                "collection",
                "app.bsky.feed.post",
                "rkey",
                rkey)));
  }

  private static String identity(long timeUs) {
    return JSON.writeValueAsString(
        Map.of(
            "did",
            DID,
            "time_us",
            timeUs,
            "kind",
            "identity",
            "identity",
            Map.of(
                "did", DID, "handle", "brent.example", "seq", 1, "time", "2026-11-21T08:30:00Z")));
  }

  private static String status(String id, String text) {
    return JSON.writeValueAsString(
        Map.of(
            "id",
            id,
            "created_at",
            "2026-11-21T08:30:12.000Z",
            "url",
            "https://social.example/@brent/" + id,
            "language",
            "en",
            "content",
            "<p>" + text + "</p>",
            "account",
            Map.of(
                "acct",
                "brent",
                "display_name",
                "Brent O.",
                "url",
                "https://social.example/@brent")));
  }
}
