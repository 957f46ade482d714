package io.github.communitymetrics.core.metrics.summary;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every registered metric of one repository as of one instant, each computed with its named
 * preset: the answer to "how healthy is this community?" in one value. The summary loops over a
 * {@link MetricRegistry} ({@link MetricRegistry#standard()} by default); the typed accessors
 * below read the built-in metrics' results.
 *
 * @param repository the repository
 * @param asOf the instant the summary describes; events at or after it are ignored
 * @param window the activity window {@code [asOf - window, asOf)} of the people metrics
 * @param commitBasis what the commit-based metrics (absence, pony, contributor dependency and
 *     elephant factor) counted: {@link ContributionType#COMMIT} as their presets say, or the
 *     stand-in a caller chose where the source has no commits ({@link ContributionType#PUSH},
 *     {@link ContributionType#PULL_REQUEST_MERGED}); a report must say so when it is not commits
 * @param metrics every metric's result, in registry order
 */
public record HealthSummary(
    Repository repository,
    Instant asOf,
    Window window,
    ContributionType commitBasis,
    List<Evaluated<?>> metrics) {

  /**
   * How many months of history the retention metrics look at: the default of {@code
   * retention}'s parameter {@code months}.
   */
  public static final int RETENTION_MONTHS =
      Integer.parseInt(StandardMetrics.RETENTION.parameter("months").defaultValue());

  /** Checks the fields and copies the list. */
  public HealthSummary {
    Checks.notNull(repository, "repository");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(window, "window");
    Checks.notNull(commitBasis, "commitBasis");
    metrics = List.copyOf(metrics);
  }

  /**
   * The LFX Insights points of the two dependency metrics (0 to 5 each; a factor of 0, when
   * nobody contributed, has no points) and of period-over-period retention. {@link #total()} and
   * {@link #maximum()} are the dependency part.
   *
   * @param contributorDependency points of the contributor dependency factor
   * @param organizationDependency points of the organisation dependency (elephant) factor
   * @param retention points of the retention of the last complete quarter ({@link
   *     PeriodRetention#lfxPoints(double)}); empty when there is no such quarter or nobody
   *     contributed in the quarter before it
   */
  public record LfxPoints(
      OptionalInt contributorDependency, OptionalInt organizationDependency, OptionalInt retention) {
    /** The sum of the dependency points present, out of {@link #maximum()}. */
    public int total() {
      return contributorDependency.orElse(0) + organizationDependency.orElse(0);
    }

    /** The most points the two dependency metrics can give. */
    public int maximum() {
      return 10;
    }
  }

  /**
   * Computes the summary of the built-in metrics.
   *
   * @param store every event known (contributor confidence looks at pull requests in any
   *     repository, so do not slice the store to the repository first)
   * @param people the store's people
   * @param repository the repository to describe
   * @param asOf the instant the summary describes
   * @param window the length of the activity window, positive
   * @param cohortHorizon how long after a first star or fork a contribution converts, positive
   * @param affiliations who works where, for the elephant factor
   * @throws IllegalArgumentException if a duration is not positive
   */
  public static HealthSummary compute(
      EventStore store,
      People people,
      Repository repository,
      Instant asOf,
      Duration window,
      Duration cohortHorizon,
      Affiliations affiliations) {
    return compute(
        store, people, repository, asOf, window, cohortHorizon, affiliations,
        ContributionType.COMMIT);
  }

  /**
   * Computes the summary with the commit-based metrics over {@code commitBasis} instead of
   * commits: for sources that have no commits (GH Archive hours since 2025 list pushes without
   * their commits), where counting commits would give nobody rather than no data.
   *
   * @param commitBasis what the absence, pony, contributor dependency and elephant factors count
   * @see #compute(EventStore, People, Repository, Instant, Duration, Duration, Affiliations)
   */
  public static HealthSummary compute(
      EventStore store,
      People people,
      Repository repository,
      Instant asOf,
      Duration window,
      Duration cohortHorizon,
      Affiliations affiliations,
      ContributionType commitBasis) {
    Checks.notNull(repository, "repository");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(window, "window");
    Checks.notNull(cohortHorizon, "cohortHorizon");
    Checks.argument(!window.isNegative() && !window.isZero(), "window must be positive: " + window);
    Checks.argument(
        !cohortHorizon.isNegative() && !cohortHorizon.isZero(),
        "cohortHorizon must be positive: " + cohortHorizon);
    return compute(
        MetricRegistry.standard(),
        store,
        people,
        repository,
        evaluation(repository, asOf, window, cohortHorizon, affiliations, commitBasis));
  }

  /**
   * The evaluation of the built-in summary: {@code repository} over {@code [asOf - window,
   * asOf)}, the cohort confidence's horizon set to {@code cohortHorizon}.
   */
  public static Evaluation evaluation(
      Repository repository,
      Instant asOf,
      Duration window,
      Duration cohortHorizon,
      Affiliations affiliations,
      ContributionType commitBasis) {
    return new Evaluation(
            RepositoryScope.of(repository),
            Window.endingAt(asOf, window),
            affiliations,
            commitBasis,
            Map.of())
        .withParameter(StandardMetrics.COHORT_CONFIDENCE, "horizon", cohortHorizon.toString());
  }

  /**
   * Computes the summary of every metric of {@code registry}.
   *
   * @param evaluation the window, affiliations, commit basis and parameters; its scope should be
   *     {@code repository} alone
   */
  public static HealthSummary compute(
      MetricRegistry registry,
      EventStore store,
      People people,
      Repository repository,
      Evaluation evaluation) {
    Checks.notNull(registry, "registry");
    Checks.notNull(store, "store");
    Checks.notNull(people, "people");
    Checks.notNull(evaluation, "evaluation");
    return new HealthSummary(
        repository,
        evaluation.asOf(),
        evaluation.window(),
        evaluation.commitBasis(),
        registry.evaluate(store, people, evaluation));
  }

  /** The result of {@code metric}, if the summary's registry had it. */
  public <R> Optional<R> result(MetricDescriptor<R> metric) {
    for (Evaluated<?> e : metrics) {
      if (e.descriptor() == metric) {
        @SuppressWarnings("unchecked") // the descriptor is the same instance, so R matches
        R r = (R) e.result();
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The evaluated metric with this id, if the summary's registry had it. */
  public Optional<Evaluated<?>> metric(String id) {
    return metrics.stream().filter(e -> e.descriptor().id().equals(id)).findFirst();
  }

  private <R> R require(MetricDescriptor<R> metric) {
    return result(metric)
        .orElseThrow(() -> new NoSuchElementException("the summary has no " + metric.id()));
  }

  /**
   * OpenSauced contributor confidence (June 2024 rule; its range is the window, capped at 90
   * days as OpenSauced does).
   */
  public OpenSaucedConfidenceResult openSauced() {
    return require(StandardMetrics.CONTRIBUTOR_CONFIDENCE);
  }

  /**
   * Our cohort contributor confidence: of the people whose first star or fork fell in the
   * window that ended one horizon before {@code asOf}, the share who contributed within the
   * horizon.
   */
  public CohortConfidenceResult cohort() {
    return require(StandardMetrics.COHORT_CONFIDENCE);
  }

  /** CHAOSS contributor absence factor over commits in the window. */
  public FactorResult<Actor> absenceFactor() {
    return require(StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR);
  }

  /** OpenSauced lottery factor over pull requests opened in the 30 days before {@code asOf}. */
  public LotteryFactorResult lotteryFactor() {
    return require(StandardMetrics.LOTTERY_FACTOR);
  }

  /** Apache Kibble pony factor over commits in the 24 months before {@code asOf}. */
  public PonyFactorResult ponyFactor() {
    return require(StandardMetrics.PONY_FACTOR);
  }

  /** LFX contributor dependency (51%) over commits in the window. */
  public ContributorDependencyResult contributorDependency() {
    return require(StandardMetrics.CONTRIBUTOR_DEPENDENCY);
  }

  /** CHAOSS elephant factor over commits in the window, by affiliation. */
  public ElephantFactorResult elephantFactor() {
    return require(StandardMetrics.ELEPHANT_FACTOR);
  }

  /** GrimoireLab onion model over any contribution in the window. */
  public OnionModelResult onion() {
    return require(StandardMetrics.ONION_MODEL);
  }

  /** The contributor ladder over the window (with everything before it as history). */
  public LadderResult ladder() {
    return require(StandardMetrics.CONTRIBUTOR_LADDER);
  }

  /** Retention and survival over the {@link #RETENTION_MONTHS} months before {@code asOf}. */
  public RetentionResult retention() {
    return require(StandardMetrics.RETENTION);
  }

  /** Responsiveness (CHAOSS preset) of the items opened or merged in the window. */
  public ResponsivenessResult responsiveness() {
    return require(StandardMetrics.RESPONSIVENESS);
  }

  /** The LFX Insights points of the dependency metrics and of retention. */
  public LfxPoints lfx() {
    return new LfxPoints(
        contributorDependency().points(),
        elephantFactor().points(),
        retention().lastCompletePeriod().map(p -> p.lfxPoints()).orElse(OptionalInt.empty()));
  }
}
