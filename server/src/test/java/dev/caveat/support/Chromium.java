package dev.caveat.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The machine's Chromium, driven by Playwright, for tests that use Caveat's pages. */
public final class Chromium {

  private Chromium() {}

  public static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  public static Browser launch(Playwright playwright) {
    Path chromium = Path.of(System.getProperty("caveat.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      throw new IllegalStateException(
          "Browser tests need Chromium at " + chromium + ": apt-get install -y chromium");
    }
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run")));
  }

  /** Signs the person in on the tab, with the password every test person has. */
  public static void signIn(Page tab, int port, String email) {
    tab.navigate("http://localhost:" + port + "/login");
    tab.getByLabel("E-mail").fill(email);
    tab.getByLabel("Password").fill(CaveatTestUtils.PASSWORD);
    tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    PlaywrightAssertions.assertThat(tab).not().hasURL(Pattern.compile(".*/login.*"));
  }
}
