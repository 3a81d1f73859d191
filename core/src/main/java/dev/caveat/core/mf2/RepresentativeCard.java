package dev.caveat.core.mf2;

import dev.caveat.core.post.Post;
import java.util.List;

/**
 * The page's representative h-card, by the microformats wiki's rules: the h-card whose uid and url
 * are the page, else the one whose url is also a rel=me link, else the page's only h-card if its
 * url is the page.
 */
final class RepresentativeCard {

  private RepresentativeCard() {}

  static Post.Author find(List<Microformat> topLevel, String pageUrl, List<String> relMe) {
    List<Microformat> cards = topLevel.stream().filter(mf -> mf.is("h-card")).toList();
    for (Microformat card : cards) {
      if (same(card.firstText("uid"), pageUrl) && same(card.firstText("url"), pageUrl)) {
        return author(card);
      }
    }
    for (Microformat card : cards) {
      List<Microformat.Value> urls = card.properties().getOrDefault("url", List.of());
      for (Microformat.Value url : urls) {
        if (url instanceof Microformat.Value.Text text
            && relMe.stream().anyMatch(me -> same(me, text.value()))) {
          return author(card);
        }
      }
    }
    if (cards.size() == 1 && same(cards.getFirst().firstText("url"), pageUrl)) {
      return author(cards.getFirst());
    }
    return null;
  }

  private static Post.Author author(Microformat card) {
    return EntryMapper.author(new Microformat.Value.Nested(card, card.firstText("name")), null);
  }

  /** Equal as addresses, forgiving a trailing slash. */
  private static boolean same(String a, String b) {
    return a != null && b != null && strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    String trimmed = url.strip();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
