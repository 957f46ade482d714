package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConcentrationTest {
  private static Map<String, Long> counts(long... n) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < n.length; i++) {
      m.put("p" + i, n[i]);
    }
    return m;
  }

  @Test
  void chaossWorkedExampleGivesTwo() {
    // Half of 2475 is 1237.5; 1000 is not more, 1000 + 433 = 1433 is.
    Concentration<String> c =
        Concentration.of(
            counts(1000, 433, 343, 332, 202, 90, 42, 33), ShareRule.MORE_THAN_HALF, Comparator.naturalOrder());
    assertEquals(2, c.factor());
    assertEquals(2475, c.total());
    assertEquals(List.of("p0", "p1"), c.members().stream().map(Ranked::key).collect(Collectors.toList()));
  }

  @Test
  void exactlyHalfSeparatesStrictFromInclusiveRules() {
    Map<String, Long> m = counts(50, 30, 20);
    assertEquals(2, Concentration.of(m, ShareRule.MORE_THAN_HALF, Comparator.naturalOrder()).factor());
    assertEquals(1, Concentration.of(m, ShareRule.AT_LEAST_HALF, Comparator.naturalOrder()).factor());
    // 51% needs 50 + 30.
    assertEquals(2, Concentration.of(m, ShareRule.AT_LEAST_51_PERCENT, Comparator.naturalOrder()).factor());
  }

  @Test
  void emptyInputHasFactorZero() {
    Concentration<String> c = Concentration.of(Map.<String, Long>of(), ShareRule.MORE_THAN_HALF, Comparator.naturalOrder());
    assertEquals(0, c.factor());
    assertTrue(c.ranking().isEmpty());
    assertEquals(0, Concentration.of(counts(0, 0), ShareRule.MORE_THAN_HALF, Comparator.naturalOrder()).factor());
  }

  @Test
  void oneContributorHoldsEverything() {
    Concentration<String> c = Concentration.of(counts(7), ShareRule.MORE_THAN_HALF, Comparator.naturalOrder());
    assertEquals(1, c.factor());
    assertEquals(1.0, c.ranking().get(0).cumulativeShare());
  }

  @Test
  void tiesAreOrderedByTheTieOrder() {
    Concentration<String> c =
        Concentration.of(Map.of("b", 5L, "a", 5L, "c", 1L), ShareRule.MORE_THAN_HALF, Comparator.naturalOrder());
    assertEquals(List.of("a", "b", "c"), c.ranking().stream().map(Ranked::key).collect(Collectors.toList()));
    assertEquals(2, c.factor()); // 5/11 is not more than half; 10/11 is
  }

  @Test
  void rejectsNegativeCountsAndBadRules() {
    assertThrows(IllegalArgumentException.class,
        () -> Concentration.of(counts(-1), ShareRule.MORE_THAN_HALF, Comparator.naturalOrder()));
    assertThrows(IllegalArgumentException.class, () -> new ShareRule(3, 2, true));
    assertThrows(IllegalArgumentException.class, () -> new ShareRule(1, 0, true));
  }

  @Test
  void shareRuleIsExactEvenWhenProductsOverflowALong() {
    long big = Long.MAX_VALUE / 2 + 1;
    assertTrue(ShareRule.AT_LEAST_HALF.isMetBy(big, Long.MAX_VALUE));
    assertTrue(!ShareRule.AT_LEAST_HALF.isMetBy(big - 1, Long.MAX_VALUE));
  }

  /** Brute force: the smallest k whose top-k sum satisfies the rule, recomputed independently. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
  void matchesBruteForceAndNeverShrinksWhenSomeoneContributesMore(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(30);
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(1000);
    }
    for (ShareRule rule : List.of(ShareRule.MORE_THAN_HALF, ShareRule.AT_LEAST_HALF, ShareRule.AT_LEAST_51_PERCENT)) {
      Concentration<String> c = Concentration.of(counts(values), rule, Comparator.naturalOrder());
      long[] sorted = java.util.Arrays.stream(values).boxed().sorted(Comparator.reverseOrder()).mapToLong(Long::longValue).toArray();
      long total = java.util.Arrays.stream(values).sum();
      int expected = 0;
      long sum = 0;
      for (int k = 0; k < sorted.length && total > 0; k++) {
        sum += sorted[k];
        double share = (double) sum / total;
        boolean met = rule.inclusive() ? share >= rule.threshold() - 1e-12 : share > rule.threshold() + 1e-12;
        if (met) {
          expected = k + 1;
          break;
        }
      }
      assertEquals(expected, c.factor(), "seed " + seed + " rule " + rule);
      // The top contributor giving more can only concentrate the community further.
      if (c.factor() > 0) {
        Map<String, Long> more = counts(values);
        String top = c.ranking().get(0).key();
        more.merge(top, 10L, Long::sum);
        assertTrue(Concentration.of(more, rule, Comparator.naturalOrder()).factor() <= c.factor(), "seed " + seed);
      }
    }
  }
}
