package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.growth.Growth;
import io.github.communitymetrics.core.metrics.growth.GrowthByPeriod;
import io.github.communitymetrics.core.metrics.growth.StarBursts;
import io.github.communitymetrics.core.metrics.growth.Trend;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.function.ToLongFunction;

/**
 * The growth of every repository of a store over a span, period by period: the {@code growth}
 * metric on each calendar period (UTC) of the span ({@link GrowthByPeriod}, one pass per
 * repository), the robust trend ({@link Trend}) of
 * one of its series over the complete periods, and the {@code star-bursts} metric over the span.
 * Only orchestration: every number is a core metric's.
 *
 * <p>A kind (stars, forks, contributors, code contributors) has no data for a repository when the
 * data holds no event of that kind of it up to the span's end: a git clone records no stars, and
 * "0 new stars" would be a claim the source cannot make. Then each of its periods has no data;
 * otherwise a period without new ones is a real 0.
 */
final class GrowthSeries {

  /** A series that the trend can follow, by the {@code growth} metric's measurement name. */
  enum Series {
    NEW_STARGAZERS("newStargazers", r -> r.stargazers().added(), r -> r.stargazers().total()),
    FORKS("forks", r -> r.forks().added(), r -> r.forks().total()),
    NEW_CONTRIBUTORS("newContributors", r -> r.contributors().added(), r -> r.contributors().total()),
    NEW_CODE_CONTRIBUTORS(
        "newCodeContributors", r -> r.codeContributors().added(), r -> r.codeContributors().total()),
    ACTIVE_CONTRIBUTORS("activeContributors", Growth.Result::activeContributors, r -> r.contributors().total());

    final String measurement;
    private final ToLongFunction<Growth.Result> value;
    private final ToLongFunction<Growth.Result> evidence;

    Series(String measurement, ToLongFunction<Growth.Result> value, ToLongFunction<Growth.Result> evidence) {
      this.measurement = measurement;
      this.value = value;
      this.evidence = evidence;
    }

    /** The series named {@code name} (its measurement name, any case), if there is one. */
    static Optional<Series> named(String name) {
      for (Series s : values()) {
        if (s.measurement.equalsIgnoreCase(name.strip())) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    /** The names, for messages. */
    static String names() {
      List<String> out = new ArrayList<>();
      for (Series s : values()) {
        out.add(s.measurement);
      }
      return String.join(", ", out);
    }
  }

  /**
   * One period of a repository.
   *
   * @param period the calendar period (UTC)
   * @param window the instants counted: the period cut to the span
   * @param complete whether the period lies entirely inside the span (a trend reads only those)
   * @param growth the {@code growth} metric on {@code window}
   */
  record Point(Period period, Window window, boolean complete, Growth.Result growth) {}

  /**
   * One repository's growth.
   *
   * @param name its row name ({@link ScoreCommand#rowNames})
   * @param repository the repository
   * @param events its events in the data (any type, any time)
   * @param points one per period of the span, in time order
   * @param bursts the {@code star-bursts} metric over the span
   */
  record Repo(String name, Repository repository, long events, List<Point> points, StarBursts.Result bursts) {
    /** The last point's growth: the totals at the span's end. */
    Growth.Result last() {
      return points.get(points.size() - 1).growth();
    }

    /** Whether the data holds any event of the series' kind of this repository up to the span's end. */
    boolean hasData(Series s) {
      return s.evidence.applyAsLong(last()) > 0;
    }

    /** The series' value of a point; empty (no data) when the repository has none of its kind. */
    OptionalLong value(Series s, Point p) {
      return hasData(s) ? OptionalLong.of(s.value.applyAsLong(p.growth())) : OptionalLong.empty();
    }

    /** The series over the span: its sum over every period (the span's count); empty for no data. */
    OptionalLong total(Series s) {
      if (!hasData(s) || s == Series.ACTIVE_CONTRIBUTORS) {
        // People active in several periods would count several times: no sum.
        return OptionalLong.empty();
      }
      return OptionalLong.of(points.stream().mapToLong(p -> s.value.applyAsLong(p.growth())).sum());
    }

    /** How many periods the trend reads: the complete ones. */
    int trendPeriods() {
      return (int) points.stream().filter(Point::complete).count();
    }

    /**
     * The trend of the series over the complete periods; empty (no data) when the repository has
     * none of its kind or with fewer than {@link Trend#MIN_PERIODS} complete periods.
     */
    Optional<Trend> trend(Series s) {
      if (!hasData(s)) {
        return Optional.empty();
      }
      double[] y = points.stream().filter(Point::complete).mapToDouble(p -> s.value.applyAsLong(p.growth())).toArray();
      return Trend.of(y);
    }
  }

  /**
   * The span, its periods and every repository's growth.
   *
   * @param span from the first period's start (or --since) to the as-of instant
   * @param unit the period unit
   * @param repositories by row name
   */
  record Result(Window span, PeriodUnit unit, List<Repo> repositories) {}

  private GrowthSeries() {}

  /** The unit of {@code --period}: day, week (ISO, Monday to Sunday) or month. */
  static Optional<PeriodUnit> unit(String period) {
    switch (period.strip().toLowerCase(Locale.ROOT)) {
      case "day":
        return Optional.of(PeriodUnit.DAY);
      case "week":
        return Optional.of(PeriodUnit.ISO_WEEK);
      case "month":
        return Optional.of(PeriodUnit.MONTH);
      default:
        return Optional.empty();
    }
  }

  /** The word of a unit for people: day, week, month. */
  static String word(PeriodUnit unit) {
    return unit == PeriodUnit.ISO_WEEK ? "week" : unit.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Computes every repository's growth.
   *
   * @param base the window (the span), affiliations, commit basis and the star-bursts
   *     parameters; its scope is replaced by each repository's
   * @param unit the calendar period of the series (UTC)
   */
  static Result compute(EventStore store, People people, Evaluation base, PeriodUnit unit, ProgressTask task) {
    Window span = base.window();
    List<Period> periods = Period.covering(span, unit, ZoneOffset.UTC);
    List<Window> windows = new ArrayList<>();
    for (Period p : periods) {
      windows.add(p.window().intersection(span).orElseThrow());
    }
    Map<Repository, List<Point>> points = new LinkedHashMap<>();
    for (Repository r : store.repositories()) {
      // One pass over the repository's events for every period (GrowthByPeriod equals the growth
      // metric on each period's window).
      List<Growth.Result> each =
          GrowthByPeriod.compute(store.slice(r), people, base.withScope(RepositoryScope.of(r)), windows);
      List<Point> list = new ArrayList<>(each.size());
      for (int i = 0; i < each.size(); i++) {
        list.add(new Point(periods.get(i), windows.get(i), windows.get(i).equals(periods.get(i).window()), each.get(i)));
      }
      points.put(r, list);
      task.step(1);
    }
    SortedMap<Repository, Evaluated<StarBursts.Result>> bursts =
        StarBursts.INSTANCE.evaluateEachRepository(store, people, base);
    Map<Repository, String> names = ScoreCommand.rowNames(points.keySet());
    List<Repo> out = new ArrayList<>();
    points.forEach((r, list) -> out.add(
        new Repo(names.get(r), r, store.slice(r).size(), list, bursts.get(r).result())));
    out.sort(java.util.Comparator.comparing(Repo::name));
    return new Result(span, unit, out);
  }
}
