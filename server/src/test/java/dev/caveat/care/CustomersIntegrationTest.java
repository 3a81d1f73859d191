package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.support.ApiClient;
import dev.caveat.support.FixtureServer;
import dev.caveat.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** One customer, many accounts: suggested, merged by a rep, linked by a code, and split again. */
@Tag("persistence")
class CustomersIntegrationTest extends IntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void aRepMergesTheSamePersonOnTwoChannelsIntoOneCaseAndCanUndoIt() {
    ApiClient api = api();
    String slug = uniqueSlug("who");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = brand();
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug;

    ingest(
        api,
        post(
            "forum-" + slug,
            "f1",
            "ada",
            "Ada Lovelace",
            "https://ada.example/",
            "My " + brand + " router died again and support hung up on me, this is the third time"),
        post(
            "social-" + slug,
            "s1",
            "ada@social.example",
            "Ada Lovelace",
            "https://ada.example",
            "Day three without internet, " + brand + " support hung up on me again. Unacceptable"),
        post("forum-" + slug, "f2", "bob", "Bob", null, "How do I change my " + brand + " plan?"));
    awaitFiled(api, jdbc, slug);
    JsonNode cases = api.get(c + "/cases?status=open", rep).json().get("items");
    assertThat(cases.size()).isEqualTo(3);
    long forumAda = customerOf(cases, "ada");
    long socialAda = customerOf(cases, "ada@social.example");
    long bob = customerOf(cases, "bob");

    JsonNode ada = api.get(c + "/customers/" + forumAda, rep).json();
    assertThat(ada.get("identities").size()).isEqualTo(1);
    JsonNode suggestion = ada.get("suggestions").get(0);
    assertThat(ada.get("suggestions").size()).isEqualTo(1);
    assertThat(suggestion.get("customer").longValue()).isEqualTo(socialAda);
    assertThat(suggestion.get("why").valueStream().map(JsonNode::stringValue))
        .containsExactly("same site", "same name");

    ApiClient.Response merged =
        api.post(c + "/customers/" + forumAda + "/merge", rep, Map.of("customer", socialAda));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(
            merged.json().get("identities").valueStream().map(i -> i.get("source").stringValue()))
        .containsExactlyInAnyOrder("forum-" + slug, "social-" + slug);
    assertThat(merged.json().get("suggestions").size()).isZero();

    // Two complaints on two channels are now one case; the other closed as its duplicate.
    JsonNode open = api.get(c + "/cases?status=open", rep).json().get("items");
    assertThat(open.size()).isEqualTo(2);
    String number = numberOf(open, forumAda);
    JsonNode whole = api.get(c + "/cases/" + number, rep).json();
    assertThat(whole.get("mentions").valueStream().map(m -> m.get("externalId").stringValue()))
        .containsExactlyInAnyOrder("f1", "s1");
    assertThat(whole.get("customer").get("identities").size()).isEqualTo(2);
    assertThat(whole.get("events").valueStream().map(e -> e.get("kind").stringValue()))
        .contains("customer-merged");
    JsonNode resolved = api.get(c + "/cases?status=resolved", rep).json().get("items");
    assertThat(resolved.size()).isEqualTo(1);
    String duplicate = resolved.get(0).get("number").stringValue();
    JsonNode closed = api.get(c + "/cases/" + duplicate, rep).json();
    assertThat(closed.get("resolution").stringValue()).isEqualTo("duplicate");
    assertThat(closed.get("reason").stringValue()).contains(number);
    assertThat(caseNumbers(api, rep, slug)).containsEntry("s1", number).containsEntry("f1", number);

    // The next post from either account joins the one case.
    ingest(
        api,
        post(
            "social-" + slug,
            "s2",
            "ada@social.example",
            "Ada Lovelace",
            null,
            "Still nothing from " + brand + ", hello?"));
    awaitFiled(api, jdbc, slug);
    assertThat(caseNumbers(api, rep, slug)).containsEntry("s2", number);

    // Merging again, with oneself, or with someone unknown says why not.
    assertThat(
            api.post(c + "/customers/" + forumAda + "/merge", rep, Map.of("customer", socialAda))
                .status())
        .isEqualTo(409);
    assertThat(api.post(c + "/customers/" + bob + "/merge", rep, Map.of("customer", bob)).status())
        .isEqualTo(400);
    assertThat(
            api.post(c + "/customers/" + bob + "/merge", rep, Map.of("customer", 999_999_999))
                .status())
        .isEqualTo(404);
    assertThat(api.post(c + "/customers/" + bob + "/merge", rep, Map.of()).status()).isEqualTo(400);

    ApiClient.Response split =
        api.post(c + "/customers/" + forumAda + "/unmerge", rep, Map.of("customer", socialAda));
    assertThat(split.status()).as(split.body()).isEqualTo(200);
    assertThat(split.json().get("identities").size()).isEqualTo(1);
    assertThat(split.json().get("merges").get(0).get("undoneBy").stringValue()).isNotBlank();
    JsonNode social = api.get(c + "/customers/" + socialAda, rep).json();
    assertThat(social.get("mergedInto").isNull()).isTrue();
    assertThat(social.get("identities").get(0).get("handle").stringValue())
        .isEqualTo("ada@social.example");
    assertThat(social.get("cases").get(0).get("number").stringValue()).isEqualTo(duplicate);
    assertThat(
            api.post(c + "/customers/" + forumAda + "/unmerge", rep, Map.of("customer", socialAda))
                .status())
        .isEqualTo(409);
    // Another company's token sees none of it.
    String stranger = companyWithAdminToken(api, uniqueSlug("other"));
    assertThat(api.get(c + "/customers/" + forumAda, stranger).status()).isEqualTo(404);
  }

  @Test
  void aLinkCodePostedFromAnotherAccountJoinsItToTheCustomer() {
    ApiClient api = api();
    String slug = uniqueSlug("link");
    String admin = companyWithAdminToken(api, slug);
    String brand = brand();
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug;
    ingest(
        api,
        post(
            "forum-" + slug,
            "1",
            "cyd",
            "Cyd",
            null,
            "My " + brand + " modem died again and support hung up on me, third time this week"));
    awaitFiled(api, jdbc, slug);
    JsonNode kase = api.get(c + "/cases", admin).json().get("items").get(0);
    long customer = kase.get("customer").get("id").longValue();
    String number = kase.get("number").stringValue();

    ApiClient.Response created =
        api.post(c + "/customers/" + customer + "/link-codes", admin, Map.of());
    assertThat(created.status()).isEqualTo(201);
    String code = created.json().get("code").stringValue();
    assertThat(code).matches("LINK-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
    assertThat(created.json().get("instructions").stringValue()).contains(code);

    ingest(
        api,
        post(
            "blog-" + slug,
            "b1",
            "cyd.blog",
            "Cyd",
            null,
            "Linking my accounts: " + code.toLowerCase()));
    awaitFiled(api, jdbc, slug);
    JsonNode linked = api.get(c + "/customers/" + customer, admin).json();
    assertThat(linked.get("identities").valueStream().map(i -> i.get("handle").stringValue()))
        .containsExactly("cyd", "cyd.blog");
    assertThat(linked.get("merges").get(0).get("how").stringValue()).isEqualTo("code");
    assertThat(caseNumbers(api, admin, slug)).containsEntry("b1", number);

    // A code works once.
    ingest(
        api,
        post(
            "other-" + slug,
            "o1",
            "someone",
            "Someone",
            null,
            "Trying " + brand + " code " + code + " as well, why is my bill wrong?"));
    awaitFiled(api, jdbc, slug);
    assertThat(api.get(c + "/customers/" + customer, admin).json().get("identities").size())
        .isEqualTo(2);
    assertThat(caseNumbers(api, admin, slug).get("o1")).isNotEqualTo(number);
  }

  @Test
  void aBlogThatLinksToAProfileByRelMeSuggestsTheyAreOnePerson() {
    ApiClient api = api();
    String slug = uniqueSlug("relme");
    String admin = companyWithAdminToken(api, slug);
    String brand = brand();
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug;
    try (FixtureServer blog = new FixtureServer()) {
      blog.text(
          "/",
          200,
          "text/html",
          "<html><body><h1>Eli writes</h1><p>Elsewhere:"
              + " <a rel=\"me noopener\" href=\"https://social.example/@eli_w/\">Mastodon</a>"
              + " <a href=\"https://social.example/@someone_else\">a friend</a></p></body></html>");
      ingest(
          api,
          post(
              "blog-" + slug,
              "b1",
              "eli-writes",
              "Eli",
              blog.uri("/").toString(),
              "My "
                  + brand
                  + " router died again and support hung up on me, third time this"
                  + " month and I am writing it all down here"),
          post(
              "social-" + slug,
              "s1",
              "eli_w@social.example",
              "E. W.",
              "https://social.example/@eli_w",
              "Still no "
                  + brand
                  + " internet since Monday. The engineer never came and nobody"
                  + " answers the phone, this is a disgrace"),
          post(
              "forum-" + slug,
              "f1",
              "inside",
              "Ina",
              "http://10.20.30.40/",
              "Why does " + brand + " charge me twice for the same month? Nobody answers"));
      awaitFiled(api, jdbc, slug);
      JsonNode cases = api.get(c + "/cases?status=open", admin).json().get("items");
      long blogEli = customerOf(cases, "eli-writes");
      long socialEli = customerOf(cases, "eli_w@social.example");
      long ina = customerOf(cases, "inside");

      // The blog's page is read in the background; the profile it links to is then suggested,
      // from either side.
      Awaitility.await("rel=me read")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get(c + "/customers/" + blogEli, admin).json().get("suggestions").size() > 0);
      JsonNode suggestion =
          api.get(c + "/customers/" + blogEli, admin).json().get("suggestions").get(0);
      assertThat(suggestion.get("customer").longValue()).isEqualTo(socialEli);
      assertThat(suggestion.get("why").valueStream().map(JsonNode::stringValue))
          .containsExactly("rel=me");
      JsonNode fromSocial = api.get(c + "/customers/" + socialEli, admin).json().get("suggestions");
      assertThat(fromSocial.valueStream().map(s -> s.get("customer").longValue()))
          .containsExactly(blogEli);

      // A page at a private address is never fetched, and suggests nobody.
      Awaitility.await("private page passed over")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from customer_identity where handle = 'inside'"
                                  + " and rel_me_checked_at is not null and company_id = ?")
                          .param(
                              UUID.fromString(api.get(c, OPERATOR).json().get("id").stringValue()))
                          .query(Long.class)
                          .single()
                      == 1);
      assertThat(api.get(c + "/customers/" + ina, admin).json().get("suggestions").size()).isZero();
    }
  }

  private static String brand() {
    return "zc" + UUID.randomUUID().toString().substring(0, 6);
  }

  private static Map<String, Object> post(
      String source, String id, String handle, String name, String url, String text) {
    Map<String, Object> author = new HashMap<>();
    author.put("handle", handle);
    author.put("name", name);
    if (url != null) {
      author.put("url", url);
    }
    return Map.of(
        "source", source,
        "externalId", id,
        "url", "https://" + source + ".example/" + id,
        "author", author,
        "text", text);
  }

  @SafeVarargs
  private static void ingest(ApiClient api, Map<String, Object>... posts) {
    ApiClient.Response response = api.post("/api/v1/ingest", OPERATOR, List.of(posts));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("accepted").intValue()).isEqualTo(posts.length);
  }

  private static long customerOf(JsonNode cases, String handle) {
    return cases
        .valueStream()
        .filter(k -> k.get("customer").get("handle").stringValue().equals(handle))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case of " + handle + " in " + cases))
        .get("customer")
        .get("id")
        .longValue();
  }

  private static String numberOf(JsonNode cases, long customer) {
    return cases
        .valueStream()
        .filter(k -> k.get("customer").get("id").longValue() == customer)
        .findFirst()
        .orElseThrow()
        .get("number")
        .stringValue();
  }

  private static Map<String, String> caseNumbers(ApiClient api, String token, String slug) {
    Map<String, String> numbers = new HashMap<>();
    api.get("/api/v1/companies/" + slug + "/mentions?limit=200", token)
        .json()
        .get("items")
        .forEach(
            m ->
                numbers.put(
                    m.get("externalId").stringValue(),
                    m.get("caseNumber").isNull() ? null : m.get("caseNumber").stringValue()));
    return numbers;
  }
}
