package io.github.communitymetrics.core.metrics.newcomers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Newcombe's hybrid score interval against the published values: Newcombe (1998), "Interval
 * estimation for the difference between independent proportions: comparison of eleven methods",
 * Statistics in Medicine 17, Table II, method 10 (score, no continuity correction).
 */
class ProportionDifferenceTest {
  @Test
  void newcombesExamples() {
    // (a) 56/70 - 48/80 = 0.8 - 0.6 = 0.2, 95% interval 0.0524 to 0.3339.
    ProportionDifference a = ProportionDifference.of(56, 70, 48, 80, 0.95).orElseThrow();
    assertEquals(0.2, a.estimate(), 1e-12);
    assertEquals(0.0524, a.lower(), 5e-5);
    assertEquals(0.3339, a.upper(), 5e-5);
    // (b) 9/10 - 3/10: 0.6, 0.1705 to 0.8090.
    ProportionDifference b = ProportionDifference.of(9, 10, 3, 10, 0.95).orElseThrow();
    assertEquals(0.1705, b.lower(), 5e-5);
    assertEquals(0.8090, b.upper(), 5e-5);
    // (g) 10/10 - 0/10: 1, 0.6075 to 1.
    ProportionDifference g = ProportionDifference.of(10, 10, 0, 10, 0.95).orElseThrow();
    assertEquals(0.6075, g.lower(), 5e-5);
    assertEquals(1.0, g.upper(), 0);
  }

  @Test
  void anEmptyGroupHasNoInterval() {
    assertEquals(Optional.empty(), ProportionDifference.of(0, 0, 1, 2, 0.95));
    assertEquals(Optional.empty(), ProportionDifference.of(1, 2, 0, 0, 0.95));
  }
}
