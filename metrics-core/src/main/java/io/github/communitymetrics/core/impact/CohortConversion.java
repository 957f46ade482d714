package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import java.time.Duration;
import java.util.Optional;

/**
 * How many of a cohort came back: a second contribution, strictly after the first, within a
 * horizon of the first.
 *
 * @param cohort the people in the cohort
 * @param eligible those whose horizon had passed by the as-of instant ({@code first + horizon <=
 *     asOf}): only for them is "no second contribution" known. The others are left out rather
 *     than counted as not converted, which would bias the rate down
 * @param converted the eligible people with a second contribution within the horizon
 * @param horizon the horizon after the first contribution
 * @param rate {@code converted / eligible} with its interval; empty when nobody is eligible
 */
public record CohortConversion(
    int cohort, int eligible, int converted, Duration horizon, Optional<ProportionInterval> rate) {

  /** Checks the components. */
  public CohortConversion {
    if (!(0 <= converted && converted <= eligible && eligible <= cohort)) {
      throw new IllegalArgumentException(
          "need 0 <= converted <= eligible <= cohort but were " + converted + ", " + eligible + ", " + cohort);
    }
    Checks.notNull(horizon, "horizon");
    Checks.notNull(rate, "rate");
    if (rate.isPresent() != (eligible > 0)) {
      throw new IllegalArgumentException("rate must be present exactly when someone is eligible");
    }
  }
}
