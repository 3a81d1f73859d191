package dev.caveat.core.feed;

import dev.caveat.core.post.Post;
import dev.caveat.core.post.PostNormaliser;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses RSS 0.91/0.92/2.0, RSS 0.90/1.0 (RDF) and Atom 1.0 into {@link Post}s, each one passed
 * through {@link PostNormaliser}. Safe on hostile input: DTDs with declarations and all entities
 * beyond XML's five are refused, never expanded or fetched; size, depth, item and field caps come
 * from {@link FeedLimits}. Items that cannot be posts are quarantined and the rest still parse.
 *
 * <p>A parser holds no state between calls and may be shared between threads. It reads but never
 * closes the stream it is given.
 */
public final class FeedParser {

  static final String HTML_PAGE =
      "this is an HTML page, not a feed; the page may link its feed with"
          + " <link rel=\"alternate\" type=\"application/rss+xml\">, or carry microformats";

  private final FeedLimits limits;

  public FeedParser() {
    this(FeedLimits.DEFAULT);
  }

  public FeedParser(FeedLimits limits) {
    this.limits = Objects.requireNonNull(limits);
  }

  /**
   * @param body the document's bytes, read up to the size cap
   * @param source the source name every post carries
   * @param documentUrl where the document was fetched from, to resolve relative links; may be null
   * @throws FeedException when the document as a whole cannot be read as a feed
   */
  public FeedDocument parse(InputStream body, String source, String documentUrl)
      throws FeedException {
    Objects.requireNonNull(body, "body");
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a source name is required");
    }
    BufferedInputStream in =
        new BufferedInputStream(new CappedInputStream(body, limits.maxBytes()));
    XMLStreamReader xml = null;
    XmlDecoding.LineCountingReader reader = null;
    try {
      reader = XmlDecoding.open(in);
      xml = factory().createXMLStreamReader(reader);
      return read(new XmlCursor(xml, limits, documentUrl), source);
    } catch (XMLStreamException e) {
      throw failure(e, e.getLocation(), reader);
    } catch (IOException e) {
      throw failure(e, null, reader);
    } finally {
      close(xml);
    }
  }

  /** As {@link #parse(InputStream, String, String)}, for a body already in memory. */
  public FeedDocument parse(byte[] body, String source, String documentUrl) throws FeedException {
    return parse(new ByteArrayInputStream(body), source, documentUrl);
  }

  private FeedDocument read(XmlCursor cursor, String source)
      throws XMLStreamException, FeedException {
    if (!cursor.enterRoot()) {
      throw new FeedException(FeedException.Kind.NOT_A_FEED, "the document has no elements");
    }
    FeedAssembly feed = new FeedAssembly(source, limits);
    String ns = cursor.namespace();
    String root = cursor.localName();
    if (cursor.is(FeedNamespaces.NONE, "rss") || cursor.is(FeedNamespaces.RDF, "RDF")) {
      new RssReader(cursor, feed).read();
    } else if (cursor.is(FeedNamespaces.ATOM, "feed")) {
      new AtomReader(cursor, feed).read();
    } else if (root.equalsIgnoreCase("html")) {
      throw new FeedException(FeedException.Kind.NOT_A_FEED, HTML_PAGE);
    } else if (cursor.is(FeedNamespaces.ATOM_03, "feed")) {
      throw new FeedException(
          FeedException.Kind.NOT_A_FEED, "this is an Atom 0.3 feed, which Caveat does not read");
    } else {
      throw new FeedException(
          FeedException.Kind.NOT_A_FEED,
          "the document is <"
              + root
              + (ns.isEmpty() ? "" : " xmlns=\"" + ns + "\"")
              + ">, not an RSS <rss> or <rdf:RDF> or an Atom <feed>");
    }
    cursor.finish();
    return feed.finish();
  }

  private static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else is on the classpath, so these settings hold.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    // Without this a CDATA section is handed over whole, however long.
    factory.setProperty("jdk.xml.cdataChunkSize", 8192);
    factory.setXMLResolver(
        (publicId, systemId, base, namespace) -> {
          throw new XMLStreamException("external entities are refused: " + systemId);
        });
    return factory;
  }

  private FeedException failure(
      Exception e, Location location, XmlDecoding.LineCountingReader reader) {
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      if (cause instanceof FeedException feed) {
        return feed;
      }
      if (cause instanceof CappedInputStream.TooLarge) {
        return new FeedException(
            FeedException.Kind.TOO_LARGE,
            "the feed is larger than " + limits.maxBytes() + " bytes; Caveat stopped reading it",
            e);
      }
      if (cause instanceof CharacterCodingException) {
        return new FeedException(
            FeedException.Kind.INVALID_ENCODING,
            "the feed has bytes that are not valid in its encoding (UTF-8 unless it declares"
                + " another)"
                + (reader == null ? "" : " on line " + reader.line())
                + "; the publisher must fix the encoding",
            e);
      }
      if (cause instanceof IOException) {
        return new FeedException(
            FeedException.Kind.READ_FAILED, "the feed could not be read: " + cause.getMessage(), e);
      }
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    int detail = message.indexOf("Message: ");
    return new FeedException(
        FeedException.Kind.MALFORMED_XML,
        "the feed is not well-formed XML"
            + where(location)
            + ": "
            + (detail < 0 ? message : message.substring(detail + 9)).strip(),
        e);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof XMLStreamException x && x.getNestedException() != null) {
      return x.getNestedException() == t ? null : x.getNestedException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String where(Location location) {
    return location == null || location.getLineNumber() < 0
        ? ""
        : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // Closing frees the parser only; the caller owns and closes the stream.
      }
    }
  }
}
