package dev.caveat.core.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.Query;

/**
 * The first pass before Lucene: which keys of a post could make some standing query match. Most
 * posts on the public web contain none of them, and those are answered from a hash lookup per key
 * instead of an in-memory index per post.
 *
 * <p>Each query is anchored on the keys that look rarest given all registered queries (see {@link
 * Anchors#price}). As more queries arrive, a key that turns out to be common is reviewed and the
 * queries anchored on it move to rarer keys if they have any. Writers take turns; readers never
 * wait and always see each query under at least one valid set of anchors.
 */
final class AnchorIndex {

  /** How many queries name a key before its queries are first reviewed; doubling after that. */
  private static final int FIRST_REVIEW = 16;

  private record Entry(AnchorPlan plan, Anchors anchors, WordCheck check, Query query) {}

  /** A query to index: its anchor plan, its bag-of-keys check and its compiled form. */
  record Indexed(String id, AnchorPlan plan, WordCheck check, Query query) {}

  private final Map<String, Set<String>> byTerm = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byPrefix = new ConcurrentHashMap<>();
  private final Set<String> anchorless = ConcurrentHashMap.newKeySet();
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Guarded by this: how many queries name each key, and how many did at its last review. */
  private final Map<String, Integer> naming = new HashMap<>();

  private final Map<String, Integer> reviewedAt = new HashMap<>();
  private final Map<Integer, Integer> prefixLengthUse = new HashMap<>();
  private volatile int[] prefixLengths = new int[0];

  synchronized void put(List<Indexed> queries) {
    Set<String> named = new HashSet<>();
    for (Indexed query : queries) {
      remove(query.id());
      for (String key : query.plan().keys()) {
        naming.merge(key, 1, Integer::sum);
        named.add(key);
      }
    }
    for (Indexed query : queries) {
      Anchors anchors = query.plan().choose(this::price);
      entries.put(query.id(), new Entry(query.plan(), anchors, query.check(), query.query()));
      index(query.id(), anchors);
    }
    named.forEach(this::reviewIfCommon);
  }

  synchronized void remove(String id) {
    Entry entry = entries.remove(id);
    if (entry == null) {
      return;
    }
    unindex(id, entry.anchors());
    for (String key : entry.plan().keys()) {
      naming.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }
  }

  int size() {
    return entries.size();
  }

  /** The anchors a query is indexed under now; for tests. */
  Anchors anchorsOf(String id) {
    Entry entry = entries.get(id);
    return entry == null ? null : entry.anchors();
  }

  /**
   * The queries that may match a post with these keys, with their compiled form: those without
   * anchors, and those found through an anchor that pass the check on all the post's keys.
   */
  Map<String, Query> candidates(Set<String> keys) {
    Map<String, Query> candidates = new HashMap<>();
    for (String id : anchorless) {
      add(candidates, id);
    }
    if (byTerm.isEmpty() && byPrefix.isEmpty()) {
      return candidates;
    }
    int[] lengths = prefixLengths;
    Set<String> judged = new HashSet<>();
    for (String key : keys) {
      judge(byTerm.get(key), keys, judged, candidates);
      for (int length : lengths) {
        if (length > key.length()) {
          break;
        }
        judge(byPrefix.get(key.substring(0, length)), keys, judged, candidates);
      }
    }
    return candidates;
  }

  private long price(String key, boolean prefix) {
    return Anchors.price(key, prefix, naming.getOrDefault(key, 0));
  }

  /**
   * Moves the queries anchored on a key that many queries name to rarer keys, where they have any.
   */
  private void reviewIfCommon(String key) {
    int count = naming.getOrDefault(key, 0);
    if (count < FIRST_REVIEW || count < 2 * reviewedAt.getOrDefault(key, 0)) {
      return;
    }
    reviewedAt.put(key, count);
    List<String> anchored = new ArrayList<>(byTerm.getOrDefault(key, Set.of()));
    anchored.addAll(byPrefix.getOrDefault(key, Set.of()));
    for (String id : anchored) {
      Entry entry = entries.get(id);
      if (entry == null) {
        continue;
      }
      Anchors better = entry.plan().choose(this::price);
      if (!better.equals(entry.anchors())) {
        // Under the new anchors first, so a post matched meanwhile still finds the query.
        index(id, better);
        entries.put(id, new Entry(entry.plan(), better, entry.check(), entry.query()));
        unindexExcept(id, entry.anchors(), better);
      }
    }
  }

  private void index(String id, Anchors anchors) {
    if (anchors.isNone()) {
      anchorless.add(id);
      return;
    }
    for (String term : anchors.terms()) {
      byTerm.computeIfAbsent(term, t -> ConcurrentHashMap.newKeySet()).add(id);
    }
    for (String prefix : anchors.prefixes()) {
      if (byPrefix.computeIfAbsent(prefix, p -> ConcurrentHashMap.newKeySet()).add(id)) {
        usePrefixLength(prefix.length(), 1);
      }
    }
  }

  private void unindex(String id, Anchors anchors) {
    unindexExcept(id, anchors, Anchors.NONE);
  }

  private void unindexExcept(String id, Anchors old, Anchors kept) {
    if (old.isNone()) {
      anchorless.remove(id);
    }
    for (String term : old.terms()) {
      if (!kept.terms().contains(term)) {
        drop(byTerm, term, id);
      }
    }
    for (String prefix : old.prefixes()) {
      if (!kept.prefixes().contains(prefix) && drop(byPrefix, prefix, id)) {
        usePrefixLength(prefix.length(), -1);
      }
    }
  }

  private void usePrefixLength(int length, int change) {
    Integer before = prefixLengthUse.get(length);
    prefixLengthUse.merge(length, change, (a, b) -> a + b == 0 ? null : a + b);
    if (before == null || !prefixLengthUse.containsKey(length)) {
      prefixLengths =
          prefixLengthUse.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }
  }

  private void judge(
      Set<String> ids, Set<String> keys, Set<String> judged, Map<String, Query> candidates) {
    if (ids == null) {
      return;
    }
    for (String id : ids) {
      if (judged.add(id)) {
        Entry entry = entries.get(id);
        if (entry != null && entry.check().mayMatch(keys)) {
          candidates.put(id, entry.query());
        }
      }
    }
  }

  private void add(Map<String, Query> candidates, String id) {
    Entry entry = entries.get(id);
    if (entry != null) {
      candidates.put(id, entry.query());
    }
  }

  /** Whether the id was there to drop. */
  private static boolean drop(Map<String, Set<String>> index, String key, String id) {
    boolean[] dropped = new boolean[1];
    index.computeIfPresent(
        key,
        (k, ids) -> {
          dropped[0] = ids.remove(id);
          return ids.isEmpty() ? null : ids;
        });
    return dropped[0];
  }
}
