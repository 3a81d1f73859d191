package dev.caveat.core.feed;

import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import dev.caveat.core.post.PostNormaliser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gathers what the readers find in a feed and turns it into a {@link FeedDocument} at the end, when
 * feed-wide values that may come after the items (language, author) are known. The first value of
 * each feed field wins.
 */
final class FeedAssembly {

  private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cc}\\s]+");

  private final String source;
  private final FeedLimits limits;
  private final List<ItemDraft> items = new ArrayList<>();
  private final List<Quarantined> quarantined = new ArrayList<>();
  private int seen;
  private String title;
  private String siteUrl;
  private String selfUrl;
  private String hubUrl;
  private String language;
  private Post.Author author;

  FeedAssembly(String source, FeedLimits limits) {
    this.source = source;
    this.limits = limits;
  }

  /** A draft for the next item, or null once the item cap is reached (the item is skipped). */
  ItemDraft startItem(String base, String lang) {
    int index = seen++;
    if (index < limits.maxItems()) {
      ItemDraft item = new ItemDraft(index, base, lang, limits.maxFieldChars());
      items.add(item);
      return item;
    }
    if (index == limits.maxItems()) {
      quarantined.add(
          new Quarantined(
              index,
              null,
              "the feed has more than "
                  + limits.maxItems()
                  + " items; this and later ones"
                  + " were skipped"));
    }
    return null;
  }

  void title(XmlCursor.FieldText text) {
    String value = first(title, text);
    title = value == null ? null : shortText(value);
  }

  void siteUrl(XmlCursor.FieldText text) {
    link("alternate", first(null, text));
  }

  /** A feed-level link; only http and https ones are kept, as callers will fetch them. */
  void link(String rel, String address) {
    String href = Links.webOnly(address);
    if (href == null || href.length() > PostNormaliser.MAX_SHORT) {
      return;
    }
    switch (rel) {
      case "self" -> selfUrl = selfUrl == null ? href : selfUrl;
      case "hub" -> hubUrl = hubUrl == null ? href : hubUrl;
      case "alternate" -> siteUrl = siteUrl == null ? href : siteUrl;
      default -> {
        // Other relations (next, related, license...) say nothing Caveat uses.
      }
    }
  }

  void language(XmlCursor.FieldText text) {
    language = first(language, text);
  }

  void author(String name, String url) {
    if (author == null && (name != null || url != null)) {
      author = new Post.Author(null, name, Links.webOnly(url));
    }
  }

  FeedDocument finish() {
    List<Post> posts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ItemDraft item : items) {
      try {
        Post post = PostNormaliser.normalise(item.toRawPost(source, author, language));
        if (ids.add(post.externalId())) {
          posts.add(post);
        } else {
          quarantined.add(
              new Quarantined(
                  item.index(), post.externalId(), "an earlier item in the feed has the same id"));
        }
      } catch (InvalidPostException e) {
        quarantined.add(new Quarantined(item.index(), item.knownId(), e.getMessage()));
      }
    }
    quarantined.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return new FeedDocument(title, siteUrl, selfUrl, hubUrl, posts, quarantined);
  }

  private static String shortText(String value) {
    String flat = CONTROL_OR_SPACE.matcher(value).replaceAll(" ").strip();
    return flat.length() <= PostNormaliser.MAX_SHORT
        ? flat
        : flat.substring(0, PostNormaliser.MAX_SHORT);
  }

  /** Feed-wide fields past the cap are dropped rather than failing a feed over its metadata. */
  private static String first(String current, XmlCursor.FieldText text) {
    if (current != null || text.tooLong() || text.value() == null || text.value().isBlank()) {
      return current;
    }
    return text.value().strip();
  }
}
