package dev.caveat.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index behind every lookup: after any mix of additions and removals it still finds every
 * present slot under its key. Few distinct keys force long shared probe runs and wrap-around.
 */
class SlotTableUnitTest {

  @Test
  void findsEveryPresentSlotThroughRandomChurn() {
    int slots = 64;
    int[] keyOf = new int[slots];
    boolean[] present = new boolean[slots];
    SlotTable table = new SlotTable(slots, slot -> keyOf[slot]);
    Random random = new Random(5);

    for (int step = 0; step < 20_000; step++) {
      int slot = random.nextInt(slots);
      if (present[slot]) {
        table.remove(keyOf[slot], slot);
        present[slot] = false;
      } else {
        keyOf[slot] = random.nextInt(5);
        table.add(keyOf[slot], slot);
        present[slot] = true;
      }
      int key = random.nextInt(5);
      assertThat(found(table, key, keyOf))
          .as("step %d", step)
          .isEqualTo(expected(key, keyOf, present));
    }
  }

  private static List<Integer> found(SlotTable table, int key, int[] keyOf) {
    int[] out = new int[keyOf.length];
    int end = table.candidates(key, out, 0, out.length);
    List<Integer> slots = new ArrayList<>();
    for (int slot : Arrays.copyOf(out, end)) {
      if (keyOf[slot] == key) {
        slots.add(slot);
      }
    }
    slots.sort(null);
    return slots;
  }

  private static List<Integer> expected(int key, int[] keyOf, boolean[] present) {
    List<Integer> slots = new ArrayList<>();
    for (int slot = 0; slot < keyOf.length; slot++) {
      if (present[slot] && keyOf[slot] == key) {
        slots.add(slot);
      }
    }
    return slots;
  }
}
