package dev.caveat.listening.internal;

import dev.caveat.core.post.Post;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Posts kept whole: those some company's monitor matched. */
@Repository
class Posts {

  private final JdbcClient jdbc;

  Posts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the posts, each in its cluster, in one round trip.
   *
   * @return the new row id of each post by key; a post already stored keeps its row and is absent
   */
  Map<PostKeys.Key, Long> insertAll(List<Post> posts, List<String> clusters, Instant receivedAt) {
    int n = posts.size();
    if (n == 0) {
      return Map.of();
    }
    String[][] columns = new String[13][n];
    for (int i = 0; i < n; i++) {
      Post post = posts.get(i);
      Post.Author author = post.author();
      columns[0][i] = post.source();
      columns[1][i] = post.externalId();
      columns[2][i] = post.url();
      columns[3][i] = author == null ? null : author.handle();
      columns[4][i] = author == null ? null : author.name();
      columns[5][i] = author == null ? null : author.url();
      columns[6][i] = post.title();
      columns[7][i] = post.text();
      columns[8][i] = post.html();
      columns[9][i] = post.published() == null ? null : post.published().toString();
      columns[10][i] = post.inReplyTo();
      columns[11][i] = post.language();
      columns[12][i] = clusters.get(i);
    }
    Map<PostKeys.Key, Long> ids = new HashMap<>();
    jdbc.sql(
            "insert into post (source, external_id, url, author_handle, author_name, author_url,"
                + " title, text, html, published, in_reply_to, language, cluster, received_at)"
                + " select c0, c1, c2, c3, c4, c5, c6, c7, c8, c9::timestamptz, c10, c11, c12, ?"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " as x(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12)"
                + " on conflict (source, external_id) do nothing returning id, source, external_id")
        .params(
            Timestamp.from(receivedAt),
            columns[0],
            columns[1],
            columns[2],
            columns[3],
            columns[4],
            columns[5],
            columns[6],
            columns[7],
            columns[8],
            columns[9],
            columns[10],
            columns[11],
            columns[12])
        .query(
            (rs, row) -> {
              ids.put(new PostKeys.Key(rs.getString(2), rs.getString(3)), rs.getLong(1));
              return null;
            })
        .list();
    return ids;
  }

  /** The newest stored posts' keys and texts, oldest first, to remember their clusters again. */
  List<Remembered> newest(int limit) {
    return jdbc.sql(
            "select cluster, text from (select id, cluster, text from post order by id desc limit ?) p"
                + " order by id")
        .param(limit)
        .query((rs, row) -> new Remembered(rs.getString(1), rs.getString(2)))
        .list();
  }

  record Remembered(String cluster, String text) {}
}
