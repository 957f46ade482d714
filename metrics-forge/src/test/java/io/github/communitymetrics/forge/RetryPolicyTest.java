package io.github.communitymetrics.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 20261121})
  void delaysStayWithinTheJitterBandOfTheCappedExponential(long seed) {
    RetryPolicy p = new RetryPolicy(20, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5);
    SplittableRandom random = new SplittableRandom(seed);
    for (int retry = 1; retry <= 19; retry++) {
      long base = Math.min(30_000L, 500L << (retry - 1));
      long d = p.delay(retry, random).toMillis();
      assertTrue(d <= base && d >= base / 2, "seed " + seed + " retry " + retry + ": " + d);
    }
  }

  @Test
  void withoutJitterTheDelaysAreExact() {
    RetryPolicy p = new RetryPolicy(9, Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
    SplittableRandom r = new SplittableRandom(0);
    assertEquals(Duration.ofSeconds(1), p.delay(1, r));
    assertEquals(Duration.ofSeconds(8), p.delay(4, r));
    assertEquals(Duration.ofSeconds(10), p.delay(5, r));
    assertEquals(Duration.ofSeconds(10), p.delay(100, r));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.5));
    assertThrows(
        IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Double.NaN));
  }
}
