package dev.caveat.core.feed;

import static dev.caveat.core.feed.FeedTestUtils.fixture;
import static dev.caveat.core.feed.FeedTestUtils.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caveat.core.post.Post;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserUnitTest {

  private final FeedParser parser = new FeedParser();

  @Test
  void readsAnRss2BlogWithFullContentAndCreators() throws FeedException {
    FeedDocument feed =
        parser.parse(fixture("rss2-blog.xml"), "kettle", "https://kettle.example/feed/");

    assertThat(feed.title()).isEqualTo("Kettle & Crumb");
    assertThat(feed.siteUrl()).isEqualTo("https://kettle.example/");
    assertThat(feed.selfUrl()).isEqualTo("https://kettle.example/feed/");
    assertThat(feed.hubUrl()).isEqualTo("https://hub.kettle.example/");
    assertThat(feed.quarantined()).isEmpty();
    assertThat(feed.posts()).hasSize(3);

    Post late = feed.posts().get(0);
    assertThat(late.source()).isEqualTo("kettle");
    assertThat(late.externalId()).isEqualTo("https://kettle.example/?p=101");
    assertThat(late.url()).isEqualTo("https://kettle.example/2024/03/late-rye/");
    assertThat(late.title()).isEqualTo("Why our rye parcels arrived late");
    assertThat(late.author()).isEqualTo(new Post.Author(null, "Mara Quill", null));
    assertThat(late.published()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
    assertThat(late.language()).isEqualTo("en");
    // content:encoded wins over the shorter description, and its relative link is made absolute.
    assertThat(late.html())
        .contains("<strong>Swiftline</strong>", "href=\"https://kettle.example/refunds/\"")
        .doesNotContain("script", "steal");
    assertThat(late.text())
        .isEqualTo("The courier Swiftline lost a pallet in transit. Read how refunds work.");

    Post menu = feed.posts().get(1);
    assertThat(menu.externalId()).isEqualTo("https://kettle.example/2024/03/spring-menu/");
    assertThat(menu.url())
        .as("a permalink guid stands in for the link")
        .isEqualTo(menu.externalId());
    assertThat(menu.author().name()).isEqualTo("Mara Quill");
    assertThat(menu.published()).isEqualTo(Instant.parse("2024-03-06T14:05:10Z"));
    assertThat(menu.html())
        .isEqualTo("<p>Wild garlic focaccia is back &amp; so is the lemon loaf.</p>");
    assertThat(menu.text()).isEqualTo("Wild garlic focaccia is back & so is the lemon loaf.");

    Post closed = feed.posts().get(2);
    assertThat(closed.externalId()).isEqualTo("https://kettle.example/2024/03/closed-friday/");
    assertThat(closed.published()).isEqualTo(Instant.parse("2024-03-07T17:00:00Z"));
    assertThat(closed.author().name()).isEqualTo("Ollie Brand");
  }

  @Test
  void readsAnRss091FeedInLatin1WithItsNetscapeDoctypeIgnored() throws FeedException {
    FeedDocument feed =
        parser.parse(fixture("rss091.xml"), "ferry", "http://ferry.example/rss/notices.rss");

    assertThat(feed.title()).isEqualTo("Harbour Ferry Notices");
    assertThat(feed.posts())
        .extracting(Post::externalId)
        .containsExactly(
            "http://ferry.example/notices/2024-17.html",
            "http://ferry.example/rss/notices/2024-18.html");
    Post cancelled = feed.posts().get(0);
    assertThat(cancelled.text()).endsWith("Café stays open.");
    assertThat(cancelled.published()).isNull();
    assertThat(cancelled.language()).isEqualTo("en");
    assertThat(feed.posts().get(1).text()).endsWith("from Quai Fénelon.");
  }

  @Test
  void readsAnRss1RdfFeed() throws FeedException {
    FeedDocument feed =
        parser.parse(fixture("rss1-rdf.xml"), "lantern", "https://lantern.example/index.rdf");

    assertThat(feed.title()).isEqualTo("Lantern Repair Log");
    assertThat(feed.siteUrl()).isEqualTo("https://lantern.example/");
    assertThat(feed.posts()).hasSize(2);
    Post flicker = feed.posts().get(0);
    assertThat(flicker.externalId()).isEqualTo("https://lantern.example/log/412");
    assertThat(flicker.published()).isEqualTo(Instant.parse("2024-02-11T07:15:00Z"));
    assertThat(flicker.author().name()).isEqualTo("Ines Vogt");
    assertThat(flicker.language()).isEqualTo("de");
    assertThat(flicker.text()).isEqualTo("Loose contact in the base. Resoldered.");
    Post glass = feed.posts().get(1);
    assertThat(glass.published()).isEqualTo(Instant.parse("2024-02-12T00:00:00Z"));
    assertThat(glass.html())
        .isEqualTo("<p>The <em>tempered</em> glass cracked after a cold night.</p>");
  }

  @Test
  void readsAnAtomFeedWithXmlBaseThreadingAndAHub() throws FeedException {
    FeedDocument feed =
        parser.parse(fixture("atom-threaded.xml"), "notes", "https://elsewhere.example/feed");

    assertThat(feed.title()).isEqualTo("Field Notes");
    assertThat(feed.siteUrl()).isEqualTo("https://notes.example/blog/");
    assertThat(feed.selfUrl()).isEqualTo("https://notes.example/blog/feed.atom");
    assertThat(feed.hubUrl()).isEqualTo("https://websub.example/hub");
    assertThat(feed.quarantined()).isEmpty();

    Post first = feed.posts().get(0);
    assertThat(first.externalId()).isEqualTo("tag:notes.example,2024:entry-1");
    assertThat(first.url()).isEqualTo("https://notes.example/blog/posts/drafts-on-sync");
    assertThat(first.published())
        .as("published wins over updated")
        .isEqualTo(Instant.parse("2024-04-01T09:15:30Z"));
    assertThat(first.author())
        .as("the feed's author stands in")
        .isEqualTo(new Post.Author(null, "Priya Lane", "https://notes.example/about/"));
    assertThat(first.html()).contains("href=\"https://notes.example/blog/posts/bug-report\"");
    assertThat(first.text()).isEqualTo("Since 3.2, Tidybook deletes drafts.");
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.inReplyTo()).isNull();

    Post reply = feed.posts().get(1);
    assertThat(reply.url()).isEqualTo("https://notes.example/replies/2");
    assertThat(reply.inReplyTo()).isEqualTo(first.externalId());
    assertThat(reply.author())
        .isEqualTo(new Post.Author(null, "Sam Okafor", "https://sam.example/"));
    assertThat(reply.published()).isEqualTo(Instant.parse("2024-04-01T11:45:00.250Z"));
    assertThat(reply.html())
        .contains("href=\"https://notes.example/support\"", "<br>")
        .doesNotContain("</br>");
    assertThat(reply.text()).isEqualTo("Same here; see support. Lost two drafts.");

    Post plain = feed.posts().get(2);
    assertThat(plain.published())
        .as("updated stands in")
        .isEqualTo(Instant.parse("2024-04-02T08:00:00Z"));
    assertThat(plain.html()).as("a text summary is text, not markup").isNull();
    assertThat(plain.text()).isEqualTo("Tidybook 3.2.1 fixes it. Sync <carefully>.");
  }

  @Test
  void forgivesWordPressStyleSloppyDatesButQuarantinesAnUnreadableOne() throws FeedException {
    FeedDocument feed =
        parser.parse(fixture("wordpress-sloppy.xml"), "tandem", "https://tandem.example/feed/");

    assertThat(feed.siteUrl()).isEqualTo("https://tandem.example");
    assertThat(feed.selfUrl()).isEqualTo("https://tandem.example/feed/");
    assertThat(feed.hubUrl()).isNull();
    assertThat(feed.posts())
        .extracting(Post::published)
        .containsExactly(
            Instant.parse("2024-03-04T13:05:00Z"),
            Instant.parse("2024-03-05T10:00:00Z"),
            Instant.parse("2024-03-07T06:59:59Z"),
            Instant.parse("2024-03-07T12:00:00Z"));
    assertThat(feed.posts().get(0).externalId()).isEqualTo("https://tandem.example/?p=2231");
    assertThat(feed.posts().get(0).author().name()).isEqualTo("Jo Pedersen");
    assertThat(feed.quarantined())
        .containsExactly(
            new Quarantined(
                4,
                "https://tandem.example/?p=2251",
                "pubDate \"sometime last week\" is not a date Caveat can read (RFC 822 such as"
                    + " \"Tue, 05 Mar 2024 09:30:00 GMT\", or RFC 3339)"));
  }

  @Test
  void quarantinesItemsThatCannotBePostsAndKeepsTheRest() throws FeedException {
    FeedDocument feed =
        parser.parse(fixture("partly-broken.xml"), "gazette", "https://gazette.example/rss");

    assertThat(feed.posts())
        .extracting(Post::externalId)
        .containsExactly(
            "https://gazette.example/news/road-works", "https://gazette.example/news/library");
    List<Quarantined> quarantined = feed.quarantined();
    assertThat(quarantined).extracting(Quarantined::index).containsExactly(1, 2, 4, 5);
    assertThat(quarantined.get(0))
        .isEqualTo(
            new Quarantined(
                1,
                null,
                "the item has no id, guid, link, title or date, so it cannot be told apart from"
                    + " others"));
    assertThat(quarantined.get(1).externalId()).startsWith("sha256:").hasSize(71);
    assertThat(quarantined.get(1).reason())
        .isEqualTo("the post has no text: give \"text\" or \"html\"");
    assertThat(quarantined.get(2))
        .isEqualTo(
            new Quarantined(
                4,
                "https://gazette.example/news/library",
                "an earlier item in the feed has the same id"));
    assertThat(quarantined.get(3))
        .isEqualTo(new Quarantined(5, "gazette-991", "url must be an http or https address"));
  }

  @Test
  void anItemWithOnlyATitleAndDateGetsTheSameHashIdEveryTime() throws FeedException {
    String feed =
        "<rss><channel><item><title>Hello</title><pubDate>Mon, 11 Mar 2024 07:00:00 GMT</pubDate>"
            + "<description>Hi</description></item></channel></rss>";
    String first = parser.parse(utf8(feed), "s", null).posts().getFirst().externalId();
    String again = parser.parse(utf8(feed), "s", null).posts().getFirst().externalId();
    String otherDay =
        parser
            .parse(utf8(feed.replace("11 Mar", "12 Mar")), "s", null)
            .posts()
            .getFirst()
            .externalId();

    assertThat(first).startsWith("sha256:").isEqualTo(again).isNotEqualTo(otherDay);
  }

  @Test
  void readsUtf16WithAByteOrderMark() throws FeedException {
    String atom =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<entry><id>urn:x:1</id><title>Ærø</title><content>Ferry to Ærø</content></entry>"
            + "</feed>";
    byte[] body = atom.getBytes(StandardCharsets.UTF_16); // Java writes a big-endian BOM

    FeedDocument feed = parser.parse(body, "s", null);

    assertThat(feed.posts()).extracting(Post::title).containsExactly("Ærø");
  }

  @Test
  void capsTheNumberOfItemsAndSaysSo() throws FeedException {
    FeedParser small = new FeedParser(new FeedLimits(2, 200_000, 1_000_000, 64));

    FeedDocument feed =
        small.parse(fixture("rss2-blog.xml"), "kettle", "https://kettle.example/feed/");

    assertThat(feed.posts()).hasSize(2);
    assertThat(feed.quarantined())
        .containsExactly(
            new Quarantined(
                2, null, "the feed has more than 2 items; this and later ones were skipped"));
  }

  @Test
  void quarantinesAnItemWithAFieldPastTheCap() throws FeedException {
    FeedParser small = new FeedParser(new FeedLimits(1_000, 60, 1_000_000, 64));

    FeedDocument feed =
        small.parse(fixture("rss2-blog.xml"), "kettle", "https://kettle.example/feed/");

    assertThat(feed.posts()).extracting(Post::title).containsExactly("Closed on Friday");
    assertThat(feed.quarantined())
        .extracting(Quarantined::externalId, Quarantined::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "https://kettle.example/?p=101", "content:encoded is longer than 60 characters"),
            org.assertj.core.groups.Tuple.tuple(
                "https://kettle.example/2024/03/spring-menu/",
                "description is longer than 60 characters"));
  }
}
