package dev.caveat.care.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.caveat.support.CaveatTestUtils.OPERATOR;
import static dev.caveat.support.CaveatTestUtils.companyWithAdminToken;
import static dev.caveat.support.CaveatTestUtils.monitor;
import static dev.caveat.support.CaveatTestUtils.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.caveat.account.CompanyId;
import dev.caveat.support.ApiClient;
import dev.caveat.support.CaveatTestUtils;
import dev.caveat.support.Chromium;
import dev.caveat.support.MovableClockIntegrationTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A rep works cases in a real Chromium: the inbox hears of a new case over server-sent events, the
 * keyboard takes it, the case page keeps notes and resolves it, and the breaching view shows what
 * broke its SLA. Caveat runs with a clock the test moves, as in {@link SlaIntegrationTest}, so that
 * SLA clocks breach when the test says; the evaluator is called instead of its tick.
 */
@Tag("persistence")
class CasePagesIntegrationTest extends MovableClockIntegrationTestSupport {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String PASSWORD = CaveatTestUtils.PASSWORD;

  private static Playwright playwright;
  private static Browser browser;

  @Autowired SlaEvaluator evaluator;
  @Autowired JdbcClient jdbc;
  @Autowired Cases cases;
  @Autowired SlaClocks clocks;
  @Autowired CaseStream stream;

  private ApiClient api;
  private BrowserContext context;
  private Page page;

  /** A company with a monitor for its brand and a rep who can sign in. */
  record Company(String slug, String admin, String brand, String repEmail) {}

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

  @BeforeEach
  void open() {
    api = new ApiClient(port);
    clock.set("2026-03-02T08:00:00Z");
    context = browser.newContext();
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  @Test
  void aNewCaseShowsUpLiveAndTheRepTakesItNotesItAndResolvesItAsExplained() throws Exception {
    Company acme = company("pages");
    signIn(page, acme.repEmail());
    page.navigate(base() + "/c/" + acme.slug() + "/cases?view=unassigned");
    assertThat(page.locator("#case-list .empty")).containsText("Every case has someone on it");
    assertThat(page.locator("#views [data-view=unassigned] .count")).hasText("0");
    page.screenshot(shot("cases-empty.png"));

    // A post comes in while the rep looks at the inbox: the page tells, without a reload.
    ready(page);
    page.evaluate("() => { window.sameDocument = true; }");
    complain(acme, "dana");
    String number = onlyCase(acme);
    assertThat(page.locator("#new-cases")).containsText("1 new case");
    assertThat(page.locator("#views [data-view=unassigned] .count")).hasText("1");
    page.locator("#show-new-cases").click();
    Locator row = page.locator("tr.case-row");
    assertThat(row).hasCount(1);
    assertThat(row).containsText(number);
    assertThat(row).containsText("dana");
    assertThat(row).containsText("Unassigned");
    assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
    page.screenshot(shot("cases-live.png"));

    // j selects it, Enter opens it, and no shortcut fires while the rep types.
    page.keyboard().press("j");
    assertThat(row).hasClass(Pattern.compile(".*selected.*"));
    page.keyboard().press("Enter");
    assertThat(page).hasURL(Pattern.compile(".*/c/" + acme.slug() + "/cases/" + number + "$"));
    ready(page);
    page.keyboard().press("r");
    assertThat(page.locator("#reply-text")).isFocused();
    page.keyboard().type("a j k n");
    assertThat(page.locator("#reply-text")).hasValue("a j k n");
    assertThat(page.locator("dd.assignee")).hasText("Unassigned");
    page.keyboard().press("Escape");

    // a takes it.
    page.keyboard().press("a");
    assertThat(page.getByRole(AriaRole.STATUS)).containsText(number + " is yours now.");
    assertThat(page.locator("dd.assignee")).hasText("Rita Rep");
    ready(page);

    // A note, written after n, shows in the history.
    page.keyboard().press("n");
    assertThat(page.locator("#note-text")).isFocused();
    page.keyboard().type("Called the depot: a new router ships tomorrow.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Note added");
    assertThat(page.locator("#history .entry-note"))
        .containsText("Called the depot: a new router ships tomorrow.");
    ready(page);

    // The customer writes again: the open page shows it in the history without a reload.
    page.evaluate("() => { window.sameDocument = true; }");
    post(acme, "dana", "Still no " + acme.brand() + " internet today, nobody answers the phone");
    assertThat(page.locator("#history .entry-mention")).hasCount(2);
    assertThat(page.locator("#history .entry-mention").last()).containsText("nobody answers");
    assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);

    // A public reply cannot go out on a forum Caveat cannot post to: the page says so plainly
    // and keeps what the rep wrote.
    page.locator("#reply-text").fill("Sorry Dana, a technician calls today.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
    assertThat(page.getByRole(AriaRole.ALERT))
        .containsText("The reply did not go out: None of the posts of case " + number);
    assertThat(page.locator("#reply-text")).hasValue("Sorry Dana, a technician calls today.");

    // Explained needs a reason; with one, the case is resolved and says where the reason shows.
    page.getByLabel("Explained: we can't help, and say why").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("reason is required");
    page.getByLabel("Explained: we can't help, and say why").check();
    page.locator("#reason")
        .fill("The outage is in the city's street cabinet, which we cannot open.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
    assertThat(page.getByRole(AriaRole.STATUS))
        .containsText("Resolved as explained. The reason is now on the public case page.");
    assertThat(page.locator("h1 .status")).hasText("resolved");
    assertThat(page.locator("#history .entry-event").last())
        .containsText("explained: The outage is in the city's street cabinet");
    page.screenshot(shot("case-resolved.png").setFullPage(true));
    ready(page);
    JsonNode whole =
        api.get("/api/v1/companies/" + acme.slug() + "/cases/" + number, acme.admin()).json();
    assertThat(whole.get("resolution").stringValue()).isEqualTo("explained");
    assertThat(whole.get("notes").get(0).get("author").stringValue()).isEqualTo("Rita Rep");

    // ? shows the shortcuts; g i goes back to the inbox.
    page.keyboard().press("?");
    assertThat(page.locator("#shortcuts")).isVisible();
    assertThat(page.locator("#shortcuts")).containsText("Assign this case to me");
    page.keyboard().press("Escape");
    assertThat(page.locator("#shortcuts")).isHidden();
    page.keyboard().press("g");
    page.keyboard().press("i");
    assertThat(page).hasURL(Pattern.compile(".*/c/" + acme.slug() + "/cases$"));
    assertThat(page.locator("#case-list .empty")).containsText("Nothing is assigned to you");

    // The mentions inbox links to the case, and the header leads back to the cases.
    page.navigate(base() + "/c/" + acme.slug() + "/inbox");
    page.locator("li.mention .case-link a").first().click();
    assertThat(page).hasURL(Pattern.compile(".*/cases/" + number + "$"));
    page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cases"))
        .click();
    assertThat(page).hasURL(Pattern.compile(".*/c/" + acme.slug() + "/cases$"));
  }

  @Test
  void aPageThatLostItsStreamCatchesUpOnWhatItMissed() {
    Company acme = company("catchup");
    complain(acme, "erin");
    String number = onlyCase(acme);
    signIn(page, acme.repEmail());
    page.navigate(base() + "/c/" + acme.slug() + "/cases?view=unassigned");
    Locator row = page.locator("#case-" + number);
    assertThat(row).containsText("open");
    ready(page);

    // The stream breaks; the case is resolved before the page reconnects, and its event reaches
    // no page.
    stream.end(companyId(acme));
    assertThat(page.locator("main[data-live=off]")).isVisible();
    ApiClient.Response resolved =
        api.post(
            "/api/v1/companies/" + acme.slug() + "/cases/" + number + "/resolve",
            acme.admin(),
            Map.of("resolution", "solved"));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

    // The stream reconnects, and the page fetches again what it shows.
    ready(page);
    assertThat(row).containsText("resolved");
    assertThat(page.locator("#views [data-view=unassigned] .count")).hasText("0");
  }

  @Test
  void theBreachingViewListsTheCaseWhoseClockBreached() {
    Company acme = company("breach");
    firstResponseWithin(acme, "PT1H");
    complain(acme, "eve");
    String late = onlyCase(acme);

    clock.set("2026-03-02T09:30:00Z");
    complain(acme, "fox");
    evaluator.evaluate();

    signIn(page, acme.repEmail());
    page.navigate(base() + "/c/" + acme.slug() + "/cases?view=breaching");
    Locator rows = page.locator("tr.case-row");
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).containsText(late);
    assertThat(rows.first().locator(".due")).hasText("breached");
    assertThat(page.locator("#views [data-view=breaching] .count")).hasText("1");
    assertThat(page.locator("#views [data-view=open] .count")).hasText("2");
    page.screenshot(shot("cases-breaching.png"));

    page.locator("#views [data-view=open]").click();
    page.getByLabel("Sort").selectOption("due");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
    assertThat(rows).hasCount(2);
    assertThat(rows.first()).containsText(late);
    assertThat(rows.last().locator(".due time")).hasText("2 Mar, 10:30 UTC");

    rows.first().locator("a.open").click();
    assertThat(page.locator(".sla tr.breached")).containsText("first response");
    assertThat(page.locator(".sla tr.breached")).containsText("breached 2 Mar, 09:30 UTC");
  }

  @Test
  void theApiListsTheCasesBreachingOrNearTheirSla() {
    Company acme = company("api");
    firstResponseWithin(acme, "PT1H");
    String c = "/api/v1/companies/" + acme.slug() + "/cases";
    complain(acme, "gil");
    String breached = onlyCase(acme);
    assertThat(numbers(c + "?breaching=true", acme)).isEmpty();

    // Forty-eight minutes on, Hal's case opens; at 09:00 Gil's breaches, Hal's is at 80%.
    clock.set("2026-03-02T08:48:00Z");
    complain(acme, "hal");
    String warned =
        numbers(c, acme).stream().filter(n -> !n.equals(breached)).findFirst().orElseThrow();
    clock.set("2026-03-02T09:01:00Z");
    evaluator.evaluate();
    assertThat(numbers(c + "?breaching=true", acme)).containsExactly(breached);
    clock.set("2026-03-02T09:37:00Z");
    evaluator.evaluate();
    assertThat(numbers(c + "?breaching=true", acme)).containsExactly(warned, breached);
    assertThat(numbers(c + "?breaching=true&sort=due", acme)).containsExactly(breached, warned);
    JsonNode listed = api.get(c + "?breaching=true&sort=due", acme.admin()).json().get("items");
    assertThat(listed.get(0).get("breached").booleanValue()).isTrue();
    assertThat(listed.get(1).get("breached").booleanValue()).isFalse();
    assertThat(listed.get(1).get("dueAt").stringValue()).isEqualTo("2026-03-02T09:48:00Z");
    JsonNode halsClocks =
        api.get(c + "/" + warned, acme.admin()).json().get("sla").valueStream().toList().getFirst();
    assertThat(halsClocks.get("target").stringValue()).isEqualTo("first-response");
    assertThat(halsClocks.get("dueAt").stringValue()).isEqualTo("2026-03-02T09:48:00Z");

    // A reply stops the response clock (as the reply service does once one went out): the case
    // no longer breaches, though it did once.
    long id = cases.find(companyId(acme), breached).orElseThrow().id();
    clocks.replied(id, cases.replied(id, clock.instant()), clock.instant());
    assertThat(numbers(c + "?breaching=true", acme)).containsExactly(warned);
    assertThat(api.get(c + "?sort=sideways", acme.admin()).status()).isEqualTo(400);
  }

  @Test
  void aRepOfAnotherCompanyFindsNothingAndHearsNothingOfIt() {
    Company victim = company("victim");
    Company other = company("other");
    BrowserContext theirs = browser.newContext();
    try {
      Page victimPage = page;
      signIn(victimPage, victim.repEmail());
      victimPage.navigate(base() + "/c/" + victim.slug() + "/cases?view=unassigned");
      ready(victimPage);

      Page otherPage = theirs.newPage();
      signIn(otherPage, other.repEmail());
      otherPage.navigate(base() + "/c/" + other.slug() + "/cases?view=open");
      otherPage.evaluate(
          "url => { window.heard = []; const s = new EventSource(url);"
              + " s.addEventListener('case', e => window.heard.push(JSON.parse(e.data).number));"
              + " s.onopen = () => { window.listening = true; }; }",
          "/c/" + other.slug() + "/cases/events");
      otherPage.waitForFunction("() => window.listening === true");

      complain(victim, "ida");
      String victims = onlyCase(victim);
      assertThat(victimPage.locator("#new-cases")).containsText("1 new case");

      // Their own company's next case reaches them, and nothing of the other company came first.
      complain(other, "jon");
      String theirsNumber = onlyCase(other);
      otherPage.waitForFunction("n => window.heard.includes(n)", theirsNumber);
      assertThat(otherPage.evaluate("() => window.heard")).asList().doesNotContain(victims);
      assertThat(otherPage.locator("#new-cases")).containsText("1 new case");

      for (String path :
          List.of(
              "/c/" + victim.slug() + "/cases",
              "/c/" + victim.slug() + "/cases/" + victims,
              "/c/" + victim.slug() + "/cases/" + victims + "/live",
              "/c/" + victim.slug() + "/cases/" + victims + "/row",
              "/c/" + victim.slug() + "/cases/views",
              "/c/" + victim.slug() + "/cases/events")) {
        APIResponse response = otherPage.request().get(base() + path);
        assertThat(response.status()).as(path).isEqualTo(404);
      }
      assertThat(otherPage.navigate(base() + "/c/" + victim.slug() + "/cases/" + victims).status())
          .isEqualTo(404);
      assertThat(otherPage.getByRole(AriaRole.HEADING)).hasText("Not found");
    } finally {
      theirs.close();
    }

    // Their browser is gone: the next heartbeats find its streams closed, and they are forgotten.
    CompanyId theirCompany = companyId(other);
    Awaitility.await("the closed browser's streams forgotten")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              stream.heartbeat();
              return stream.watching(theirCompany) == 0;
            });
    assertThat(stream.watching(companyId(victim))).isEqualTo(1);
  }

  // --- fixtures

  private Company company(String prefix) {
    String slug = uniqueSlug(prefix);
    String admin = companyWithAdminToken(api, slug);
    String brand = "zp" + UUID.randomUUID().toString().substring(0, 6);
    monitor(api, admin, slug, "Brand", brand);
    UUID rita = CaveatTestUtils.person(api, admin, slug, "Rita Rep");
    ApiClient.Response rep =
        api.put("/api/v1/companies/" + slug + "/reps/" + rita, admin, Map.of("capacity", 10));
    assertThat(rep.status()).as(rep.body()).isEqualTo(201);
    return new Company(slug, admin, brand, "rita.rep-" + slug + "@example.com");
  }

  private CompanyId companyId(Company company) {
    String id =
        api.get("/api/v1/companies/" + company.slug(), OPERATOR).json().get("id").stringValue();
    return new CompanyId(UUID.fromString(id));
  }

  /** The page's script has run and its stream is open: shortcuts and live updates work. */
  private static void ready(Page tab) {
    assertThat(tab.locator("main[data-live=on]")).isVisible();
  }

  private void firstResponseWithin(Company company, String duration) {
    ApiClient.Response sla =
        api.put(
            "/api/v1/companies/" + company.slug() + "/sla",
            company.admin(),
            Map.of("firstResponse", duration, "warnAt", 80));
    assertThat(sla.status()).as(sla.body()).isEqualTo(200);
  }

  private void complain(Company company, String author) {
    post(
        company,
        author,
        "My " + company.brand() + " router died again and support hung up on me, third time");
  }

  /** Posts as the author, with words of its own so it is nobody's copy, and waits till filed. */
  private void post(Company company, String author, String text) {
    Random random = new Random();
    StringBuilder unlike = new StringBuilder(" Refs");
    for (int i = 0; i < 10; i++) {
      unlike.append(' ');
      for (int j = 0; j < 6; j++) {
        unlike.append((char) ('a' + random.nextInt(26)));
      }
    }
    ApiClient.Response r =
        api.post(
            "/api/v1/ingest",
            OPERATOR,
            List.of(
                Map.of(
                    "source",
                    "forum-" + company.slug(),
                    "externalId",
                    UUID.randomUUID().toString(),
                    "url",
                    "https://forum.example/t/" + UUID.randomUUID(),
                    "author",
                    Map.of("handle", author),
                    "text",
                    text + unlike)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    CaveatTestUtils.awaitFiled(api, jdbc, company.slug());
  }

  /** The number of the company's newest case. */
  private String onlyCase(Company company) {
    List<String> numbers = numbers("/api/v1/companies/" + company.slug() + "/cases", company);
    assertThat(numbers).isNotEmpty();
    return numbers.getFirst();
  }

  private List<String> numbers(String path, Company company) {
    ApiClient.Response r = api.get(path, company.admin());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("items").valueStream().map(c -> c.get("number").stringValue()).toList();
  }

  private void signIn(Page tab, String email) {
    Chromium.signIn(tab, port, email);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static Page.ScreenshotOptions shot(String name) {
    return new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name));
  }
}
