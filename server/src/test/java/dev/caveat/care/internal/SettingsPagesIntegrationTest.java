package dev.caveat.care.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.awaitFiled;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.Chromium;
import dev.caveat.support.IntegrationTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A lead sets up routing, SLAs and canned responses on the settings pages in a real Chromium; a rep
 * reads the same pages without their forms, and is refused when posting one anyway.
 */
class SettingsPagesIntegrationTest extends IntegrationTestSupport {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = CaveatTestUtils.PASSWORD;

  private static Playwright playwright;
  private static Browser browser;

  @Autowired JdbcClient jdbc;
  @Autowired SlaEvaluator evaluator;

  @BeforeAll
  static void launch() throws Exception {
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @Test
  void aLeadSetsUpRoutingSlasAndCannedResponsesAndARepOnlyReadsThem() {
    ApiClient api = api();
    String slug = uniqueSlug("settings");
    String admin = companyWithAdminToken(api, slug);
    String c = "/api/v1/companies/" + slug;
    UUID lea = person(api, admin, slug, "Lea Lead", "admin");
    UUID rob = person(api, admin, slug, "Rob Rep", "rep");
    assertThat(api.post(c + "/teams", admin, Map.of("name", "Support", "lead", lea)).status())
        .isEqualTo(201);
    assertThat(api.post(c + "/teams", admin, Map.of("name", "Billing")).status()).isEqualTo(201);
    assertThat(
            api.put(
                    c + "/reps/" + rob,
                    admin,
                    Map.of("teams", List.of("Support"), "languages", List.of("en"), "capacity", 5))
                .status())
        .isEqualTo(201);
    ApiClient.Response routing =
        api.put(
            c + "/routing",
            admin,
            Map.of(
                "defaultTeam",
                "Support",
                "rules",
                List.of(Map.of("intent", "question", "team", "Billing"))));
    assertThat(routing.status()).as(routing.body()).isEqualTo(200);
    String base = "http://localhost:" + port + "/c/" + slug + "/settings";

    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      signIn(page, "lea.lead-" + slug + "@example.com");

      // Routing: the teams with their reps, then a new rule, which the lead moves to the top.
      page.navigate(base + "/routing");
      Locator support =
          page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Team Support"));
      assertThat(support).containsText("Lead: Lea Lead");
      assertThat(support.locator("tbody tr"))
          .hasText(java.util.regex.Pattern.compile("Rob Rep\\s+en\\s+any\\s+0 of 5\\s+available"));
      page.getByLabel("Language").fill("german");
      page.getByLabel("Intent").selectOption("complaint");
      page.getByLabel("Send to team").selectOption("Support");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
      assertThat(page.locator("#add-rule").getByRole(AriaRole.ALERT))
          .hasText("Language must be an ISO 639-1 code such as 'en'");
      assertThat(page.getByLabel("Intent")).hasValue("complaint");
      page.getByLabel("Language").fill("de");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).containsText("The rule is added");
      Locator rules = page.locator("ol.rules > li");
      assertThat(rules).hasCount(2);
      assertThat(rules.nth(1)).containsText("intent complaint, language de → Support");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move rule 2 up"))
          .click();
      assertThat(page.locator("#rules").getByRole(AriaRole.STATUS))
          .hasText("Rule 2 is now rule 1.");
      assertThat(rules.first()).containsText("intent complaint, language de → Support");
      assertThat(rules.nth(1)).containsText("intent question → Billing");
      JsonNode kept = api.get(c + "/routing", admin).json().get("rules");
      assertThat(kept.get(0).get("intent").stringValue()).isEqualTo("complaint");
      assertThat(kept.get(0).get("language").stringValue()).isEqualTo("de");
      assertThat(kept.get(1).get("team").stringValue()).isEqualTo("Billing");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve("settings-routing.png"))
              .setFullPage(true));

      // SLA: a wrong target is explained in the form; then the company policy is saved.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("SLAs")).click();
      Locator companyPolicy =
          page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Company policy"));
      assertThat(companyPolicy).containsText("No company policy");
      companyPolicy.getByLabel("First response").fill("soon");
      companyPolicy
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save company policy"))
          .click();
      assertThat(companyPolicy.getByRole(AriaRole.ALERT))
          .containsText("First response must be a time such as 4h, 30m or 1d 2h");
      companyPolicy.getByLabel("First response").fill("1h 30m");
      companyPolicy.getByLabel("Resolution").fill("2d");
      companyPolicy.getByLabel("Warning at").fill("75");
      companyPolicy.getByLabel("Business hours only").check();
      companyPolicy.getByLabel("Time zone").fill("Europe/Berlin");
      companyPolicy
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save company policy"))
          .click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("The company's SLA policy is saved.");
      assertThat(companyPolicy.getByLabel("First response")).hasValue("1h 30m");
      JsonNode sla = api.get(c + "/sla", admin).json().get("company");
      assertThat(sla.get("firstResponse").stringValue()).isEqualTo("PT1H30M");
      assertThat(sla.get("nextResponse").isNull()).isTrue();
      assertThat(sla.get("resolution").stringValue()).isEqualTo("PT48H");
      assertThat(sla.get("warnAt").intValue()).isEqualTo(75);
      assertThat(sla.get("businessHours").get("timeZone").stringValue()).isEqualTo("Europe/Berlin");
      assertThat(sla.get("businessHours").get("days").valueStream().map(JsonNode::stringValue))
          .containsExactly("mon", "tue", "wed", "thu", "fri");

      // A case resolved in time shows in the report as met.
      String number = resolvedCase(api, admin, slug);
      evaluator.evaluate();
      page.reload();
      Locator report =
          page.locator("table.report tbody tr")
              .filter(new Locator.FilterOptions().setHasText("Support"));
      assertThat(report).containsText("100.0% met");
      assertThat(report).containsText("1 met, 0 missed, 0 running");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve("settings-sla.png"))
              .setFullPage(true));

      // Canned responses: an unknown variable is named, the form keeps what was typed.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Canned responses"))
          .click();
      assertThat(page.locator("table.variables")).containsText("{{customer.name}}");
      page.getByLabel("Title").fill("Outage apology");
      page.getByLabel("Text").fill("Hi {{customer.first}}, sorry for the outage. {{rep.name}}");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add canned response"))
          .click();
      assertThat(page.locator("#canned-form").getByRole(AriaRole.ALERT))
          .containsText("{{customer.first}}, which is not a variable");
      assertThat(page.getByLabel("Title")).hasValue("Outage apology");
      page.getByLabel("Text")
          .fill("Hi {{customer.name}}, sorry for the outage. Case {{case.number}}. {{rep.name}}");
      page.getByLabel("Intent").selectOption("complaint");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add canned response"))
          .click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("“Outage apology” is added.");
      assertThat(page.locator("ul.canned > li")).hasCount(1);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Outage apology"))
          .click();
      page.getByLabel("Title").fill("Outage apology (fibre)");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("“Outage apology (fibre)” is saved.");
      JsonNode canned = api.get(c + "/canned-responses", admin).json().get("items");
      assertThat(canned.size()).isEqualTo(1);
      assertThat(canned.get(0).get("title").stringValue()).isEqualTo("Outage apology (fibre)");
      assertThat(canned.get(0).get("intent").stringValue()).isEqualTo("complaint");
      long cannedId = canned.get(0).get("id").longValue();
      assertThat(
              api.get(c + "/cases/" + number + "/canned-responses/" + cannedId, admin)
                  .json()
                  .get("text")
                  .stringValue())
          .contains("Case " + number);
      // A second one, found by searching as one types, and deleted in place.
      page.getByLabel("Title").fill("Refund on the way");
      page.getByLabel("Text")
          .fill("{{customer.name}}, the refund for {{case.number}} is on its way.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add canned response"))
          .click();
      Locator listed = page.locator("ul.canned > li");
      assertThat(listed).hasCount(2);
      page.getByLabel("Search canned responses").pressSequentially("REFUND");
      assertThat(listed).hasCount(1);
      assertThat(listed.first()).containsText("Refund on the way");
      page.onDialog(dialog -> dialog.accept());
      page.getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete Refund on the way"))
          .click();
      assertThat(page.locator("#canned-list").getByRole(AriaRole.STATUS))
          .hasText("“Refund on the way” is deleted.");
      assertThat(page.locator("#canned-list .empty"))
          .containsText("No canned response contains that");
      page.getByLabel("Search canned responses").clear();
      assertThat(listed).hasCount(1);
      assertThat(listed.first()).containsText("Outage apology (fibre)");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve("settings-canned.png"))
              .setFullPage(true));
    }

    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      signIn(page, "rob.rep-" + slug + "@example.com");

      page.navigate(base + "/routing");
      assertThat(page.locator("ol.rules > li").first())
          .containsText("intent complaint, language de → Support");
      assertThat(
              page.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move rule 2 up")))
          .hasCount(0);
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")))
          .hasCount(0);
      assertThat(page.locator("form.grid-form")).hasCount(0);
      assertThat(page.locator(".settings-nav")).containsText("Read only");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve("settings-routing-rep.png"))
              .setFullPage(true));

      page.navigate(base + "/sla");
      Locator companyPolicy =
          page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Company policy"));
      assertThat(companyPolicy).containsText("1h 30m");
      assertThat(page.locator("form.grid-form")).hasCount(0);
      assertThat(
              page.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save company policy")))
          .hasCount(0);

      page.navigate(base + "/canned");
      assertThat(page.locator("ul.canned > li")).containsText("Outage apology (fibre)");
      assertThat(page.locator("#canned-form")).hasCount(0);
      assertThat(
              page.getByRole(
                  AriaRole.LINK,
                  new Page.GetByRoleOptions().setName("Edit Outage apology (fibre)")))
          .hasCount(0);

      // Posting a form anyway, with a valid CSRF token, is refused.
      Object status =
          page.evaluate(
              "async (url) => {"
                  + " const csrf = document.querySelector('input[name=_csrf]').value;"
                  + " const r = await fetch(url, {method: 'POST', headers: {'Content-Type':"
                  + " 'application/x-www-form-urlencoded'}, body: new URLSearchParams({_csrf: csrf,"
                  + " title: 'Mine', body: 'Hi'})});"
                  + " return r.status + ' ' + (await r.text()); }",
              base + "/canned");
      assertThat(status.toString()).startsWith("403").contains("does not allow this");
      assertThat(api.get(c + "/canned-responses", admin).json().get("items").size()).isEqualTo(1);
    }
  }

  private void signIn(Page tab, String email) {
    Chromium.signIn(tab, port, email);
  }

  private static UUID person(ApiClient api, String admin, String slug, String name, String role) {
    ApiClient.Response r =
        api.post(
            "/api/v1/companies/" + slug + "/users",
            admin,
            Map.of(
                "email",
                name.replace(' ', '.').toLowerCase() + "-" + slug + "@example.com",
                "name",
                name,
                "password",
                PASSWORD,
                "role",
                role));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return UUID.fromString(r.json().get("id").stringValue());
  }

  /** A complaint that becomes a case of Support and is resolved at once, well in time. */
  private String resolvedCase(ApiClient api, String admin, String slug) {
    String brand = "zp" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
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
                    Map.of("handle", "ines"),
                    "text",
                    "My "
                        + brand
                        + " router died again and support hung up on me, this is the third"
                        + " time "
                        + UUID.randomUUID())));
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
    awaitFiled(api, jdbc, slug);
    JsonNode kase =
        api.get("/api/v1/companies/" + slug + "/cases", admin).json().get("items").get(0);
    assertThat(kase.get("team").stringValue()).isEqualTo("Support");
    String number = kase.get("number").stringValue();
    assertThat(
            api.post(
                    "/api/v1/companies/" + slug + "/cases/" + number + "/resolve",
                    admin,
                    Map.of("resolution", "solved"))
                .status())
        .isEqualTo(200);
    return number;
  }
}
