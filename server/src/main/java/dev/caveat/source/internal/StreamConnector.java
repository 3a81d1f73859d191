package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import dev.caveat.platform.fetch.FetchException;
import java.net.URI;

/**
 * Keeps one long-lived connection to a streaming source and hands on what arrives, as it arrives.
 * It stores nothing: the {@link StreamSupervisor} batches what it receives, stores it, and only
 * then keeps the cursor that came with it.
 */
interface StreamConnector {

  /** The source type this connector serves, as given in {@code POST /api/v1/sources}. */
  String type();

  /**
   * The http or https address the {@code AddressGuard} judges for a source's url: the same host and
   * port, in the only schemes the guard knows.
   *
   * @throws FetchException when the url is not one this connector can connect to
   */
  default URI addressToCheck(URI url) throws FetchException {
    return url;
  }

  /**
   * Connects from the source's stored cursor and delivers until the connection ends. Checks the
   * address with the guard before connecting. Stops, disconnecting, when the thread is interrupted.
   *
   * @throws FetchException when the source could not be reached or the connection broke
   */
  void stream(Sources.Source source, Receiver receiver) throws FetchException, InterruptedException;

  /** Where a connector delivers. */
  interface Receiver {

    /** The connection is open. */
    void connected();

    /** Something arrived, even if only a heartbeat: the connection is not stuck. */
    void alive();

    /** Hands on one item; waits while earlier items are still being stored. */
    void accept(Item item) throws InterruptedException;
  }

  /**
   * A post or a problem, or neither; {@code cursor}, when present, is the position to keep once
   * this item and everything before it are stored.
   */
  record Item(Post post, Connector.Problem problem, String cursor) {

    static Item post(Post post, String cursor) {
      return new Item(post, null, cursor);
    }

    static Item problem(Connector.Problem problem, String cursor) {
      return new Item(null, problem, cursor);
    }

    static Item advance(String cursor) {
      return new Item(null, null, cursor);
    }
  }
}
