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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** RSS and Atom feeds from a fixture server: conditional GET, quarantine, hostile XML. */
@Tag("persistence")
class FeedSourceIntegrationTest extends IntegrationTestSupport {

  private FixtureServer blog;

  @BeforeEach
  void start() {
    blog = new FixtureServer();
  }

  @AfterEach
  void stop() {
    blog.close();
  }

  @Test
  void aFeedIsReadWithConditionalGetAndItsBadItemQuarantined() {
    ApiClient api = api();
    String slug = uniqueSlug("kettle");
    String token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Brand", "zephyr");
    AtomicInteger fullReads = new AtomicInteger();
    blog.route(
        "/feed.xml",
        exchange -> {
          String validator = exchange.getRequestHeaders().getFirst("If-None-Match");
          if ("\"feed-v1\"".equals(validator)) {
            FixtureServer.respond(exchange, 304, Map.of("ETag", "\"feed-v1\""), "");
            return;
          }
          fullReads.incrementAndGet();
          FixtureServer.respond(
              exchange,
              200,
              Map.of(
                  "Content-Type",
                  "application/rss+xml",
                  "ETag",
                  "\"feed-v1\"",
                  "Last-Modified",
                  "Sat, 21 Nov 2026 10:15:00 GMT"),
              fixture("feed/blog.rss"));
        });
    String id = create(api, blog.uri("/feed.xml").toString());

    JsonNode first = poll(api, id);
    assertThat(first.get("accepted").intValue()).isEqualTo(2);
    assertThat(first.get("quarantined").intValue()).isEqualTo(1);
    assertThat(mentionTexts(api, token, slug))
        .containsExactly("Nine days. The hinge on the Zephyr kettle lid snapped while pouring.");

    JsonNode second = poll(api, id);
    assertThat(second.get("notModified").booleanValue()).isTrue();
    assertThat(fullReads.get()).isEqualTo(1);
  }

  @Test
  void hostileXmlFailsThePollWithoutExpandingAnythingAndTheSourceRecovers() {
    ApiClient api = api();
    AtomicReference<String> feed = new AtomicReference<>(fixture("feed/xxe.rss"));
    blog.route(
        "/feed.xml",
        exchange ->
            FixtureServer.respond(
                exchange, 200, Map.of("Content-Type", "application/rss+xml"), feed.get()));
    String id = create(api, blog.uri("/feed.xml").toString());

    String xxe = poll(api, id).get("error").stringValue();
    assertThat(xxe).contains("the feed cannot be read").doesNotContain("root:");
    feed.set(fixture("feed/laughs.rss"));
    assertThat(poll(api, id).get("error").stringValue()).contains("the feed cannot be read");
    feed.set("<html><body>Not a feed</body></html>");
    assertThat(poll(api, id).get("error").stringValue()).contains("the feed cannot be read");

    feed.set(fixture("feed/blog.rss"));
    assertThat(poll(api, id).get("accepted").intValue()).isEqualTo(2);
  }

  private static String create(ApiClient api, String url) {
    ApiClient.Response created =
        api.post(
            "/api/v1/sources",
            OPERATOR,
            Map.of(
                "type", "feed", "url", url, "enabled", false, "name", "feed-" + UUID.randomUUID()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").stringValue();
  }

  private static JsonNode poll(ApiClient api, String id) {
    ApiClient.Response polled = api.post("/api/v1/sources/" + id + "/poll", OPERATOR, Map.of());
    assertThat(polled.status()).as(polled.body()).isEqualTo(200);
    return polled.json();
  }
}
