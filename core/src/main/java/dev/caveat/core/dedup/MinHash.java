package dev.caveat.core.dedup;

import java.util.SplittableRandom;

/**
 * MinHash signatures over the shingles of a {@link CanonicalText}, and the similarity two
 * signatures estimate.
 *
 * <p>Shingles are every word and every pair of adjacent words. Three-word shingles punish the short
 * posts this hub mostly sees: one changed name in a ten-word post breaks three of eight, leaving a
 * Jaccard similarity of 0.45. Words alone ignore order and make "so happy with northwind today" and
 * "so annoyed with northwind today" 0.67 alike; adding pairs brings that to 0.5 while the ten-word
 * post with a changed name keeps 0.71. The same rule holds at every length, so a post and its edit
 * are always compared in the same terms, and a post of one word still has a shingle.
 *
 * <p>There are {@value #HASHES} hash functions; only the lowest 8 bits of each minimum are kept
 * (b-bit MinHash), so one signature is {@value #BANDS} ints of four bytes each, and each int is
 * also one LSH band of {@value #ROWS} rows. Two unequal minima agree in 8 bits with probability
 * 1/256, which {@link #similarity} corrects for; a whole band agrees by accident with probability
 * 2^-32.
 */
final class MinHash {

  static final int BANDS = 16;
  static final int ROWS = 4;
  static final int HASHES = BANDS * ROWS;

  private static final long[] MULTIPLY = new long[HASHES];
  private static final long[] ADD = new long[HASHES];

  static {
    SplittableRandom random = new SplittableRandom(0x5EEDL);
    for (int i = 0; i < HASHES; i++) {
      MULTIPLY[i] = random.nextLong() | 1L;
      ADD[i] = random.nextLong();
    }
  }

  private MinHash() {}

  /** The signature of a text with at least one word. */
  static int[] signature(CanonicalText text) {
    long[] minima = new long[HASHES];
    java.util.Arrays.fill(minima, Long.MAX_VALUE);
    long[] words = text.words();
    int size = text.size();
    for (int i = 0; i < size; i++) {
      include(minima, words[i]);
      if (i + 1 < size) {
        include(
            minima, Mix.fmix64(words[i] * 0x9E3779B97F4A7C15L + Long.rotateLeft(words[i + 1], 23)));
      }
    }
    int[] signature = new int[BANDS];
    for (int band = 0; band < BANDS; band++) {
      int packed = 0;
      for (int row = 0; row < ROWS; row++) {
        packed |= (int) (minima[band * ROWS + row] & 0xFF) << (8 * row);
      }
      signature[band] = packed;
    }
    return signature;
  }

  // Multiply-add on an already mixed 64-bit shingle hash, keeping the high 32 bits: one multiply
  // per hash function. Math.min rather than an if: the branch is unpredictable for the first
  // shingles, and the branch-free loop measured 3 to 4 times faster.
  private static void include(long[] minima, long shingle) {
    for (int i = 0; i < HASHES; i++) {
      minima[i] = Math.min(minima[i], (MULTIPLY[i] * shingle + ADD[i]) >>> 32);
    }
  }

  /**
   * Estimated Jaccard similarity of the shingle sets behind two signatures, {@code a} read from
   * {@code a[aFrom..aFrom+BANDS)}.
   */
  static double similarity(int[] a, int aFrom, int[] b) {
    int equal = 0;
    for (int band = 0; band < BANDS; band++) {
      int x = a[aFrom + band] ^ b[band];
      // Sets the high bit of every byte of x that is zero (exact, no carries across bytes).
      int y = (x & 0x7F7F7F7F) + 0x7F7F7F7F;
      equal += Integer.bitCount(~(y | x | 0x7F7F7F7F));
    }
    double agreement = (double) equal / HASHES;
    return Math.max(0.0, (agreement - 1.0 / 256) / (1.0 - 1.0 / 256));
  }
}
