package dev.caveat.core.feed;

import static dev.caveat.core.feed.FeedNamespaces.ATOM;
import static dev.caveat.core.feed.FeedNamespaces.THREAD;

import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.jsoup.Jsoup;

/** Reads an Atom 1.0 feed (RFC 4287) with threading (RFC 4685). */
final class AtomReader {

  private record Person(String name, String uri) {}

  private static final String IANA_RELATIONS = "http://www.iana.org/assignments/relation/";

  private final XmlCursor cursor;
  private final FeedAssembly feed;

  AtomReader(XmlCursor cursor, FeedAssembly feed) {
    this.cursor = cursor;
    this.feed = feed;
  }

  /** At {@code <feed>}: reads to its end. */
  void read() throws XMLStreamException, FeedException {
    feed.language(new XmlCursor.FieldText(cursor.lang(), false));
    while (cursor.nextChild()) {
      if (cursor.is(ATOM, "title")) {
        feed.title(plainText(textConstruct()));
      } else if (cursor.is(ATOM, "link")) {
        feed.link(rel(), Links.resolve(cursor.base(), cursor.attribute("href")));
        cursor.skip();
      } else if (cursor.is(ATOM, "author")) {
        Person person = person();
        feed.author(person.name(), person.uri());
      } else if (cursor.is(ATOM, "entry")) {
        readEntry();
      } else {
        cursor.skip();
      }
    }
  }

  private void readEntry() throws XMLStreamException, FeedException {
    ItemDraft item = feed.startItem(cursor.base(), cursor.lang());
    if (item == null) {
      cursor.skip();
      return;
    }
    while (cursor.nextChild()) {
      if (cursor.is(ATOM, "id")) {
        item.id(item.take("id", cursor.text()));
      } else if (cursor.is(ATOM, "title")) {
        item.title(item.take("title", plainText(textConstruct())));
      } else if (cursor.is(ATOM, "link")) {
        if (rel().equals("alternate")) {
          item.link(Links.resolve(cursor.base(), cursor.attribute("href")));
        }
        cursor.skip();
      } else if (cursor.is(ATOM, "content")) {
        readBody(item, true);
      } else if (cursor.is(ATOM, "summary")) {
        readBody(item, false);
      } else if (cursor.is(ATOM, "published")) {
        item.published("published", item.take("published", cursor.text()));
      } else if (cursor.is(ATOM, "updated")) {
        item.updated("updated", item.take("updated", cursor.text()));
      } else if (cursor.is(ATOM, "author")) {
        Person person = person();
        item.author(person.name(), person.uri());
      } else if (cursor.is(THREAD, "in-reply-to")) {
        item.inReplyTo(cursor.attribute("ref"));
        cursor.skip();
      } else {
        cursor.skip();
      }
    }
  }

  /** Content or summary; out-of-line (src) and binary content carry no text we can read. */
  private void readBody(ItemDraft item, boolean content) throws XMLStreamException, FeedException {
    String field = content ? "content" : "summary";
    String type = type();
    if (cursor.attribute("src") != null || !isTextual(type)) {
      cursor.skip();
      return;
    }
    boolean html = !type.equals("text") && !type.startsWith("text/") || type.equals("text/html");
    boolean xhtml = type.equals("xhtml") || type.equals("application/xhtml+xml");
    String value = item.take(field, xhtml ? cursor.markup() : cursor.text());
    ItemDraft.Body body = new ItemDraft.Body(html ? value : null, html ? null : value);
    if (content) {
      item.content(body);
    } else {
      item.summary(body);
    }
  }

  /** Name and uri of an atom:author; e-mail is not something Caveat shows. */
  private Person person() throws XMLStreamException, FeedException {
    String name = null;
    String uri = null;
    while (cursor.nextChild()) {
      if (cursor.is(ATOM, "name") && name == null) {
        name = cursor.text().value();
      } else if (cursor.is(ATOM, "uri") && uri == null) {
        uri = cursor.link().value();
      } else {
        cursor.skip();
      }
    }
    return new Person(name, uri);
  }

  /** A text construct's value: text as is, html and xhtml as markup. */
  private XmlCursor.FieldText textConstruct() throws XMLStreamException, FeedException {
    String type = type();
    if (type.equals("xhtml")) {
      return cursor.markup();
    }
    XmlCursor.FieldText text = cursor.text();
    return type.equals("html") ? text : escaped(text);
  }

  private String type() {
    String type = cursor.attribute("type");
    return type == null ? "text" : type.strip().toLowerCase(Locale.ROOT);
  }

  private String rel() {
    String rel = cursor.attribute("rel");
    if (rel == null || rel.isBlank()) {
      return "alternate";
    }
    String name = rel.strip().toLowerCase(Locale.ROOT);
    return name.startsWith(IANA_RELATIONS) ? name.substring(IANA_RELATIONS.length()) : name;
  }

  private static boolean isTextual(String type) {
    return type.equals("text")
        || type.equals("html")
        || type.equals("xhtml")
        || type.startsWith("text/")
        || type.equals("application/xhtml+xml");
  }

  /** Plain text made safe to read as markup, so every text construct can go through jsoup. */
  private static XmlCursor.FieldText escaped(XmlCursor.FieldText text) {
    if (text.value() == null) {
      return text;
    }
    String value = text.value().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return new XmlCursor.FieldText(value, false);
  }

  private static XmlCursor.FieldText plainText(XmlCursor.FieldText markup) {
    if (markup.value() == null) {
      return markup;
    }
    return new XmlCursor.FieldText(Jsoup.parse(markup.value()).text(), false);
  }
}
