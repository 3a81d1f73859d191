package dev.caveat.core.dedup;

import java.util.function.IntUnaryOperator;

/**
 * An open-addressing multimap from 32-bit keys to slot numbers of {@link PostMemory}, in one int
 * array: linear probing, deletion by backward shift (no tombstones, so probe runs stay short under
 * endless eviction). Each cell packs the slot with a few bits of its key's hash, which rejects most
 * foreign cells of a probe run without reading the slot's data elsewhere in memory.
 *
 * <p>Not thread-safe; {@link PostMemory} guards it.
 */
final class SlotTable {

  /** At 0.7 a miss probes about 6 adjacent cells: one or two cache lines. */
  static final double LOAD = 0.7;

  private final int[] cells;
  private final int slotBits;
  private final int slotMask;
  private final IntUnaryOperator keyOfSlot;

  /**
   * @param slots how many slots can be present at once
   * @param keyOfSlot the key a present slot was added under, needed to move cells on removal
   */
  SlotTable(int slots, IntUnaryOperator keyOfSlot) {
    this.cells = new int[Math.max(2, (int) Math.ceil(slots / LOAD))];
    this.slotBits = 32 - Integer.numberOfLeadingZeros(slots);
    this.slotMask = (int) ((1L << slotBits) - 1);
    this.keyOfSlot = keyOfSlot;
  }

  void add(int key, int slot) {
    int hash = Mix.mix32(key);
    int cell = home(hash);
    while (cells[cell] != 0) {
      cell = next(cell);
    }
    cells[cell] = pack(hash, slot);
  }

  /**
   * Writes to {@code out} from {@code from} on the slots that may hold {@code key}, at most {@code
   * limit} in all; the caller checks each against its own data. Returns the new end of {@code out}.
   */
  int candidates(int key, int[] out, int from, int limit) {
    int hash = Mix.mix32(key);
    int tag = tag(hash);
    int end = from;
    for (int cell = home(hash); cells[cell] != 0 && end < limit; cell = next(cell)) {
      if ((cells[cell] & ~slotMask) == tag) {
        out[end++] = (cells[cell] & slotMask) - 1;
      }
    }
    return end;
  }

  void remove(int key, int slot) {
    int hash = Mix.mix32(key);
    int wanted = pack(hash, slot);
    int hole = home(hash);
    while (cells[hole] != wanted) {
      if (cells[hole] == 0) {
        throw new IllegalStateException("slot " + slot + " is not in the table");
      }
      hole = next(hole);
    }
    // Knuth's algorithm R: pull back every later cell of the run that may live in the hole.
    int cell = hole;
    while (true) {
      cell = next(cell);
      if (cells[cell] == 0) {
        break;
      }
      int home = home(Mix.mix32(keyOfSlot.applyAsInt((cells[cell] & slotMask) - 1)));
      boolean staysPut = hole <= cell ? hole < home && home <= cell : hole < home || home <= cell;
      if (!staysPut) {
        cells[hole] = cells[cell];
        hole = cell;
      }
    }
    cells[hole] = 0;
  }

  private int home(int hash) {
    return (int) (((hash & 0xFFFFFFFFL) * cells.length) >>> 32);
  }

  private int next(int cell) {
    return cell + 1 == cells.length ? 0 : cell + 1;
  }

  private int tag(int hash) {
    return slotBits == 32 ? 0 : hash << slotBits;
  }

  private int pack(int hash, int slot) {
    return tag(hash) | (slot + 1);
  }
}
