package dev.caveat.account;

import static dev.caveat.support.CaveatTestUtils.PASSWORD;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.email;
import static dev.caveat.support.CaveatTestUtils.person;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.caveat.support.ApiClient;
import dev.caveat.support.Chromium;
import dev.caveat.support.IntegrationTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An admin manages the company's people and API tokens on a page, in Chromium. */
class PeoplePageIntegrationTest extends IntegrationTestSupport {

  @Test
  void anAdminAddsAndRemovesPeopleAndIssuesAndRevokesTokens() {
    ApiClient api = api();
    String slug = uniqueSlug("people");
    String admin = companyWithAdminToken(api, slug);
    ApiClient.Response ada =
        api.post(
            "/api/v1/companies/" + slug + "/users",
            admin,
            Map.of(
                "email",
                email(slug, "Ada Admin"),
                "name",
                "Ada Admin",
                "password",
                PASSWORD,
                "role",
                "admin"));
    assertThat(ada.status()).as(ada.body()).isEqualTo(201);
    person(api, admin, slug, "Rita Rep");
    String page = "http://localhost:" + port + "/c/" + slug + "/settings/people";

    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright)) {
      Page tab = browser.newContext().newPage();
      Chromium.signIn(tab, port, email(slug, "Ada Admin"));
      tab.navigate(page);
      PlaywrightAssertions.assertThat(tab.locator("table.people")).containsText("Rita Rep");
      PlaywrightAssertions.assertThat(tab.getByLabel("Remove Ada Admin")).hasCount(0);

      // A person added on the page; a new one without a password is refused, and says why.
      tab.getByLabel("Name").fill("Nora Nopass");
      tab.getByLabel("E-mail").fill(email(slug, "Nora Nopass"));
      tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
      PlaywrightAssertions.assertThat(tab.getByRole(AriaRole.ALERT))
          .containsText("Password must be at least 10 characters");
      PlaywrightAssertions.assertThat(tab.getByLabel("Name")).hasValue("Nora Nopass");
      tab.getByLabel("Password").fill(PASSWORD);
      tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
      PlaywrightAssertions.assertThat(tab.getByRole(AriaRole.STATUS))
          .containsText("Nora Nopass is a rep of");
      PlaywrightAssertions.assertThat(tab.locator("table.people")).containsText("Nora Nopass");

      // A token is shown once, works, and stops working when revoked.
      tab.getByLabel("Label").fill("CRM sync");
      tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue token")).click();
      String token = tab.locator("#issued-token code").textContent().strip();
      assertThat(token).startsWith("cav_");
      assertThat(api.get("/api/v1/companies/" + slug, token).status()).isEqualTo(200);
      tab.reload();
      PlaywrightAssertions.assertThat(tab.locator("#issued-token")).hasCount(0);
      assertThat(tab.content()).doesNotContain(token);
      tab.getByLabel("Revoke CRM sync").click();
      PlaywrightAssertions.assertThat(tab.getByRole(AriaRole.STATUS))
          .containsText("The token is revoked");
      PlaywrightAssertions.assertThat(tab.locator("table.tokens")).containsText("revoked");
      assertThat(api.get("/api/v1/companies/" + slug, token).status()).isEqualTo(401);

      // Removing someone asks first; once confirmed, they are gone.
      tab.onceDialog(dialog -> dialog.dismiss());
      tab.getByLabel("Remove Rita Rep").click();
      PlaywrightAssertions.assertThat(tab.locator("table.people")).containsText("Rita Rep");
      tab.onceDialog(dialog -> dialog.accept());
      tab.getByLabel("Remove Rita Rep").click();
      PlaywrightAssertions.assertThat(tab.getByRole(AriaRole.STATUS))
          .containsText("Rita Rep is no longer in");
      PlaywrightAssertions.assertThat(tab.locator("table.people")).not().containsText("Rita Rep");

      // A rep has no business here.
      Page rep = browser.newContext().newPage();
      Chromium.signIn(rep, port, email(slug, "Nora Nopass"));
      assertThat(rep.navigate(page).status()).isEqualTo(403);
    }
  }
}
