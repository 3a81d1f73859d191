package dev.caveat.listening.internal;

import dev.caveat.core.post.Post;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Posts {

  private final JdbcClient jdbc;

  Posts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the post unless one with its source and external id exists; its new id if stored. */
  OptionalLong insertIfNew(Post post, Instant receivedAt) {
    Post.Author author = post.author();
    return jdbc.sql(
            "insert into post (source, external_id, url, author_handle, author_name, author_url,"
                + " title, text, html, published, in_reply_to, language, received_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (source, external_id) do nothing returning id")
        .params(
            post.source(),
            post.externalId(),
            post.url(),
            author == null ? null : author.handle(),
            author == null ? null : author.name(),
            author == null ? null : author.url(),
            post.title(),
            post.text(),
            post.html(),
            post.published() == null ? null : Timestamp.from(post.published()),
            post.inReplyTo(),
            post.language(),
            Timestamp.from(receivedAt))
        .query(Long.class)
        .optional()
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }
}
