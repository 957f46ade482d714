package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * A measurement per UTC calendar day: {@code values[i]} belongs to the day {@code origin + i}
 * (commits, new contributors, opened issues, ... per day). Immutable: the array is copied in and
 * out.
 *
 * <p>Every day has a value: a day without activity is 0, but a day that was not observed has no
 * place here (no data is not zero), so cut the series to the span that was observed.
 *
 * @param origin the UTC day of {@code values[0]}
 * @param values one finite value per day; at least one
 */
public record DailySeries(LocalDate origin, double[] values) {

  /** Checks the components and copies the values. */
  public DailySeries {
    Checks.notNull(origin, "origin");
    Checks.notNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("values must not be empty");
    }
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "values must be finite but values[" + i + "] (" + origin.plusDays(i) + ") was " + values[i]);
      }
    }
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value of day {@code i}, {@code 0 <= i < length()}. */
  public double value(int i) {
    return values[i];
  }

  /** The number of days. */
  public int length() {
    return values.length;
  }

  /** The UTC day of index {@code i}. */
  public LocalDate day(int i) {
    return origin.plusDays(i);
  }

  /**
   * The days {@code event} covers: from the UTC day of its start through the UTC day of its last
   * instant (its end is exclusive, so an event ending at midnight does not cover the next day).
   *
   * @throws IllegalArgumentException if the event does not lie within the series
   */
  public EventDays daysOf(CommunityEvent event) {
    Checks.notNull(event, "event");
    long first = ChronoUnit.DAYS.between(origin, dayOf(event.start()));
    long last = ChronoUnit.DAYS.between(origin, dayOf(event.end().minusNanos(1)));
    if (!(first >= 0 && last < values.length)) {
      throw new IllegalArgumentException(
          "event " + event.name() + " (" + event.start() + " to " + event.end()
              + ") does not lie within the series (" + origin + " to " + day(values.length - 1) + ")");
    }
    return new EventDays((int) first, (int) last);
  }

  private static LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailySeries other && origin.equals(other.origin) && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * origin.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "DailySeries[origin=" + origin + ", days=" + values.length + "]";
  }
}
