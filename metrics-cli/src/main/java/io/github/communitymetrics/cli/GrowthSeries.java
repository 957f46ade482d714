package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.growth.Growth;
import io.github.communitymetrics.core.metrics.growth.GrowthByPeriod;
import io.github.communitymetrics.core.metrics.growth.StarBursts;
import io.github.communitymetrics.core.metrics.growth.Trend;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

  private final EventStore store;
  private final People people;
  private final Evaluation base;
  private final PeriodUnit unit;
  private final List<Period> periods;
  private final List<Window> windows;
  private final Map<Repository, String> names;

  /**
   * The series of every repository of {@code store}, computed one repository at a time ({@link
   * #of}), so that a long span of many repositories is never held in memory at once.
   *
   * @param base the window (the span), affiliations, commit basis and the star-bursts
   *     parameters; its scope is replaced by each repository's
   * @param unit the calendar period of the series (UTC)
   */
  GrowthSeries(EventStore store, People people, Evaluation base, PeriodUnit unit) {
    this.store = store;
    this.people = people;
    this.base = base;
    this.unit = unit;
    this.periods = Period.covering(base.window(), unit, ZoneOffset.UTC);
    List<Window> cut = new ArrayList<>();
    for (Period p : periods) {
      cut.add(p.window().intersection(base.window()).orElseThrow());
    }
    this.windows = List.copyOf(cut);
    this.names = ScoreCommand.rowNames(store.repositories());
  }

  /** The span: from --since (or the first event's day) to the as-of instant. */
  Window span() {
    return base.window();
  }

  /** The period unit. */
  PeriodUnit unit() {
    return unit;
  }

  /** Every repository with events, by row name. */
  List<Repository> repositories() {
    List<Repository> out = new ArrayList<>(store.repositories());
    out.sort(java.util.Comparator.comparing(names::get));
    return out;
  }

  /** The row name of a repository. */
  String name(Repository r) {
    return names.get(r);
  }

  /** The new stargazers of the whole span; empty (no data) when the repository has no star. */
  OptionalLong newStargazers(Repository r) {
    Growth.Count c =
        GrowthByPeriod.compute(store.slice(r), people, base.withScope(RepositoryScope.of(r)), List.of(base.window()))
            .get(0).stargazers();
    return c.total() == 0 ? OptionalLong.empty() : OptionalLong.of(c.added());
  }

  /**
   * One repository's series (one pass over its events for every period: {@link GrowthByPeriod}
   * equals the growth metric on each period's window) and its bursts over the span.
   */
  Repo of(Repository r) {
    Evaluation own = base.withScope(RepositoryScope.of(r));
    EventStore slice = store.slice(r);
    List<Growth.Result> each = GrowthByPeriod.compute(slice, people, own, windows);
    List<Point> list = new ArrayList<>(each.size());
    for (int i = 0; i < each.size(); i++) {
      list.add(new Point(periods.get(i), windows.get(i), windows.get(i).equals(periods.get(i).window()), each.get(i)));
    }
    StarBursts.Result bursts = StarBursts.INSTANCE.metric(own).compute(slice, people);
    return new Repo(names.get(r), r, slice.size(), list, bursts);
  }

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
}
