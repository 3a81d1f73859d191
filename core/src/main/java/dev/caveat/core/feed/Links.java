package dev.caveat.core.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Makes a feed's relative links absolute, so they survive the normaliser. */
final class Links {

  private Links() {}

  /**
   * The reference resolved against the base; the reference unchanged when it cannot be, so the
   * normaliser can say what is wrong with it.
   */
  static String resolve(String base, String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    String ref = reference.strip();
    try {
      URI uri = new URI(ref);
      if (uri.isAbsolute() || base == null) {
        return uri.toString();
      }
      URI baseUri = new URI(base);
      if (baseUri.getRawAuthority() != null && baseUri.getRawPath().isEmpty()) {
        // URI.resolve glues "x" onto "http://host" as "http://hostx" without this.
        baseUri = baseUri.resolve("/");
      }
      return baseUri.resolve(uri).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return ref;
    }
  }

  /** The address if it is an absolute http or https one, else null. */
  static String webOnly(String address) {
    if (address == null) {
      return null;
    }
    String lower = address.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? address : null;
  }

  /** The HTML with each link's href made absolute against the base. */
  static String absoluteHrefs(String html, String base) {
    if (html == null || base == null || !html.contains("href")) {
      return html;
    }
    Document doc = Jsoup.parseBodyFragment(html, base);
    doc.outputSettings().prettyPrint(false);
    for (Element a : doc.select("a[href]")) {
      String absolute = a.absUrl("href");
      if (!absolute.isEmpty()) {
        a.attr("href", absolute);
      }
    }
    return doc.body().html();
  }
}
