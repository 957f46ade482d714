package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric over a calendar: one point per period, each with the window it evaluated and its
 * measurements (with their evidence).
 *
 * <p>{@link #compute} builds a series of a {@link Locality#WINDOW} metric from per-period states:
 * it accumulates the events of each period once (a slice of the store, found in O(log n)) and
 * merges the states of consecutive periods into each rolling window, so the cost of a series is
 * about that of one evaluation over its whole span. Other metrics read history or other
 * repositories, so each point is evaluated on the whole store.
 *
 * @param metric the id of the metric
 * @param spec the calendar
 * @param points one per period of {@code spec}, in time order
 */
public record MetricSeries(String metric, SeriesSpec spec, List<Point> points) {

  /**
   * One point of a series.
   *
   * @param period the calendar period the point stands for
   * @param window the window evaluated: the period, or the rolling span ending with it; cut at
   *     {@link SeriesSpec#until()}
   * @param complete whether the period was over by {@link SeriesSpec#until()}
   * @param measurements the metric's measurements for that window
   */
  public record Point(Period period, Window window, boolean complete, List<Measurement> measurements) {
    /** Checks and copies the fields. */
    public Point {
      Checks.notNull(period, "period");
      Checks.notNull(window, "window");
      measurements = List.copyOf(measurements);
    }
  }

  /** Checks and copies the fields. */
  public MetricSeries {
    Checks.notBlank(metric, "metric");
    Checks.notNull(spec, "spec");
    points = List.copyOf(points);
  }

  /**
   * The series of {@code metric} over {@code store}.
   *
   * @param base the scope, affiliations, commit basis and parameters; its window is replaced by
   *     each point's
   */
  public static <R> MetricSeries compute(
      MetricDescriptor<R> metric, EventStore store, People people, Evaluation base, SeriesSpec spec) {
    Checks.notNull(metric, "metric");
    Checks.notNull(store, "store");
    Checks.notNull(people, "people");
    Checks.notNull(base, "base");
    Checks.notNull(spec, "spec");
    List<Period> periods = spec.periods();
    List<Point> points = new ArrayList<>(periods.size());
    if (metric.locality() == Locality.WINDOW) {
      fromPeriodStates(metric, store, people, base, spec, periods, points);
    } else {
      for (Period p : periods) {
        Evaluation e = base.withWindow(spec.window(p));
        R result = metric.metric(e).compute(store, people);
        points.add(point(metric, spec, p, e, result));
      }
    }
    return new MetricSeries(metric.id(), spec, points);
  }

  private static <R> Point point(
      MetricDescriptor<R> metric, SeriesSpec spec, Period p, Evaluation e, R result) {
    return new Point(
        p, e.window(), !p.window().end().isAfter(spec.until()), metric.measure(result, e));
  }

  /**
   * Accumulates each period's events once, then merges the states of the periods of each
   * window. Sound because a {@link Locality#WINDOW} metric's state of events inside two windows
   * does not depend on which of them configured it (tested for every such built-in metric).
   */
  private static <R> void fromPeriodStates(
      MetricDescriptor<R> metric,
      EventStore store,
      People people,
      Evaluation base,
      SeriesSpec spec,
      List<Period> periods,
      List<Point> points) {
    int k = spec.periodsPerWindow();
    // The periods whose states the windows need: the k - 1 before the first point, then the points'.
    List<Period> all = new ArrayList<>(periods);
    for (int i = 1; i < k && !periods.isEmpty(); i++) {
      all.add(0, all.get(0).previous());
    }
    // A window-local metric reads only its scope's events in the window: restrict to the scope
    // once (a repository's slice shares the store's per-repository index), then each period is
    // a binary search away.
    EventStore scoped = base.scope().restrict(store);
    List<Object> states = new ArrayList<>(all.size());
    for (Period p : all) {
      Window w = clip(p.window(), spec);
      states.add(accumulate(metric.metric(base.withWindow(w)), scoped.slice(w), people));
    }
    for (int j = 0; j < periods.size(); j++) {
      Period p = periods.get(j);
      Evaluation e = base.withWindow(spec.window(p));
      SliceMetric<?, R> m = metric.metric(e);
      int last = j + k - 1;
      R result = finishMerged(m, states.subList(last - k + 1, last + 1));
      points.add(point(metric, spec, p, e, result));
    }
  }

  private static Window clip(Window w, SeriesSpec spec) {
    return w.end().isAfter(spec.until()) ? new Window(w.start(), spec.until()) : w;
  }

  private static <S> Object accumulate(SliceMetric<S, ?> m, EventStore slice, People people) {
    return m.accumulate(slice, people);
  }

  @SuppressWarnings("unchecked") // states come from instances of the same metric class
  private static <S, R> R finishMerged(SliceMetric<S, R> m, List<Object> states) {
    S merged = (S) states.get(0);
    for (int i = 1; i < states.size(); i++) {
      merged = m.merge(merged, (S) states.get(i));
    }
    return m.finish(merged);
  }
}
