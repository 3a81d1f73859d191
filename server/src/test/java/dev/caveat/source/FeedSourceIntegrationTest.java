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

  @Test
  void aBlogPageWithMicroformatsIsRead() {
    ApiClient api = api();
    String slug = uniqueSlug("mf2");
    String token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Brand", "zephyr");
    blog.text(
        "/journal",
        200,
        "text/html; charset=utf-8",
        """
        <html><head><title>Maren's journal</title></head><body>
        <div class="h-feed">
          <a class="h-card p-author" href="/">Maren</a>
          <article class="h-entry">
            <a class="u-url" href="/journal/kettle-lid"><time class="dt-published" datetime="2026-11-21T10:00:00Z">21 Nov</time></a>
            <div class="e-content"><p>Day nine and the Zephyr kettle lid hinge snapped.</p></div>
          </article>
          <article class="h-entry">
            <a class="u-url" href="/journal/tea"><time class="dt-published" datetime="not a date">?</time></a>
            <div class="e-content"><p>Tea notes without a readable date.</p></div>
          </article>
        </div></body></html>
        """);
    ApiClient.Response created =
        api.post(
            "/api/v1/sources",
            OPERATOR,
            Map.of(
                "type",
                "mf2",
                "url",
                blog.uri("/journal").toString(),
                "enabled",
                false,
                "name",
                "mf2-" + UUID.randomUUID()));
    JsonNode polled = poll(api, created.json().get("id").stringValue());
    assertThat(polled.get("accepted").intValue()).isEqualTo(1);
    assertThat(polled.get("quarantined").intValue()).isEqualTo(1);
    var mention =
        api.get("/api/v1/companies/" + slug + "/mentions", token).json().get("items").get(0);
    assertThat(mention.get("text").stringValue())
        .isEqualTo("Day nine and the Zephyr kettle lid hinge snapped.");
    assertThat(mention.get("url").stringValue())
        .isEqualTo(blog.uri("/journal/kettle-lid").toString());
    assertThat(mention.get("author").get("name").stringValue()).isEqualTo("Maren");
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
