package io.github.communitymetrics.core.metrics.retention;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Period;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Who contributed in one period, and how many of the previous period's contributors stayed. All
 * lists are person keys in {@link Actor}'s order.
 *
 * @param period the period
 * @param active M(t): people with a contribution in the period
 * @param newcomers people whose first contribution in the metric's window falls in the period
 * @param returning active people who are not new and were not active in the previous period
 * @param retained M(t) and M(t-1): active people also active in the previous period
 * @param inactive CHAOSS inactive: people whose last contribution falls in this period and is at
 *     least the inactivity interval before the as-of instant
 * @param retentionPercent LFX: {@code 100 * |retained| / |M(t-1)|}; empty for the first period
 *     or when nobody was active in the previous period
 * @param lfxPoints the LFX points of {@code retentionPercent} ({@link #lfxPoints(double)})
 */
public record PeriodRetention(
    Period period,
    List<Actor> active,
    List<Actor> newcomers,
    List<Actor> returning,
    List<Actor> retained,
    List<Actor> inactive,
    OptionalDouble retentionPercent,
    OptionalInt lfxPoints) {

  /** Checks the components and copies the lists. */
  public PeriodRetention {
    Checks.notNull(period, "period");
    active = List.copyOf(active);
    newcomers = List.copyOf(newcomers);
    returning = List.copyOf(returning);
    retained = List.copyOf(retained);
    inactive = List.copyOf(inactive);
    Checks.notNull(retentionPercent, "retentionPercent");
    Checks.notNull(lfxPoints, "lfxPoints");
  }

  /**
   * The LFX Insights points (0 to 5) of a period-over-period retention in percent. LFX publishes
   * {@code < 2%: 0, 3-5%: 1, 6-9%: 2, 10-14%: 3, 15-19%: 4, >= 20%: 5}; the bins have gaps
   * (2-3%, 5-6%, ...). We read each published bin as starting at its lower bound and running up to
   * the next bin's lower bound, so a value earns a bin's points only once it reaches that bin:
   * {@code [0, 3): 0, [3, 6): 1, [6, 10): 2, [10, 15): 3, [15, 20): 4, [20, ...): 5}. For
   * example 2.5% gives 0 and 5.5% gives 1.
   *
   * @throws IllegalArgumentException if {@code percent} is negative or not a number
   */
  public static int lfxPoints(double percent) {
    if (!(percent >= 0)) {
      throw new IllegalArgumentException(
          "percent must be a non-negative number but was " + percent);
    }
    if (percent >= 20) {
      return 5;
    } else if (percent >= 15) {
      return 4;
    } else if (percent >= 10) {
      return 3;
    } else if (percent >= 6) {
      return 2;
    } else if (percent >= 3) {
      return 1;
    }
    return 0;
  }
}
