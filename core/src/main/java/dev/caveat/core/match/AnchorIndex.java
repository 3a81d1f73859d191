package dev.caveat.core.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The first pass before Lucene Monitor: which body words could make some standing query match. Most
 * posts on the public web contain none of them, and those are answered from a hash lookup per word
 * instead of an in-memory index per post.
 */
final class AnchorIndex {

  private final Map<String, Set<String>> byTerm = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byPrefix = new ConcurrentHashMap<>();
  private final Set<String> anchorless = ConcurrentHashMap.newKeySet();
  private final Map<String, Anchors> byId = new ConcurrentHashMap<>();
  private volatile int longestPrefix;

  void put(String id, Anchors anchors) {
    remove(id);
    byId.put(id, anchors);
    if (anchors.isNone()) {
      anchorless.add(id);
      return;
    }
    for (String term : anchors.terms()) {
      byTerm.computeIfAbsent(term, t -> ConcurrentHashMap.newKeySet()).add(id);
    }
    for (String prefix : anchors.prefixes()) {
      byPrefix.computeIfAbsent(prefix, p -> ConcurrentHashMap.newKeySet()).add(id);
      longestPrefix = Math.max(longestPrefix, prefix.length());
    }
  }

  void remove(String id) {
    Anchors anchors = byId.remove(id);
    if (anchors == null) {
      return;
    }
    anchorless.remove(id);
    anchors.terms().forEach(term -> drop(byTerm, term, id));
    anchors.prefixes().forEach(prefix -> drop(byPrefix, prefix, id));
  }

  /** Whether any query could match a post with this body; false means none can. */
  boolean anyCandidate(Analyzer analyzer, String body) {
    if (!anchorless.isEmpty()) {
      return true;
    }
    if (body == null) {
      return false;
    }
    int prefixes = byPrefix.isEmpty() ? 0 : longestPrefix;
    try (TokenStream tokens = analyzer.tokenStream(PostDocuments.BODY, body)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String word = term.toString();
        if (byTerm.containsKey(word)) {
          return true;
        }
        for (int length = Math.min(prefixes, word.length()); length >= 1; length--) {
          if (byPrefix.containsKey(word.substring(0, length))) {
            return true;
          }
        }
      }
      tokens.end();
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drop(Map<String, Set<String>> index, String key, String id) {
    index.computeIfPresent(
        key,
        (k, ids) -> {
          ids.remove(id);
          return ids.isEmpty() ? null : ids;
        });
  }
}
