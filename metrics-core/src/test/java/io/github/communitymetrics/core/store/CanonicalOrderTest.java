package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.communitymetrics.core.event.Event;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The staging's canonical order ({@link Staging#canonicalOrder}) is the stable sort of the staged
 * positions by the full comparison, equal events in arrival order: whether the positions are
 * first sorted by second by counting (fewer seconds than events, as in a GH Archive hour, issue
 * 24: no 8-byte key per event at the build) or by sorted keys (more seconds than events).
 */
class CanonicalOrderTest {
  @ParameterizedTest(name = "{0} events")
  @ValueSource(ints = {1, 2, 7, 60, 119, 120, 121, 500, 3000})
  void isTheStableSortByTheFullComparison(int n) {
    for (long seed = 1; seed <= 5; seed++) {
      // RandomEvents spread over 120 seconds, about one in ten an equal copy of an earlier one.
      List<Event> events = RandomEvents.generate(seed * 7919 + n, n);
      Staging st = staged(events);
      int[] want = stableSort(st);
      long s = seed;
      assertArrayEquals(want, st.canonicalOrder(1), () -> "seed " + s);
    }
  }

  /**
   * Settled by several threads (each over whole seconds of its own range), the order is the one
   * thread's: enough events for three threads' shares ({@link Staging#PARALLEL_SETTLE_MIN}), about
   * 1,700 a second, so the ranges' boundaries fall inside seconds and must move to their ends.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void severalThreadsGiveTheSameOrder(long seed) {
    int n = 3 * Staging.PARALLEL_SETTLE_MIN + 12_345;
    List<Event> events = RandomEvents.generate(seed, n);
    Staging st = staged(events);
    int[] want = stableSort(st);
    for (int threads = 1; threads <= 4; threads++) {
      assertArrayEquals(want, st.canonicalOrder(threads), "seed " + seed + ", threads " + threads);
    }
  }

  private static Staging staged(List<Event> events) {
    Staging st = new Staging();
    events.forEach(st::add);
    st.prepare();
    return st;
  }

  /** The staged positions in a stable sort by the full comparison. */
  private static int[] stableSort(Staging st) {
    Integer[] expected = new Integer[st.size];
    for (int p = 0; p < st.size; p++) {
      expected[p] = p;
    }
    Arrays.sort(expected, st::compare); // stable
    return Arrays.stream(expected).mapToInt(Integer::intValue).toArray();
  }
}
