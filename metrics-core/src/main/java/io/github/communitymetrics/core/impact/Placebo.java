package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.confidence.IntervalMethod;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A placebo check: the same test at dates where nothing happened. A pseudo-event as long as the
 * real one is placed at R dates drawn at random without replacement, each such that the days the
 * test reads lie within the series and at least {@code margin} days away from the real event
 * (they may not touch {@code [first - margin, last + margin]}). The share of placebo runs with
 * {@code p < alpha} estimates how often the test calls "significant" where there was no event: if
 * it is well above alpha, the test's p-values on this series are too small (autocorrelation,
 * trend, seasonality), and the real result deserves as much doubt.
 *
 * @param test the test repeated, as its {@code toString} describes it
 * @param alpha the significance level
 * @param runs the placebo runs made: R, or fewer when fewer dates qualify
 * @param results each run: the pseudo-event's first day and its p-value (empty where the test had
 *     no result), in the order drawn
 * @param rejections the runs with {@code p < alpha}
 * @param falsePositiveRate {@code rejections / runs with a p-value} with a Clopper-Pearson
 *     interval at level {@code 1 - alpha}; empty when no run had a p-value
 */
public record Placebo(
    String test,
    double alpha,
    int runs,
    List<Run> results,
    int rejections,
    Optional<ProportionInterval> falsePositiveRate) {

  /**
   * One placebo run.
   *
   * @param firstDay the pseudo-event's first day
   * @param pValue the test's p-value there; empty when it had none
   */
  public record Run(int firstDay, OptionalDouble pValue) {
    /** Checks the components. */
    public Run {
      Checks.notNegative(firstDay, "firstDay");
      Checks.notNull(pValue, "pValue");
    }
  }

  /** Checks the components and copies the list. */
  public Placebo {
    Checks.notNull(test, "test");
    results = List.copyOf(results);
    if (runs != results.size()) {
      throw new IllegalArgumentException("runs (" + runs + ") must equal the results (" + results.size() + ")");
    }
    Checks.notNegative(rejections, "rejections");
    Checks.notNull(falsePositiveRate, "falsePositiveRate");
  }

  /**
   * Runs {@code test} at placebo dates of {@code series}, away from {@code event}.
   *
   * @throws IllegalArgumentException if no date qualifies
   */
  public static Placebo run(DailySeries series, EventDays event, ImpactPValue test, PlaceboParameters parameters) {
    return run(series, event, List.of(), test, parameters);
  }

  /**
   * Runs {@code test} at placebo dates of {@code series}, away from {@code event} and from each
   * of {@code others} (the calendar's other events within the series), by the same margin.
   *
   * @throws IllegalArgumentException if no date qualifies
   */
  public static Placebo run(
      DailySeries series, EventDays event, List<EventDays> others, ImpactPValue test, PlaceboParameters parameters) {
    Checks.notNull(series, "series");
    Checks.notNull(event, "event");
    Checks.notNull(others, "others");
    Checks.notNull(test, "test");
    Checks.notNull(parameters, "parameters");
    int len = event.length();
    int before = test.daysBefore();
    int after = test.daysAfter();
    List<EventDays> avoided = new ArrayList<>();
    avoided.add(event);
    for (EventDays o : others) {
      avoided.add(Checks.notNull(o, "others element"));
    }
    List<Integer> starts = new ArrayList<>();
    for (int s = before; (long) s + len - 1 + after < series.length(); s++) {
      long spanFrom = s - before;
      long spanTo = (long) s + len - 1 + after;
      boolean clear = true;
      for (EventDays a : avoided) {
        if (spanTo >= (long) a.first() - parameters.margin() && spanFrom <= (long) a.last() + parameters.margin()) {
          clear = false;
          break;
        }
      }
      if (clear) {
        starts.add(s);
      }
    }
    if (starts.isEmpty()) {
      throw new IllegalArgumentException(
          "no placebo date fits: the test reads " + before + " days before and " + after
              + " after a " + len + "-day event, " + parameters.margin() + " days away from days "
              + event.first() + " to " + event.last()
              + (others.isEmpty() ? "" : " and " + others.size() + " other events")
              + ", in a series of " + series.length() + " days");
    }
    SplittableRandom random = new SplittableRandom(parameters.seed());
    int runs = Math.min(parameters.runs(), starts.size());
    List<Run> results = new ArrayList<>();
    int tested = 0;
    int rejections = 0;
    for (int r = 0; r < runs; r++) {
      // A partial Fisher-Yates shuffle: the first r entries are the dates drawn so far.
      int j = r + random.nextInt(starts.size() - r);
      Integer s = starts.get(j);
      starts.set(j, starts.get(r));
      starts.set(r, s);
      OptionalDouble p = test.pValue(series, new EventDays(s, s + len - 1), random.nextLong());
      results.add(new Run(s, p));
      if (p.isPresent()) {
        tested++;
        if (p.getAsDouble() < parameters.alpha()) {
          rejections++;
        }
      }
    }
    Optional<ProportionInterval> rate =
        tested == 0
            ? Optional.empty()
            : Optional.of(ProportionInterval.of(IntervalMethod.CLOPPER_PEARSON, rejections, tested, 1 - parameters.alpha()));
    return new Placebo(test.toString(), parameters.alpha(), runs, results, rejections, rate);
  }
}
