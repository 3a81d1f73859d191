package dev.caveat.care;

import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.email;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.person;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.caveat.support.ApiClient;
import dev.caveat.support.Chromium;
import dev.caveat.support.IntegrationTestSupport;
import dev.caveat.support.MastodonFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reply box on the case page, in Chromium, with two reps on one case: a canned response fills
 * it in for the case, each rep sees the other writing, and a reply that crosses a colleague's is
 * held until the rep says they read it.
 */
@Tag("persistence")
class ReplyBoxIntegrationTest extends IntegrationTestSupport {

  private static final LocatorAssertions.ContainsTextOptions PATIENTLY =
      new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

  @Autowired JdbcClient jdbc;

  @Test
  void twoRepsOnOneCaseSeeEachOtherAndDoNotAnswerTwiceUnawares() {
    ApiClient api = api();
    String slug = uniqueSlug("box");
    String admin = companyWithAdminToken(api, slug);
    person(api, admin, slug, "Ana Lima");
    person(api, admin, slug, "Ben Ode");
    String brand = "zx" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    String c = "/api/v1/companies/" + slug;
    ApiClient.Response canned =
        api.post(
            c + "/canned-responses",
            admin,
            Map.of(
                "title",
                "Sorry, on it",
                "body",
                "Hi {{customer.handle}}, {{rep.name}} here. We are on case {{case.number}}."));
    assertThat(canned.status()).as(canned.body()).isEqualTo(201);

    try (MastodonFixture mastodon = new MastodonFixture();
        Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      String source = mastodon.source(api, brand);
      mastodon.post(
          api,
          source,
          "113000000000000501",
          "dora",
          "My " + brand + " router died again and support hung up on me, third time now");
      awaitFiled(api, jdbc, slug);
      String number =
          api.get(c + "/cases", admin).json().get("items").get(0).get("number").stringValue();
      String casePage = "http://localhost:" + port + "/c/" + slug + "/cases/" + number;

      Page ana = browser.newContext().newPage();
      Chromium.signIn(ana, port, email(slug, "Ana Lima"));
      ana.navigate(casePage);
      Page ben = browser.newContext().newPage();
      Chromium.signIn(ben, port, email(slug, "Ben Ode"));
      ben.navigate(casePage);

      // Ana starts from the canned response, filled in for Dora's case and signed by her.
      ana.getByLabel("Start from a canned response").selectOption(new String[] {"Sorry, on it"});
      PlaywrightAssertions.assertThat(ana.getByLabel("Your reply"))
          .hasValue("Hi dora, Ana Lima here. We are on case " + number + ".");

      // Ben sees Ana writing; Ana sees Ben once he types too.
      PlaywrightAssertions.assertThat(ben.locator("#replying-now"))
          .containsText("Ana Lima is writing a reply", PATIENTLY);
      ben.getByLabel("Your reply").fill("Dora, a technician is on the way.");
      PlaywrightAssertions.assertThat(ana.locator("#replying-now"))
          .containsText("Ben Ode is writing a reply", PATIENTLY);

      // Ben sends first; Ana's reply, written before his went out, is held back.
      ben.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
      PlaywrightAssertions.assertThat(ben.locator("p.notice")).containsText("Your reply went out");
      assertThat(mastodon.received()).hasSize(1);
      ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
      PlaywrightAssertions.assertThat(ana.locator("p.notice.error"))
          .containsText("Ben Ode replied to case " + number + " after you opened it");
      assertThat(mastodon.received()).hasSize(1);
      PlaywrightAssertions.assertThat(ana.getByLabel("Your reply"))
          .hasValue("Hi dora, Ana Lima here. We are on case " + number + ".");
      ana.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/case-reply-crossed.png"))
              .setFullPage(true));

      // Having read Ben's reply, she sends hers anyway.
      ana.getByLabel("I read my colleague's reply; send mine anyway").check();
      ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
      PlaywrightAssertions.assertThat(ana.locator("p.notice")).containsText("Your reply went out");
      assertThat(mastodon.received()).hasSize(2);
      assertThat(mastodon.received().get(1).status()).startsWith("@dora Hi dora, Ana Lima here.");
    }
  }
}
