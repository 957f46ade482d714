package io.github.communitymetrics.core.metrics.responsiveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DurationSummary#of}'s shared summary of no durations is the one computing it gives, at
 * any confidence level (it is kept once for every repository without items).
 */
class DurationSummaryTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.8, 0.9, 0.95, 0.99, 0.999})
  void theSummaryOfNothingIsTheComputedOneAtEveryLevel(double level) {
    DurationSummary shared = DurationSummary.of(new long[0], new long[0], level);
    assertEquals(DurationSummary.summarize(new long[0], new long[0], level), shared);
    assertEquals(0, shared.completed());
    assertEquals(0, shared.censored());
  }
}
