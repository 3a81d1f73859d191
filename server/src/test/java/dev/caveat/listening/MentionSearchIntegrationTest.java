package dev.caveat.listening;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.IntegrationTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Full-text search over a company's mentions in the monitor language. */
@Tag("persistence")
class MentionSearchIntegrationTest extends IntegrationTestSupport {

  @Test
  void searchUsesTheMonitorLanguageAndPagesNewestFirst() {
    ApiClient api = api();
    String slug = uniqueSlug("search");
    String token = companyWithAdminToken(api, slug);
    String brand = "sr" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "Brand", brand);
    String source = "search-" + slug;
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        List.of(
            post(
                source,
                "1",
                "The " + brand + " router reboots every night",
                "ada",
                "2026-11-01T10:00:00Z"),
            post(source, "2", brand + " billing doubled my invoice", "bo", "2026-11-02T10:00:00Z"),
            post(
                source,
                "3",
                "My router from " + brand + " rebooted twice today",
                "cy",
                "2026-11-03T10:00:00Z"),
            post(
                source,
                "4",
                "Nothing about routers, " + brand + " support was kind",
                "ada",
                "2026-11-04T10:00:00Z")));

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> texts(search(api, token, slug, brand, "")).size() == 4);

    assertThat(texts(search(api, token, slug, "router NEAR/2 reboot*", "")))
        .containsExactly(
            "My router from " + brand + " rebooted twice today",
            "The " + brand + " router reboots every night");
    assertThat(texts(search(api, token, slug, "author:ada", "")))
        .containsExactly(
            "Nothing about routers, " + brand + " support was kind",
            "The " + brand + " router reboots every night");
    assertThat(
            texts(
                search(
                    api,
                    token,
                    slug,
                    "\"billing doubled\" OR kind",
                    "&since=2026-11-03T00:00:00Z")))
        .containsExactly("Nothing about routers, " + brand + " support was kind");

    JsonNode first = search(api, token, slug, brand + " -billing", "&limit=2");
    assertThat(first.get("items").size()).isEqualTo(2);
    JsonNode second =
        search(
            api,
            token,
            slug,
            brand + " -billing",
            "&limit=2&cursor=" + first.get("nextCursor").stringValue());
    assertThat(texts(second)).containsExactly("The " + brand + " router reboots every night");
  }

  @Test
  void aBrokenSearchSaysWhere() {
    ApiClient api = api();
    String slug = uniqueSlug("badsearch");
    String token = companyWithAdminToken(api, slug);
    ApiClient.Response response =
        api.get("/api/v1/companies/" + slug + "/mentions?q=" + enc("router NEAR reboot"), token);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").stringValue()).startsWith("The search has an error.");
    assertThat(response.json().get("position").intValue()).isEqualTo(12);
    assertThat(response.json().get("expected").stringValue()).isNotBlank();
  }

  @Test
  void searchNeverCrossesCompanies() {
    ApiClient api = api();
    String mine = uniqueSlug("mine");
    String theirs = uniqueSlug("theirs");
    String myToken = companyWithAdminToken(api, mine);
    String theirToken = companyWithAdminToken(api, theirs);
    String word = "xs" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, theirToken, theirs, "Brand", word);
    monitor(api, myToken, mine, "Other", word + "mine");
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        List.of(post("x-" + theirs, "1", word + " secret complaint", "z", "2026-11-01T10:00:00Z")));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> texts(search(api, theirToken, theirs, word, "")).size() == 1);
    assertThat(texts(search(api, myToken, mine, word, ""))).isEmpty();
  }

  private static Map<String, Object> post(
      String source, String id, String text, String author, String published) {
    return Map.of(
        "source",
        source,
        "externalId",
        id,
        "text",
        text,
        "author",
        Map.of("handle", author),
        "published",
        published);
  }

  private static JsonNode search(ApiClient api, String token, String slug, String q, String more) {
    ApiClient.Response response =
        api.get("/api/v1/companies/" + slug + "/mentions?q=" + enc(q) + more, token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> texts(JsonNode page) {
    return page.get("items").valueStream().map(m -> m.get("text").stringValue()).toList();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
