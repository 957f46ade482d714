package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The points of a series: one per calendar period of {@code unit} in {@code zone} from the
 * period containing {@code since} to the one containing the instant before {@code until}. Each
 * point evaluates a window ending at its period's end (or at {@code until}, for the last period
 * when it is not over): the period itself, or with {@code periodsPerWindow} above 1 a rolling
 * window of that many periods stepped by one period.
 *
 * @param unit the calendar period: day, ISO week, month, quarter or year
 * @param zone the zone whose midnights bound the periods
 * @param since the first period is the one containing this instant
 * @param until the series ends here: events at or after it are not measured
 * @param periodsPerWindow how many periods each point's window spans, at least 1
 */
public record SeriesSpec(
    PeriodUnit unit, ZoneId zone, Instant since, Instant until, int periodsPerWindow) {

  /** Checks the fields. */
  public SeriesSpec {
    Checks.notNull(unit, "unit");
    Checks.notNull(zone, "zone");
    Checks.notNull(since, "since");
    Checks.notNull(until, "until");
    Checks.argument(since.isBefore(until), "since must be before until: " + since + ", " + until);
    Checks.positive(periodsPerWindow, "periodsPerWindow");
  }

  /** One point per calendar period, each evaluating its own period. */
  public static SeriesSpec calendar(PeriodUnit unit, ZoneId zone, Instant since, Instant until) {
    return new SeriesSpec(unit, zone, since, until, 1);
  }

  /** One point per calendar period, each evaluating the {@code periods} periods ending with it. */
  public static SeriesSpec rolling(
      PeriodUnit unit, ZoneId zone, Instant since, Instant until, int periods) {
    return new SeriesSpec(unit, zone, since, until, periods);
  }

  /** The periods of the points, in time order. */
  public List<Period> periods() {
    return Period.covering(new Window(since, until), unit, zone);
  }

  /** The window of the point of {@code period}: the rolling span ending with it, cut at until. */
  Window window(Period period) {
    Period first = period;
    for (int i = 1; i < periodsPerWindow; i++) {
      first = first.previous();
    }
    Instant end = period.window().end().isAfter(until) ? until : period.window().end();
    return new Window(first.window().start(), end);
  }
}
