package dev.caveat.core.feed;

import dev.caveat.core.post.Post;
import java.util.List;

/**
 * What a feed said: its own title and links, and its items as normalised posts or quarantined.
 *
 * @param siteUrl the web site the feed belongs to (RSS channel link, Atom alternate link)
 * @param selfUrl where the feed says it lives (rel=self)
 * @param hubUrl the WebSub hub to subscribe at (rel=hub), or null
 */
public record FeedDocument(
    String title,
    String siteUrl,
    String selfUrl,
    String hubUrl,
    List<Post> posts,
    List<Quarantined> quarantined) {

  public FeedDocument {
    posts = List.copyOf(posts);
    quarantined = List.copyOf(quarantined);
  }
}
