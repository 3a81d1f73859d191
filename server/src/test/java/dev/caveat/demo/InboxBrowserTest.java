package dev.caveat.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo rep signs in with a real Chromium and works the inbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxBrowserTest {

  static final String PASSWORD = "browser-test-password";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  private BrowserContext context;
  private Page page;

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry registry) {
    Path dataDir = CaveatTestUtils.newDataDir();
    registry.add("caveat.data-dir", dataDir::toString);
    registry.add("caveat.demo.enabled", () -> "true");
    registry.add("caveat.demo.password", () -> PASSWORD);
  }

  @BeforeAll
  static void launch() {
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
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

  @BeforeEach
  void openPage() {
    context = browser.newContext();
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  @Test
  void theDemoRepSignsInAndSeesMentionsNewestFirst() throws Exception {
    signIn("rep@northwind.example", PASSWORD);

    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/c/northwind/inbox$"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .containsText("Northwind Broadband");
    Locator mentions = page.locator("ol.mentions > li.mention");
    assertThat(mentions.first()).containsText("Day three without internet");
    assertThat(mentions).not().hasCount(0);
    String inbox = page.locator("ol.mentions").innerText();
    assertThat(inbox)
        .doesNotContain("espresso machine")
        .doesNotContain("Strong north wind tonight");
    Files.createDirectories(SCREENSHOTS);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("inbox.png")).setFullPage(true));

    mentions.filter(new Locator.FilterOptions().setHasText("Router keeps rebooting")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Router keeps rebooting every 20 minutes");
    Locator original =
        page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the original post"));
    assertThat(original)
        .hasAttribute("href", "https://forum.example/t/router-keeps-rebooting/88121");
    assertThat(original).hasAttribute("rel", "noopener noreferrer nofollow");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mention.png")));
  }

  @Test
  void theRepSearchesTheInboxWithTheMonitorLanguage() {
    signIn("rep@northwind.example", PASSWORD);
    Locator mentions = page.locator("ol.mentions > li.mention");
    page.getByLabel("Search mentions").fill("router NEAR/5 reboot*");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(mentions).hasCount(1);
    assertThat(mentions.first()).containsText("Router keeps rebooting");

    page.getByLabel("Search mentions").fill("router NEAR reboot");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("The search has an error");
  }

  @Test
  void theRepSeesWhyAMentionGotItsIntentAndCorrectsIt() {
    signIn("rep@northwind.example", PASSWORD);
    page.locator("ol.mentions > li.mention")
        .filter(new Locator.FilterOptions().setHasText("Router keeps rebooting"))
        .click();
    Locator facts = page.locator("dl.facts");
    assertThat(facts).containsText("Language");
    assertThat(facts).containsText("en");
    String given = page.locator(".intent").innerText();
    assertThat(given).isIn("complaint", "question", "praise", "need", "spam", "other");
    assertThat(page.locator("section.reasons li").first()).isVisible();

    String corrected = given.equals("praise") ? "other" : "praise";
    page.getByLabel("Wrong intent? It is").selectOption(corrected);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Correct")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("the intent is now " + corrected);
    assertThat(page.locator(".intent")).hasText(corrected);
    assertThat(facts).containsText("corrected by a rep");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("mention-corrected.png")));
  }

  @Test
  void aWrongPasswordIsToldPlainly() {
    signIn("rep@northwind.example", "not-the-password");
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
  }

  @Test
  void pagesNeedASignIn() {
    page.navigate("http://localhost:" + port + "/c/northwind/inbox");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
  }

  @Test
  void anotherCompanysInboxIsNotFound() {
    signIn("rep@northwind.example", PASSWORD);
    var response = page.navigate("http://localhost:" + port + "/c/no-such-company/inbox");
    assertThat(response.status()).isEqualTo(404);
    assertThat(page.getByRole(AriaRole.HEADING)).hasText("Not found");
  }

  private void signIn(String email, String password) {
    page.navigate("http://localhost:" + port + "/");
    page.getByLabel("E-mail").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
  }
}
