package dev.caveat.core.classify;

/**
 * How many people may see a post: the author's follower count when the source tells it. Large from
 * {@link #LARGE} followers on, when a slow or poor answer is seen by many.
 *
 * @param followers the author's followers, or -1 when unknown
 */
public record Reach(long followers) {

  public static final long LARGE = 10_000;
  public static final Reach UNKNOWN = new Reach(-1);

  public Reach {
    if (followers < -1) {
      throw new IllegalArgumentException("followers must be zero or more, or -1 for unknown");
    }
  }

  /** The reach of an author with {@code followers} followers; null means unknown. */
  public static Reach of(Long followers) {
    return followers == null ? UNKNOWN : new Reach(Math.max(-1, followers));
  }

  public boolean known() {
    return followers >= 0;
  }

  public boolean large() {
    return followers >= LARGE;
  }
}
