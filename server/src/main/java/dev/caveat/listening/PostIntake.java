package dev.caveat.listening;

import dev.caveat.core.post.Post;
import java.util.List;

/**
 * Where every source hands over posts. Storage is idempotent on source and external id, so a source
 * may deliver the same post again after a crash and nothing changes.
 */
public interface PostIntake {

  /**
   * Normalises, stores and matches the posts, all in one transaction: either every accepted post
   * and its mentions are stored, or none is.
   *
   * @return one outcome per post, in the order given
   */
  List<IntakeOutcome> take(List<Post> posts);
}
