package dev.caveat.core.feed;

/**
 * The caps a feed must fit under. Items past {@code maxItems} are skipped (one {@link Quarantined}
 * entry says so); an item with a field past {@code maxFieldChars} is quarantined; a body past
 * {@code maxBytes} or nested deeper than {@code maxDepth} fails the whole feed.
 */
public record FeedLimits(int maxItems, int maxFieldChars, long maxBytes, int maxDepth) {

  /** 1,000 items, 200,000 characters a field, 20 MiB, 64 levels of elements. */
  public static final FeedLimits DEFAULT = new FeedLimits(1_000, 200_000, 20L * 1024 * 1024, 64);

  public FeedLimits {
    if (maxItems < 1 || maxFieldChars < 1 || maxBytes < 1 || maxDepth < 2) {
      throw new IllegalArgumentException("feed limits must be positive, and depth at least 2");
    }
  }
}
