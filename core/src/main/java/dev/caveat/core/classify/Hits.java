package dev.caveat.core.classify;

import java.util.Arrays;

/** The lexicon entries found in one post: category, token span and the entry as written. */
final class Hits {

  Category[] category = new Category[16];
  int[] start = new int[16];
  int[] end = new int[16];
  String[] entry = new String[16];
  int size;
  final int[] counts = new int[Category.ALL.length];

  void add(Category c, int from, int to, String what) {
    if (size == start.length) {
      category = Arrays.copyOf(category, size * 2);
      start = Arrays.copyOf(start, size * 2);
      end = Arrays.copyOf(end, size * 2);
      entry = Arrays.copyOf(entry, size * 2);
    }
    category[size] = c;
    start[size] = from;
    end[size] = to;
    entry[size] = what;
    counts[c.ordinal()]++;
    size++;
  }

  void recount(int i, Category to) {
    counts[category[i].ordinal()]--;
    category[i] = to;
    counts[to.ordinal()]++;
  }

  int count(Category c) {
    return counts[c.ordinal()];
  }

  /** The entries of one category, quoted and comma-separated, for a reason. */
  String entries(Category c, int max) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < size && shown < max; i++) {
      if (category[i] == c && sb.indexOf("\"" + entry[i] + "\"") < 0) {
        if (shown > 0) {
          sb.append(", ");
        }
        sb.append('"').append(entry[i]).append('"');
        shown++;
      }
    }
    return sb.toString();
  }
}
