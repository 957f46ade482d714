package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A distribution of delays, such as the time from a star to a first contribution.
 *
 * <p>Quantiles interpolate linearly between closest ranks (Hyndman and Fan's type 7, the default
 * of R, NumPy and spreadsheet {@code PERCENTILE.INC}): with the n delays sorted as {@code x[0] <=
 * ... <= x[n-1]}, {@code h = (n - 1) * p} computed exactly in decimal, the {@code p}-quantile is
 * {@code x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h])}, rounded half up to the
 * nanosecond. So the median of an even count is the midpoint of the middle two.
 *
 * @param delays every delay, shortest first
 */
public record DelayDistribution(List<Duration> delays) {

  /** Sorts and copies the delays; they must not be negative. */
  public DelayDistribution {
    List<Duration> sorted = new ArrayList<>(Checks.notNull(delays, "delays"));
    for (Duration d : sorted) {
      if (Checks.notNull(d, "delay").isNegative()) {
        throw new IllegalArgumentException("negative delay " + d);
      }
    }
    Collections.sort(sorted);
    delays = List.copyOf(sorted);
  }

  /** The distribution of {@code delays}, in any order. */
  public static DelayDistribution of(Collection<Duration> delays) {
    return new DelayDistribution(List.copyOf(delays));
  }

  /** How many delays. */
  public int count() {
    return delays.size();
  }

  /** The shortest delay; empty without delays. */
  public Optional<Duration> min() {
    return delays.isEmpty() ? Optional.empty() : Optional.of(delays.get(0));
  }

  /** The longest delay; empty without delays. */
  public Optional<Duration> max() {
    return delays.isEmpty() ? Optional.empty() : Optional.of(delays.get(delays.size() - 1));
  }

  /** The median (the 0.5-quantile); empty without delays. */
  public Optional<Duration> median() {
    return quantile(0.5);
  }

  /** The 90th percentile (the 0.9-quantile); empty without delays. */
  public Optional<Duration> p90() {
    return quantile(0.9);
  }

  /**
   * The {@code p}-quantile by the rule above; empty without delays.
   *
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
   */
  public Optional<Duration> quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be between 0 and 1 but was " + p);
    }
    if (delays.isEmpty()) {
      return Optional.empty();
    }
    // valueOf(p) is p's shortest decimal form, so 0.9 * 10 is exactly 9, not 9.000000000000002.
    BigDecimal h = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(delays.size() - 1L));
    int lo = h.setScale(0, RoundingMode.FLOOR).intValueExact();
    BigDecimal fraction = h.subtract(BigDecimal.valueOf(lo));
    Duration low = delays.get(lo);
    if (fraction.signum() == 0) {
      return Optional.of(low);
    }
    Duration gap = delays.get(lo + 1).minus(low);
    BigDecimal gapNanos =
        BigDecimal.valueOf(gap.getSeconds()).movePointRight(9).add(BigDecimal.valueOf(gap.getNano()));
    BigDecimal step = gapNanos.multiply(fraction).setScale(0, RoundingMode.HALF_UP);
    BigDecimal[] secondsAndNanos = step.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    return Optional.of(
        low.plusSeconds(secondsAndNanos[0].longValueExact())
            .plusNanos(secondsAndNanos[1].longValueExact()));
  }
}
