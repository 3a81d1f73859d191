package dev.caveat.core.mf2;

import dev.caveat.core.feed.WebDates;
import dev.caveat.core.mf2.Microformat.Value;
import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Turns an h-entry into a raw post, with the author it falls back to when it names none. */
final class EntryMapper {

  private EntryMapper() {}

  /**
   * @throws InvalidPostException for the first thing that keeps the entry from being a post
   */
  static Post toRawPost(Microformat entry, String source, Post.Author fallbackAuthor) {
    if (entry.cutShort() != null) {
      throw new InvalidPostException("the entry was not read in full: " + entry.cutShort());
    }
    String uid = text(entry, "uid");
    String url = text(entry, "url");
    String name = text(entry, "name");
    String html = null;
    String content = null;
    switch (entry.first("content")) {
      case Value.Html h -> html = h.html();
      case Value.Text t -> content = t.value();
      case Value.Nested n -> content = n.value();
      case Value.Unread unread -> throw new InvalidPostException(unread.reason());
      case null -> {
        // A note may carry its words only in its (implied) name.
      }
    }
    String contentText = html != null ? Jsoup.parse(html).text() : content;
    String title = name;
    if (contentText == null || contentText.isBlank()) {
      content = name;
      title = null;
    } else if (name != null && flat(contentText).startsWith(flat(name))) {
      title = null; // the name only repeats the start of the content: a note, not an article
    }
    Instant published = published(entry);
    return new Post(
        source,
        identity(uid, url, name, published),
        url,
        author(entry.first("author"), fallbackAuthor),
        title,
        content,
        html,
        published,
        replyTarget(entry.first("in-reply-to")),
        language(entry.element()));
  }

  /** The author a property names: an h-card's name and url, or a plain name or address. */
  static Post.Author author(Value value, Post.Author fallback) {
    return switch (value) {
      case Value.Nested card
          when card.item().firstText("name") != null || card.item().firstText("url") != null ->
          new Post.Author(
              null, card.item().firstText("name"), webOnly(card.item().firstText("url")));
      case Value.Text text when webOnly(text.value()) != null ->
          new Post.Author(null, null, text.value());
      case Value.Text text -> new Post.Author(null, text.value(), null);
      case null, default -> fallback;
    };
  }

  private static String identity(String uid, String url, String name, Instant published) {
    if (uid != null) {
      return uid;
    }
    if (url != null) {
      return url;
    }
    if (name == null && published == null) {
      throw new InvalidPostException(
          "the entry has no u-uid, u-url, name or date, so it cannot be told apart from others");
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((name + "\n" + published).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Instant published(Microformat entry) {
    String value = text(entry, "published");
    if (value == null) {
      return null;
    }
    return WebDates.parse(value)
        .orElseThrow(
            () ->
                new InvalidPostException(
                    "dt-published \""
                        + value
                        + "\" is not a date Caveat can read (ISO 8601 such as"
                        + " 2024-03-05T09:30:00Z)"));
  }

  /** What a reply answers: the cited post's url or uid, or the plain address given. */
  private static String replyTarget(Value value) {
    return switch (value) {
      case Value.Nested cited -> {
        String url = cited.item().firstText("url");
        String uid = cited.item().firstText("uid");
        yield url != null ? url : uid != null ? uid : cited.value();
      }
      case Value.Text text -> text.value();
      case null, default -> null;
    };
  }

  private static String text(Microformat mf, String property) {
    if (mf.first(property) instanceof Value.Unread unread) {
      throw new InvalidPostException(unread.reason());
    }
    String value = mf.firstText(property);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String language(Element element) {
    for (Element at = element; at != null; at = at.parent()) {
      if (at.hasAttr("lang")) {
        String primary = at.attr("lang").strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.matches("[a-z]{2}") ? primary : null;
      }
    }
    return null;
  }

  private static String webOnly(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
