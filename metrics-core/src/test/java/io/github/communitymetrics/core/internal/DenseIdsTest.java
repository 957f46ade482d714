package io.github.communitymetrics.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DenseIds}: the array and the hash table number the same keys the same way. */
class DenseIdsTest {

  @Test
  void idsInOrderOfFirstMeetingWhicheverRepresentation() {
    int range = 1_000_000;
    // a range far above what the scan may meet: the hash table; else the array
    DenseIds hashed = DenseIds.of(range, 10);
    DenseIds dense = DenseIds.of(range, range);
    SplittableRandom rnd = new SplittableRandom(7);
    int[] keys = new int[5_000]; // more than the table's first capacity: it grows
    for (int i = 0; i < keys.length; i++) {
      keys[i] = rnd.nextInt(i % 3 == 0 ? 50 : range);
    }
    for (int key : keys) {
      int id = hashed.id(key);
      assertEquals(id, dense.id(key));
      assertEquals(key, hashed.key(id));
      assertEquals(id, hashed.get(key));
    }
    assertEquals(dense.size(), hashed.size());
    for (int id = 0; id < hashed.size(); id++) {
      assertEquals(dense.key(id), hashed.key(id));
    }
    int first = keys[0];
    assertEquals(0, hashed.get(first));
    assertEquals(0, dense.id(first));
  }

  /**
   * Tables sized for 0, 1, 2 or a few keys (the one or two events of most repositories) number
   * keys as a map in order of meeting, also when the scan meets more keys than announced.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void smallTablesGrowAndNumberKeysInOrder(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int atMost : new int[] {0, 1, 2, 3, 5, 17}) {
      int range = rnd.nextBoolean() ? 1_000_000 : 100;
      DenseIds ids = DenseIds.of(range, atMost);
      java.util.Map<Integer, Integer> expected = new java.util.LinkedHashMap<>();
      int met = rnd.nextInt(3 * atMost + 40);
      for (int i = 0; i < met; i++) {
        int key = rnd.nextInt(i % 2 == 0 ? 8 : range);
        int id = expected.computeIfAbsent(key, k -> expected.size());
        assertEquals(id, ids.id(key), "seed " + seed + ", atMost " + atMost);
      }
      assertEquals(expected.size(), ids.size(), "seed " + seed);
      for (var e : expected.entrySet()) {
        assertEquals(e.getValue(), ids.get(e.getKey()), "seed " + seed);
        assertEquals(e.getKey(), ids.key(e.getValue()), "seed " + seed);
      }
      if (!expected.containsKey(range - 1)) {
        assertEquals(-1, ids.get(range - 1), "seed " + seed + ": a key not met");
      }
    }
  }

  @Test
  void absentKeysAndBadArguments() {
    DenseIds ids = DenseIds.of(100_000, 4);
    assertEquals(-1, ids.get(42));
    assertEquals(0, ids.id(42));
    assertEquals(1, ids.id(0));
    assertEquals(0, ids.id(42));
    assertEquals(2, ids.size());
    assertEquals(-1, DenseIds.of(10, 10).get(3));
    assertThrows(IndexOutOfBoundsException.class, () -> ids.key(2));
    assertThrows(IllegalArgumentException.class, () -> ids.id(-1));
    assertThrows(IllegalArgumentException.class, () -> DenseIds.of(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> DenseIds.of(1, -1));
  }
}
