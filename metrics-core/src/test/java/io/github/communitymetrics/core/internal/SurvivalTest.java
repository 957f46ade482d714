package io.github.communitymetrics.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SurvivalTest {
  static Duration d(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Test
  void nearestRankQuantiles() {
    List<Duration> sorted = List.of(d(1), d(2), d(3), d(4));
    assertEquals(Optional.of(d(2)), Survival.quantile(sorted, 1, 2), "lower middle of four");
    assertEquals(Optional.of(d(4)), Survival.quantile(sorted, 9, 10), "ceil(3.6) = 4th");
    assertEquals(Optional.of(d(3)), Survival.quantile(List.of(d(1), d(3), d(9)), 1, 2));
    assertEquals(Optional.empty(), Survival.quantile(List.of(), 1, 2));
  }

  @Test
  void kaplanMeierHitsOneHalfExactlyThroughNonDyadicFactors() {
    // Six at risk; t=1: one climbs (S = 5/6); t=2: two of five climb (S = 5/6 * 3/5 = 1/2).
    List<Duration> ds = List.of(d(1), d(2), d(2), d(3), d(3), d(3));
    boolean[] climbed = {true, true, true, false, false, false};
    assertEquals(Optional.of(d(2)), Survival.kaplanMeier(ds, climbed, 1, 2));
  }

  @Test
  void censoredAtAnEventTimeAreStillAtRiskThen() {
    // t=1: one event among 4 at risk (the censored one at t=1 included): S = 3/4; censored one
    // leaves; t=2: one of 2: S = 3/8 <= 1/2.
    List<Duration> ds = List.of(d(1), d(1), d(2), d(5));
    boolean[] climbed = {false, true, true, false};
    assertEquals(Optional.of(d(2)), Survival.kaplanMeier(ds, climbed, 1, 2));
    // Had the censored one left before the event at t=1, S(1) would be 2/3 and S(2) 1/3: same
    // median, so check the p25 too: S(1) = 3/4 <= 3/4 gives t=1.
    assertEquals(Optional.of(d(1)), Survival.kaplanMeier(ds, climbed, 1, 4));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void withoutCensoringKaplanMeierEqualsNearestRank(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 1 + rng.nextInt(60);
    List<Duration> ds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ds.add(d(rng.nextInt(20)));
    }
    boolean[] climbed = new boolean[n];
    Arrays.fill(climbed, true);
    List<Duration> sorted = new ArrayList<>(ds);
    sorted.sort(null);
    for (int[] q : new int[][] {{1, 2}, {9, 10}, {1, 4}, {1, 3}}) {
      assertEquals(
          Survival.quantile(sorted, q[0], q[1]),
          Survival.kaplanMeier(ds, climbed, q[0], q[1]),
          "seed " + seed + ", q " + q[0] + "/" + q[1] + ", " + ds);
    }
  }
}
