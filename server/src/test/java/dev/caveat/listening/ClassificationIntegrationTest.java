package dev.caveat.listening;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.post;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@Tag("persistence")
class ClassificationIntegrationTest extends IntegrationTestSupport {

  @Test
  void classifyAnswersLanguageIntentSentimentUrgencyAndReasonsWithoutStoringAnything() {
    ApiClient api = api();
    ApiClient.Response english =
        api.post(
            "/api/v1/classify",
            OPERATOR,
            Map.of(
                "text",
                "Third outage this week and nobody at Comcast answers. I'm cancelling my"
                    + " subscription and switching to AT&T.",
                "followers",
                250_000));
    assertThat(english.status()).as(english.body()).isEqualTo(200);
    JsonNode answer = english.json();
    assertThat(answer.get("language").stringValue()).isEqualTo("en");
    assertThat(answer.get("intent").stringValue()).isEqualTo("complaint");
    assertThat(answer.get("sentiment").doubleValue()).isBetween(-1.0, -0.1);
    assertThat(strings(answer.get("urgency"))).contains("churn", "outage", "reach");
    assertThat(answer.get("reasons").size()).isPositive();
    assertThat(answer.get("reasons").get(0).get("evidence").stringValue()).isNotBlank();

    JsonNode french =
        api.post(
                "/api/v1/classify",
                OPERATOR,
                Map.of(
                    "text",
                    "Bonjour, est-ce que la Freebox Pop fonctionne avec un répéteur Wi-Fi d'une"
                        + " autre marque ?",
                    "products",
                    List.of(Map.of("name", "Freebox Pop", "aliases", List.of("freebox")))))
            .json();
    assertThat(french.get("language").stringValue()).isEqualTo("fr");
    assertThat(french.get("intent").stringValue()).isEqualTo("question");
    assertThat(strings(french.get("products"))).containsExactly("Freebox Pop");
  }

  @Test
  void aBrokenRequestIsABadRequestAndAStrangerIsTurnedAway() {
    ApiClient api = api();
    ApiClient.Response blank = api.post("/api/v1/classify", OPERATOR, Map.of("text", "  "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().get("detail").stringValue()).contains("text is required");
    ApiClient.Response malformed =
        api.post("/api/v1/classify", OPERATOR, "application/json", "{\"text\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(api.post("/api/v1/classify", null, Map.of("text", "hello")).status()).isEqualTo(401);
  }

  @Test
  void aMatchedPostIsClassifiedOnItsWayToTheInbox() {
    ApiClient api = api();
    String slug = uniqueSlug("cls");
    String token = companyWithAdminToken(api, slug);
    String brand = "zk" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, token, slug, "Brand", brand);
    api.post(
        "/api/v1/ingest",
        OPERATOR,
        post(
            "forum-" + slug,
            "1",
            "Mi router de "
                + brand
                + " no funciona desde hace tres días, ¿alguien sabe cómo"
                + " reclamar? Estoy harto."));
    JsonNode mention =
        api.get("/api/v1/companies/" + slug + "/mentions", token).json().get("items").get(0);
    assertThat(mention.get("language").stringValue()).isEqualTo("es");
    assertThat(mention.get("intent").stringValue()).isEqualTo("complaint");
    assertThat(mention.get("sentiment").doubleValue()).isNegative();
    assertThat(mention.get("reasons").size()).isPositive();
    assertThat(
            api.get("/api/v1/companies/" + slug + "/mentions?intent=complaint", token)
                .json()
                .get("items")
                .size())
        .isEqualTo(1);
  }

  @Test
  void aMentionNamesTheCompanysListedProductsItMentions() {
    ApiClient api = api();
    String slug = uniqueSlug("prod");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = "zp" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String products = "/api/v1/companies/" + slug + "/products";
    Map<String, Object> list =
        Map.of(
            "products",
            List.of(
                Map.of("name", "Livebox 6", "aliases", List.of("livebox")),
                Map.of("name", "Decodeur TV")));
    assertThat(api.put(products, rep, list).status()).isEqualTo(403);
    ApiClient.Response saved = api.put(products, admin, list);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(api.get(products, rep).json().get("products").size()).isEqualTo(2);
    ApiClient.Response twice =
        api.put(
            products,
            admin,
            Map.of("products", List.of(Map.of("name", "Box"), Map.of("name", "box"))));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().get("detail").stringValue()).contains("listed twice");

    api.post(
        "/api/v1/ingest",
        OPERATOR,
        post("forum-" + slug, "1", "Ma livebox " + brand + " redémarre toute seule depuis hier"));
    JsonNode mention = api.get("/api/v1/companies/" + slug + "/mentions", rep).json();
    assertThat(strings(mention.get("items").get(0).get("products"))).containsExactly("Livebox 6");
  }

  @Test
  void aRepsCorrectionChangesTheNextModelsAnswerAndAnOlderModelCanComeBack() {
    ApiClient api = api();
    String slug = uniqueSlug("fix");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = "zr" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String text = "Just saw the new " + brand + " ad on the tram this morning.";
    api.post("/api/v1/ingest", OPERATOR, post("tram-" + slug, "1", text));
    JsonNode mention =
        api.get("/api/v1/companies/" + slug + "/mentions", rep).json().get("items").get(0);
    String before = mention.get("intent").stringValue();
    String corrected = before.equals("praise") ? "spam" : "praise";

    ApiClient.Response first = api.post("/api/v1/classifier/retrain", OPERATOR, Map.of());
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    int withoutCorrection = first.json().get("version").intValue();
    assertThat(classify(api, text)).isEqualTo(before);

    ApiClient.Response correction =
        api.post(
            "/api/v1/companies/" + slug + "/mentions/" + mention.get("id").longValue() + "/intent",
            rep,
            Map.of("intent", corrected));
    assertThat(correction.status()).as(correction.body()).isEqualTo(200);
    assertThat(correction.json().get("intent").stringValue()).isEqualTo(corrected);
    assertThat(correction.json().get("intentCorrected").booleanValue()).isTrue();
    assertThat(classify(api, text)).as("nothing changes before retraining").isEqualTo(before);

    assertThat(api.post("/api/v1/classifier/retrain", rep, Map.of()).status()).isEqualTo(403);
    ApiClient.Response second = api.post("/api/v1/classifier/retrain", OPERATOR, Map.of());
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("corrections").intValue()).isPositive();
    assertThat(classify(api, text)).isEqualTo(corrected);

    ApiClient.Response rollback =
        api.post(
            "/api/v1/classifier/models/" + withoutCorrection + "/activate", OPERATOR, Map.of());
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
    assertThat(classify(api, text)).isEqualTo(before);
    JsonNode models = api.get("/api/v1/classifier/models", OPERATOR).json();
    assertThat(models.size()).isGreaterThanOrEqualTo(2);
    assertThat(
            models
                .valueStream()
                .filter(m -> m.get("active").booleanValue())
                .map(m -> m.get("version").intValue())
                .toList())
        .containsExactly(withoutCorrection);
    assertThat(api.post("/api/v1/classifier/models/999999/activate", OPERATOR, Map.of()).status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/companies/"
                        + slug
                        + "/mentions/"
                        + mention.get("id").longValue()
                        + "/intent",
                    rep,
                    Map.of("intent", "furious"))
                .status())
        .isEqualTo(400);

    api.post(
        "/api/v1/classifier/models/" + second.json().get("version").intValue() + "/activate",
        OPERATOR,
        Map.of());
  }

  private static String classify(ApiClient api, String text) {
    return api.post("/api/v1/classify", OPERATOR, Map.of("text", text))
        .json()
        .get("intent")
        .stringValue();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.valueStream().forEach(v -> values.add(v.stringValue()));
    return values;
  }
}
