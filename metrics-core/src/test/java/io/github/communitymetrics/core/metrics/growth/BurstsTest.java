package io.github.communitymetrics.core.metrics.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.metrics.growth.Bursts.Burst;
import io.github.communitymetrics.core.metrics.growth.Bursts.Occurrence;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BurstsTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static List<Window> days(int n) {
    List<Window> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Window.startingAt(T0.plus(Duration.ofDays(i)), Duration.ofDays(1)));
    }
    return out;
  }

  @Test
  void aSpikeAboveTheTrailingBandIsFlagged() {
    // Window 4: before period 4 the counts 2 4 2 4 have mean 3 and population sd 1, so the band
    // with k = 2 is 5: 5 is not above it, 6 is.
    assertArrayEquals(
        new boolean[] {false, false, false, false, false},
        Bursts.flags(new long[] {2, 4, 2, 4, 5}, 4, 2));
    assertArrayEquals(
        new boolean[] {false, false, false, false, true},
        Bursts.flags(new long[] {2, 4, 2, 4, 6}, 4, 2));
  }

  @Test
  void aBurstReportsItsSpanSizeAndNewAccounts() {
    // 10 days; "old" stars once a day on days 0-9. Days 6 and 7 add 4 and 3 stars by new accounts
    // n1..n4 (n1 twice: day 6 and day 7) and one more by "old".
    List<Occurrence<String>> events = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      events.add(new Occurrence<>(T0.plus(Duration.ofDays(d)).plusSeconds(60), "old"));
    }
    for (String a : List.of("n1", "n2", "n3", "n4")) {
      events.add(new Occurrence<>(T0.plus(Duration.ofDays(6)).plusSeconds(3600), a));
    }
    events.add(new Occurrence<>(T0.plus(Duration.ofDays(7)).plusSeconds(3600), "n1"));
    events.add(new Occurrence<>(T0.plus(Duration.ofDays(7)).plusSeconds(7200), "old"));
    events.add(new Occurrence<>(T0.plus(Duration.ofDays(7)).plusSeconds(9000), "n5"));
    // Days 0-5 have count 1 (sd 0): day 6 (5 events) is above; day 7 (4 events) against days
    // 2..6 with window 5: mean 9/5 = 1.8, sd 1.6, band 5.0 with k = 2: 4 is not above. With k = 1
    // the band is 3.4 and day 7 joins the burst.
    List<Burst> k2 = Bursts.bollinger(days(10), events, 5, 2);
    assertEquals(1, k2.size());
    Burst b = k2.get(0);
    assertEquals(Window.of(T0.plus(Duration.ofDays(6)), T0.plus(Duration.ofDays(7))), b.window());
    assertEquals(5, b.size());
    assertEquals(5, b.accounts());
    assertEquals(4, b.newAccounts());
    assertEquals(4, b.newAccountEvents());
    assertEquals(0.8, b.newAccountShare(), 1e-15);

    List<Burst> k1 = Bursts.bollinger(days(10), events, 5, 1);
    assertEquals(1, k1.size());
    Burst w = k1.get(0);
    assertEquals(2, w.periods());
    assertEquals(Window.of(T0.plus(Duration.ofDays(6)), T0.plus(Duration.ofDays(8))), w.window());
    assertEquals(9, w.size());
    assertEquals(6, w.accounts());
    assertEquals(5, w.newAccounts()); // n1..n5; "old" started on day 0
    assertEquals(6, w.newAccountEvents()); // n1 twice, n2, n3, n4, n5
  }

  @Test
  void burstinessCoefficientOfKnownSequences() {
    // Gaps 1 1 1 1: s = 0, B = -1 (regular).
    assertEquals(-1.0, Bursts.burstinessCoefficient(seconds(0, 1, 2, 3, 4)).getAsDouble());
    // Gaps 1 3: m = 2, s = 1, B = (1 - 2)/(1 + 2) = -1/3.
    assertEquals(-1.0 / 3, Bursts.burstinessCoefficient(seconds(0, 1, 4)).getAsDouble(), 1e-15);
    // Gaps 0 0 0 8: m = 2, s = sqrt((4+4+4+36)/4) = sqrt(12), B = (sqrt 12 - 2)/(sqrt 12 + 2).
    double s = Math.sqrt(12);
    assertEquals((s - 2) / (s + 2), Bursts.burstinessCoefficient(seconds(0, 0, 0, 0, 8)).getAsDouble(), 1e-15);
    assertEquals(OptionalDouble.empty(), Bursts.burstinessCoefficient(seconds(0, 5)));
    assertEquals(OptionalDouble.empty(), Bursts.burstinessCoefficient(seconds(3, 3, 3)));
  }

  private static List<Instant> seconds(long... s) {
    return LongStream.of(s).mapToObj(T0::plusSeconds).toList();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 100).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aConstantSeriesHasNoBurst(long seed) {
    Random r = new Random(seed);
    long[] counts = new long[1 + r.nextInt(200)];
    java.util.Arrays.fill(counts, r.nextInt(1000));
    boolean[] flags = Bursts.flags(counts, 2 + r.nextInt(30), r.nextDouble() * 4);
    for (int i = 0; i < flags.length; i++) {
      assertFalse(flags[i], "seed " + seed + " period " + i);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aPerfectlyRegularSequenceHasBMinusOne(long seed) {
    Random r = new Random(seed);
    long gap = 1 + r.nextInt(1_000_000);
    long start = r.nextInt(1_000_000_000);
    List<Instant> events = new ArrayList<>();
    for (int i = 0; i < 3 + r.nextInt(500); i++) {
      events.add(Instant.ofEpochSecond(start + i * gap));
    }
    java.util.Collections.shuffle(events, r);
    assertEquals(-1.0, Bursts.burstinessCoefficient(events).getAsDouble(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aPoissonProcessHasBNearZeroAndBurstsAddUp(long seed) {
    Random r = new Random(seed);
    List<Instant> events = new ArrayList<>();
    List<Occurrence<Integer>> occurrences = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < 20_000; i++) {
      t += -Math.log(1 - r.nextDouble()) * 3600; // exponential gaps, mean one hour
      Instant at = T0.plusMillis(Math.round(t * 1000));
      events.add(at);
      occurrences.add(new Occurrence<>(at, r.nextInt(3000)));
    }
    // B's standard error at 20,000 gaps is about 0.005: 0.03 is six of them.
    double b = Bursts.burstinessCoefficient(events).getAsDouble();
    assertEquals(0.0, b, 0.03, "seed " + seed);
    int days = (int) (t / 86400) + 1;
    List<Window> periods = days(days);
    boolean[] flags = Bursts.flags(dailyCounts(occurrences, days), 7, 2);
    List<Burst> bursts = Bursts.bollinger(periods, occurrences, 7, 2);
    int flagged = 0;
    for (boolean f : flags) {
      flagged += f ? 1 : 0;
    }
    assertEquals(flagged, bursts.stream().mapToInt(Burst::periods).sum(), "seed " + seed);
    for (Burst x : bursts) {
      assertTrue(x.newAccountEvents() <= x.size() && x.newAccounts() <= x.accounts(), "seed " + seed);
    }
  }

  private static long[] dailyCounts(List<Occurrence<Integer>> events, int days) {
    long[] c = new long[days];
    for (Occurrence<Integer> o : events) {
      c[(int) Duration.between(T0, o.at()).toDays()]++;
    }
    return c;
  }
}
