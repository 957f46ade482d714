package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * New contributors per UTC day: the daily series whose value on a day is the number of people
 * whose first contribution falls on it, the series an event's effect on newcomers is measured on.
 */
public final class NewContributorSeries {
  private NewContributorSeries() {}

  /**
   * The people of {@code people} whose first contribution falls on each UTC day from {@code from}
   * (inclusive) to {@code to} (exclusive), 0 on days without one. People whose first contribution
   * lies outside the span are in no day. A first contribution is only the first in the data
   * given: start the series after the first day of the data, where everyone active looks new.
   *
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  public static DailySeries of(Collection<PersonContributions> people, LocalDate from, LocalDate to) {
    Checks.notNull(people, "people");
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
    }
    double[] values = new double[Math.toIntExact(ChronoUnit.DAYS.between(from, to))];
    for (PersonContributions p : people) {
      Checks.notNull(p, "people element");
      long day = ChronoUnit.DAYS.between(from, LocalDate.ofInstant(p.first(), ZoneOffset.UTC));
      if (day >= 0 && day < values.length) {
        values[(int) day]++;
      }
    }
    return new DailySeries(from, values);
  }
}
