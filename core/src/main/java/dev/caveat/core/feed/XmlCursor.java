package dev.caveat.core.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX stream element by element, enforcing the depth and field caps and tracking the
 * xml:base and xml:lang in force. Every event passes through {@link #next()}, so no part of a
 * document escapes the checks. Callers must consume each child they are handed: read it, recurse
 * into it or skip it.
 */
final class XmlCursor {

  /** Text read from an element, and whether it was cut off at the field cap. */
  record FieldText(String value, boolean tooLong) {}

  private record Frame(String base, String lang) {}

  /** A DOCTYPE naming only an external DTD, which we never fetch, as old RSS 0.91 feeds carry. */
  private static final Pattern BARE_DOCTYPE =
      Pattern.compile(
          "<!DOCTYPE\\s+[\\w:.-]+(?:\\s+(?:PUBLIC\\s+(?:\"[^\"]*\"|'[^']*')\\s+|SYSTEM\\s+)"
              + "(?:\"[^\"]*\"|'[^']*'))?\\s*>");

  private static final Pattern HTML_DOCTYPE =
      Pattern.compile("<!DOCTYPE\\s+html\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Set<String> VOID_ELEMENTS =
      Set.of("area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr");

  private final XMLStreamReader xml;
  private final FeedLimits limits;
  private final List<Frame> open = new ArrayList<>();
  private final Frame document;

  XmlCursor(XMLStreamReader xml, FeedLimits limits, String documentUrl) {
    this.xml = xml;
    this.limits = limits;
    this.document = new Frame(documentUrl, null);
  }

  /** Moves to the root element; false if the document has none. */
  boolean enterRoot() throws XMLStreamException, FeedException {
    while (xml.hasNext()) {
      if (next() == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
    }
    return false;
  }

  /** Reads past the root's end, so a malformed tail still fails the document. */
  void finish() throws XMLStreamException, FeedException {
    while (xml.hasNext()) {
      next();
    }
  }

  /** Moves to the next child of the current element; false once that element has ended. */
  boolean nextChild() throws XMLStreamException, FeedException {
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
        return false;
      }
    }
  }

  boolean is(String namespace, String localName) {
    String ns = xml.getNamespaceURI();
    return localName.equals(xml.getLocalName()) && namespace.equals(ns == null ? "" : ns);
  }

  String localName() {
    return xml.getLocalName();
  }

  String namespace() {
    String ns = xml.getNamespaceURI();
    return ns == null ? "" : ns;
  }

  /** An unprefixed attribute of the current start element. */
  String attribute(String localName) {
    return xml.getAttributeValue(null, localName);
  }

  String attribute(String namespace, String localName) {
    return xml.getAttributeValue(namespace, localName);
  }

  /** The base URI in force at the current element, or null when nothing gives one. */
  String base() {
    return frame().base();
  }

  /** The xml:lang in force at the current element, or null. */
  String lang() {
    return frame().lang();
  }

  /** The current element's text, resolved as a link against its xml:base. */
  FieldText link() throws XMLStreamException, FeedException {
    String base = base();
    FieldText text = text();
    return new FieldText(Links.resolve(base, text.value()), text.tooLong());
  }

  /** All text inside the current element, its descendants' included, up to the field cap. */
  FieldText text() throws XMLStreamException, FeedException {
    int end = open.size() - 1;
    StringBuilder text = new StringBuilder();
    boolean tooLong = false;
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.END_ELEMENT && open.size() == end) {
        return new FieldText(tooLong ? null : text.toString(), tooLong);
      }
      if (isText(event) && !tooLong) {
        tooLong = !append(text, xml.getText());
      }
    }
  }

  /** The current element's children serialised as HTML, for Atom's inline XHTML content. */
  FieldText markup() throws XMLStreamException, FeedException {
    int end = open.size() - 1;
    StringBuilder html = new StringBuilder();
    boolean tooLong = false;
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.END_ELEMENT && open.size() == end) {
        return new FieldText(tooLong ? null : html.toString(), tooLong);
      }
      if (tooLong) {
        continue;
      }
      String piece =
          switch (event) {
            case XMLStreamConstants.START_ELEMENT -> startTag();
            case XMLStreamConstants.END_ELEMENT ->
                VOID_ELEMENTS.contains(xml.getLocalName()) ? "" : "</" + xml.getLocalName() + ">";
            default -> isText(event) ? escape(xml.getText(), false) : "";
          };
      tooLong = !append(html, piece);
    }
  }

  /** Passes over the current element and everything in it. */
  void skip() throws XMLStreamException, FeedException {
    int end = open.size() - 1;
    while (next() != XMLStreamConstants.END_ELEMENT || open.size() != end) {
      // Only the depth and entity checks in next() matter here.
    }
  }

  private int next() throws XMLStreamException, FeedException {
    int event = xml.next();
    switch (event) {
      case XMLStreamConstants.START_ELEMENT -> {
        if (open.size() >= limits.maxDepth()) {
          throw new FeedException(
              FeedException.Kind.TOO_DEEP,
              "the feed nests elements more than " + limits.maxDepth() + " deep");
        }
        Frame parent = frame();
        String xmlBase = xml.getAttributeValue(XMLConstants.XML_NS_URI, "base");
        String xmlLang = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        open.add(
            new Frame(
                xmlBase == null ? parent.base() : Links.resolve(parent.base(), xmlBase),
                xmlLang == null ? parent.lang() : xmlLang));
      }
      case XMLStreamConstants.END_ELEMENT -> open.removeLast();
      case XMLStreamConstants.DTD -> checkDoctype(xml.getText());
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw new FeedException(
              FeedException.Kind.DTD_FORBIDDEN,
              "the feed uses the entity &"
                  + xml.getLocalName()
                  + "; which only a DTD can define; Caveat does not read DTDs,"
                  + " so the publisher must use plain characters or &#...; references");
      default -> {
        // Text, comments and processing instructions carry no structure to check.
      }
    }
    return event;
  }

  private static void checkDoctype(String doctype) throws FeedException {
    if (doctype != null && HTML_DOCTYPE.matcher(doctype.strip()).matches()) {
      throw new FeedException(FeedException.Kind.NOT_A_FEED, FeedParser.HTML_PAGE);
    }
    if (doctype == null || !BARE_DOCTYPE.matcher(doctype.strip()).matches()) {
      throw new FeedException(
          FeedException.Kind.DTD_FORBIDDEN,
          "the feed carries a DTD with declarations; Caveat refuses DTDs because they enable"
              + " entity attacks (external entities, billion laughs)");
    }
  }

  private Frame frame() {
    return open.isEmpty() ? document : open.getLast();
  }

  private boolean append(StringBuilder to, String piece) {
    if (to.length() + piece.length() > limits.maxFieldChars()) {
      return false;
    }
    to.append(piece);
    return true;
  }

  private String startTag() {
    StringBuilder tag = new StringBuilder("<").append(xml.getLocalName());
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      tag.append(' ')
          .append(xml.getAttributeLocalName(i))
          .append("=\"")
          .append(escape(xml.getAttributeValue(i), true))
          .append('"');
    }
    return tag.append('>').toString();
  }

  private static boolean isText(int event) {
    return event == XMLStreamConstants.CHARACTERS
        || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE;
  }

  private static String escape(String text, boolean attribute) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
