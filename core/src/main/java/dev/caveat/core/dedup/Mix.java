package dev.caveat.core.dedup;

/** Bit mixers shared by the hashes of this package. */
final class Mix {

  private Mix() {}

  /** MurmurHash3's finaliser: every input bit flips each output bit with probability about 1/2. */
  static long fmix64(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  static int mix32(int value) {
    int h = value;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
