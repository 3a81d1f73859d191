package dev.caveat.source;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@Tag("persistence")
class ImportIntegrationTest extends IntegrationTestSupport {

  @Test
  void aBulkImportIsStoredInTheBackgroundWithProgressAndReasons() {
    ApiClient api = api();
    String slug = uniqueSlug("bulk");
    String token = companyWithAdminToken(api, slug);
    String word = "bk" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "Bulk", word);
    String source = "bulk-" + slug;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 2_500; i++) {
      if (i == 10) {
        body.append("{\"source\":\"").append(source).append("\",\"externalId\":\"broken\n");
      } else if (i == 20) {
        body.append("{\"source\":\"").append(source).append("\",\"externalId\":\"notext\"}\n");
      } else if (i == 30) {
        body.append("\n");
      } else {
        String text = i % 100 == 0 ? word + " post " + i : "unrelated post " + i;
        body.append(
            "{\"source\":\"%s\",\"externalId\":\"%d\",\"text\":\"%s\"}\n"
                .formatted(source, i, text));
      }
    }

    ApiClient.Response accepted =
        api.post("/api/v1/imports", OPERATOR, "application/x-ndjson", body.toString());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String id = accepted.json().get("id").stringValue();

    JsonNode done = awaitDone(api, id);
    assertThat(done.get("lines").intValue()).isEqualTo(2_500);
    assertThat(done.get("accepted").intValue()).isEqualTo(2_497);
    assertThat(done.get("rejected").intValue()).isEqualTo(2);
    assertThat(done.get("percent").doubleValue()).isEqualTo(100.0);
    assertThat(done.get("firstRejections").get(0).get("line").intValue()).isEqualTo(11);
    assertThat(done.get("firstRejections").get(0).get("reason").stringValue())
        .contains("not valid JSON");
    assertThat(done.get("firstRejections").get(1).get("line").intValue()).isEqualTo(21);
    assertThat(done.get("firstRejections").get(1).get("reason").stringValue()).contains("no text");
    assertThat(
            api.get("/api/v1/companies/" + slug + "/mentions?limit=200", token)
                .json()
                .get("items")
                .size())
        .isEqualTo(25);

    ApiClient.Response again =
        api.post("/api/v1/imports", OPERATOR, "application/x-ndjson", body.toString());
    JsonNode repeated = awaitDone(api, again.json().get("id").stringValue());
    assertThat(repeated.get("accepted").intValue()).isZero();
    assertThat(repeated.get("duplicates").intValue()).isEqualTo(2_497);
  }

  @Test
  void onlyLinesOfJsonAreImported() {
    ApiClient.Response response = api().post("/api/v1/imports", OPERATOR, "application/json", "[]");
    assertThat(response.status()).isEqualTo(415);
  }

  static JsonNode awaitDone(ApiClient api, String id) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> api.get("/api/v1/imports/" + id, OPERATOR).json(),
            job -> job.get("status").stringValue().equals("done"));
  }
}
