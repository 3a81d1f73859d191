package dev.caveat.source;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.fixture;
import static dev.caveat.support.CaveatTestUtils.form;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.FixtureServer;
import dev.caveat.support.IntegrationTestSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A feed that names a WebSub hub: Caveat subscribes, answers the verification, takes deliveries.
 */
@Tag("persistence")
class WebSubIntegrationTest extends IntegrationTestSupport {

  private final HttpClient http = HttpClient.newHttpClient();
  private FixtureServer publisher;
  private final CompletableFuture<Map<String, String>> subscription = new CompletableFuture<>();
  private final CompletableFuture<String> verification = new CompletableFuture<>();

  @BeforeEach
  void start() {
    publisher = new FixtureServer();
    String topic = publisher.uri("/status.xml").toString();
    String feed =
        fixture("feed/hub-feed.xml")
            .replace("TOPIC", topic)
            .replace("HUB", publisher.uri("/hub").toString());
    publisher.text("/status.xml", 200, "application/atom+xml", feed);
    publisher.route(
        "/hub",
        exchange -> {
          Map<String, String> form =
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          FixtureServer.respond(exchange, 202, Map.of(), "");
          CompletableFuture.runAsync(() -> verify(form));
        });
  }

  @AfterEach
  void stop() {
    publisher.close();
  }

  @Test
  void aHubVerifiesTheSubscriptionAndDeliversSignedContent() throws Exception {
    ApiClient api = api();
    String slug = uniqueSlug("websub");
    String token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Brand", "zephyr");
    String id = create(api, publisher.uri("/status.xml").toString());
    assertThat(
            api.post("/api/v1/sources/" + id + "/poll", OPERATOR, Map.of())
                .json()
                .get("accepted")
                .intValue())
        .isEqualTo(1);

    Map<String, String> asked = subscription.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(asked.get("hub.mode")).isEqualTo("subscribe");
    assertThat(asked.get("hub.topic")).isEqualTo(publisher.uri("/status.xml").toString());
    assertThat(asked.get("hub.secret")).hasSizeGreaterThanOrEqualTo(32);
    assertThat(verification.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("answered");

    assertThat(api.patch("/api/v1/sources/" + id, OPERATOR, Map.of("enabled", true)).status())
        .isEqualTo(200);
    String callback = asked.get("hub.callback");
    String fresh =
        fixture("feed/hub-feed.xml")
            .replace("tag:status.example,2026:1", "tag:status.example,2026:2")
            .replace(
                "Zephyr speeds halve every evening in our street.",
                "Zephyr outage across the north side since noon.");
    assertThat(
            deliver(callback, fresh, "sha256=" + sign(asked.get("hub.secret"), fresh)).statusCode())
        .isEqualTo(202);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                mentionTexts(api, token, slug)
                    .contains("Zephyr outage across the north side since noon."));

    String forged =
        fresh
            .replace("tag:status.example,2026:2", "tag:status.example,2026:3")
            .replace("since noon", "forged");
    assertThat(deliver(callback, forged, "sha256=" + sign("not-the-secret", forged)).statusCode())
        .isEqualTo(202);
    assertThat(deliver(callback, forged, null).statusCode()).isEqualTo(202);
    assertThat(mentionTexts(api, token, slug)).noneMatch(text -> text.contains("forged"));
  }

  @Test
  void aVerificationForAnotherTopicIsRefused() throws Exception {
    String id = create(api(), publisher.uri("/status.xml").toString());
    api().post("/api/v1/sources/" + id + "/poll", OPERATOR, Map.of());
    String callback =
        subscription.get(20, java.util.concurrent.TimeUnit.SECONDS).get("hub.callback");
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        callback
                            + "?hub.mode=subscribe&hub.topic="
                            + enc("http://evil.example/")
                            + "&hub.challenge=abc"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).doesNotContain("abc");
  }

  private void verify(Map<String, String> form) {
    subscription.complete(form);
    try {
      String challenge = UUID.randomUUID().toString();
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          form.get("hub.callback")
                              + "?hub.mode=subscribe&hub.topic="
                              + enc(form.get("hub.topic"))
                              + "&hub.challenge="
                              + challenge
                              + "&hub.lease_seconds=600"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      verification.complete(
          answer.statusCode() == 200 && answer.body().equals(challenge)
              ? "answered"
              : "wrong: " + answer.statusCode() + " " + answer.body());
    } catch (Exception e) {
      verification.completeExceptionally(e);
    }
  }

  private HttpResponse<String> deliver(String callback, String body, String signature)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(callback))
            .header("Content-Type", "application/atom+xml")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Hub-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String create(ApiClient api, String url) {
    ApiClient.Response created =
        api.post(
            "/api/v1/sources",
            OPERATOR,
            Map.of(
                "type",
                "feed",
                "url",
                url,
                "enabled",
                false,
                "name",
                "websub-" + UUID.randomUUID()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").stringValue();
  }

  private static String sign(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
