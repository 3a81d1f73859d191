package dev.caveat.core.match;

import java.lang.ref.WeakReference;
import java.util.WeakHashMap;

/**
 * One shared instance per equal value, for the parts thousands of standing queries repeat: a
 * brand's words, its term queries, a prefix's automaton. Values no query holds any more are
 * forgotten with the query.
 */
final class Interner<T> {

  private final WeakHashMap<T, WeakReference<T>> canonical = new WeakHashMap<>();

  synchronized T intern(T value) {
    WeakReference<T> known = canonical.get(value);
    T shared = known == null ? null : known.get();
    if (shared != null) {
      return shared;
    }
    canonical.put(value, new WeakReference<>(value));
    return value;
  }
}
