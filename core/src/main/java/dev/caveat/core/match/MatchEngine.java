package dev.caveat.core.match;

import dev.caveat.core.post.Post;
import dev.caveat.core.query.QueryParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;

/**
 * Standing queries matched against one post at a time with Lucene Monitor. Registering, replacing
 * or removing a monitor takes effect for the next post matched; the engine is safe to share between
 * threads.
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

  private final Monitor monitor;
  private final QueryCompiler compiler;
  private final PostAnalyzer analyzer;
  private final AnchorIndex anchors = new AnchorIndex();

  public MatchEngine() {
    this.analyzer = new PostAnalyzer();
    try {
      this.monitor = new Monitor(analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.compiler = new QueryCompiler();
  }

  /**
   * Adds or replaces standing queries by id.
   *
   * @throws dev.caveat.core.query.QuerySyntaxException if any query or exclusion does not parse;
   *     then none of them is registered. For an exclusion the position is within that exclusion.
   */
  public void register(Collection<StandingQuery> queries) {
    List<MonitorQuery> compiled =
        queries.stream().map(q -> new MonitorQuery(q.id(), compiler.compile(q))).toList();
    List<dev.caveat.core.query.QueryNode> parsed =
        queries.stream().map(q -> QueryParser.parse(q.query())).toList();
    try {
      monitor.register(compiled);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int i = 0;
    for (StandingQuery query : queries) {
      dev.caveat.core.query.QueryNode node = parsed.get(i++);
      anchors.put(query.id(), Anchors.of(node), WordCheck.of(node));
    }
  }

  public void register(StandingQuery query) {
    register(List.of(query));
  }

  public void remove(String id) {
    try {
      monitor.deleteById(id);
      anchors.remove(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of the standing queries that match the post, in id order. */
  public Set<String> match(Post post) {
    if (!anchors.anyCandidate(analyzer, body(post))) {
      return new TreeSet<>();
    }
    try {
      MatchingQueries<QueryMatch> matches =
          monitor.match(PostDocuments.of(post), QueryMatch.SIMPLE_MATCHER);
      Set<String> ids = new TreeSet<>();
      for (QueryMatch match : matches.getMatches()) {
        ids.add(match.getQueryId());
      }
      if (!matches.getErrors().isEmpty()) {
        // Monitor keeps going past a query that fails on one post (a prefix with more distinct
        // words under it than Lucene allows); that query simply does not match this post.
        log.log(
            System.Logger.Level.WARNING,
            "Standing queries {0} could not run on post {1}:{2} and do not match it ({3})",
            matches.getErrors().keySet(),
            post.source(),
            post.externalId(),
            matches.getErrors().values().iterator().next().getClass().getSimpleName());
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String body(Post post) {
    if (post.title() == null) {
      return post.text();
    }
    return post.text() == null ? post.title() : post.title() + "\n" + post.text();
  }

  public int size() {
    try {
      return monitor.getQueryCount();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
