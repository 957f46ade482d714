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
      Staging st = new Staging();
      events.forEach(st::add);
      st.prepare();
      Integer[] expected = new Integer[n];
      for (int p = 0; p < n; p++) {
        expected[p] = p;
      }
      Arrays.sort(expected, st::compare); // stable
      int[] want = Arrays.stream(expected).mapToInt(Integer::intValue).toArray();
      long s = seed;
      assertArrayEquals(want, st.canonicalOrder(), () -> "seed " + s);
    }
  }
}
