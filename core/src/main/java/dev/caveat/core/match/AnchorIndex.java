package dev.caveat.core.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
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
  private final Map<String, WordCheck> checks = new ConcurrentHashMap<>();
  private final Map<String, org.apache.lucene.search.Query> queries = new ConcurrentHashMap<>();
  private volatile int longestPrefix;

  void put(String id, Anchors anchors, WordCheck check, org.apache.lucene.search.Query query) {
    remove(id);
    byId.put(id, anchors);
    checks.put(id, check);
    queries.put(id, query);
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
    checks.remove(id);
    queries.remove(id);
    anchors.terms().forEach(term -> drop(byTerm, term, id));
    anchors.prefixes().forEach(prefix -> drop(byPrefix, prefix, id));
  }

  int size() {
    return byId.size();
  }

  /**
   * The queries that may match a post with this body, with their compiled form: those without
   * anchors, and those found through an anchor word that pass the check on all the post's words.
   */
  Map<String, org.apache.lucene.search.Query> candidates(Analyzer analyzer, String body) {
    Map<String, org.apache.lucene.search.Query> candidates = new java.util.HashMap<>();
    for (String id : anchorless) {
      add(candidates, id);
    }
    if (body == null || (byTerm.isEmpty() && byPrefix.isEmpty())) {
      return candidates;
    }
    Set<String> words = words(analyzer, body);
    int prefixes = byPrefix.isEmpty() ? 0 : longestPrefix;
    Set<String> judged = new HashSet<>();
    for (String word : words) {
      judge(byTerm.get(word), words, judged, candidates);
      for (int length = Math.min(prefixes, word.length()); length >= 1; length--) {
        judge(byPrefix.get(word.substring(0, length)), words, judged, candidates);
      }
    }
    return candidates;
  }

  private void judge(
      Set<String> ids,
      Set<String> words,
      Set<String> judged,
      Map<String, org.apache.lucene.search.Query> candidates) {
    if (ids == null) {
      return;
    }
    for (String id : ids) {
      if (judged.add(id)) {
        WordCheck check = checks.get(id);
        if (check != null && check.mayMatch(words)) {
          add(candidates, id);
        }
      }
    }
  }

  private void add(Map<String, org.apache.lucene.search.Query> candidates, String id) {
    org.apache.lucene.search.Query query = queries.get(id);
    if (query != null) {
      candidates.put(id, query);
    }
  }

  private static Set<String> words(Analyzer analyzer, String body) {
    Set<String> words = new HashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(PostDocuments.BODY, body)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
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
