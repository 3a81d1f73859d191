package dev.caveat.core.mf2;

import dev.caveat.core.feed.Quarantined;
import dev.caveat.core.post.InvalidPostException;
import dev.caveat.core.post.Post;
import dev.caveat.core.post.PostNormaliser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads a blog page's microformats2 — an h-feed of h-entry items, or a single h-entry — into {@link
 * Post}s, each passed through {@link PostNormaliser}. An entry without an author takes its
 * h-feed's, then the page's representative h-card. Entries that cannot be posts are quarantined.
 *
 * <p>A parser holds no state between calls and may be shared between threads. It reads but never
 * closes the stream it is given.
 */
public final class Mf2Parser {

  private final Mf2Limits limits;

  public Mf2Parser() {
    this(Mf2Limits.DEFAULT);
  }

  public Mf2Parser(Mf2Limits limits) {
    this.limits = Objects.requireNonNull(limits);
  }

  /**
   * @param body the page's bytes; its charset comes from a byte order mark or meta tag, else UTF-8
   * @param source the source name every post carries
   * @param pageUrl where the page was fetched from, to resolve relative links; may be null
   * @throws Mf2Exception when the page is too large or the stream fails
   */
  public Mf2Page parse(InputStream body, String source, String pageUrl) throws Mf2Exception {
    Objects.requireNonNull(body, "body");
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a source name is required");
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
    } catch (IOException e) {
      throw new Mf2Exception(
          Mf2Exception.Kind.READ_FAILED, "the page could not be read: " + e.getMessage(), e);
    }
    if (bytes.length > limits.maxBytes()) {
      throw new Mf2Exception(
          Mf2Exception.Kind.TOO_LARGE,
          "the page is larger than " + limits.maxBytes() + " bytes; Caveat stopped reading it",
          null);
    }
    Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(bytes), null, pageUrl == null ? "" : pageUrl);
    } catch (IOException e) {
      throw new Mf2Exception(Mf2Exception.Kind.READ_FAILED, "the page could not be decoded", e);
    }
    if (deeperThan(page, limits.maxDepth())) {
      throw new Mf2Exception(
          Mf2Exception.Kind.TOO_DEEP,
          "the page nests elements more than " + limits.maxDepth() + " deep",
          null);
    }
    return read(page, source, pageUrl);
  }

  /** As {@link #parse(InputStream, String, String)}, for a body already in memory. */
  public Mf2Page parse(byte[] body, String source, String pageUrl) throws Mf2Exception {
    return parse(new ByteArrayInputStream(body), source, pageUrl);
  }

  private Mf2Page read(Document page, String source, String pageUrl) {
    page.outputSettings().prettyPrint(false);
    for (Element link : page.select("a[href]")) {
      // Entry HTML keeps its links only if they are absolute; the normaliser drops the rest.
      String absolute = link.absUrl("href");
      if (!absolute.isEmpty()) {
        link.attr("href", absolute);
      }
    }
    Map<String, List<String>> rels = rels(page);
    MicroformatReader reader = new MicroformatReader(limits);
    List<Microformat> topLevel = reader.topLevel(page);
    Post.Author pageAuthor =
        RepresentativeCard.find(topLevel, pageUrl, rels.getOrDefault("me", List.of()));

    String title = null;
    List<Microformat> entries = new ArrayList<>();
    List<Post.Author> fallbacks = new ArrayList<>();
    for (Microformat mf : topLevel) {
      if (mf.is("h-feed")) {
        title = title != null ? title : mf.firstText("name");
        Post.Author feedAuthor = EntryMapper.author(mf.first("author"), pageAuthor);
        for (Microformat child : mf.children()) {
          if (child.is("h-entry")) {
            entries.add(child);
            fallbacks.add(feedAuthor);
          }
        }
      } else if (mf.is("h-entry")) {
        entries.add(mf);
        fallbacks.add(pageAuthor);
      }
    }
    List<Post> posts = new ArrayList<>();
    List<Quarantined> quarantined = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      if (i == limits.maxEntries()) {
        quarantined.add(
            new Quarantined(
                i,
                null,
                "the page has more than "
                    + limits.maxEntries()
                    + " entries; this and later"
                    + " ones were skipped"));
        break;
      }
      try {
        Post post =
            PostNormaliser.normalise(
                EntryMapper.toRawPost(entries.get(i), source, fallbacks.get(i)));
        if (ids.add(post.externalId())) {
          posts.add(post);
        } else {
          quarantined.add(
              new Quarantined(
                  i, post.externalId(), "an earlier entry on the page has the same id"));
        }
      } catch (InvalidPostException e) {
        quarantined.add(new Quarantined(i, knownId(entries.get(i)), e.getMessage()));
      }
    }
    if (reader.budgetSpent()) {
      quarantined.add(
          new Quarantined(
              entries.size(),
              null,
              "the page has more than "
                  + limits.maxProperties()
                  + " microformats and property"
                  + " values; the rest was not read"));
    }
    return new Mf2Page(pageTitle(title != null ? title : page.title()), posts, quarantined, rels);
  }

  /**
   * Whether any element sits deeper than the cap. Some jsoup operations walk up to the document for
   * every call, so unbounded depth would make reading a page quadratic.
   */
  private static boolean deeperThan(Document page, int maxDepth) {
    NodeFilter.FilterResult result =
        NodeTraversor.filter(
            new NodeFilter() {
              @Override
              public FilterResult head(Node node, int depth) {
                return depth > maxDepth ? FilterResult.STOP : FilterResult.CONTINUE;
              }

              @Override
              public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
              }
            },
            page);
    return result == NodeFilter.FilterResult.STOP;
  }

  /** One line, no control characters, at most as long as a post's title may be. */
  private static String pageTitle(String raw) {
    String flat = raw.replaceAll("[\\p{Cc}\\s]+", " ").strip();
    if (flat.isEmpty()) {
      return null;
    }
    return flat.length() <= PostNormaliser.MAX_SHORT
        ? flat
        : flat.substring(0, PostNormaliser.MAX_SHORT);
  }

  private static String knownId(Microformat entry) {
    String uid = entry.firstText("uid");
    return uid != null ? uid : entry.firstText("url");
  }

  /** Rel values to the absolute http(s) addresses that carry them, first in the page first. */
  private static Map<String, List<String>> rels(Document page) {
    Map<String, List<String>> rels = new LinkedHashMap<>();
    for (Element el : page.select("a[rel][href], link[rel][href], area[rel][href]")) {
      String url = el.absUrl("href");
      String scheme = url.toLowerCase(Locale.ROOT);
      if (!scheme.startsWith("http://") && !scheme.startsWith("https://")) {
        continue;
      }
      for (String rel : el.attr("rel").toLowerCase(Locale.ROOT).strip().split("\\s+")) {
        List<String> urls = rels.computeIfAbsent(rel, r -> new ArrayList<>());
        if (!rel.isEmpty() && !urls.contains(url)) {
          urls.add(url);
        }
      }
    }
    rels.values().removeIf(List::isEmpty);
    rels.replaceAll((rel, urls) -> List.copyOf(urls));
    return rels;
  }
}
