package dev.caveat.listening;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.post;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.IntegrationTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("persistence")
class MonitorIntegrationTest extends IntegrationTestSupport {

  @Test
  void aBrokenQueryIsA400ThatSaysWhere() {
    ApiClient api = api();
    String slug = uniqueSlug("badq");
    String token = companyWithAdminToken(api, slug);

    ApiClient.Response response =
        api.post(
            "/api/v1/companies/" + slug + "/monitors",
            token,
            Map.of("name", "Broken", "query", "(dell OR hp"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").stringValue())
        .contains("position 1")
        .contains("never closed");
    assertThat(response.json().get("position").intValue()).isEqualTo(1);
    assertThat(response.json().get("expected").stringValue()).isEqualTo("')'");
  }

  @Test
  void changesTakeEffectWithoutARestart() {
    ApiClient api = api();
    String slug = uniqueSlug("live");
    String token = companyWithAdminToken(api, slug);
    String word = "lv" + UUID.randomUUID().toString().substring(0, 6);
    String id = monitor(api, token, slug, "Live", word + "one");
    String source = "live-" + slug;

    api.post("/api/v1/ingest", OPERATOR, List.of(post(source, "1", word + "one here")));
    ApiClient.Response changed =
        api.put(
            "/api/v1/companies/" + slug + "/monitors/" + id,
            token,
            Map.of("name", "Live", "query", word + "two"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        List.of(post(source, "2", word + "one again"), post(source, "3", word + "two now")));
    assertThat(api.delete("/api/v1/companies/" + slug + "/monitors/" + id, token).status())
        .isEqualTo(204);
    api.post("/api/v1/ingest", OPERATOR, List.of(post(source, "4", word + "two later")));

    assertThat(mentionTexts(api, token, slug))
        .containsExactlyInAnyOrder(word + "one here", word + "two now");
  }

  @Test
  void monitorNamesAreUniquePerCompany() {
    ApiClient api = api();
    String slug = uniqueSlug("dup");
    String token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Brand", "dell");
    ApiClient.Response again =
        api.post(
            "/api/v1/companies/" + slug + "/monitors",
            token,
            Map.of("name", "Brand", "query", "hp"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(api.get("/api/v1/companies/" + slug + "/monitors", token).json().get("items").size())
        .isEqualTo(1);
  }

  @Test
  void aRepReadsButDoesNotChangeMonitors() {
    ApiClient api = api();
    String slug = uniqueSlug("rep");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    ApiClient.Response attempt =
        api.post(
            "/api/v1/companies/" + slug + "/monitors", rep, Map.of("name", "Mine", "query", "x"));
    assertThat(attempt.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/companies/" + slug + "/monitors", rep).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/companies/" + slug + "/mentions", rep).status()).isEqualTo(200);
  }
}
