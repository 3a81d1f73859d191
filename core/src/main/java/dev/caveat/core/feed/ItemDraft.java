package dev.caveat.core.feed;

import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One item as read from a feed, before it is a post. The first value of each field wins, as feeds
 * that repeat a field almost always mean the first; what is wrong is collected, not thrown, so the
 * rest of the item is still read.
 */
final class ItemDraft {

  /** A body as HTML or as plain text; one of the two is set. */
  record Body(String html, String text) {}

  private final int index;
  private final String base;
  private final int maxFieldChars;
  private final List<String> problems = new ArrayList<>();
  private String id;
  private String link;
  private String permalinkGuid;
  private String title;
  private Body content;
  private Body summary;
  private String dateField;
  private String date;
  private String updatedField;
  private String updated;
  private String authorName;
  private String authorUrl;
  private String inReplyTo;
  private String language;

  ItemDraft(int index, String base, String language, int maxFieldChars) {
    this.index = index;
    this.base = base;
    this.language = language;
    this.maxFieldChars = maxFieldChars;
  }

  int index() {
    return index;
  }

  /** The field's value, or null with a problem noted when it was cut off at the cap. */
  String take(String field, XmlCursor.FieldText text) {
    if (text.tooLong()) {
      problems.add(field + " is longer than " + maxFieldChars + " characters");
      return null;
    }
    String value = text.value();
    return value == null || value.isBlank() ? null : value;
  }

  void id(String value) {
    id = first(id, value);
  }

  void link(String value) {
    link = first(link, value);
  }

  /** An RSS guid that is also the item's address (isPermaLink true or absent). */
  void permalinkGuid(String value) {
    permalinkGuid = first(permalinkGuid, value);
  }

  void title(String value) {
    title = first(title, value);
  }

  void content(Body body) {
    content = content == null ? body : content;
  }

  void summary(Body body) {
    summary = summary == null ? body : summary;
  }

  void published(String field, String value) {
    if (date == null && value != null) {
      dateField = field;
      date = value;
    }
  }

  void updated(String field, String value) {
    if (updated == null && value != null) {
      updatedField = field;
      updated = value;
    }
  }

  void author(String name, String url) {
    if (authorName == null && authorUrl == null) {
      authorName = name;
      authorUrl = url;
    }
  }

  void inReplyTo(String value) {
    inReplyTo = first(inReplyTo, value);
  }

  void language(String value) {
    language = value == null ? language : value;
  }

  /**
   * The raw post, for the normaliser to check.
   *
   * @throws InvalidPostException for the first thing that keeps the item from being a post
   */
  Post toRawPost(String source, Post.Author feedAuthor, String feedLanguage) {
    if (!problems.isEmpty()) {
      throw new InvalidPostException(problems.getFirst());
    }
    Instant published = published();
    String url = link != null ? link : Links.webOnly(permalinkGuid);
    String externalId = identity(url, published);
    if (externalId == null) {
      throw new InvalidPostException(
          "the item has no id, guid, link, title or date, so it cannot be told apart from others");
    }
    Body body = content != null ? content : summary;
    Post.Author author =
        authorName == null && authorUrl == null
            ? feedAuthor
            : new Post.Author(null, authorName, Links.webOnly(authorUrl));
    return new Post(
        source,
        externalId,
        url,
        author,
        title,
        body == null ? null : body.text(),
        body == null ? null : Links.absoluteHrefs(body.html(), base),
        published,
        inReplyTo,
        primaryLanguage(language != null ? language : feedLanguage));
  }

  /** The item's id as far as it can be told without failing; null when it cannot. */
  String knownId() {
    String url = link != null ? link : Links.webOnly(permalinkGuid);
    if (id != null || url != null) {
      return identity(url, null);
    }
    Instant published = WebDates.parse(date != null ? date : updated).orElse(null);
    return identity(null, published);
  }

  private String identity(String url, Instant published) {
    if (id != null) {
      return id.strip();
    }
    if (url != null) {
      return url;
    }
    if (title == null && published == null) {
      return null;
    }
    return "sha256:" + sha256(title + "\n" + published);
  }

  private Instant published() {
    String field = date != null ? dateField : updatedField;
    String value = date != null ? date : updated;
    if (value == null) {
      return null;
    }
    return WebDates.parse(value)
        .orElseThrow(
            () ->
                new InvalidPostException(
                    field
                        + " \""
                        + value.strip()
                        + "\" is not a date Caveat can read (RFC 822 such as"
                        + " \"Tue, 05 Mar 2024 09:30:00 GMT\", or RFC 3339)"));
  }

  /** ISO 639-1 from a language tag such as "en-US"; null when the tag has no such code. */
  static String primaryLanguage(String tag) {
    if (tag == null) {
      return null;
    }
    String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return primary.matches("[a-z]{2}") ? primary : null;
  }

  private static String first(String current, String value) {
    return current != null || value == null || value.isBlank() ? current : value.strip();
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
