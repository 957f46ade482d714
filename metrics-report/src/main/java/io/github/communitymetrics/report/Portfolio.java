package io.github.communitymetrics.report;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.MetricSeries;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * Every metric of a registry for each repository of a store, with the trend of each metric's
 * headline (its first measurement): what a portfolio page shows. The values are those of {@link
 * MetricDescriptor#evaluateEachRepository}, the trends those of {@link MetricSeries#compute} for
 * each repository, over the months before the as-of instant.
 *
 * @param evaluation the window, affiliations, commit basis and parameters; its scope is replaced
 *     by each repository's
 * @param trend the calendar of the trends: one point per month (UTC), each the headline over the
 *     months ending with it (about the evaluation's window), the last one cut at the as-of instant
 * @param metrics the metrics, in registry order
 * @param repositories the repositories shown, most events first (then by name)
 * @param leftOut the repositories of the store not shown (beyond the cap), in the same order
 */
public record Portfolio(
    Evaluation evaluation,
    SeriesSpec trend,
    List<MetricDescriptor<?>> metrics,
    List<Entry> repositories,
    List<Repository> leftOut) {

  /**
   * One repository: its events, each metric's result and each headline's trend.
   *
   * @param repository the repository
   * @param events how many events of the store are the repository's (any type, any time)
   * @param results each metric's result for the repository alone, in {@link #metrics()} order
   * @param trends each metric's series for the repository, in {@link #metrics()} order
   */
  public record Entry(
      Repository repository, long events, List<Evaluated<?>> results, List<MetricSeries> trends) {
    /** Checks and copies the fields. */
    public Entry {
      Objects.requireNonNull(repository, "repository");
      results = List.copyOf(results);
      trends = List.copyOf(trends);
      if (results.size() != trends.size()) {
        throw new IllegalArgumentException("one trend per result: " + results.size() + " results, " + trends.size() + " trends");
      }
    }
  }

  /** Checks and copies the fields. */
  public Portfolio {
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(trend, "trend");
    metrics = List.copyOf(metrics);
    repositories = List.copyOf(repositories);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * Computes the portfolio.
   *
   * @param registry the metrics
   * @param store every event known (metrics of one repository may read others', as contributor
   *     confidence does)
   * @param people the store's people
   * @param evaluation the window (its end is the as-of instant), affiliations, commit basis and
   *     parameters; its scope is ignored
   * @param include which of the store's repositories to show (all, or the one asked for)
   * @param maxRepositories at most this many repositories are shown, those with the most events;
   *     the others are {@link #leftOut()}
   * @param trendMonths how many months each trend has, at least 1
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Portfolio compute(
      MetricRegistry registry,
      EventStore store,
      People people,
      Evaluation evaluation,
      Predicate<Repository> include,
      int maxRepositories,
      int trendMonths) {
    return compute(registry, store, people, evaluation, include, maxRepositories, trendMonths, 1);
  }

  /**
   * As {@link #compute(MetricRegistry, EventStore, People, Evaluation, Predicate, int, int)},
   * each metric's repositories computed on {@code threads} threads ({@link
   * MetricDescriptor#evaluateEachRepository(EventStore, People, Evaluation, ProgressListener,
   * int)}): the same portfolio, whatever the number. The trends of the repositories shown are
   * computed on the calling thread.
   *
   * @param threads how many threads compute, the calling thread included; at least 1
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Portfolio compute(
      MetricRegistry registry,
      EventStore store,
      People people,
      Evaluation evaluation,
      Predicate<Repository> include,
      int maxRepositories,
      int trendMonths,
      int threads) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(people, "people");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(include, "include");
    if (maxRepositories < 1 || trendMonths < 1) {
      throw new IllegalArgumentException(
          "maxRepositories and trendMonths must be positive: " + maxRepositories + ", " + trendMonths);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive but was " + threads);
    }
    List<MetricDescriptor<?>> metrics = registry.metrics();
    Map<Repository, List<Evaluated<?>>> results = new LinkedHashMap<>();
    for (MetricDescriptor<?> d : metrics) {
      SortedMap<Repository, ? extends Evaluated<?>> each = d.evaluateEachRepository(store, people, evaluation, ProgressListener.NONE, threads);
      each.forEach((r, e) -> {
        if (include.test(r)) {
          results.computeIfAbsent(r, k -> new ArrayList<>()).add(e);
        }
      });
    }
    Map<Repository, Long> events = new HashMap<>();
    results.keySet().forEach(r -> events.put(r, (long) store.slice(r).size()));
    List<Repository> ranked = new ArrayList<>(results.keySet());
    ranked.sort(Comparator.comparing((Repository r) -> -events.get(r)).thenComparing(Comparator.naturalOrder()));
    List<Repository> shown = ranked.subList(0, Math.min(maxRepositories, ranked.size()));
    SeriesSpec trend = trend(evaluation.asOf(), evaluation.window().duration(), trendMonths);
    List<Entry> entries = new ArrayList<>();
    for (Repository r : shown) {
      Evaluation own = evaluation.withScope(RepositoryScope.of(r));
      List<MetricSeries> trends = new ArrayList<>();
      for (MetricDescriptor<?> d : metrics) {
        trends.add(MetricSeries.compute(d, store, people, own, trend));
      }
      entries.add(new Entry(r, events.get(r), results.get(r), trends));
    }
    return new Portfolio(
        evaluation, trend, metrics, entries, ranked.subList(shown.size(), ranked.size()));
  }

  /**
   * The trend calendar: the {@code months} calendar months (UTC) up to the one holding the
   * instant before {@code asOf}, each point the months ending with it that come closest to the
   * window's length (3 for 90 days), so that a point reads like the current value did then.
   */
  static SeriesSpec trend(Instant asOf, Duration window, int months) {
    YearMonth last = YearMonth.from(asOf.minusNanos(1).atZone(ZoneOffset.UTC));
    Instant since = last.minusMonths(months - 1L).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    int perWindow = (int) Math.max(1, Math.round(window.toSeconds() / (30.436875 * 86400)));
    return SeriesSpec.rolling(PeriodUnit.MONTH, ZoneOffset.UTC, since, asOf, Math.min(perWindow, 1000));
  }

  /** The entry of {@code repository}, if shown. */
  public Optional<Entry> entry(Repository repository) {
    return repositories.stream().filter(e -> e.repository().equals(repository)).findFirst();
  }

}
