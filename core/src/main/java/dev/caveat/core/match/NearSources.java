package dev.caveat.core.match;

import dev.caveat.core.query.QueryNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/** Word positions for NEAR and for prefixes that follow other words, as Lucene intervals. */
final class NearSources {

  /**
   * Lucene refuses more; a post with more distinct words under one prefix than this does not match
   * that NEAR (Monitor reports it as an error for that query, not for the post).
   */
  private static final int MAX_EXPANSIONS = IndexSearcher.getMaxClauseCount();

  private NearSources() {}

  /** Both sides in either order, with at most {@code distance} words between them. */
  static IntervalsSource near(QueryNode.Near near) {
    return Intervals.maxgaps(
        near.distance(), Intervals.unorderedNoOverlaps(of(near.left()), of(near.right())));
  }

  /** The words of the text, in order, the last one standing for any word it begins. */
  static IntervalsSource prefixPhrase(List<String> tokens) {
    List<IntervalsSource> parts = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size() - 1; i++) {
      parts.add(Intervals.term(tokens.get(i)));
    }
    parts.add(Intervals.prefix(new BytesRef(tokens.getLast()), MAX_EXPANSIONS));
    return parts.size() == 1
        ? parts.getFirst()
        : Intervals.phrase(parts.toArray(IntervalsSource[]::new));
  }

  private static IntervalsSource of(QueryNode node) {
    return switch (node) {
      case QueryNode.Term t -> words(t.text());
      case QueryNode.Phrase p -> words(p.text());
      case QueryNode.Prefix p -> {
        List<String> tokens = QueryText.tokens(p.text());
        yield tokens.isEmpty()
            ? Intervals.noIntervals("no searchable characters in " + p.text())
            : prefixPhrase(tokens);
      }
      case QueryNode.Or o -> Intervals.or(o.clauses().stream().map(NearSources::of).toList());
      case QueryNode.Near n -> near(n);
      default ->
          throw new IllegalArgumentException("NEAR cannot take " + node.getClass().getSimpleName());
    };
  }

  private static IntervalsSource words(String text) {
    List<String> tokens = QueryText.tokens(text);
    return switch (tokens.size()) {
      case 0 -> Intervals.noIntervals("no searchable characters in " + text);
      case 1 -> Intervals.term(tokens.getFirst());
      default -> Intervals.phrase(tokens.toArray(String[]::new));
    };
  }
}
