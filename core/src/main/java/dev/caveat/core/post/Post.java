package dev.caveat.core.post;

import java.time.Instant;

/**
 * One public post in the one shape every source produces. {@code source} plus {@code externalId}
 * identify it; {@link PostNormaliser} makes a raw post fit to store and match.
 */
public record Post(
    String source,
    String externalId,
    String url,
    Author author,
    String title,
    String text,
    String html,
    Instant published,
    String inReplyTo,
    String language) {

  /** Who wrote the post, as far as the source says. */
  public record Author(String handle, String name, String url) {}
}
