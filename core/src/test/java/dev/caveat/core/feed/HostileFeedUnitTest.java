package dev.caveat.core.feed;

import static dev.caveat.core.feed.FeedTestUtils.fixture;
import static dev.caveat.core.feed.FeedTestUtils.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileFeedUnitTest {

  private final FeedParser parser = new FeedParser();

  @Test
  void refusesAnExternalEntityWithoutReadingTheFile() throws IOException {
    FeedException failure = failure(fixture("xxe.xml"));

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.DTD_FORBIDDEN);
    assertThat(failure).hasMessageContaining("DTD");
    String passwd = Files.readString(Path.of("/etc/passwd"));
    assertThat(failure.getMessage())
        .doesNotContain("root:", passwd.lines().findFirst().orElseThrow());
  }

  @Test
  void refusesBillionLaughsWithoutExpandingThem() {
    FeedException failure = failure(fixture("billion-laughs.xml"));

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.DTD_FORBIDDEN);
    assertThat(failure.getMessage()).doesNotContain("lollol");
  }

  @Test
  void neverFetchesTheExternalDtdOfABareDoctype(@TempDir Path dir)
      throws IOException, FeedException {
    // Were this file read, its broken syntax would fail the parse.
    Path dtd = dir.resolve("broken.dtd");
    Files.writeString(dtd, "<!ENTITY this is not a DTD");
    String feed =
        "<!DOCTYPE rss SYSTEM \""
            + dtd.toUri()
            + "\"><rss><channel><title>Still read</title></channel></rss>";

    assertThat(parser.parse(utf8(feed), "s", null).title()).isEqualTo("Still read");
  }

  @Test
  void refusesAnEntityOnlyADtdCouldDefine() {
    String feed =
        "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
            + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
            + "<rss><channel><title>Caf&eacute;</title></channel></rss>";

    FeedException failure = failure(utf8(feed));

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.DTD_FORBIDDEN);
    assertThat(failure).hasMessageContaining("&eacute;");
  }

  @Test
  void refusesInvalidUtf8AndSaysWhere() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel>\n"));
    body.writeBytes(utf8("<title>Caf"));
    body.write(0xC3); // starts a two-byte sequence...
    body.write(0x28); // ...that this byte cannot continue
    body.writeBytes(utf8("</title>\n" + "<description>padding</description>\n".repeat(500)));
    body.writeBytes(utf8("</channel></rss>"));

    FeedException failure = failure(body.toByteArray());

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.INVALID_ENCODING);
    assertThat(failure).hasMessageContaining("on line 3;");
  }

  @Test
  void refusesElementsNestedTenThousandDeep() {
    FeedException failure = failure(FeedTestUtils.nestedElements(10_000));

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.TOO_DEEP);
    assertThat(failure).hasMessageContaining("64");
  }

  @Test
  void readsNestingUpToTheCap() throws FeedException {
    // rss > channel > 62 x elements: exactly 64 levels.
    assertThat(parser.parse(FeedTestUtils.nestedElements(62), "s", null).title()).isEqualTo("Deep");
  }

  @Test
  void stopsAHundredMegabyteDescriptionAtTheSizeCap() {
    long hundredMegabytes = 100L * 1024 * 1024;
    var body =
        new FeedTestUtils.GeneratedFeed(
            "<rss version=\"2.0\"><channel><item><guid>1</guid><description>",
            "all work and no play ",
            "</description></item></channel></rss>",
            hundredMegabytes);

    FeedException failure = failure(body);

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.TOO_LARGE);
    assertThat(body.served()).isLessThanOrEqualTo(FeedLimits.DEFAULT.maxBytes() + 1);
  }

  @Test
  void stopsAHundredMegabytesOfItemsAtTheSizeCap() {
    var body =
        new FeedTestUtils.GeneratedFeed(
            "<rss version=\"2.0\"><channel>",
            "<item><guid>x</guid><description>again</description></item>",
            "</channel></rss>",
            100L * 1024 * 1024);

    FeedException failure = failure(body);

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.TOO_LARGE);
    assertThat(failure).hasMessageContaining(String.valueOf(FeedLimits.DEFAULT.maxBytes()));
    assertThat(body.served()).isLessThanOrEqualTo(FeedLimits.DEFAULT.maxBytes() + 1);
  }

  @Test
  void readsABodyOfExactlyTheCap() throws FeedException {
    String head = "<rss><channel><title>Fits</title><description>";
    String tail = "</description></channel></rss>";
    var body = new FeedTestUtils.GeneratedFeed(head, "z", tail, 4_096);
    FeedParser capped = new FeedParser(new FeedLimits(10, 10_000, 4_096, 64));

    assertThat(capped.parse(body, "s", null).title()).isEqualTo("Fits");
  }

  @Test
  void tellsAnHtmlPageFromAFeed() {
    FeedException failure = failure(fixture("html-page.html"));

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.NOT_A_FEED);
    assertThat(failure).hasMessageContaining("HTML page");
  }

  @Test
  void tellsWellFormedXhtmlFromAFeed() {
    String xhtml =
        "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>";

    FeedException failure = failure(utf8(xhtml));

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.NOT_A_FEED);
    assertThat(failure).hasMessageContaining("HTML page");
  }

  @Test
  void namesTheRootOfXmlThatIsNotAFeed() {
    FeedException failure = failure(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.NOT_A_FEED);
    assertThat(failure).hasMessageContaining("<svg xmlns=\"http://www.w3.org/2000/svg\">");
  }

  @Test
  void failsATruncatedFeedAsMalformedWithItsPosition() {
    byte[] whole = fixture("rss2-blog.xml");
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

    FeedException failure = failure(truncated);

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.MALFORMED_XML);
    assertThat(failure).hasMessageStartingWith("the feed is not well-formed XML at line");
  }

  @Test
  void failsAnEmptyBody() {
    assertThat(failure(new byte[0]).kind()).isEqualTo(FeedException.Kind.NOT_A_FEED);
  }

  @Test
  void reportsAStreamThatBreaks() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    FeedException failure = failure(broken);

    assertThat(failure.kind()).isEqualTo(FeedException.Kind.READ_FAILED);
    assertThat(failure).hasMessageContaining("connection reset");
  }

  private FeedException failure(byte[] body) {
    return catchThrowableOfType(
        FeedException.class, () -> parser.parse(body, "hostile", "https://evil.example/feed"));
  }

  private FeedException failure(InputStream body) {
    return catchThrowableOfType(
        FeedException.class, () -> parser.parse(body, "hostile", "https://evil.example/feed"));
  }
}
