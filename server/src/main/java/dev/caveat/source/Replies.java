package dev.caveat.source;

/**
 * Public replies, posted back through the source a post came from: what care uses to answer a
 * customer where they spoke.
 */
public interface Replies {

  /** The post being answered, as listening stored it. */
  record Target(String source, String externalId, String url, String authorHandle) {}

  /** What the source made of the reply: its id there and the address it can be read at. */
  record Sent(String remoteId, String url) {}

  /** Whether posts from this source can be answered through it. */
  boolean canReply(String source);

  /** Whether this post can be answered where it was made. */
  default boolean canReply(Target target) {
    return canReply(target.source());
  }

  /**
   * Posts the reply. The key makes a retry of the same reply safe where the source honours one.
   *
   * @param page the address where the hub shows this reply as an h-entry: a blog hears of the reply
   *     by a Webmention from that page
   * @throws ReplyException when the source cannot take replies, is unreachable, or refused this one
   */
  Sent reply(Target target, String text, String idempotencyKey, String page) throws ReplyException;
}
