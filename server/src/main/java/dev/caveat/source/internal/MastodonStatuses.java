package dev.caveat.source.internal;

import dev.caveat.core.post.Post;
import tools.jackson.databind.JsonNode;

/** A Mastodon status, from the REST or the streaming API, as a post. */
final class MastodonStatuses {

  private MastodonStatuses() {}

  static Post post(String sourceName, JsonNode status) {
    JsonNode account = status.get("account");
    String spoiler = JsonSource.text(status, "spoiler_text");
    return new Post(
        sourceName,
        JsonSource.text(status, "id"),
        JsonSource.text(status, "url"),
        account == null
            ? null
            : new Post.Author(
                JsonSource.text(account, "acct"),
                JsonSource.text(account, "display_name"),
                JsonSource.text(account, "url")),
        spoiler,
        null,
        JsonSource.text(status, "content"),
        JsonSource.instant(status, "created_at"),
        JsonSource.text(status, "in_reply_to_id"),
        JsonSource.text(status, "language"));
  }
}
