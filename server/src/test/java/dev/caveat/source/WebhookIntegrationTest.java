package dev.caveat.source;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.IntegrationTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Signed webhooks as the Standard Webhooks specification describes them. */
@Tag("persistence")
class WebhookIntegrationTest extends IntegrationTestSupport {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String name;
  private String endpoint;
  private String secret;

  @BeforeEach
  void createWebhook() {
    name = "hook-" + UUID.randomUUID();
    JsonNode created =
        api().post("/api/v1/sources", OPERATOR, Map.of("type", "webhook", "name", name)).json();
    endpoint = created.get("endpoint").stringValue();
    secret = created.get("secret").stringValue();
    assertThat(secret).startsWith("whsec_");
    assertThat(
            api()
                .get("/api/v1/sources/" + created.get("id").stringValue(), OPERATOR)
                .json()
                .get("secret")
                .isNull())
        .as("the secret is shown only once")
        .isTrue();
  }

  @Test
  void aSignedDeliveryIsTakenUnderTheWebhooksName() throws Exception {
    String body =
        "[{\"source\":\"someone-else\",\"externalId\":\"w1\",\"text\":\"hello\"},{\"externalId\":\"w2\",\"text\":\"again\"}]";
    String id = "msg_" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> delivered = send(body, id, now, sign(secret, id, now, body));
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
    assertThat(json.readTree(delivered.body()).get("accepted").intValue()).isEqualTo(2);

    HttpResponse<String> replay = send(body, id, now, sign(secret, id, now, body));
    assertThat(json.readTree(replay.body()).get("duplicates").intValue()).isEqualTo(2);

    String pushedUnderOwnName =
        "[{\"source\":\"" + name + "\",\"externalId\":\"w1\",\"text\":\"hello\"}]";
    assertThat(
            json.readTree(
                    api()
                        .post("/api/v1/ingest", OPERATOR, "application/json", pushedUnderOwnName)
                        .body())
                .get("duplicates")
                .intValue())
        .as("the first delivery was filed under the webhook's name")
        .isEqualTo(1);
  }

  @Test
  void unsignedForgedOrStaleDeliveriesAreRefused() throws Exception {
    String body = "{\"externalId\":\"x\",\"text\":\"forged\"}";
    long now = Instant.now().getEpochSecond();
    assertThat(
            send(
                    body,
                    "m1",
                    now,
                    sign(
                        "whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
                        "m1",
                        now,
                        body))
                .statusCode())
        .isEqualTo(401);
    assertThat(send(body, "m2", now - 3600, sign(secret, "m2", now - 3600, body)).statusCode())
        .isEqualTo(401);
    String tampered = sign(secret, "m3", now, body);
    HttpResponse<String> changed = send(body.replace("forged", "changed"), "m3", now, tampered);
    assertThat(changed.statusCode()).isEqualTo(401);
    assertThat(json.readTree(changed.body()).get("detail").stringValue())
        .contains("no webhook-signature matches");
    HttpResponse<String> unsigned =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownWebhookIsNotFound() throws Exception {
    endpoint = "/api/v1/webhooks/" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();
    assertThat(send("{}", "m", now, sign(secret, "m", now, "{}")).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> send(String body, String id, long timestamp, String signature)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint))
            .header("Content-Type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", "v1,bm90LWEtc2lnbmF0dXJl " + signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Signed the way the specification's reference libraries sign, written out here on purpose. */
  private static String sign(String secret, String id, long timestamp, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] digest =
        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(digest);
  }
}
