package dev.caveat.core.dedup;

/**
 * The first post of every remembered cluster, in a ring of fixed capacity: fingerprint, signature
 * and id in flat arrays indexed by slot, an exact index on the fingerprint and one LSH index per
 * band. Writing into a full ring forgets the oldest cluster. A cluster that gets a copy while in
 * the older half of the ring moves to the front, so a post still being reposted is not forgotten
 * while quiet ones are: an approximate least-recently-copied order at the cost of one move per half
 * lap.
 *
 * <p>Memory, all allocated up front: per slot 16 bytes of fingerprint, 64 of signature, 4 for the
 * id reference, and 17 index tables at 4 bytes / {@link SlotTable#LOAD} = 97 bytes: 181 bytes.
 * Measured as the heap used after GC with a capacity of 1,000,000 (JDK 25, G1, compressed oops):
 * 232 bytes per slot empty (G1 rounds each 5.7 MB table up to whole humongous regions) and 305
 * bytes per remembered post once filled with 27-character ids such as
 * "twitter:1800000000000000000".
 *
 * <p>Not thread-safe; {@link DuplicateDetector} guards it.
 */
final class PostMemory {

  /** Bounds the work of one lookup when many clusters share a band (templated bot posts). */
  private static final int MAX_CANDIDATES_PER_BAND = 32;

  /** Keeps slot * BANDS within an int; about 30 GB of heap. */
  static final int MAX_CAPACITY = 100_000_000;

  private final int capacity;
  private final long[] fingerprintHigh;
  private final long[] fingerprintLow;
  private final int[] signatures;
  private final String[] ids;
  private final SlotTable exact;
  private final SlotTable[] bands;
  private final int[] candidates = new int[MAX_CANDIDATES_PER_BAND];
  private int head;
  private int size;

  PostMemory(int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity must be between 1 and " + MAX_CAPACITY + ", was " + capacity);
    }
    this.capacity = capacity;
    this.fingerprintHigh = new long[capacity];
    this.fingerprintLow = new long[capacity];
    this.signatures = new int[capacity * MinHash.BANDS];
    this.ids = new String[capacity];
    this.exact = new SlotTable(capacity, slot -> exactKey(fingerprintHigh[slot]));
    this.bands = new SlotTable[MinHash.BANDS];
    for (int band = 0; band < MinHash.BANDS; band++) {
      int b = band;
      bands[band] = new SlotTable(capacity, slot -> signatures[slot * MinHash.BANDS + b]);
    }
  }

  int size() {
    return size;
  }

  String id(int slot) {
    return ids[slot];
  }

  /** The slot of the cluster whose first post has this fingerprint, or -1. */
  int findExact(long high, long low) {
    int end = exact.candidates(exactKey(high), candidates, 0, candidates.length);
    for (int i = 0; i < end; i++) {
      int slot = candidates[i];
      if (fingerprintHigh[slot] == high && fingerprintLow[slot] == low) {
        return slot;
      }
    }
    return -1;
  }

  /**
   * The slot most similar to {@code signature} among those sharing at least one band with it and
   * estimated at least {@code threshold} similar, or -1.
   */
  int findNear(int[] signature, double threshold) {
    int best = -1;
    double bestSimilarity = threshold;
    for (int band = 0; band < MinHash.BANDS; band++) {
      int end = bands[band].candidates(signature[band], candidates, 0, candidates.length);
      for (int i = 0; i < end; i++) {
        int slot = candidates[i];
        int from = slot * MinHash.BANDS;
        if (signatures[from + band] != signature[band]
            || sharesEarlierBand(from, signature, band)) {
          continue;
        }
        double similarity = MinHash.similarity(signatures, from, signature);
        if (similarity >= bestSimilarity) {
          best = slot;
          bestSimilarity = similarity;
        }
      }
    }
    return best;
  }

  double similarity(int slot, int[] signature) {
    return MinHash.similarity(signatures, slot * MinHash.BANDS, signature);
  }

  /** Remembers the first post of a new cluster, forgetting the oldest if the ring is full. */
  void remember(String id, long high, long low, int[] signature) {
    int slot = claimHead();
    ids[slot] = id;
    fingerprintHigh[slot] = high;
    fingerprintLow[slot] = low;
    System.arraycopy(signature, 0, signatures, slot * MinHash.BANDS, MinHash.BANDS);
    index(slot);
    size++;
  }

  /** Notes that a cluster got a copy; returns its slot, which may have moved. */
  int touch(int slot) {
    int age = Math.floorMod(head - 1 - slot, capacity);
    if (capacity < 2 || age < capacity / 2) {
      return slot;
    }
    if (slot == head) {
      // The oldest entry of a full ring becomes the newest by moving the ring, not the entry.
      head = next(head);
      return slot;
    }
    int target = claimHead();
    ids[target] = ids[slot];
    fingerprintHigh[target] = fingerprintHigh[slot];
    fingerprintLow[target] = fingerprintLow[slot];
    System.arraycopy(
        signatures, slot * MinHash.BANDS, signatures, target * MinHash.BANDS, MinHash.BANDS);
    forget(slot);
    index(target);
    return target;
  }

  private int claimHead() {
    int slot = head;
    if (ids[slot] != null) {
      forget(slot);
      size--;
    }
    head = next(head);
    return slot;
  }

  private void forget(int slot) {
    exact.remove(exactKey(fingerprintHigh[slot]), slot);
    for (int band = 0; band < MinHash.BANDS; band++) {
      bands[band].remove(signatures[slot * MinHash.BANDS + band], slot);
    }
    ids[slot] = null;
  }

  private void index(int slot) {
    exact.add(exactKey(fingerprintHigh[slot]), slot);
    for (int band = 0; band < MinHash.BANDS; band++) {
      bands[band].add(signatures[slot * MinHash.BANDS + band], slot);
    }
  }

  /** A slot found through an earlier band was already weighed. */
  private boolean sharesEarlierBand(int from, int[] signature, int band) {
    for (int earlier = 0; earlier < band; earlier++) {
      if (signatures[from + earlier] == signature[earlier]) {
        return true;
      }
    }
    return false;
  }

  private int next(int slot) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  private static int exactKey(long high) {
    return (int) (high ^ (high >>> 32));
  }
}
