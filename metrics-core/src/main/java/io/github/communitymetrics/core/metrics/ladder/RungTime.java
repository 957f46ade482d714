package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * How long people stay on a rung before climbing: from reaching rung k to reaching k + 1 (or
 * higher), over the people who passed through rung k and reached it inside the metric's window.
 * Those who have not climbed by the window's end are right-censored there.
 *
 * <p>Quantiles are nearest-rank: the q-quantile is the smallest duration that at least a
 * fraction q of the durations do not exceed (for an even count the median is the lower middle
 * value). The Kaplan-Meier quantiles use the same rule on the product-limit estimate, treating
 * censored people as at risk up to and including their censoring time; without censoring they
 * equal the plain quantiles.
 *
 * @param rung the rung stood on ({@link Rung#D0}, {@link Rung#D1} or {@link Rung#D2})
 * @param climbed how many climbed before the window's end
 * @param censored how many had not climbed by then
 * @param median the median time of those who climbed; empty if none did
 * @param p90 the 90th percentile time of those who climbed; empty if none did
 * @param kaplanMeierMedian the Kaplan-Meier median over climbers and censored people together;
 *     empty if the estimated share still on the rung never falls to one half
 * @param kaplanMeierP90 the Kaplan-Meier 90th percentile; empty if the estimated share still on
 *     the rung never falls to one tenth
 */
public record RungTime(
    Rung rung,
    long climbed,
    long censored,
    Optional<Duration> median,
    Optional<Duration> p90,
    Optional<Duration> kaplanMeierMedian,
    Optional<Duration> kaplanMeierP90) {

  /** Checks the components. */
  public RungTime {
    Checks.notNull(rung, "rung");
    Checks.argument(rung != Rung.D3, "nobody climbs from D3");
    Checks.argument(climbed >= 0 && censored >= 0, "counts must not be negative");
    Checks.notNull(median, "median");
    Checks.notNull(p90, "p90");
    Checks.notNull(kaplanMeierMedian, "kaplanMeierMedian");
    Checks.notNull(kaplanMeierP90, "kaplanMeierP90");
  }
}
