package dev.caveat.core.dedup;

/**
 * What {@link DuplicateDetector#observe} decided about one post. A cluster is named by the id of
 * the first post seen with its content.
 */
public sealed interface Verdict {

  /** The id of the first post of the cluster this post belongs to. */
  String clusterId();

  /** Nothing remembered is like this post; it starts the cluster {@code clusterId}. */
  record NewCluster(String clusterId) implements Verdict {}

  /** The post says word for word what the first post of {@code clusterId} says. */
  record ExactCopy(String clusterId) implements Verdict {}

  /**
   * The post is an edited copy of the first post of {@code clusterId}.
   *
   * @param similarity estimated Jaccard similarity of their word and word-pair sets, in [0, 1]
   */
  record NearCopy(String clusterId, double similarity) implements Verdict {}
}
