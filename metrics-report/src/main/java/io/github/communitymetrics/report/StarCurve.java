package io.github.communitymetrics.report;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.growth.Bursts;
import io.github.communitymetrics.core.metrics.growth.StarBursts;
import io.github.communitymetrics.core.metrics.growth.StarTrend;
import io.github.communitymetrics.core.metrics.stars.FakeStarMonth;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a repository's star curve shows: new stargazers (first star per person) per day or ISO week,
 * their cumulative total, the bursts of new stars ({@code star-bursts}) and, per calendar month, the
 * share of stars StarScout's signals suspect.
 *
 * @param repository the repository
 * @param unit the period of the curve (as {@code star-trend} reports it)
 * @param periods the periods drawn, consecutive, in order (those entirely inside the window)
 * @param newStars new stargazers per period, one per period
 * @param stargazers stargazers before the last period's end (0: the data records no star)
 * @param bursts the bursts of new stars, in order
 * @param months the months with stars and the stars each signal suspects (no value: no data)
 * @param noSignals why the suspected shares have no data, when they have none
 */
public record StarCurve(
    Repository repository,
    Granularity unit,
    List<Window> periods,
    List<Long> newStars,
    long stargazers,
    List<Bursts.Burst> bursts,
    List<FakeStarMonth> months,
    Optional<String> noSignals) {

  /** Checks and copies the fields. */
  public StarCurve {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(unit, "unit");
    periods = List.copyOf(periods);
    newStars = List.copyOf(newStars);
    bursts = List.copyOf(bursts);
    months = List.copyOf(months);
    Objects.requireNonNull(noSignals, "noSignals");
    if (periods.size() != newStars.size()) {
      throw new IllegalArgumentException("a count per period: " + periods.size() + " periods, " + newStars.size() + " counts");
    }
  }

  /**
   * The curve of {@code repository}: {@code star-trend} for the counts and {@code star-bursts} for
   * the bursts, both with {@code evaluation}'s window and parameters (their {@code period} says days
   * or weeks), over the repository's own events.
   *
   * @param evaluation the window, which must end where a period ends (the cumulative total is
   *     the stargazers before the window's end), and the metrics' parameters ({@code period}:
   *     hour, day, week or month)
   * @param months the repository's months of the StarScout audit
   * @param noSignals why the audit's signals have no data, when they have none
   * @throws IllegalArgumentException if the window does not end at the end of a period
   */
  public static StarCurve compute(
      EventStore store, People people, Evaluation evaluation, Repository repository,
      List<FakeStarMonth> months, Optional<String> noSignals) {
    Evaluation own = evaluation.withScope(RepositoryScope.of(repository));
    EventStore slice = store.slice(repository);
    StarTrend.Result trend = StarTrend.INSTANCE.metric(own).compute(slice, people);
    if (!trend.periods().isEmpty()
        && !trend.periods().get(trend.periods().size() - 1).end().equals(evaluation.window().end())) {
      throw new IllegalArgumentException(
          "the window must end where a period ends: " + evaluation.window() + ", " + trend.unit());
    }
    StarBursts.Result bursts = StarBursts.INSTANCE.metric(own).compute(slice, people);
    return new StarCurve(
        repository, trend.unit(), trend.periods(), java.util.Arrays.stream(trend.counts()).boxed().toList(),
        trend.stargazers(), bursts.bursts(), months, noSignals);
  }

  /**
   * The cumulative stargazers at the end of each period: the total at the last period's end less
   * the new ones of the periods after.
   */
  public List<Long> cumulative() {
    List<Long> out = new ArrayList<>(newStars.size());
    long after = 0;
    for (int i = newStars.size() - 1; i >= 0; i--) {
      out.add(0, stargazers - after);
      after += newStars.get(i);
    }
    return out;
  }
}
