package dev.caveat.core.match;

import dev.caveat.core.post.Post;
import dev.caveat.core.query.QueryNode;
import dev.caveat.core.query.QueryParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Standing queries matched against one post at a time: a first pass on the post's words picks the
 * few queries that may match, and only those run, as Lucene queries, against an in-memory index of
 * the post. Registering, replacing or removing a query takes effect for the next post matched; the
 * engine is safe to share between threads.
 */
public final class MatchEngine implements AutoCloseable {

  /**
   * A standing query to register: its id, its text in the monitor language, and its guards against
   * false hits.
   *
   * @param ignoreAddresses when true, words inside e-mail and web addresses in the post body do not
   *     count, so a monitor for "comcast" does not match "write to someone@comcast.net"
   * @param exclusions clauses in the monitor language; a post that matches any of them never
   *     matches this query
   */
  public record StandingQuery(
      String id, String query, boolean ignoreAddresses, List<String> exclusions) {

    public StandingQuery {
      exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public StandingQuery(String id, String query) {
      this(id, query, false, List.of());
    }

    public StandingQuery ignoringAddresses() {
      return new StandingQuery(id, query, true, exclusions);
    }

    public StandingQuery excluding(String... more) {
      List<String> all = new ArrayList<>(exclusions);
      all.addAll(Arrays.asList(more));
      return new StandingQuery(id, query, ignoreAddresses, all);
    }
  }

  private static final System.Logger log = System.getLogger(MatchEngine.class.getName());

  private final QueryCompiler compiler = new QueryCompiler();
  private final PostAnalyzer analyzer = new PostAnalyzer();
  private final AnchorIndex index = new AnchorIndex();

  /**
   * Adds or replaces standing queries by id.
   *
   * @throws dev.caveat.core.query.QuerySyntaxException if any query or exclusion does not parse;
   *     then none of them is registered. For an exclusion the position is within that exclusion.
   */
  public void register(Collection<StandingQuery> queries) {
    List<AnchorIndex.Indexed> indexed = new ArrayList<>(queries.size());
    for (StandingQuery query : queries) {
      QueryNode parsed = QueryParser.parse(query.query());
      indexed.add(
          new AnchorIndex.Indexed(
              query.id(), AnchorPlan.of(parsed), WordCheck.of(parsed), compiler.compile(query)));
    }
    index.put(indexed);
  }

  public void register(StandingQuery query) {
    register(List.of(query));
  }

  public void remove(String id) {
    index.remove(id);
  }

  /**
   * The ids of the standing queries that match the post, in id order. Only queries that may match
   * on the post's words are run, against an in-memory index of this one post; most posts reach no
   * query at all.
   */
  public Set<String> match(Post post) {
    Map<String, Query> candidates = index.candidates(PostKeys.of(post, analyzer));
    Set<String> ids = new TreeSet<>();
    if (candidates.isEmpty()) {
      return ids;
    }
    MemoryIndex memory = MemoryIndex.fromDocument(PostDocuments.of(post), analyzer);
    for (Map.Entry<String, Query> candidate : candidates.entrySet()) {
      try {
        if (memory.search(candidate.getValue()) > 0.0f) {
          ids.add(candidate.getKey());
        }
      } catch (RuntimeException e) {
        // A prefix with more distinct words under it than Lucene allows fails on this post
        // only; that query simply does not match it.
        log.log(
            System.Logger.Level.WARNING,
            "Standing query {0} could not run on post {1}:{2} ({3})",
            candidate.getKey(),
            post.source(),
            post.externalId(),
            e.getClass().getSimpleName());
      }
    }
    return ids;
  }

  public int size() {
    return index.size();
  }

  @Override
  public void close() {
    // Everything lives on the heap; nothing to release.
  }
}
