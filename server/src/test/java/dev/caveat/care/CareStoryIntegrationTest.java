package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.token;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static dev.caveat.support.MastodonFixture.poll;
import static dev.caveat.support.MastodonFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.Chromium;
import dev.caveat.support.IntegrationTestSupport;
import dev.caveat.support.MastodonFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The story care exists for, end to end: one customer complains on two channels and gets one case,
 * is answered in public where they spoke with a number they can quote, quotes it from a third
 * channel, and reads on the hub why the company cannot help.
 */
@Tag("persistence")
class CareStoryIntegrationTest extends IntegrationTestSupport {

  @Autowired JdbcClient jdbc;

  private MastodonFixture mastodon;

  @BeforeEach
  void start() {
    mastodon = new MastodonFixture();
  }

  @AfterEach
  void stop() {
    mastodon.close();
  }

  @Test
  void oneCustomerOnThreeChannelsHasOneCaseAnsweredInPublicAndHonestlyClosed() {
    ApiClient api = api();
    String slug = uniqueSlug("story");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = "zs" + UUID.randomUUID().toString().substring(0, 6);
    String c = "/api/v1/companies/" + slug;
    String source = danaComplainsTwice(api, admin, slug, brand);
    JsonNode opened = api.get(c + "/cases?status=open", rep).json().get("items");
    assertThat(opened.size()).as(opened.toString()).isEqualTo(2);

    // The rep sees it is one person and merges: two complaints on two channels, one case.
    long onMastodon = customerOf(opened, "dana");
    long onForum = customerOf(opened, "dkowalski");
    JsonNode suggestions = api.get(c + "/customers/" + onMastodon, rep).json().get("suggestions");
    assertThat(suggestions.valueStream().map(s -> s.get("customer").longValue()))
        .containsExactly(onForum);
    ApiClient.Response merged =
        api.post(c + "/customers/" + onMastodon + "/merge", rep, Map.of("customer", onForum));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    JsonNode open = api.get(c + "/cases?status=open", rep).json().get("items");
    assertThat(open.size()).isEqualTo(1);
    String number = open.get(0).get("number").stringValue();
    JsonNode kase = api.get(c + "/cases/" + number, rep).json();
    assertThat(kase.get("mentions").valueStream().map(m -> m.get("source").stringValue()))
        .containsExactlyInAnyOrder(mastodonSourceName(api, source), "forum-" + slug);

    // The rep answers in public, on Mastodon where Dana can be answered, with the case number.
    ApiClient.Response reply =
        api.post(
            c + "/cases/" + number + "/replies",
            rep,
            Map.of(
                "text",
                "Dana, we are sorry. An engineer is booked for Thursday morning.",
                "visibility",
                "public"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(mastodon.received()).hasSize(1);
    String sent = mastodon.received().getFirst().status();
    assertThat(sent)
        .startsWith("@dana Dana, we are sorry.")
        .contains("Case " + number)
        .contains("/cases/" + slug + "/" + number + "?code=");
    assertThat(mastodon.received().getFirst().body().get("in_reply_to_id").stringValue())
        .isEqualTo("113000000000000301");
    String code = sent.substring(sent.indexOf("?code=") + "?code=".length()).strip();
    assertThat(api.get(c + "/cases/" + number, rep).json().get("status").stringValue())
        .isEqualTo("waiting");

    // Thursday passes. Dana quotes the number from Bluesky, an account Caveat has never seen,
    // without naming the company: the number alone brings the post to the case.
    danaQuotesTheNumberFromBluesky(api, slug, number);
    kase = api.get(c + "/cases/" + number, rep).json();
    assertThat(kase.get("mentions").valueStream().map(m -> m.get("source").stringValue()))
        .contains("bluesky");
    assertThat(kase.get("status").stringValue()).isEqualTo("open");
    assertThat(api.get(c + "/cases?status=open", rep).json().get("items").size()).isEqualTo(1);
    JsonNode quoting =
        api.get(c + "/mentions?limit=50", rep)
            .json()
            .get("items")
            .valueStream()
            .filter(m -> m.get("source").stringValue().equals("bluesky"))
            .toList()
            .getFirst();
    assertThat(quoting.get("monitor").stringValue()).isEqualTo("quoted reference");
    assertThat(quoting.get("caseNumber").stringValue()).isEqualTo(number);

    // Something shaped like a case number that no company gave out reaches nobody.
    int mentions = api.get(c + "/mentions?limit=50", rep).json().get("items").size();
    ingest(
        api,
        Map.of(
            "source", "bluesky",
            "externalId", "at://did:plc:other/app.bsky.feed.post/3kx2",
            "author", Map.of("handle", "someone.bsky.social"),
            "text", "my order ZZ-23456 never came, where is it"));
    awaitFiled(api, jdbc, slug);
    assertThat(api.get(c + "/mentions?limit=50", rep).json().get("items").size())
        .isEqualTo(mentions);

    // The company cannot fix the street cabinet, and says so: the reason is published.
    String reason =
        "The street cabinet your line runs through belongs to the city, which has the repair"
            + " booked for 14 December. We have credited this month's bill.";
    ApiClient.Response resolved =
        api.post(
            c + "/cases/" + number + "/resolve",
            rep,
            Map.of("resolution", "explained", "reason", reason));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.json().get("events").valueStream().map(e -> e.get("kind").stringValue()))
        .contains("opened", "customer-merged", "replied", "reopened", "resolved");

    // Dana follows the case on the hub with the code from the reply, in a real browser.
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      Page tab = browser.newPage();
      tab.navigate("http://localhost:" + port + "/cases/" + slug + "/" + number);
      tab.getByLabel("The code from the reply").fill(code);
      tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show my case")).click();
      PlaywrightAssertions.assertThat(tab.locator("blockquote.reason")).hasText(reason);
      PlaywrightAssertions.assertThat(tab.locator(".reply blockquote"))
          .hasText("Dana, we are sorry. An engineer is booked for Thursday morning.");
      PlaywrightAssertions.assertThat(tab.locator("body")).containsText("Thursday came and went");
      tab.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/care-story-public-case.png"))
              .setFullPage(true));
    }
  }

  /**
   * Dana complains on Mastodon, and the next morning on the company's forum under another handle.
   *
   * @return the Mastodon source
   */
  private String danaComplainsTwice(ApiClient api, String admin, String slug, String brand) {
    monitor(api, admin, slug, "Brand", brand);
    String source = mastodon.source(api, brand);
    mastodon.timeline(
        status(
            "113000000000000301",
            "dana",
            "Dana Kowalski",
            "My " + brand + " fibre box died again and support hung up on me, third time now"));
    poll(api, source);
    ingest(
        api,
        Map.of(
            "source",
            "forum-" + slug,
            "externalId",
            "t-77",
            "url",
            "https://forum.example/t/77",
            "author",
            Map.of("handle", "dkowalski", "name", "Dana Kowalski"),
            "text",
            "Still no "
                + brand
                + " internet since Monday. The engineer never came and"
                + " nobody answers the phone, this is a disgrace"));
    awaitFiled(api, jdbc, slug);
    return source;
  }

  /** Dana quotes the case number from Bluesky, without naming the company. */
  private void danaQuotesTheNumberFromBluesky(ApiClient api, String slug, String number) {
    ingest(
        api,
        Map.of(
            "source",
            "bluesky",
            "externalId",
            "at://did:plc:dana/app.bsky.feed.post/" + slug,
            "url",
            "https://bsky.app/profile/dana.bsky.social/post/3kx1",
            "author",
            Map.of("handle", "dana.bsky.social", "name", "Dana K"),
            "text",
            "re case "
                + number.toLowerCase()
                + ": Thursday came and went, no engineer and no"
                + " call either"));
    awaitFiled(api, jdbc, slug);
  }

  @Test
  void aRepWorksTheWholeStoryInTheBrowser() {
    ApiClient api = api();
    String slug = uniqueSlug("tale");
    String admin = companyWithAdminToken(api, slug);
    CaveatTestUtils.person(api, admin, slug, "Robin Rep");
    String brand = "zt" + UUID.randomUUID().toString().substring(0, 6);
    danaComplainsTwice(api, admin, slug, brand);
    String onMastodon =
        api.get("/api/v1/companies/" + slug + "/cases", admin)
            .json()
            .get("items")
            .valueStream()
            .filter(k -> k.get("customer").get("handle").stringValue().equals("dana"))
            .findFirst()
            .orElseThrow()
            .get("number")
            .stringValue();
    String reason =
        "The street cabinet your line runs through belongs to the city, which has the repair"
            + " booked for 14 December.";

    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      Page tab = browser.newPage();
      Chromium.signIn(tab, port, CaveatTestUtils.email(slug, "Robin Rep"));
      tab.navigate("http://localhost:" + port + "/c/" + slug + "/cases?view=open");
      PlaywrightAssertions.assertThat(tab.locator("tr.case-row")).hasCount(2);

      // The Mastodon case: the page suggests the forum account is the same person; merge.
      tab.locator("#case-" + onMastodon + " a.open").click();
      PlaywrightAssertions.assertThat(tab.locator(".suggestions")).containsText("same name");
      tab.getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Merge Dana Kowalski into this customer"))
          .click();
      PlaywrightAssertions.assertThat(tab.locator("p.notice")).containsText("Merged");
      PlaywrightAssertions.assertThat(tab.locator("#history")).containsText("fibre box died again");
      PlaywrightAssertions.assertThat(tab.locator("#history")).containsText("engineer never came");
      String number = onMastodon;

      // The reply goes out in public on Mastodon, with the number.
      tab.getByLabel("Your reply").fill("Dana, we are sorry. An engineer is booked for Thursday.");
      tab.getByLabel("In public, where the customer wrote").check();
      tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
      PlaywrightAssertions.assertThat(tab.locator("p.notice")).containsText("Your reply went out");
      assertThat(mastodon.received()).hasSize(1);
      String sent = mastodon.received().getFirst().status();
      assertThat(sent).contains("Case " + number);
      String code = sent.substring(sent.indexOf("?code=") + "?code=".length()).strip();

      // Dana quotes the number on Bluesky: the open page shows it without a reload.
      danaQuotesTheNumberFromBluesky(api, slug, number);
      PlaywrightAssertions.assertThat(tab.locator("#history"))
          .containsText("Thursday came and went");

      // Explained, with the reason the customer will read.
      tab.getByLabel("Explained: we can't help, and say why").check();
      tab.getByLabel("Reason").fill(reason);
      tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
      PlaywrightAssertions.assertThat(tab.locator("p.notice"))
          .containsText("Resolved as explained");
      tab.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/care-story-rep-case.png"))
              .setFullPage(true));

      // Dana reads it on the public page, signed out, in a fresh browser context.
      Page customer = browser.newContext().newPage();
      customer.navigate(
          "http://localhost:" + port + "/cases/" + slug + "/" + number + "?code=" + code);
      PlaywrightAssertions.assertThat(customer.locator("blockquote.reason")).hasText(reason);
      PlaywrightAssertions.assertThat(customer.locator("body"))
          .containsText("Thursday came and went");
    }
  }

  private static String mastodonSourceName(ApiClient api, String source) {
    return api.get("/api/v1/sources/" + source, OPERATOR).json().get("name").stringValue();
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
}
