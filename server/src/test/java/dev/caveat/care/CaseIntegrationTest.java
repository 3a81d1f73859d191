package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Mentions become cases with numbers that follow their customer, and reps work them. */
@Tag("persistence")
class CaseIntegrationTest extends IntegrationTestSupport {

  private static final String NUMBER = "[A-Z0-9]{1,3}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}";

  @Autowired JdbcClient jdbc;

  @Test
  void complaintsAndQuestionsBecomeCasesThatFollowTheirCustomerAcrossChannels() {
    ApiClient api = api();
    String slug = uniqueSlug("care");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = brand();
    monitor(api, admin, slug, "Brand", brand);
    String forum = "forum-" + slug;
    String c = "/api/v1/companies/" + slug;

    ingest(
        api,
        post(
            forum,
            "1",
            "dana",
            "My " + brand + " router died again and support hung up on me, this is the third time"),
        post(forum, "2", "eli", "How do I change my " + brand + " plan?"),
        post(forum, "3", "fay", "Thanks " + brand + ", the technician was great"));
    awaitFiled(slug);
    ingest(
        api,
        post(
            forum,
            "4",
            "dana",
            "Still no internet from "
                + brand
                + " today and nobody answers the phone, I am furious"));
    awaitFiled(slug);

    JsonNode cases = api.get(c + "/cases", rep).json().get("items");
    assertThat(cases.size()).as(cases.toString()).isEqualTo(2);
    JsonNode dana = caseOf(cases, "dana");
    JsonNode eli = caseOf(cases, "eli");
    String number = dana.get("number").stringValue();
    assertThat(number)
        .matches(NUMBER)
        .startsWith("C")
        .isNotEqualTo(eli.get("number").stringValue());
    assertThat(dana.get("status").stringValue()).isEqualTo("open");
    assertThat(dana.get("intent").stringValue()).isEqualTo("complaint");
    assertThat(dana.get("mentions").intValue()).isEqualTo(2);
    assertThat(dana.get("customer").get("source").stringValue()).isEqualTo(forum);
    assertThat(eli.get("intent").stringValue()).isEqualTo("question");
    assertThat(eli.get("mentions").intValue()).isEqualTo(1);
    assertThat(caseNumbersByExternalId(api, admin, slug))
        .containsEntry("1", number)
        .containsEntry("4", number)
        .containsEntry("2", eli.get("number").stringValue())
        .containsEntry("3", null);

    // Another channel, another name, the number typed in lower case: still the same case.
    ingest(
        api,
        post(
            "microblog-" + slug,
            "m1",
            "dana_b",
            "Day three without " + brand + ", case " + number.toLowerCase() + " still open!"));
    awaitFiled(slug);
    JsonNode whole = api.get(c + "/cases/" + number, rep).json();
    assertThat(whole.get("mentions").valueStream().map(m -> m.get("source").stringValue()))
        .containsExactly(forum, forum, "microblog-" + slug);
    assertThat(caseNumbersByExternalId(api, admin, slug)).containsEntry("m1", number);
    assertThat(api.get(c + "/cases", rep).json().get("items").size()).isEqualTo(2);
  }

  @Test
  void repsResolveCasesExplainingWhyAndEveryChangeIsInTheHistory() {
    ApiClient api = api();
    String slug = uniqueSlug("res");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = brand();
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug;
    ingest(
        api,
        post(
            "forum-" + slug,
            "1",
            "gus",
            "My "
                + brand
                + " router died again and support hung up on me, this is the third time"));
    awaitFiled(slug);
    String number =
        api.get(c + "/cases", rep).json().get("items").get(0).get("number").stringValue();
    String path = c + "/cases/" + number;

    ApiClient.Response noReason =
        api.post(path + "/resolve", rep, Map.of("resolution", "explained"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("detail").stringValue()).contains("reason is required");
    ApiClient.Response unknown =
        api.post(path + "/resolve", rep, Map.of("resolution", "ignored", "reason", "x"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("detail").stringValue()).contains("solved");
    assertThat(
            api.post(c + "/cases/XX-22222/resolve", rep, Map.of("resolution", "solved")).status())
        .isEqualTo(404);

    ApiClient.Response note =
        api.post(path + "/notes", rep, Map.of("text", "Billing confirms the new tariff."));
    assertThat(note.status()).as(note.body()).isEqualTo(201);
    String reason = "The price rise is set by the regulator; we cannot refund it.";
    ApiClient.Response resolved =
        api.post(path + "/resolve", rep, Map.of("resolution", "explained", "reason", reason));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(api.post(path + "/resolve", rep, Map.of("resolution", "solved")).status())
        .isEqualTo(409);

    JsonNode whole = api.get(path, rep).json();
    assertThat(whole.get("status").stringValue()).isEqualTo("resolved");
    assertThat(whole.get("resolution").stringValue()).isEqualTo("explained");
    assertThat(whole.get("reason").stringValue()).isEqualTo(reason);
    assertThat(whole.get("replies").size()).isZero();
    assertThat(whole.get("notes").get(0).get("text").stringValue())
        .isEqualTo("Billing confirms the new tariff.");
    List<JsonNode> events = whole.get("events").valueStream().toList();
    assertThat(events.stream().map(e -> e.get("kind").stringValue()))
        .containsExactly("opened", "mention-added", "note-added", "resolved");
    JsonNode resolvedEvent = events.getLast();
    assertThat(resolvedEvent.get("details").stringValue()).contains(reason);
    assertThat(resolvedEvent.get("actor").stringValue()).isEqualTo("rep token");
    assertThat(resolvedEvent.get("at").stringValue()).isNotBlank();

    assertThat(statuses(api, rep, c + "/cases?status=resolved")).containsExactly(number);
    assertThat(statuses(api, rep, c + "/cases?status=open")).isEmpty();
    assertThat(api.get(c + "/cases?status=closed", rep).status()).isEqualTo(400);

    // A resolution can be undone; the history keeps both.
    ApiClient.Response reopened = api.post(path + "/reopen", rep, Map.of());
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
    assertThat(reopened.json().get("status").stringValue()).isEqualTo("open");
    assertThat(reopened.json().get("resolution").isNull()).isTrue();
    assertThat(reopened.json().get("reason").isNull()).isTrue();
    assertThat(reopened.json().get("events").valueStream().map(e -> e.get("kind").stringValue()))
        .containsExactly("opened", "mention-added", "note-added", "resolved", "reopened");
    assertThat(api.post(path + "/reopen", rep, Map.of()).json().get("detail").stringValue())
        .contains("is not resolved");
    assertThat(
            api.post(path + "/resolve", rep, Map.of("resolution", "explained", "reason", reason))
                .status())
        .isEqualTo(200);

    // A resolved case does not take new complaints: the customer's next problem is a new case.
    ingest(api, post("forum-" + slug, "2", "gus", "How do I change my " + brand + " plan?"));
    awaitFiled(slug);
    List<String> open = statuses(api, rep, c + "/cases?status=open");
    assertThat(open).hasSize(1).doesNotContain(number);
    ApiClient.Response blocked = api.post(path + "/reopen", rep, Map.of());
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.json().get("detail").stringValue()).contains("has another case open");
  }

  @Test
  void fiftyConcurrentFollowUpsFromOneCustomerMakeOneCase() throws Exception {
    ApiClient api = api();
    String slug = uniqueSlug("race");
    String admin = companyWithAdminToken(api, slug);
    String brand = brand();
    monitor(api, admin, slug, "Brand", brand);
    int posts = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> sent = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(posts)) {
      for (int i = 0; i < posts; i++) {
        // Short posts, so none counts as a copy of another: fifty mentions, not one.
        Map<String, Object> post =
            post("forum-" + slug, "r" + i, "hal", "Why is my " + brand + " down again? #" + i);
        sent.add(
            threads.submit(
                () -> {
                  start.await();
                  return api.post("/api/v1/ingest", OPERATOR, List.of(post)).status();
                }));
      }
      start.countDown();
      for (Future<Integer> status : sent) {
        assertThat(status.get()).isEqualTo(200);
      }
    }
    awaitFiled(slug);

    JsonNode cases = api.get("/api/v1/companies/" + slug + "/cases", admin).json().get("items");
    assertThat(cases.size()).as(cases.toString()).isEqualTo(1);
    assertThat(cases.get(0).get("mentions").intValue()).isEqualTo(posts);
    String number = cases.get(0).get("number").stringValue();
    JsonNode whole = api.get("/api/v1/companies/" + slug + "/cases/" + number, admin).json();
    assertThat(whole.get("mentions").size()).isEqualTo(posts);
    assertThat(
            whole
                .get("events")
                .valueStream()
                .filter(e -> e.get("kind").stringValue().equals("opened")))
        .hasSize(1);
    assertThat(caseNumbersByExternalId(api, admin, slug).values())
        .hasSize(posts)
        .containsOnly(number);
  }

  @Test
  void aMentionARepCorrectsToAComplaintBecomesACase() {
    ApiClient api = api();
    String slug = uniqueSlug("fix");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = brand();
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug;
    ingest(
        api,
        post(
            "forum-" + slug,
            "1",
            "wry",
            "Saw a " + brand + " van parked outside the library again this morning."));
    awaitFiled(slug);
    JsonNode mention = api.get(c + "/mentions", rep).json().get("items").get(0);
    assertThat(mention.get("intent").stringValue()).isNotIn("complaint", "question");
    assertThat(api.get(c + "/cases", rep).json().get("items").size()).isZero();

    ApiClient.Response corrected =
        api.post(
            c + "/mentions/" + mention.get("id").longValue() + "/intent",
            rep,
            Map.of("intent", "complaint"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    awaitFiled(slug);
    JsonNode cases = api.get(c + "/cases", rep).json().get("items");
    assertThat(cases.size()).isEqualTo(1);
    assertThat(cases.get(0).get("customer").get("handle").stringValue()).isEqualTo("wry");
    assertThat(
            api.get(c + "/mentions", rep)
                .json()
                .get("items")
                .get(0)
                .get("caseNumber")
                .stringValue())
        .isEqualTo(cases.get(0).get("number").stringValue());
  }

  private static String brand() {
    return "zk" + UUID.randomUUID().toString().substring(0, 6);
  }

  private static Map<String, Object> post(String source, String id, String author, String text) {
    return Map.of(
        "source", source,
        "externalId", id,
        "url", "https://" + source + ".example/" + id,
        "author", Map.of("handle", author, "name", author.toUpperCase()),
        "text", text);
  }

  @SafeVarargs
  private static void ingest(ApiClient api, Map<String, Object>... posts) {
    ApiClient.Response response = api.post("/api/v1/ingest", OPERATOR, List.of(posts));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** Waits until care has handled every mention the company's monitors found so far. */
  private void awaitFiled(String slug) {
    CaveatTestUtils.awaitFiled(api(), jdbc, slug);
  }

  private static JsonNode caseOf(JsonNode cases, String handle) {
    return cases
        .valueStream()
        .filter(c -> c.get("customer").get("handle").stringValue().equals(handle))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case for " + handle + " in " + cases));
  }

  private static Map<String, String> caseNumbersByExternalId(
      ApiClient api, String token, String slug) {
    JsonNode items =
        api.get("/api/v1/companies/" + slug + "/mentions?limit=200", token).json().get("items");
    Map<String, String> numbers = new HashMap<>();
    items.forEach(
        m ->
            numbers.put(
                m.get("externalId").stringValue(),
                m.get("caseNumber").isNull() ? null : m.get("caseNumber").stringValue()));
    return numbers;
  }

  private static List<String> statuses(ApiClient api, String token, String path) {
    return api.get(path, token)
        .json()
        .get("items")
        .valueStream()
        .map(c -> c.get("number").stringValue())
        .toList();
  }
}
