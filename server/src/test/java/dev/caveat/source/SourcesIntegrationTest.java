package dev.caveat.source;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.fixture;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.FixtureServer;
import dev.caveat.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Pulled sources against a real fixture server that poses as a public host. */
@Tag("persistence")
class SourcesIntegrationTest extends IntegrationTestSupport {

  private FixtureServer forum;

  @BeforeEach
  void startForum() {
    forum = new FixtureServer();
  }

  @AfterEach
  void stopForum() {
    forum.close();
  }

  @Test
  void aDiscourseForumIsReadFromItsCursorAndBadItemsAreQuarantined() {
    ApiClient api = api();
    String slug = uniqueSlug("zephyr");
    String token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Brand", "zephyr");
    AtomicReference<String> body = new AtomicReference<>(fixture("discourse/posts.json"));
    forum.route(
        "/posts.json",
        exchange ->
            FixtureServer.respond(
                exchange, 200, Map.of("Content-Type", "application/json"), body.get()));
    String id = createPaused(api, "discourse", forum.uri("/").toString());

    JsonNode first = poll(api, id);
    assertThat(first.get("fetched").intValue()).isEqualTo(3);
    assertThat(first.get("accepted").intValue()).isEqualTo(3);
    assertThat(first.get("quarantined").intValue()).isEqualTo(2);
    assertThat(mentionTexts(api, token, slug))
        .containsExactly(
            "Same here. Rolled back to 3.1 and it's stable. [Guide](https://help.zephyr.example/rollback)",
            "Since the Zephyr firmware update my router drops wifi every evening. Anyone found a fix?",
            "Which mesh system works best with a Zephyr modem in bridge mode?");

    JsonNode second = poll(api, id);
    assertThat(second.get("fetched").intValue()).isZero();

    JsonNode source = api.get("/api/v1/sources/" + id, OPERATOR).json();
    assertThat(source.get("health").get("status").stringValue()).isEqualTo("ok");
    assertThat(source.get("health").get("items").intValue()).isEqualTo(3);
    assertThat(source.get("health").get("quarantined").intValue()).isEqualTo(2);
    assertThat(
            source.get("recentlyQuarantined").valueStream().map(q -> q.get("reason").stringValue()))
        .anyMatch(reason -> reason.contains("id"))
        .anyMatch(reason -> reason.contains("created_at"));
  }

  @Test
  void aRedditListingAndAMastodonHashtagAreRead() {
    ApiClient api = api();
    forum.text("/r/broadband/new.json", 200, "application/json", fixture("reddit/new.json"));
    Map<String, String> asked = new HashMap<>();
    forum.route(
        "/api/v1/timelines/tag/zephyr",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          asked.put("query", query);
          String answer =
              query.contains("since_id=113552079123456790") ? "[]" : fixture("mastodon/tag.json");
          FixtureServer.respond(exchange, 200, Map.of("Content-Type", "application/json"), answer);
        });
    String reddit = createPaused(api, "reddit", forum.uri("/r/broadband/new.json").toString());
    String mastodon =
        create(
            api,
            Map.of(
                "type",
                "mastodon",
                "url",
                forum.uri("/").toString(),
                "hashtag",
                "#zephyr",
                "enabled",
                false,
                "name",
                "mastodon-" + UUID.randomUUID()));

    JsonNode redditPoll = poll(api, reddit);
    assertThat(redditPoll.get("accepted").intValue()).isEqualTo(2);
    assertThat(redditPoll.get("quarantined").intValue()).isEqualTo(1);

    JsonNode mastodonPoll = poll(api, mastodon);
    assertThat(mastodonPoll.get("accepted").intValue()).isEqualTo(2);
    assertThat(mastodonPoll.get("quarantined").intValue()).isEqualTo(1);
    assertThat(poll(api, mastodon).get("fetched").intValue()).isZero();
    assertThat(asked.get("query")).contains("since_id=113552079123456790");
  }

  @Test
  void hostilePayloadsFailThePollAndTheSourceKeepsGoing() {
    ApiClient api = api();
    AtomicReference<byte[]> body = new AtomicReference<>();
    forum.route(
        "/posts.json",
        exchange -> {
          byte[] bytes = body.get();
          exchange.sendResponseHeaders(200, bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    String id = createPaused(api, "discourse", forum.uri("/").toString());

    body.set(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    assertThat(poll(api, id).get("error").stringValue()).contains("not valid JSON");
    body.set(("{\"latest_posts\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes());
    assertThat(poll(api, id).get("error").stringValue()).contains("not valid JSON");
    body.set(new byte[3 * 1024 * 1024]);
    assertThat(poll(api, id).get("error").stringValue()).contains("larger than");

    JsonNode failing = api.get("/api/v1/sources/" + id, OPERATOR).json().get("health");
    assertThat(failing.get("status").stringValue()).isEqualTo("failing");
    assertThat(failing.get("consecutiveFailures").intValue()).isEqualTo(3);

    body.set(fixture("discourse/posts.json").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(poll(api, id).get("accepted").intValue()).isEqualTo(3);
    assertThat(
            api.get("/api/v1/sources/" + id, OPERATOR)
                .json()
                .get("health")
                .get("status")
                .stringValue())
        .isEqualTo("ok");
  }

  @Test
  void aStalledServerTimesOut() {
    ApiClient api = api();
    forum.stall("/posts.json");
    String id = createPaused(api, "discourse", forum.uri("/").toString());
    assertThat(poll(api, id).get("error").stringValue()).contains("did not answer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/feed",
        "http://[::1]/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/feed",
        "http://2130706433/feed",
        "http://0x7f000001/feed",
        "http://localhost/feed"
      })
  void sourcesAtPrivateAddressesAreRefused(String url) {
    ApiClient.Response response =
        api().post("/api/v1/sources", OPERATOR, Map.of("type", "discourse", "url", url));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").stringValue())
        .startsWith("url cannot be used")
        .contains("Caveat does not fetch from such addresses");
  }

  @Test
  void aPublicNameThatRedirectsToAPrivateAddressIsRefusedAtPollTime() {
    ApiClient api = api();
    forum.redirect("/posts.json", "http://127.0.0.1:" + forum.port() + "/posts.json");
    String id = createPaused(api, "discourse", forum.uri("/").toString());
    assertThat(poll(api, id).get("error").stringValue()).contains("is a loopback address");
  }

  @Test
  void enabledSourcesArePolledOnTheirOwn() {
    ApiClient api = api();
    forum.text("/posts.json", 200, "application/json", fixture("discourse/posts.json"));
    String id =
        create(
            api,
            Map.of(
                "type",
                "discourse",
                "url",
                forum.uri("/").toString(),
                "name",
                "auto-" + UUID.randomUUID()));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                api.get("/api/v1/sources/" + id, OPERATOR)
                        .json()
                        .get("health")
                        .get("items")
                        .intValue()
                    == 3);
  }

  @Test
  void onlyTheOperatorManagesSources() {
    ApiClient api = api();
    String slug = uniqueSlug("nosrc");
    String admin = companyWithAdminToken(api, slug);
    assertThat(api.get("/api/v1/sources", admin).status()).isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/sources",
                    admin,
                    Map.of("type", "discourse", "url", "http://x.example/"))
                .status())
        .isEqualTo(403);
  }

  private static String createPaused(ApiClient api, String type, String url) {
    return create(
        api,
        Map.of("type", type, "url", url, "enabled", false, "name", type + "-" + UUID.randomUUID()));
  }

  private static String create(ApiClient api, Map<String, Object> source) {
    ApiClient.Response created = api.post("/api/v1/sources", OPERATOR, source);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").stringValue();
  }

  private static JsonNode poll(ApiClient api, String id) {
    ApiClient.Response polled = api.post("/api/v1/sources/" + id + "/poll", OPERATOR, Map.of());
    assertThat(polled.status()).as(polled.body()).isEqualTo(200);
    return polled.json();
  }
}
