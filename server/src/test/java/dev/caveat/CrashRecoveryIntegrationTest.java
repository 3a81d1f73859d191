package dev.caveat;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.ChildCaveat;
import dev.caveat.support.FixtureServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Caveat is killed outright while it stores a large import, a busy forum poll and a busy RSS feed
 * poll; after a restart every post is stored exactly once.
 */
class CrashRecoveryIntegrationTest {

  static final int IMPORT_LINES = 6_000;
  static final int FORUM_POSTS = 3_000;

  /** As many as one feed may carry (FeedLimits.DEFAULT); more are skipped with a quarantine. */
  static final int FEED_ITEMS = 1_000;

  @Test
  void aKillInTheMiddleLosesNothingAndDuplicatesNothing() throws Exception {
    Path dataDir = CaveatTestUtils.newDataDir();
    String[] args = {
      "--caveat.sources.allowed-addresses=127.0.0.2", "--caveat.sources.polling.enabled=false"
    };
    try (FixtureServer forum = new FixtureServer()) {
      forum.text("/posts.json", 200, "application/json", forumPosts());
      forum.text("/feed.xml", 200, "application/rss+xml", feedItems());
      String sourceId;
      String feedId;
      String importId;
      CompletableFuture<HttpResponse<String>> pollInFlight;

      ChildCaveat first = ChildCaveat.start(dataDir, args);
      try {
        ApiClient api = first.api();
        String token = companyWithAdminToken(api, "crash");
        monitor(api, token, "crash", "Everything", "crashword");
        sourceId =
            api.post(
                    "/api/v1/sources",
                    OPERATOR,
                    Map.of(
                        "type",
                        "discourse",
                        "url",
                        forum.uri("/").toString(),
                        "enabled",
                        false,
                        "name",
                        "crash-forum"))
                .json()
                .get("id")
                .stringValue();
        feedId =
            api.post(
                    "/api/v1/sources",
                    OPERATOR,
                    Map.of(
                        "type",
                        "feed",
                        "url",
                        forum.uri("/feed.xml").toString(),
                        "enabled",
                        false,
                        "name",
                        "crash-feed"))
                .json()
                .get("id")
                .stringValue();
        pollInFlight = pollAsync(first, sourceId);
        // Whether this one is still storing when the kill comes depends on the machine; either
        // way the restart must leave every item stored once.
        pollAsync(first, feedId);
        importId =
            api.post("/api/v1/imports", OPERATOR, "application/x-ndjson", importLines())
                .json()
                .get("id")
                .stringValue();
        Awaitility.await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    api.get("/api/v1/imports/" + importId, OPERATOR).json().get("lines").intValue()
                        >= 1_000);
      } finally {
        first.kill();
      }
      assertThat(
              pollInFlight
                  .handle((response, error) -> error != null || response.statusCode() != 200)
                  .get())
          .as("the poll was cut off by the kill")
          .isTrue();

      try (ChildCaveat second = ChildCaveat.start(dataDir, args)) {
        ApiClient api = second.api();
        Awaitility.await()
            .atMost(Duration.ofSeconds(180))
            .until(
                () ->
                    api.get("/api/v1/imports/" + importId, OPERATOR)
                        .json()
                        .get("status")
                        .stringValue()
                        .equals("done"));
        for (String source : new String[] {sourceId, feedId}) {
          ApiClient.Response poll =
              api.post("/api/v1/sources/" + source + "/poll", OPERATOR, Map.of());
          assertThat(poll.status()).as(poll.body()).isEqualTo(200);
        }

        try (Connection db = second.database();
            Statement sql = db.createStatement()) {
          assertThat(count(sql, "select count(*) from post where source = 'crash-import'"))
              .isEqualTo(IMPORT_LINES);
          assertThat(count(sql, "select count(*) from post where source = 'crash-forum'"))
              .isEqualTo(FORUM_POSTS);
          assertThat(count(sql, "select count(*) from post where source = 'crash-feed'"))
              .isEqualTo(FEED_ITEMS);
          assertThat(
                  count(
                      sql,
                      "select count(*) from mention m join post p on p.id = m.post_id where p.source like 'crash-%'"))
              .isEqualTo(IMPORT_LINES + FORUM_POSTS + FEED_ITEMS);
        }
      }
    }
  }

  private static CompletableFuture<HttpResponse<String>> pollAsync(
      ChildCaveat caveat, String source) {
    return HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + caveat.port()
                            + "/api/v1/sources/"
                            + source
                            + "/poll"))
                .header("Authorization", "Bearer " + OPERATOR)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String feedItems() {
    StringBuilder rss =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Busy</title>");
    for (int i = 1; i <= FEED_ITEMS; i++) {
      rss.append("<item><guid>https://public.example/feed/")
          .append(i)
          .append("</guid><link>https://public.example/feed/")
          .append(i)
          .append("</link><title>Item ")
          .append(i)
          .append("</title><description>crashword feed item ")
          .append(i)
          .append("</description><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>");
    }
    return rss.append("</channel></rss>").toString();
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String importLines() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < IMPORT_LINES; i++) {
      lines
          .append("{\"source\":\"crash-import\",\"externalId\":\"")
          .append(i)
          .append("\",\"text\":\"crashword import line ")
          .append(i)
          .append("\"}\n");
    }
    return lines.toString();
  }

  private static String forumPosts() {
    StringBuilder json = new StringBuilder("{\"latest_posts\":[");
    for (int i = 1; i <= FORUM_POSTS; i++) {
      json.append(i == 1 ? "" : ",")
          .append("{\"id\":")
          .append(i)
          .append(",\"username\":\"u")
          .append(i)
          .append("\",\"created_at\":\"2026-11-20T10:00:00Z\",\"raw\":\"crashword forum post ")
          .append(i)
          .append("\",\"topic_id\":1,\"topic_slug\":\"t\",\"post_number\":")
          .append(i)
          .append("}");
    }
    return json.append("]}").toString();
  }
}
