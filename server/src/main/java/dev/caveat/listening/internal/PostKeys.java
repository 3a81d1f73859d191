package dev.caveat.listening.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The key of every post ever received, so a repeat is known as one in a single round trip. */
@Repository
class PostKeys {

  /** A post's identity: its source and its id there. */
  record Key(String source, String externalId) {

    /** The name of the cluster this post starts, if it starts one. */
    String cluster() {
      return source + "/" + externalId;
    }
  }

  private final JdbcClient jdbc;

  PostKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the keys; those that were new. A key twice in one call is new once. */
  Set<Key> insertNew(List<Key> keys, Instant now) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    String[] sources = new String[keys.size()];
    String[] ids = new String[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      sources[i] = keys.get(i).source();
      ids[i] = keys.get(i).externalId();
    }
    return new HashSet<>(
        jdbc.sql(
                "insert into post_key (source, external_id, received_at)"
                    + " select s, e, ? from unnest(?::text[], ?::text[]) as k(s, e)"
                    + " on conflict do nothing returning source, external_id")
            .params(Timestamp.from(now), sources, ids)
            .query((rs, row) -> new Key(rs.getString(1), rs.getString(2)))
            .list());
  }
}
