package dev.caveat.core.post;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Checks a raw post and brings it to one form: Unicode NFC, no control characters, HTML reduced to
 * a safe subset, and plain text derived from the HTML when the source sent none.
 */
public final class PostNormaliser {

  public static final int MAX_TEXT = 100_000;
  public static final int MAX_ID = 500;
  public static final int MAX_SHORT = 1_000;

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
  private static final Safelist SAFE_HTML =
      Safelist.basic().addProtocols("a", "href", "http", "https").preserveRelativeLinks(false);

  private PostNormaliser() {}

  /**
   * @throws InvalidPostException with the reason the post cannot be taken
   */
  public static Post normalise(Post raw) {
    String source = required(raw.source(), "source", MAX_SHORT);
    String externalId = required(raw.externalId(), "externalId", MAX_ID);
    String html = raw.html() == null || raw.html().isBlank() ? null : sanitise(raw.html());
    String text = clean(raw.text());
    if (text == null && html != null) {
      text = clean(Jsoup.parse(html).text());
    }
    if (text == null) {
      throw new InvalidPostException("the post has no text: give \"text\" or \"html\"");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidPostException("text is longer than " + MAX_TEXT + " characters");
    }
    Post.Author author = raw.author() == null ? null : author(raw.author());
    return new Post(
        source,
        externalId,
        webAddress(raw.url(), "url"),
        author,
        shortText(raw.title(), "title"),
        text,
        html,
        raw.published(),
        shortText(raw.inReplyTo(), "inReplyTo"),
        language(raw.language()));
  }

  private static Post.Author author(Post.Author raw) {
    Post.Author author =
        new Post.Author(
            shortText(raw.handle(), "author.handle"),
            shortText(raw.name(), "author.name"),
            webAddress(raw.url(), "author.url"));
    return author.handle() == null && author.name() == null && author.url() == null ? null : author;
  }

  private static String required(String value, String field, int max) {
    String cleaned = clean(value);
    if (cleaned == null) {
      throw new InvalidPostException(field + " is required");
    }
    if (cleaned.length() > max) {
      throw new InvalidPostException(field + " is longer than " + max + " characters");
    }
    return cleaned;
  }

  private static String shortText(String value, String field) {
    String cleaned = clean(value);
    if (cleaned != null && cleaned.length() > MAX_SHORT) {
      throw new InvalidPostException(field + " is longer than " + MAX_SHORT + " characters");
    }
    return cleaned;
  }

  private static String clean(String value) {
    if (value == null) {
      return null;
    }
    String cleaned =
        CONTROL.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll("").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  private static String webAddress(String value, String field) {
    String cleaned = shortText(value, field);
    if (cleaned == null) {
      return null;
    }
    try {
      URI uri = new URI(cleaned);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new InvalidPostException(field + " must be an http or https address");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw new InvalidPostException(field + " is not a valid address: " + e.getReason());
    }
  }

  private static String language(String value) {
    String cleaned = clean(value);
    if (cleaned == null) {
      return null;
    }
    String code = cleaned.toLowerCase(Locale.ROOT);
    if (!code.matches("[a-z]{2}")) {
      throw new InvalidPostException("language must be a two-letter ISO 639-1 code");
    }
    return code;
  }

  private static String sanitise(String html) {
    Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "", SAFE_HTML, compact);
  }
}
