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
import dev.caveat.support.Chromium;
import dev.caveat.support.IntegrationTestSupport;
import dev.caveat.support.MastodonFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A rep answers in public where the customer wrote, with the case number and a link to the case's
 * public page; the customer follows the case there with its code.
 */
@Tag("persistence")
class CaseRepliesIntegrationTest extends IntegrationTestSupport {

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
  void aPublicReplyGoesBackThroughMastodonWithTheCaseNumberAndThePublicPageShowsIt()
      throws Exception {
    ApiClient api = api();
    String slug = uniqueSlug("reply");
    String admin = companyWithAdminToken(api, slug);
    String rep = token(api, admin, slug, "rep");
    String brand = "zr" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String source = mastodon.source(api, brand);
    mastodon.timeline(
        status(
            "113000000000000101",
            "brent",
            "My " + brand + " router died again and support hung up on me. Third time!"));
    poll(api, source);
    awaitFiled(api, jdbc, slug);
    String c = "/api/v1/companies/" + slug + "/cases";
    JsonNode kase = api.get(c, rep).json().get("items").get(0);
    String number = kase.get("number").stringValue();

    ApiClient.Response reply =
        api.post(
            c + "/" + number + "/replies",
            rep,
            Map.of(
                "text", "Sorry Brent, a technician will call you today.", "visibility", "public"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().get("status").stringValue()).isEqualTo("sent");
    assertThat(reply.json().get("url").stringValue())
        .isEqualTo("https://social.example/@northwind/900001");

    // What Mastodon received: a public reply to the customer's status, as the answering account.
    assertThat(mastodon.received()).hasSize(1);
    MastodonFixture.Received sent = mastodon.received().getFirst();
    assertThat(sent.headers().get("Authorization")).isEqualTo("Bearer reply-token-123");
    assertThat(sent.headers().get("Idempotency-Key")).startsWith("caveat-reply-");
    assertThat(sent.body().get("in_reply_to_id").stringValue()).isEqualTo("113000000000000101");
    assertThat(sent.body().get("visibility").stringValue()).isEqualTo("public");
    String status = sent.body().get("status").stringValue();
    assertThat(status)
        .startsWith("@brent Sorry Brent, a technician will call you today.")
        .contains("Case " + number)
        .contains("/cases/" + slug + "/" + number + "?code=");
    String code = status.substring(status.indexOf("?code=") + "?code=".length()).strip();

    JsonNode whole = api.get(c + "/" + number, rep).json();
    assertThat(whole.get("status").stringValue()).isEqualTo("waiting");
    assertThat(whole.get("replies").get(0).get("text").stringValue())
        .isEqualTo("Sorry Brent, a technician will call you today.");
    assertThat(whole.get("events").valueStream().map(e -> e.get("kind").stringValue()))
        .contains("opened", "replied");

    // The customer writes again: the case is open again.
    mastodon.timeline(
        status(
            "113000000000000102",
            "brent",
            "Still waiting for that " + brand + " technician, nobody called"));
    poll(api, source);
    awaitFiled(api, jdbc, slug);
    whole = api.get(c + "/" + number, rep).json();
    assertThat(whole.get("status").stringValue()).isEqualTo("open");
    assertThat(whole.get("mentions").size()).isEqualTo(2);
    assertThat(whole.get("events").valueStream().map(e -> e.get("kind").stringValue()))
        .contains("reopened");

    // The public page: a form without the code, a refusal with a wrong one, the case with it.
    String page = "/cases/" + slug + "/" + number;
    assertThat(page(page)).contains("The code from the reply");
    assertThat(page(page + "?code=WRONG1")).contains("No case matches that number and code");
    String shown = page(page + "?code=" + code);
    assertThat(shown)
        .contains("Case " + number)
        .contains("router died again")
        .contains("Sorry Brent, a technician will call you today.")
        .contains("a verified representative of")
        .doesNotContain(whole.get("events").get(0).get("details").stringValue());

    // The customer, in a real browser, types the code into the page's form and asks for a rep.
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      Page tab = browser.newPage();
      tab.navigate("http://localhost:" + port + page);
      tab.getByLabel("The code from the reply").fill(code);
      tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show my case")).click();
      PlaywrightAssertions.assertThat(tab.locator(".reply .verified"))
          .containsText("a verified representative of");
      PlaywrightAssertions.assertThat(tab.locator(".reply blockquote"))
          .hasText("Sorry Brent, a technician will call you today.");
      tab.getByLabel("Ask for a rep by name").fill("Robin");
      tab.locator("form.rep-request button").click();
      PlaywrightAssertions.assertThat(tab.locator("p.notice"))
          .containsText("Robin cannot take your case right now");

      String reason = "Evening slowdowns come from the street cabinet, which the city owns.";
      assertThat(
              api.post(
                      c + "/" + number + "/resolve",
                      rep,
                      Map.of("resolution", "explained", "reason", reason))
                  .status())
          .isEqualTo(200);
      assertThat(page(page + "?code=" + code.toLowerCase()))
          .contains("cannot help with this, and says why")
          .contains(reason);

      tab.navigate("http://localhost:" + port + page + "?code=" + code);
      PlaywrightAssertions.assertThat(tab.locator("blockquote.reason")).hasText(reason);
    }
  }

  @Test
  void aReplyThatCannotGoOutSaysWhyAndIsKeptAsFailed() {
    ApiClient api = api();
    String slug = uniqueSlug("noreply");
    String admin = companyWithAdminToken(api, slug);
    String brand = "zn" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug + "/cases";

    // A post pushed through the ingest API has no channel to answer on.
    ApiClient.Response ingested =
        api.post(
            "/api/v1/ingest",
            OPERATOR,
            List.of(
                Map.of(
                    "source",
                    "forum-" + slug,
                    "externalId",
                    "1",
                    "author",
                    Map.of("handle", "gus"),
                    "text",
                    "My " + brand + " bill doubled and nobody answers the phone, awful")));
    assertThat(ingested.status()).isEqualTo(200);
    awaitFiled(api, jdbc, slug);
    String ingestCase = api.get(c, admin).json().get("items").get(0).get("number").stringValue();
    ApiClient.Response refused =
        api.post(c + "/" + ingestCase + "/replies", admin, Map.of("text", "We are on it."));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").stringValue())
        .contains("can reply on")
        .contains("forum-" + slug);
    // No SMTP server is configured here: a private reply cannot go out, and says so.
    ApiClient.Response byMail =
        api.post(
            c + "/" + ingestCase + "/replies",
            admin,
            Map.of("text", "By mail.", "visibility", "private"));
    assertThat(byMail.status()).isEqualTo(409);
    assertThat(byMail.json().get("detail").stringValue())
        .contains("E-mail is not configured")
        .contains("caveat.mail.smtp.host");
    assertThat(api.post(c + "/" + ingestCase + "/replies", admin, Map.of("text", " ")).status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    c + "/" + ingestCase + "/replies",
                    admin,
                    Map.of("text", "Hi", "visibility", "carrier-pigeon"))
                .status())
        .isEqualTo(400);

    // Mastodon refuses: the rep hears why, and the reply stays on the case as failed.
    String source = mastodon.source(api, brand);
    mastodon.timeline(
        status(
            "113000000000000201",
            "hana",
            "Why does my " + brand + " modem reboot every night? So annoying"));
    poll(api, source);
    awaitFiled(api, jdbc, slug);
    String mastodonCase =
        api.get(c, admin)
            .json()
            .get("items")
            .valueStream()
            .filter(k -> k.get("customer").get("handle").stringValue().equals("hana"))
            .findFirst()
            .orElseThrow()
            .get("number")
            .stringValue();
    mastodon.answerWith(422);
    ApiClient.Response failed =
        api.post(c + "/" + mastodonCase + "/replies", admin, Map.of("text", "Looking into it."));
    assertThat(failed.status()).isEqualTo(409);
    assertThat(failed.json().get("detail").stringValue())
        .contains("HTTP 422")
        .contains("Text is too long")
        .contains("kept on the case as failed");
    mastodon.answerWith(503);
    ApiClient.Response unreachable =
        api.post(c + "/" + mastodonCase + "/replies", admin, Map.of("text", "Looking into it."));
    assertThat(unreachable.status()).isEqualTo(502);
    JsonNode whole = api.get(c + "/" + mastodonCase, admin).json();
    assertThat(whole.get("status").stringValue()).isEqualTo("open");
    assertThat(whole.get("replies").valueStream().map(r -> r.get("status").stringValue()))
        .containsExactly("failed", "failed");
    assertThat(whole.get("replies").get(0).get("error").stringValue()).contains("HTTP 422");
    assertThat(whole.get("events").valueStream().map(e -> e.get("kind").stringValue()))
        .contains("reply-failed");
  }

  private String page(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
