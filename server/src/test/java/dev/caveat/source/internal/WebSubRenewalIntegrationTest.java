package dev.caveat.source.internal;

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
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases are renewed when a tenth of what the hub granted is left, not sooner, and a renewal never
 * drops deliveries: the old secret counts until the hub confirms the new one, and a while after.
 */
@Tag("persistence")
class WebSubRenewalIntegrationTest extends IntegrationTestSupport {

  @Autowired WebSub webSub;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final BlockingQueue<Map<String, String>> requests = new LinkedBlockingQueue<>();
  private FixtureServer publisher;
  private String topic;
  private String brand;

  @BeforeEach
  void start() {
    publisher = new FixtureServer();
    topic = publisher.uri("/renewal.xml").toString();
    brand = "zw" + UUID.randomUUID().toString().substring(0, 6);
    publisher.text(
        "/renewal.xml",
        200,
        "application/atom+xml",
        feed("0", "nothing yet").replace("<entry>", "<!--").replace("</entry>", "-->"));
    publisher.route(
        "/hub",
        exchange -> {
          requests.add(
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          FixtureServer.respond(exchange, 202, Map.of(), "");
        });
  }

  @AfterEach
  void stop() {
    publisher.close();
  }

  @Test
  void aRenewalKeepsDeliveriesFlowingAndComesOnlyWhenTheLeaseRunsLow() throws Exception {
    ApiClient api = api();
    String slug = uniqueSlug("renew");
    String token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Brand", brand);
    ApiClient.Response created =
        api.post(
            "/api/v1/sources",
            OPERATOR,
            Map.of("type", "feed", "url", topic, "enabled", false, "name", "renew-" + brand));
    String source = created.json().get("id").stringValue();
    api.post("/api/v1/sources/" + source + "/poll", OPERATOR, Map.of());
    Map<String, String> first = requests.poll(20, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(verify(first, 600)).isTrue();
    assertThat(api.patch("/api/v1/sources/" + source, OPERATOR, Map.of("enabled", true)).status())
        .isEqualTo(200);
    String callback = first.get("hub.callback");
    String oldSecret = first.get("hub.secret");

    // Ten minutes granted: nothing to renew yet.
    webSub.renew();
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();

    jdbc.sql(
            "update websub_subscription set expires_at = now() + interval '30 seconds' where topic = ?")
        .param(topic)
        .update();
    webSub.renew();
    Map<String, String> renewal = requests.poll(20, TimeUnit.SECONDS);
    assertThat(renewal).isNotNull();
    assertThat(renewal.get("hub.callback")).isEqualTo(callback);
    String newSecret = renewal.get("hub.secret");
    assertThat(newSecret).isNotEqualTo(oldSecret).hasSizeGreaterThanOrEqualTo(32);
    // Asked once: a renewal waiting for the hub is not asked for again on every tick.
    webSub.renew();
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();

    // Until the hub confirms, it still signs with the secret it has.
    deliver(callback, "1", "before the renewal is confirmed", oldSecret);
    deliver(callback, "2", "signed with a secret the hub has not confirmed", newSecret);
    assertThat(mentionTexts(api, token, slug))
        .anyMatch(t -> t.contains("before the renewal is confirmed"))
        .noneMatch(t -> t.contains("not confirmed"));

    assertThat(verify(renewal, 600)).isTrue();
    deliver(callback, "3", "after the renewal with the new secret", newSecret);
    deliver(callback, "4", "still on its way with the old secret", oldSecret);
    assertThat(mentionTexts(api, token, slug))
        .anyMatch(t -> t.contains("after the renewal with the new secret"))
        .anyMatch(t -> t.contains("still on its way with the old secret"));
    webSub.renew();
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  private boolean verify(Map<String, String> request, int leaseSeconds) throws Exception {
    String challenge = UUID.randomUUID().toString();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        request.get("hub.callback")
                            + "?hub.mode=subscribe&hub.topic="
                            + URLEncoder.encode(request.get("hub.topic"), StandardCharsets.UTF_8)
                            + "&hub.challenge="
                            + challenge
                            + "&hub.lease_seconds="
                            + leaseSeconds))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() == 200 && answer.body().equals(challenge);
  }

  private void deliver(String callback, String id, String words, String secret) throws Exception {
    String body = feed(id, brand + " " + words);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(callback))
                .header("Content-Type", "application/atom+xml")
                .header("X-Hub-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
  }

  private String feed(String id, String text) {
    return fixture("feed/hub-feed.xml")
        .replace("TOPIC", topic)
        .replace("HUB", publisher.uri("/hub").toString())
        .replace("tag:status.example,2026:1", "tag:status.example,2026:" + brand + "-" + id)
        .replace("Zephyr speeds halve every evening in our street.", text);
  }
}
