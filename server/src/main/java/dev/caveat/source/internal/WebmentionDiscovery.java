package dev.caveat.source.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's Webmention endpoint as the W3C Webmention recommendation says (§3.1.2): the first
 * HTTP {@code Link} header with rel {@code webmention}, else the first {@code <link>} or {@code
 * <a>} element with it in document order; relative addresses resolve against the page's address
 * after redirects, an empty one is the page itself, and the endpoint's query string is kept.
 */
final class WebmentionDiscovery {

  /** One link-value of a Link header: the address and its parameters. */
  private static final Pattern LINK_VALUE = Pattern.compile("<([^>]*)>((?:\\s*;[^,;]*)*)");

  private static final Pattern REL =
      Pattern.compile(";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))", Pattern.CASE_INSENSITIVE);

  private WebmentionDiscovery() {}

  static Optional<URI> endpoint(
      URI page, List<String> linkHeaders, String contentType, byte[] body) {
    for (String header : linkHeaders) {
      Matcher value = LINK_VALUE.matcher(header);
      while (value.find()) {
        Matcher rel = REL.matcher(value.group(2));
        while (rel.find()) {
          String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
          if (namesWebmention(rels)) {
            Optional<URI> endpoint = resolve(page, value.group(1));
            if (endpoint.isPresent()) {
              return endpoint;
            }
          }
        }
      }
    }
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("html")) {
      return Optional.empty();
    }
    Document html;
    try {
      html = Jsoup.parse(new ByteArrayInputStream(body), null, page.toString());
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Element element : html.select("link[rel][href], a[rel][href]")) {
      if (namesWebmention(element.attr("rel"))) {
        Optional<URI> endpoint = resolve(page, element.attr("href"));
        if (endpoint.isPresent()) {
          return endpoint;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean namesWebmention(String rels) {
    for (String rel : rels.strip().split("\\s+")) {
      if (rel.equalsIgnoreCase("webmention")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<URI> resolve(URI page, String href) {
    String address = href.strip();
    if (address.isEmpty()) {
      return Optional.of(page);
    }
    try {
      URI endpoint = page.resolve(new URI(address));
      String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
      return (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
              && endpoint.getHost() != null
          ? Optional.of(endpoint)
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
