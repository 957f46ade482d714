package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A packed column gives back every value set, for every width from 1 to 32 bits, at sizes on and
 * around the boundaries of its 64-bit words (values straddling two words among them), with the
 * least and greatest values of the width, set in any order. Seeded: the seed and width are in
 * each case's name and message.
 */
class PackedIntsTest {

  static Stream<Arguments> seedsAndWidths() {
    return IntStream.rangeClosed(1, 32)
        .boxed()
        .flatMap(w -> IntStream.rangeClosed(1, 6).mapToObj(seed -> Arguments.of((long) seed, w)));
  }

  /** Sizes at which {@code size * width} is on, just below or just above a multiple of 64 bits. */
  private static List<Integer> sizes(Random random, int width) {
    List<Integer> sizes = new ArrayList<>(List.of(0, 1, 2, 63, 64, 65, 127, 128, 129));
    for (int words = 1; words <= 4; words++) {
      int exact = words * 64 / width;
      sizes.add(exact);
      sizes.add(exact + 1);
      if (exact > 0) {
        sizes.add(exact - 1);
      }
    }
    sizes.add(random.nextInt(3000));
    return sizes;
  }

  @ParameterizedTest(name = "seed {0}, width {1}")
  @MethodSource("seedsAndWidths")
  void givesBackEveryValueSetInAnyOrder(long seed, int width) {
    Random random = new Random(seed * 31 + width);
    long max = (1L << width) - 1;
    for (int size : sizes(random, width)) {
      String where = "seed " + seed + ", width " + width + ", size " + size;
      int[] values = new int[size];
      for (int i = 0; i < size; i++) {
        long v =
            switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> max;
              default -> random.nextLong() & max;
            };
        values[i] = (int) v;
      }
      PackedInts packed = new PackedInts(size, width);
      int[] order = IntStream.range(0, size).toArray();
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i : order) {
        packed.set(i, values[i]);
      }
      for (int i = 0; i < size; i++) {
        assertEquals(values[i], packed.get(i), where + ", position " + i);
      }
      long bytes = ((long) size * width + 7) / 8 + 7;
      assertEquals(Sizes.object(20) + Sizes.array((int) bytes, 1), packed.estimatedBytes(), where);
    }
  }

  @ParameterizedTest(name = "width {0}")
  @ValueSource(ints = {1, 2, 7, 17, 31})
  void rejectsValuesBeyondTheWidth(int width) {
    PackedInts packed = new PackedInts(3, width);
    assertThrows(IllegalArgumentException.class, () -> packed.set(1, 1 << width));
    assertThrows(IllegalArgumentException.class, () -> packed.set(1, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> packed.set(3, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> packed.set(-1, 0));
    assertEquals(0, packed.get(1), "nothing written by the rejected sets");
  }

  @Test
  void rejectsWidthsOutsideOneToThirtyTwoNegativeSizesAndTooManyBits() {
    assertThrows(IllegalArgumentException.class, () -> new PackedInts(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new PackedInts(1, 33));
    assertThrows(IllegalArgumentException.class, () -> new PackedInts(-1, 5));
    // More bits than an array of bytes holds: rejected before allocating.
    assertThrows(IllegalArgumentException.class, () -> new PackedInts(Integer.MAX_VALUE, 9));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PackedInts((int) (PackedInts.MAX_BITS / 32) + 1, 32));
  }

  @Test
  void widthHoldsEveryIndexOfTheTableAndNoMore() {
    assertEquals(1, PackedInts.width(0));
    assertEquals(1, PackedInts.width(1));
    assertEquals(1, PackedInts.width(2));
    assertEquals(17, PackedInts.width(91_069));
    for (int k = 1; k <= 31; k++) {
      long entries = 1L << k;
      for (long t = entries - 1; t <= Math.min(entries + 1, Integer.MAX_VALUE); t++) {
        int w = PackedInts.width((int) t);
        assertTrue(t - 1 < 1L << w, "index " + (t - 1) + " fits " + w + " bits");
        assertTrue(w == 1 || t - 1 >= 1L << (w - 1), "width " + w + " for " + t + " entries is least");
      }
    }
  }
}
