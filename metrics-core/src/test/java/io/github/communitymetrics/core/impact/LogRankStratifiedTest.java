package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stratified log-rank test, worked by hand on tiny groups. */
class LogRankStratifiedTest {
  /**
   * Group 1 has one subject, in stratum 0, leaving at 2; group 2 has two, in stratum 1, one
   * leaving at 1 and one censored at 3. Pooled, they are compared (at t = 1: 3 at risk, 1 of
   * group 1, E = 1/3, V = 2/9; at t = 2: 2 at risk, E = 1/2, V = 1/4; O = 1, E = 5/6, V = 17/36,
   * chi^2 = 1/17); by stratum, nobody is compared with anyone of their own stratum: no test.
   */
  @Test
  void subjectsOfDifferentStrataAreNotCompared() {
    long[] t1 = {2};
    boolean[] e1 = {true};
    long[] t2 = {1, 3};
    boolean[] e2 = {true, false};
    LogRank pooled = LogRank.test(t1, e1, t2, e2).orElseThrow();
    assertEquals(1, pooled.observed());
    assertEquals(5.0 / 6, pooled.expected(), 1e-12);
    assertEquals(17.0 / 36, pooled.variance(), 1e-12);
    assertEquals(1.0 / 17, pooled.chiSquare(), 1e-12);
    assertEquals(Optional.empty(), LogRank.stratified(t1, e1, new int[] {0}, t2, e2, new int[] {1, 1}));
  }

  /**
   * Stratum 0: group 1 leaves at 1, group 2 is censored at 2 (t = 1: 2 at risk, E = 1/2, V =
   * 1/4, O = 1). Stratum 1: group 1 leaves at 4, group 2 at 3 (t = 3: E = 1/2, V = 1/4, O = 0;
   * t = 4: group 1 alone, E = 1, V = 0, O = 1). Summed: O = 2, E = 2, V = 1/2, chi^2 = 0, p = 1.
   */
  @Test
  void strataSumTheirObservedExpectedAndVariance() {
    LogRank r = LogRank.stratified(
        new long[] {1, 4}, new boolean[] {true, true}, new int[] {0, 1},
        new long[] {2, 3}, new boolean[] {false, true}, new int[] {0, 1}).orElseThrow();
    assertEquals(2, r.observed());
    assertEquals(2.0, r.expected(), 1e-12);
    assertEquals(0.5, r.variance(), 1e-12);
    assertEquals(0.0, r.chiSquare(), 1e-12);
    assertEquals(1.0, r.pValue(), 1e-12);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void oneStratumIsThePlainTest(long seed) {
    System.out.println("LogRankStratifiedTest seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    int n1 = 1 + rnd.nextInt(30);
    int n2 = 1 + rnd.nextInt(30);
    long[] t1 = rnd.longs(n1, 0, 20).toArray();
    long[] t2 = rnd.longs(n2, 0, 20).toArray();
    boolean[] e1 = new boolean[n1];
    boolean[] e2 = new boolean[n2];
    for (int i = 0; i < n1; i++) {
      e1[i] = rnd.nextBoolean();
    }
    for (int i = 0; i < n2; i++) {
      e2[i] = rnd.nextBoolean();
    }
    int label = rnd.nextInt();
    Optional<LogRank> plain = LogRank.test(t1, e1, t2, e2);
    Optional<LogRank> one = LogRank.stratified(t1, e1, filled(n1, label), t2, e2, filled(n2, label));
    assertEquals(plain, one, "seed " + seed);
  }

  private static int[] filled(int n, int label) {
    int[] out = new int[n];
    java.util.Arrays.fill(out, label);
    return out;
  }
}
