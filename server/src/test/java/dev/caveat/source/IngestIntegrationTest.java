package dev.caveat.source;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.mentionTexts;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.post;
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
class IngestIntegrationTest extends IntegrationTestSupport {

  @Test
  void matchingPostsBecomeMentionsOfTheirCompanyOnlyAndARepeatChangesNothing() {
    ApiClient api = api();
    String brand = "zq" + UUID.randomUUID().toString().substring(0, 6);
    String rival = brand + "x";
    String northwind = uniqueSlug("nw");
    String southgate = uniqueSlug("sg");
    String nwToken = companyWithAdminToken(api, northwind);
    String sgToken = companyWithAdminToken(api, southgate);
    monitor(api, nwToken, northwind, "Brand", brand + " NOT careers");
    monitor(api, sgToken, southgate, "Brand", rival);

    String source = "forum-" + brand;
    List<Map<String, Object>> batch =
        List.of(
            post(source, "1", "My " + brand + " router died again"),
            post(source, "2", brand + " careers page: we are hiring"),
            post(source, "3", "Switching from " + rival + " to something else"),
            post(source, "4", "Nothing to see here"));

    ApiClient.Response first = api.post("/api/v1/ingest", OPERATOR, batch);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("accepted").intValue()).isEqualTo(4);
    assertThat(first.json().get("duplicates").intValue()).isZero();
    assertThat(first.json().get("rejected").size()).isZero();
    assertThat(first.json().get("mentions").intValue()).isEqualTo(2);

    assertThat(mentionTexts(api, nwToken, northwind))
        .containsExactly("My " + brand + " router died again");
    assertThat(mentionTexts(api, sgToken, southgate))
        .containsExactly("Switching from " + rival + " to something else");

    ApiClient.Response again = api.post("/api/v1/ingest", OPERATOR, batch);
    assertThat(again.json().get("accepted").intValue()).isZero();
    assertThat(again.json().get("duplicates").intValue()).isEqualTo(4);
    assertThat(again.json().get("mentions").intValue()).isZero();
    assertThat(mentionTexts(api, nwToken, northwind)).hasSize(1);
    assertThat(mentionTexts(api, sgToken, southgate)).hasSize(1);
  }

  @Test
  void aMentionCarriesThePostAndItsMonitor() {
    ApiClient api = api();
    String slug = uniqueSlug("fields");
    String token = companyWithAdminToken(api, slug);
    monitor(api, token, slug, "Power supplies", "\"power supply\"");
    Map<String, Object> post =
        Map.of(
            "source", "forum-" + slug,
            "externalId", 8812,
            "url", "https://forum.example/t/8812",
            "author", Map.of("handle", "bryce", "name", "Bryce B.", "url", "https://bryce.example"),
            "title", "Dell hell",
            "text", "My third power supply ...",
            "published", "2005-06-21T18:04:00Z");
    assertThat(api.post("/api/v1/ingest", OPERATOR, post).json().get("accepted").intValue())
        .isEqualTo(1);

    var mention =
        api.get("/api/v1/companies/" + slug + "/mentions", token).json().get("items").get(0);
    assertThat(mention.get("postId").isIntegralNumber()).isTrue();
    assertThat(mention.get("externalId").stringValue()).isEqualTo("8812");
    assertThat(mention.get("url").stringValue()).isEqualTo("https://forum.example/t/8812");
    assertThat(mention.get("author").get("handle").stringValue()).isEqualTo("bryce");
    assertThat(mention.get("text").stringValue()).isEqualTo("My third power supply ...");
    assertThat(mention.get("monitor").stringValue()).isEqualTo("Power supplies");
    assertThat(mention.get("published").stringValue()).isEqualTo("2005-06-21T18:04:00Z");
    assertThat(mention.has("language")).isTrue();
    assertThat(mention.has("intent")).isTrue();
    assertThat(mention.has("sentiment")).isTrue();
    assertThat(mention.has("caseNumber")).isTrue();
  }

  @Test
  void badItemsAreRejectedWithReasonsAndTheRestTaken() {
    ApiClient api = api();
    String source = "forum-" + UUID.randomUUID();
    List<Object> batch =
        List.of(
            post(source, "ok", "A fine post"),
            Map.of("source", source, "externalId", "no-text"),
            Map.of("source", source, "externalId", "blank", "text", "   "),
            Map.of("externalId", "no-source", "text", "hello"),
            "not an object",
            Map.of("source", source, "externalId", "date", "text", "x", "published", "yesterday"),
            Map.of(
                "source", source, "externalId", "js", "text", "x", "url", "javascript:alert(1)"));

    ApiClient.Response response = api.post("/api/v1/ingest", OPERATOR, batch);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("accepted").intValue()).isEqualTo(1);
    var rejected = response.json().get("rejected");
    assertThat(rejected.valueStream().map(r -> r.get("index").intValue()).toList())
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(rejected.get(0).get("reason").stringValue()).contains("no text");
    assertThat(rejected.get(2).get("reason").stringValue()).isEqualTo("source is required");
    assertThat(rejected.get(3).get("reason").stringValue()).contains("JSON object");
    assertThat(rejected.get(4).get("reason").stringValue()).contains("ISO-8601");
    assertThat(rejected.get(5).get("reason").stringValue()).contains("http or https");
  }

  @Test
  void ndjsonLinesStandAlone() {
    ApiClient api = api();
    String source = "feed-" + UUID.randomUUID();
    String body =
        """
        {"source":"%1$s","externalId":"1","text":"first"}
        {"source":"%1$s","externalId":"2","text":
        {"source":"%1$s","externalId":"3","text":"third"}
        """
            .formatted(source);

    ApiClient.Response response =
        api.post("/api/v1/ingest", OPERATOR, "application/x-ndjson", body);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("accepted").intValue()).isEqualTo(2);
    assertThat(response.json().get("rejected").get(0).get("index").intValue()).isEqualTo(1);
    assertThat(response.json().get("rejected").get(0).get("reason").stringValue())
        .startsWith("line 2 is not valid JSON");
  }

  @Test
  void aMalformedBodyIsAProblemDetail() {
    ApiClient.Response response =
        api().post("/api/v1/ingest", OPERATOR, "application/json", "{\"source\": \"x\", ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").stringValue())
        .startsWith("The body is not valid JSON");
    assertThat(response.json().get("status").intValue()).isEqualTo(400);
  }

  @Test
  void deeplyNestedJsonIsRefusedNotAStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    ApiClient.Response response = api().post("/api/v1/ingest", OPERATOR, "application/json", deep);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").stringValue()).contains("not valid JSON");
  }

  @Test
  void otherMediaTypesAreRefused() {
    ApiClient.Response response = api().post("/api/v1/ingest", OPERATOR, "text/plain", "hello");
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.json().get("detail").stringValue()).contains("application/x-ndjson");
  }

  @Test
  void withoutATokenNothingIsTaken() {
    String source = "anon-" + UUID.randomUUID();
    ApiClient.Response response =
        api().post("/api/v1/ingest", null, List.of(post(source, "1", "x")));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").stringValue()).contains("Bearer");

    ApiClient.Response forged =
        api().post("/api/v1/ingest", "cav_forged", List.of(post(source, "1", "x")));
    assertThat(forged.status()).isEqualTo(401);

    ApiClient.Response repeated =
        api().post("/api/v1/ingest", OPERATOR, List.of(post(source, "1", "x")));
    assertThat(repeated.json().get("accepted").intValue()).isEqualTo(1);
  }

  @Test
  void mentionsArePagedNewestFirst() {
    ApiClient api = api();
    String slug = uniqueSlug("pages");
    String token = companyWithAdminToken(api, slug);
    String word = "pg" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "All", word);
    String source = "paging-" + slug;
    List<Map<String, Object>> batch =
        java.util.stream.IntStream.range(0, 5)
            .mapToObj(
                i ->
                    Map.<String, Object>of(
                        "source", source,
                        "externalId", "p" + i,
                        "text", word + " number " + i,
                        "published", "2026-11-0" + (i + 1) + "T10:00:00Z"))
            .toList();
    api.post("/api/v1/ingest", OPERATOR, batch);

    var first = api.get("/api/v1/companies/" + slug + "/mentions?limit=2", token).json();
    assertThat(texts(first)).containsExactly(word + " number 4", word + " number 3");
    String cursor = first.get("nextCursor").stringValue();
    var second =
        api.get("/api/v1/companies/" + slug + "/mentions?limit=2&cursor=" + cursor, token).json();
    assertThat(texts(second)).containsExactly(word + " number 2", word + " number 1");
    var third =
        api.get(
                "/api/v1/companies/"
                    + slug
                    + "/mentions?limit=2&cursor="
                    + second.get("nextCursor").stringValue(),
                token)
            .json();
    assertThat(texts(third)).containsExactly(word + " number 0");
    assertThat(third.get("nextCursor").isNull()).isTrue();

    var since =
        api.get("/api/v1/companies/" + slug + "/mentions?since=2026-11-04T00:00:00Z", token).json();
    assertThat(texts(since)).containsExactly(word + " number 4", word + " number 3");

    assertThat(api.get("/api/v1/companies/" + slug + "/mentions?limit=0", token).status())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/companies/" + slug + "/mentions?cursor=garbage", token).status())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/companies/" + slug + "/mentions?intent=angry", token).status())
        .isEqualTo(400);
  }

  @Test
  void copiesOfAPostCountTowardOneMention() {
    ApiClient api = api();
    String slug = uniqueSlug("copies");
    String token = companyWithAdminToken(api, slug);
    String word = "cp" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "Brand", word);
    String original = "My " + word + " router has dropped the connection every evening this week";
    String source = "copies-" + slug;
    api.post("/api/v1/ingest", OPERATOR, List.of(post(source, "1", original)));
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        List.of(
            post(source, "2", "RT @someone: " + original),
            post(source, "3", original + " #fail"),
            post(source, "4", "Completely different: " + word + " billed me twice for October")));

    var items = api.get("/api/v1/companies/" + slug + "/mentions", token).json().get("items");
    assertThat(items.size()).isEqualTo(2);
    var first =
        items
            .valueStream()
            .filter(m -> m.get("text").stringValue().equals(original))
            .findFirst()
            .orElseThrow();
    assertThat(first.get("copies").intValue()).isEqualTo(3);
    assertThat(first.get("cluster").stringValue()).isEqualTo(source + "/1");
  }

  @Test
  void aPostDatedInTheFutureDoesNotStayOnTop() {
    ApiClient api = api();
    String slug = uniqueSlug("future");
    String token = companyWithAdminToken(api, slug);
    String word = "ft" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "All", word);
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        Map.of(
            "source",
            "future-" + slug,
            "externalId",
            "1",
            "text",
            word,
            "published",
            "2099-01-01T00:00:00Z"));
    String published =
        api.get("/api/v1/companies/" + slug + "/mentions", token)
            .json()
            .get("items")
            .get(0)
            .get("published")
            .stringValue();
    assertThat(java.time.Instant.parse(published))
        .isBefore(java.time.Instant.now().plusSeconds(60));
  }

  private static List<String> texts(tools.jackson.databind.JsonNode page) {
    return page.get("items").valueStream().map(m -> m.get("text").stringValue()).toList();
  }
}
