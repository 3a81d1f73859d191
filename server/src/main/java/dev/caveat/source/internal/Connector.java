package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.platform.fetch.FetchException;
import dev.caveat.platform.fetch.GuardedHttpClient;
import java.util.List;

/** Reads what is new at a pulled source, from its cursor on. */
interface Connector {

  /** The source type this connector serves, as given in {@code POST /api/v1/sources}. */
  String type();

  /**
   * Fetches and parses; stores nothing. A bad item is quarantined, the rest delivered.
   *
   * @throws FetchException when the source could not be read at all
   */
  Delivery read(Sources.Source source, GuardedHttpClient http) throws FetchException;

  /** What one read produced, and the cursor to keep once it is stored. */
  record Delivery(
      List<Post> posts, List<Problem> problems, Sources.Cursor next, boolean notModified, Hub hub) {

    Delivery(List<Post> posts, List<Problem> problems, Sources.Cursor next, boolean notModified) {
      this(posts, problems, next, notModified, null);
    }

    static Delivery unchanged(Sources.Cursor cursor) {
      return new Delivery(List.of(), List.of(), cursor, true);
    }
  }

  /** A WebSub hub the source names, and the topic to subscribe to there. */
  record Hub(String url, String topic) {}

  /**
   * An item that could not be turned into a post. {@code fingerprint} tells the same bad item apart
   * from others when it is read again: its external id, or a hash of its content.
   */
  record Problem(String externalId, String fingerprint, String reason) {

    static Problem of(String externalId, String content, String reason) {
      return new Problem(
          externalId, externalId != null ? externalId : Fingerprints.of(content), reason);
    }
  }
}
