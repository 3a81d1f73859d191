package dev.caveat.core.mf2;

import static dev.caveat.core.mf2.Mf2TestUtils.fixture;
import static dev.caveat.core.mf2.Mf2TestUtils.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.feed.Quarantined;
import dev.caveat.core.post.Post;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Mf2ParserUnitTest {

  private static final Post.Author ADA =
      new Post.Author(null, "Ada Fenwick", "https://ada.example/");

  private final Mf2Parser parser = new Mf2Parser();

  @Test
  void readsAnHFeedBlogPageWithItsRepresentativeCard() throws Mf2Exception {
    Mf2Page page = parser.parse(fixture("h-feed-blog.html"), "ada", "https://ada.example/");

    assertThat(page.title()).isEqualTo("Ada's workshop notes");
    assertThat(page.quarantined()).isEmpty();
    assertThat(page.posts()).hasSize(3);

    Post kiln = page.posts().get(0);
    assertThat(kiln.source()).isEqualTo("ada");
    assertThat(kiln.externalId()).isEqualTo("https://ada.example/2024/05/kiln");
    assertThat(kiln.url()).isEqualTo("https://ada.example/2024/05/kiln");
    assertThat(kiln.title()).isEqualTo("The kiln cracked again");
    assertThat(kiln.published()).isEqualTo(Instant.parse("2024-05-02T06:30:00Z"));
    assertThat(kiln.author()).as("the representative h-card stands in").isEqualTo(ADA);
    assertThat(kiln.html())
        .contains("href=\"https://ada.example/kit/kiln-k2\"", ">K2 kiln</a>")
        .doesNotContain("script", "track()");
    assertThat(kiln.text()).startsWith("Third crack this year. The K2 kiln from Emberline");
    assertThat(kiln.language()).isEqualTo("en");

    Post glaze = page.posts().get(1);
    assertThat(glaze.externalId()).isEqualTo("https://ada.example/notes/14");
    assertThat(glaze.title()).as("a note has no name").isNull();
    assertThat(glaze.html())
        .isEqualTo("Glaze test 14 came out <b>green</b>. Not what the label said.");
    assertThat(glaze.text()).isEqualTo("Glaze test 14 came out green. Not what the label said.");
    assertThat(glaze.published()).isEqualTo(Instant.parse("2024-05-03T19:05:00Z"));
    assertThat(glaze.author()).isEqualTo(ADA);

    Post guest = page.posts().get(2);
    assertThat(guest.url()).isEqualTo("https://ada.example/2024/05/firing");
    assertThat(guest.author())
        .isEqualTo(new Post.Author(null, "Bram Holt", "https://bram.example/"));
    assertThat(guest.published()).isEqualTo(Instant.parse("2024-05-04T00:00:00Z"));
    assertThat(guest.html()).as("p-content is text").isNull();
    assertThat(guest.text()).isEqualTo("Slow cooling through quartz inversion saves pots.");
  }

  @Test
  void exposesTheRelLinksForWebmentionAndWebSub() throws Mf2Exception {
    Mf2Page page = parser.parse(fixture("h-feed-blog.html"), "ada", "https://ada.example/");

    assertThat(page.rel("webmention")).containsExactly("https://ada.example/webmention");
    assertThat(page.rel("hub")).containsExactly("https://websub.example/");
    assertThat(page.rel("self")).containsExactly("https://ada.example/");
    assertThat(page.rel("me"))
        .as("in document order, web addresses only")
        .containsExactly("https://code.example/adafenwick", "https://social.example/@ada");
    assertThat(page.rel("nofollow")).isEmpty();
  }

  @Test
  void anEmptyWebmentionHrefMeansThePageItself() throws Mf2Exception {
    Mf2Page page =
        parser.parse(
            html("<a rel=\"webmention\" href=\"\">mentions</a>"), "s", "https://x.example/p/1");

    assertThat(page.rel("webmention")).containsExactly("https://x.example/p/1");
  }

  @Test
  void readsASingleEntryReplyWithItsContext() throws Mf2Exception {
    Mf2Page page =
        parser.parse(
            fixture("single-entry-reply.html"),
            "bram",
            "https://bram.example/replies/2024/05/kiln");

    assertThat(page.title()).isEqualTo("Reply to Ada about the kiln");
    assertThat(page.rel("webmention"))
        .containsExactly("https://webmention.example/bram.example/webmention");
    assertThat(page.posts()).hasSize(1);
    Post reply = page.posts().getFirst();
    assertThat(reply.inReplyTo()).isEqualTo("https://ada.example/2024/05/kiln");
    assertThat(reply.author())
        .isEqualTo(new Post.Author(null, "Bram Holt", "https://bram.example/"));
    assertThat(reply.url()).isEqualTo("https://bram.example/replies/2024/05/kiln");
    assertThat(reply.externalId()).isEqualTo(reply.url());
    assertThat(reply.published())
        .as("date and time joined from the value-class pattern")
        .isEqualTo(Instant.parse("2024-05-04T09:15:00Z"));
    assertThat(reply.title()).isNull();
    assertThat(reply.text())
        .isEqualTo("Same kiln, same crack. Emberline told me to wait for a firmware update.");
    assertThat(reply.html()).contains("<em>wait for a firmware update</em>");
    assertThat(reply.language()).isEqualTo("en");
  }

  @Test
  void impliesNamesAndUrlsForEntriesWithoutThem() throws Mf2Exception {
    Mf2Page page =
        parser.parse(fixture("implied-names.html"), "bakehouse", "https://bakehouse.example/notes");

    assertThat(page.title())
        .as("an h-feed without a name leaves the page title")
        .isEqualTo("Bakehouse notes");
    assertThat(page.quarantined()).isEmpty();
    assertThat(page.posts())
        .extracting(Post::text)
        .containsExactly(
            "Bread is out of the oven",
            "Closed on Monday for repairs",
            "Rye starter is back to full strength.",
            "The shop cat asleep on the flour sacks");
    assertThat(page.posts()).extracting(Post::title).containsOnlyNulls();
    assertThat(page.posts().get(0).url()).isEqualTo("https://bakehouse.example/n/1");
    assertThat(page.posts().get(1).url()).isNull();
    assertThat(page.posts().get(1).externalId()).startsWith("sha256:");
    assertThat(page.posts().get(2).url())
        .as("an explicit u-* property stops the implied url")
        .isEqualTo("https://bakehouse.example/n/3");
  }

  @Test
  void quarantinesAnEntryWithAnUnreadableDateAndKeepsTheRest() throws Mf2Exception {
    Mf2Page page =
        parser.parse(
            html(
                "<div class=\"h-entry\"><a class=\"u-url\" href=\"/a\">a</a><p class=\"p-content\">"
                    + "First</p><span class=\"dt-published\">last Tuesday</span></div>"
                    + "<div class=\"h-entry\"><a class=\"u-url\" href=\"/b\">b</a>"
                    + "<p class=\"p-content\">Second</p></div>"),
            "s",
            "https://x.example/");

    assertThat(page.posts()).extracting(Post::url).containsExactly("https://x.example/b");
    assertThat(page.quarantined())
        .containsExactly(
            new Quarantined(
                0,
                "https://x.example/a",
                "dt-published \"last Tuesday\" is not a date Caveat can read (ISO 8601 such as"
                    + " 2024-03-05T09:30:00Z)"));
  }

  @Test
  void aPageWithoutMicroformatsHasNoPostsButStillItsRels() throws Mf2Exception {
    Mf2Page page =
        parser.parse(
            html("<p>Hello</p><a rel=\"me\" href=\"https://social.example/@x\">me</a>"),
            "s",
            "https://x.example/");

    assertThat(page.posts()).isEmpty();
    assertThat(page.quarantined()).isEmpty();
    assertThat(page.rel("me")).containsExactly("https://social.example/@x");
  }
}
