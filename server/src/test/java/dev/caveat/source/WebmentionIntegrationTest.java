package dev.caveat.source;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.FixtureServer;
import dev.caveat.support.IntegrationTestSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** W3C Webmention: the source must link to the target before its h-entry is taken. */
@Tag("persistence")
class WebmentionIntegrationTest extends IntegrationTestSupport {

  static final String TARGET = "https://blog.zephyr.example/2026/11/new-router";

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private FixtureServer author;

  @BeforeEach
  void start() {
    author = new FixtureServer();
    api()
        .post(
            "/api/v1/sources",
            OPERATOR,
            Map.of(
                "type",
                "webmention",
                "name",
                "webmention-" + UUID.randomUUID(),
                "targets",
                List.of("blog.zephyr.example")));
  }

  @AfterEach
  void stop() {
    author.close();
  }

  @Test
  void aVerifiedMentionBecomesAPostAndAFalseOneIsRejected() throws Exception {
    String slug = uniqueSlug("wm");
    String token = companyWithAdminToken(api(), slug);
    monitor(api(), token, slug, "Brand", "zephyr");
    author.text(
        "/notes/router-review",
        200,
        "text/html",
        """
        <html><body><article class="h-entry">
          <h1 class="p-name">The new Zephyr router, a week in</h1>
          <a class="p-author h-card" href="/">Ada</a>
          <time class="dt-published" datetime="2026-11-21T12:00:00Z">21 Nov</time>
          <div class="e-content"><p>Replying to <a class="u-in-reply-to" href="%s">Zephyr's launch post</a>:
          the Zephyr router loses its settings after every firmware update.</p></div>
        </article></body></html>
        """
            .formatted(TARGET));
    author.text(
        "/notes/unrelated",
        200,
        "text/html",
        "<html><body><p>Zephyr is great, but I link to nothing.</p></body></html>");

    JsonNode good = awaitProcessed(send(author.uri("/notes/router-review").toString(), TARGET));
    assertThat(good.get("status").stringValue()).isEqualTo("accepted");
    assertThat(mentionTexts(api(), token, slug))
        .singleElement()
        .asString()
        .contains("loses its settings after every firmware update");

    JsonNode bad = awaitProcessed(send(author.uri("/notes/unrelated").toString(), TARGET));
    assertThat(bad.get("status").stringValue()).isEqualTo("rejected");
    assertThat(bad.get("detail").stringValue()).isEqualTo("the source does not link to the target");
  }

  @Test
  void aBurstOfWebmentionsIsVerifiedTogetherAndEachTakenOnce() throws Exception {
    String slug = uniqueSlug("wmburst");
    String token = companyWithAdminToken(api(), slug);
    monitor(api(), token, slug, "Brand", "zephyr");
    int pages = 40;
    List<HttpResponse<String>> received = new ArrayList<>();
    try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
      List<Future<HttpResponse<String>>> sending = new ArrayList<>();
      for (int i = 0; i < pages; i++) {
        String path = "/burst/" + slug + "/" + i;
        // Every tenth page forgets the link; every other one is a plain page without h-entry.
        String link = i % 10 == 9 ? "" : "<a href=\"" + TARGET + "\">the post</a>";
        // Words of their own, so that no page reads as a copy of another.
        String words = UUID.randomUUID().toString().replace('-', ' ');
        String body =
            i % 2 == 0
                ? "<html><body><article class=\"h-entry\"><div class=\"e-content\">Zephyr"
                    + " burst entry "
                    + words
                    + " "
                    + link
                    + "</div></article></body></html>"
                : "<html><head><title>Burst "
                    + i
                    + "</title></head><body><p>Zephyr burst page "
                    + words
                    + " "
                    + link
                    + "</p></body></html>";
        author.text(path, 200, "text/html", body);
        String source = author.uri(path).toString();
        sending.add(senders.submit(() -> send(source, TARGET)));
      }
      // The same source twice is one post.
      sending.add(
          senders.submit(() -> send(author.uri("/burst/" + slug + "/0").toString(), TARGET)));
      for (Future<HttpResponse<String>> response : sending) {
        received.add(response.get());
      }
    }
    Map<String, Long> statuses =
        received.stream()
            .map(this::awaitProcessed)
            .collect(
                Collectors.groupingBy(
                    status -> status.get("status").stringValue(), Collectors.counting()));
    assertThat(statuses).containsOnly(Map.entry("accepted", 37L), Map.entry("rejected", 4L));
    List<String> texts = mentionTexts(api(), token, slug);
    assertThat(texts).hasSize(36).doesNotHaveDuplicates();
  }

  @Test
  void sourcesAtPrivateAddressesFailVerification() throws Exception {
    JsonNode failed =
        awaitProcessed(send("http://127.0.0.1:" + author.port() + "/notes/x", TARGET));
    assertThat(failed.get("status").stringValue()).isEqualTo("failed");
    assertThat(failed.get("detail").stringValue())
        .contains("Caveat does not fetch from such addresses");
  }

  @Test
  void targetsThisHubDoesNotReceiveForAreRefused() throws Exception {
    HttpResponse<String> response =
        send(author.uri("/notes/x").toString(), "https://elsewhere.example/post");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("detail").stringValue())
        .contains("not on a site this hub receives");
  }

  private HttpResponse<String> send(String source, String target) throws Exception {
    String form =
        "source="
            + URLEncoder.encode(source, StandardCharsets.UTF_8)
            + "&target="
            + URLEncoder.encode(target, StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webmention"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode awaitProcessed(HttpResponse<String> received) {
    assertThat(received.statusCode()).as(received.body()).isEqualTo(202);
    String location = received.headers().firstValue("Location").orElseThrow();
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                json.readTree(
                    http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + location))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body()),
            status -> !status.get("status").stringValue().equals("pending"));
  }
}
