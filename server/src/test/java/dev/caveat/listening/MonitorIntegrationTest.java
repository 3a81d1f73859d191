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

  @Test
  void falseHitGuardsKeepAddressesAndExclusionsOut() {
    ApiClient api = api();
    String slug = uniqueSlug("guards");
    String token = companyWithAdminToken(api, slug);
    String brand = "gd" + UUID.randomUUID().toString().substring(0, 6);
    ApiClient.Response created =
        api.post(
            "/api/v1/companies/" + slug + "/monitors",
            token,
            Map.of(
                "name",
                "Brand",
                "query",
                brand,
                "ignoreAddresses",
                true,
                "exclusions",
                List.of("careers", "\"we are hiring\"")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("ignoreAddresses").booleanValue()).isTrue();
    assertThat(created.json().get("exclusions").size()).isEqualTo(2);
    String source = "guards-" + slug;

    api.post(
        "/api/v1/ingest",
        OPERATOR,
        List.of(
            post(source, "1", "Write to me at someone@" + brand + ".net about the meetup"),
            post(source, "2", "See https://" + brand + ".example/offers for nothing"),
            post(source, "3", brand + " is down again in my street"),
            post(source, "4", brand + " careers: apply now"),
            post(source, "5", "Good news, " + brand + " we are hiring engineers")));

    assertThat(mentionTexts(api, token, slug))
        .containsExactly(brand + " is down again in my street");
  }

  @Test
  void theFullLanguageWorksThroughTheApi() {
    ApiClient api = api();
    String slug = uniqueSlug("lang");
    String token = companyWithAdminToken(api, slug);
    String brand = "lg" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "Near", brand + " NEAR/3 router*");
    String source = "lang-" + slug;
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        List.of(
            post(source, "1", "The routers from " + brand + " overheat"),
            post(
                source,
                "2",
                brand + " sent me a letter about nothing much and then a new router")));
    assertThat(mentionTexts(api, token, slug))
        .containsExactly("The routers from " + brand + " overheat");
  }

  @Test
  void aBrokenExclusionSaysWhichOne() {
    ApiClient api = api();
    String slug = uniqueSlug("badex");
    String token = companyWithAdminToken(api, slug);
    ApiClient.Response response =
        api.post(
            "/api/v1/companies/" + slug + "/monitors",
            token,
            Map.of("name", "Brand", "query", "dell", "exclusions", List.of("jobs", "(careers")));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").stringValue()).isEqualTo("exclusions[1]");
    assertThat(response.json().get("detail").stringValue()).startsWith("Exclusion 2 has an error.");
  }

  @Test
  void manyMonitorsAtOnceAllOrNone() {
    ApiClient api = api();
    String slug = uniqueSlug("batch");
    String token = companyWithAdminToken(api, slug);
    ApiClient.Response broken =
        api.post(
            "/api/v1/companies/" + slug + "/monitors/batch",
            token,
            Map.of(
                "monitors",
                List.of(
                    Map.of("name", "A", "query", "alpha"), Map.of("name", "B", "query", "(beta"))));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("index").intValue()).isEqualTo(1);
    assertThat(broken.json().get("detail").stringValue())
        .startsWith("Monitor 2: The query has an error.");
    assertThat(api.get("/api/v1/companies/" + slug + "/monitors", token).json().get("items").size())
        .isZero();

    ApiClient.Response created =
        api.post(
            "/api/v1/companies/" + slug + "/monitors/batch",
            token,
            Map.of(
                "monitors",
                List.of(
                    Map.of("name", "A", "query", "alpha"), Map.of("name", "B", "query", "beta"))));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("items").size()).isEqualTo(2);
    String source = "batch-" + slug;
    api.post("/api/v1/ingest", OPERATOR, List.of(post(source, "1", "beta is here")));
    assertThat(mentionTexts(api, token, slug)).containsExactly("beta is here");
  }
}
