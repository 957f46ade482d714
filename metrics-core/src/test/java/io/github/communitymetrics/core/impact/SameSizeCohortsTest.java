package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.metrics.confidence.IntervalMethod;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hypergeometric probabilities worked by hand: a pool of 10 newcomers of whom 3 converted, drawn
 * 4 at a time. C(10,4) = 210 draws; P(k converted) = C(3,k) C(7,4-k) / 210 = 35, 105, 63 and 7
 * out of 210 for k = 0, 1, 2, 3.
 */
class SameSizeCohortsTest {
  static final Duration HORIZON = Duration.ofDays(90);

  static CohortConversion conversion(int cohort, int eligible, int converted, Duration horizon) {
    Optional<ProportionInterval> rate = eligible == 0
        ? Optional.empty()
        : Optional.of(ProportionInterval.of(IntervalMethod.WILSON, converted, eligible, 0.95));
    return new CohortConversion(cohort, eligible, converted, horizon, rate);
  }

  @Test
  void allFourOfACohortConvertingIsRareInThatPool() {
    // 3 converted: only k = 3 is at most as likely (7/210).
    SameSizeCohorts s = SameSizeCohorts.of(conversion(5, 4, 3, HORIZON), conversion(12, 10, 3, HORIZON), 0.9)
        .orElseThrow();
    assertEquals(4, s.size());
    assertEquals(3, s.converted());
    assertEquals(10, s.pool());
    assertEquals(3, s.poolConverted());
    assertEquals(0.3, s.expected(), 1e-15);
    assertEquals(7 / 210.0, s.pValue(), 1e-12);
    // 90 %: the 5 % quantile is 0 (P(0) = 35/210 >= 0.05), the 95 % one 2 (P(<= 1) = 140/210,
    // P(<= 2) = 203/210 >= 0.95); as shares of 4.
    assertEquals(0.0, s.lower());
    assertEquals(0.5, s.upper());
  }

  @Test
  void noneConvertingIsOrdinary() {
    // k = 0 has 35/210; k = 3 (7/210) is less likely: p = 42/210.
    SameSizeCohorts s = SameSizeCohorts.of(conversion(4, 4, 0, HORIZON), conversion(10, 10, 3, HORIZON), 0.9)
        .orElseThrow();
    assertEquals(42 / 210.0, s.pValue(), 1e-12);
    // The most likely count: every count is at most as likely, p = 1.
    SameSizeCohorts typical = SameSizeCohorts.of(conversion(4, 4, 1, HORIZON), conversion(10, 10, 3, HORIZON), 0.9)
        .orElseThrow();
    assertEquals(1.0, typical.pValue(), 1e-12);
  }

  @Test
  void noEligibleMemberOrASmallPoolGivesNothing() {
    assertTrue(SameSizeCohorts.of(conversion(3, 0, 0, HORIZON), conversion(10, 10, 3, HORIZON), 0.9).isEmpty());
    assertTrue(SameSizeCohorts.of(conversion(5, 5, 1, HORIZON), conversion(9, 4, 3, HORIZON), 0.9).isEmpty(),
        "4 eligible in the pool cannot give a cohort of 5");
  }

  @Test
  void refusesDifferentHorizonsAndLevels() {
    assertThrows(IllegalArgumentException.class, () -> SameSizeCohorts.of(
        conversion(4, 4, 1, HORIZON), conversion(10, 10, 3, Duration.ofDays(30)), 0.9));
    assertThrows(IllegalArgumentException.class, () -> SameSizeCohorts.of(
        conversion(4, 4, 1, HORIZON), conversion(10, 10, 3, HORIZON), 1.0));
  }
}
