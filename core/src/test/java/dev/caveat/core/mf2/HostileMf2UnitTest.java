package dev.caveat.core.mf2;

import static dev.caveat.core.mf2.Mf2TestUtils.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.caveat.core.feed.Quarantined;
import dev.caveat.core.post.Post;
import org.junit.jupiter.api.Test;

class HostileMf2UnitTest {

  private final Mf2Parser parser = new Mf2Parser();

  @Test
  void quarantinesAnEntryWhoseMicroformatsNestPastTheCap() throws Mf2Exception {
    // The h-feed is level 1 and each entry level 2, so 31 nested cards reach level 33.
    Mf2Page page = parser.parse(Mf2TestUtils.deeplyNestedAuthors(31), "s", "https://x.example/");

    assertThat(page.posts()).extracting(Post::url).containsExactly("https://x.example/plain");
    assertThat(page.quarantined())
        .containsExactly(
            new Quarantined(
                1,
                "https://x.example/deep",
                "the entry was not read in full: its microformats nest more than 32 levels deep"));
  }

  @Test
  void readsNestingUpToTheCap() throws Mf2Exception {
    Mf2Page page = parser.parse(Mf2TestUtils.deeplyNestedAuthors(30), "s", "https://x.example/");

    assertThat(page.posts())
        .extracting(Post::url)
        .containsExactly("https://x.example/plain", "https://x.example/deep");
  }

  @Test
  void quarantinesAnEntryWhoseMicroformatsNestFarPastTheCap() throws Mf2Exception {
    Mf2Page page = parser.parse(Mf2TestUtils.deeplyNestedAuthors(400), "s", "https://x.example/");

    assertThat(page.posts()).extracting(Post::url).containsExactly("https://x.example/plain");
    assertThat(page.quarantined()).extracting(Quarantined::index).containsExactly(1);
  }

  @Test
  void failsAPageNestedDeeperThanBrowsersGo() {
    Mf2Exception failure =
        catchThrowableOfType(
            Mf2Exception.class,
            () ->
                parser.parse(Mf2TestUtils.deeplyNestedAuthors(10_000), "s", "https://x.example/"));

    assertThat(failure.kind()).isEqualTo(Mf2Exception.Kind.TOO_DEEP);
    assertThat(failure).hasMessage("the page nests elements more than 512 deep");
  }

  @Test
  void readsAnEntryUnderDeepButBoundedHtml() throws Mf2Exception {
    byte[] page =
        html(
            "<div>".repeat(500)
                + "<div class=\"h-entry\"><a class=\"u-url\" href=\"/a\">a</a>"
                + "<p class=\"p-content\">Found at the bottom</p></div>"
                + "</div>".repeat(500));

    assertThat(parser.parse(page, "s", "https://x.example/").posts())
        .extracting(Post::text)
        .containsExactly("Found at the bottom");
  }

  @Test
  void stopsReadingPropertiesNestedInPropertiesOnceTheWorkBudgetIsSpent() throws Mf2Exception {
    // 100 KB allows 200,000 units of work; 100 nested p-content of 5,000 characters need 500,000.
    Mf2Parser small = new Mf2Parser(new Mf2Limits(100_000, 512, 32, 1_000, 20_000, 200_000));
    byte[] page =
        html(
            "<div class=\"h-entry\"><a class=\"u-url\" href=\"/nested\">x</a>"
                + "<div class=\"p-content\">".repeat(100)
                + "word ".repeat(1_000)
                + "</div>".repeat(100)
                + "</div><div class=\"h-entry\"><a class=\"u-url\" href=\"/after\">x</a>"
                + "<p class=\"p-content\">After</p></div>");

    Mf2Page result = small.parse(page, "s", "https://x.example/");

    assertThat(result.posts()).extracting(Post::url).containsExactly("https://x.example/nested");
    assertThat(result.quarantined())
        .containsExactly(
            new Quarantined(
                1,
                "https://x.example/after",
                "the page repeats too much text in nested properties to read it all; p-content"
                    + " was not read"));
  }

  @Test
  void stopsAHundredMegabytePageAtTheSizeCap() {
    var body =
        new Mf2TestUtils.GeneratedPage(
            "<!DOCTYPE html><html><body><div class=\"h-feed\">",
            "<div class=\"h-entry\"><p class=\"e-content\">again</p></div>",
            100L * 1024 * 1024);

    Mf2Exception failure =
        catchThrowableOfType(
            Mf2Exception.class, () -> parser.parse(body, "s", "https://x.example/"));

    assertThat(failure.kind()).isEqualTo(Mf2Exception.Kind.TOO_LARGE);
    assertThat(body.served()).isLessThanOrEqualTo(Mf2Limits.DEFAULT.maxBytes() + 1);
  }

  @Test
  void quarantinesAnEntryWithContentPastTheFieldCap() throws Mf2Exception {
    Mf2Parser small = new Mf2Parser(new Mf2Limits(1_000_000, 512, 32, 1_000, 20_000, 40));
    byte[] page =
        html(
            "<div class=\"h-entry\"><a class=\"u-url\" href=\"/long\">x</a><div class=\"e-content\">"
                + "words ".repeat(20)
                + "</div></div><div class=\"h-entry\"><a class=\"u-url\" href=\"/short\">x</a>"
                + "<div class=\"e-content\">brief</div></div>");

    Mf2Page result = small.parse(page, "s", "https://x.example/");

    assertThat(result.posts()).extracting(Post::text).containsExactly("brief");
    assertThat(result.quarantined())
        .containsExactly(
            new Quarantined(0, "https://x.example/long", "e-content is longer than 40 characters"));
  }

  @Test
  void stopsReadingPropertiesPastThePageBudget() throws Mf2Exception {
    Mf2Parser small = new Mf2Parser(new Mf2Limits(1_000_000, 512, 32, 1_000, 10, 200_000));
    String entry =
        "<div class=\"h-entry\"><p class=\"p-content\">n</p><a class=\"u-url\" href=\"/%d\">x</a></div>";
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      body.append(entry.formatted(i));
    }

    Mf2Page page = small.parse(html(body.toString()), "s", "https://x.example/");

    // Each entry costs 3 (itself, p-content, u-url): three fit in 10, the fourth is cut short.
    assertThat(page.posts()).hasSize(3);
    assertThat(page.quarantined())
        .containsExactly(
            new Quarantined(
                3,
                "https://x.example/3",
                "the entry was not read in full: the page has more than 10 microformats and"
                    + " property values"),
            new Quarantined(
                4,
                null,
                "the page has more than 10 microformats and property values; the rest was not"
                    + " read"));
  }

  @Test
  void capsTheNumberOfEntries() throws Mf2Exception {
    Mf2Parser small = new Mf2Parser(new Mf2Limits(1_000_000, 512, 32, 2, 20_000, 200_000));

    Mf2Page page =
        small.parse(Mf2TestUtils.fixture("implied-names.html"), "s", "https://bakehouse.example/");

    assertThat(page.posts()).hasSize(2);
    assertThat(page.quarantined())
        .containsExactly(
            new Quarantined(
                2, null, "the page has more than 2 entries; this and later ones were skipped"));
  }
}
