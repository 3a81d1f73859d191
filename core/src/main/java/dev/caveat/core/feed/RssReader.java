package dev.caveat.core.feed;

import static dev.caveat.core.feed.FeedNamespaces.ATOM;
import static dev.caveat.core.feed.FeedNamespaces.CONTENT;
import static dev.caveat.core.feed.FeedNamespaces.DC;
import static dev.caveat.core.feed.FeedNamespaces.NONE;
import static dev.caveat.core.feed.FeedNamespaces.RDF;
import static dev.caveat.core.feed.FeedNamespaces.RSS_090;
import static dev.caveat.core.feed.FeedNamespaces.RSS_1;
import static dev.caveat.core.feed.FeedNamespaces.THREAD;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * Reads RSS in its two families: 0.91, 0.92 and 2.0 (no namespace, items inside the channel) and
 * the RDF ones, 0.90 and 1.0 (namespaced, items beside the channel). Their element names match, so
 * one reader serves both.
 */
final class RssReader {

  /** "jo@example.com (Jo Writer)", the RSS 2.0 author form; the name is the useful part. */
  private static final Pattern EMAIL_AND_NAME = Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)");

  private final XmlCursor cursor;
  private final FeedAssembly feed;

  RssReader(XmlCursor cursor, FeedAssembly feed) {
    this.cursor = cursor;
    this.feed = feed;
  }

  /** At {@code <rss>} or {@code <rdf:RDF>}: reads to its end. */
  void read() throws XMLStreamException, FeedException {
    while (cursor.nextChild()) {
      if (plain("channel")) {
        readChannel();
      } else if (plain("item")) {
        readItem();
      } else {
        cursor.skip();
      }
    }
  }

  private void readChannel() throws XMLStreamException, FeedException {
    while (cursor.nextChild()) {
      if (plain("title")) {
        feed.title(cursor.text());
      } else if (plain("link")) {
        feed.siteUrl(cursor.link());
      } else if (plain("language") || cursor.is(DC, "language")) {
        feed.language(cursor.text());
      } else if (cursor.is(ATOM, "link")) {
        String rel = cursor.attribute("rel");
        feed.link(rel == null ? "alternate" : rel, Links.resolve(cursor.base(), href()));
        cursor.skip();
      } else if (plain("item")) {
        readItem();
      } else {
        cursor.skip();
      }
    }
  }

  private void readItem() throws XMLStreamException, FeedException {
    ItemDraft item = feed.startItem(cursor.base(), cursor.lang());
    if (item == null) {
      cursor.skip();
      return;
    }
    item.id(cursor.attribute(RDF, "about"));
    while (cursor.nextChild()) {
      if (plain("title")) {
        item.title(item.take("title", cursor.text()));
      } else if (plain("link")) {
        item.link(item.take("link", cursor.link()));
      } else if (plain("guid")) {
        readGuid(item);
      } else if (cursor.is(CONTENT, "encoded")) {
        item.content(new ItemDraft.Body(item.take("content:encoded", cursor.text()), null));
      } else if (plain("description")) {
        item.summary(new ItemDraft.Body(item.take("description", cursor.text()), null));
      } else if (plain("pubDate")) {
        item.published("pubDate", item.take("pubDate", cursor.text()));
      } else if (cursor.is(DC, "date")) {
        item.published("dc:date", item.take("dc:date", cursor.text()));
      } else if (cursor.is(DC, "creator")) {
        item.author(item.take("dc:creator", cursor.text()), null);
      } else if (plain("author")) {
        item.author(authorName(item.take("author", cursor.text())), null);
      } else if (cursor.is(DC, "language")) {
        item.language(item.take("dc:language", cursor.text()));
      } else if (cursor.is(THREAD, "in-reply-to")) {
        item.inReplyTo(cursor.attribute("ref"));
        cursor.skip();
      } else {
        cursor.skip();
      }
    }
  }

  /** RSS 2.0 says a guid is the item's address unless isPermaLink="false". */
  private void readGuid(ItemDraft item) throws XMLStreamException, FeedException {
    boolean permalink = !"false".equalsIgnoreCase(cursor.attribute("isPermaLink"));
    String guid = item.take("guid", cursor.text());
    item.id(guid);
    if (permalink) {
      item.permalinkGuid(guid);
    }
  }

  private String href() {
    return cursor.attribute("href");
  }

  private static String authorName(String author) {
    if (author == null) {
      return null;
    }
    Matcher m = EMAIL_AND_NAME.matcher(author.strip());
    return m.matches() ? m.group(1) : author;
  }

  /** An RSS element: unqualified in 0.9x and 2.0, in the RSS namespace in 0.90 and 1.0. */
  private boolean plain(String name) {
    String ns = cursor.namespace();
    return name.equals(cursor.localName())
        && (ns.equals(NONE) || ns.equals(RSS_1) || ns.equals(RSS_090));
  }
}
