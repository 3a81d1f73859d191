package dev.caveat.core.classify;

import java.util.Arrays;

/**
 * One post's hashed feature vector: each feature once, with its value and enough about where it
 * came from to name it in a reason ({@link FeatureNames}). Indices are {@link #BITS}-bit hashes.
 * Reused across posts by one thread: {@link #clear()} costs nothing per slot.
 */
final class Features {

  static final int BITS = 18;
  static final int SIZE = 1 << BITS;
  static final int MASK = SIZE - 1;

  static final byte WORD = 0;
  static final byte BIGRAM = 1;
  static final byte CHARS = 2;
  static final byte LEXICON = 3;
  static final byte CUE = 4;
  static final byte LANGUAGE = 5;

  private static final int TABLE = 8192;

  int[] index = new int[256];
  float[] value = new float[256];
  byte[] kind = new byte[256];
  int[] a = new int[256];
  int[] b = new int[256];
  int size;
  private float[] scratch = new float[256];

  // Open addressing from feature index to position, valid where stamp == generation.
  private final int[] slotPosition = new int[TABLE];
  private final int[] slotStamp = new int[TABLE];
  private int generation = 1;

  void clear() {
    size = 0;
    if (++generation == Integer.MAX_VALUE) {
      Arrays.fill(slotStamp, 0);
      generation = 1;
    }
  }

  void add(int hash, float v, byte k, int first, int second) {
    int idx = hash & MASK;
    int slot = mix(idx) & (TABLE - 1);
    if (size < TABLE / 2) {
      while (slotStamp[slot] == generation) {
        int p = slotPosition[slot];
        if (index[p] == idx) {
          value[p] += v;
          return;
        }
        slot = (slot + 1) & (TABLE - 1);
      }
      slotStamp[slot] = generation;
      slotPosition[slot] = size;
    }
    // Past half the table a long post keeps duplicates apart; their values still add up.
    if (size == index.length) {
      grow();
    }
    index[size] = idx;
    value[size] = v;
    kind[size] = k;
    a[size] = first;
    b[size] = second;
    size++;
  }

  /** A per-thread array of at least {@link #size} floats, for the explanations' pushes. */
  float[] scratch() {
    if (scratch.length < size) {
      scratch = new float[index.length];
    }
    return scratch;
  }

  private void grow() {
    int n = size * 2;
    index = Arrays.copyOf(index, n);
    value = Arrays.copyOf(value, n);
    kind = Arrays.copyOf(kind, n);
    a = Arrays.copyOf(a, n);
    b = Arrays.copyOf(b, n);
  }

  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  static int hash(int seed, String s) {
    return mix(s.hashCode() * 0x9E3779B9 + seed);
  }
}
