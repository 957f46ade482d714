package io.github.communitymetrics.core.metrics.summary;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
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
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;

/**
 * Every metric of one repository as of one instant, each computed with its named preset and the
 * parameters below: the answer to "how healthy is this community?" in one value.
 *
 * @param repository the repository
 * @param asOf the instant the summary describes; events at or after it are ignored
 * @param window the activity window {@code [asOf - window, asOf)} of the people metrics
 * @param openSauced OpenSauced contributor confidence (June 2024 rule; its range is the window,
 *     capped at 90 days as OpenSauced does)
 * @param cohort our cohort contributor confidence: of the people whose first star or fork fell
 *     in the window that ended one horizon before {@code asOf}, the share who contributed within
 *     the horizon (so that nobody in the cohort is censored)
 * @param absenceFactor CHAOSS contributor absence factor over commits in the window
 * @param lotteryFactor OpenSauced lottery factor over pull requests opened in the 30 days before
 *     {@code asOf} (their preset window)
 * @param ponyFactor Apache Kibble pony factor over commits in the 24 months before {@code asOf},
 *     with the last eight quarters
 * @param contributorDependency LFX contributor dependency (51%) over commits in the window
 * @param elephantFactor CHAOSS elephant factor over commits in the window, by affiliation
 * @param onion GrimoireLab onion model over any contribution in the window
 * @param ladder the contributor ladder over the window (with everything before it as history)
 * @param lfx the LFX Insights points of the dependency metrics and of retention
 * @param retention retention and survival ({@link Retention#lfx}: any contribution, quarters in
 *     UTC) over the {@value #RETENTION_MONTHS} months before {@code asOf}
 * @param responsiveness time to first response, close and merge, review coverage, concentration
 *     and diversity (2 approvers from 2 organisations, by {@code affiliations}), PR velocity and
 *     ROSS for items opened or merged in the window, as of {@code asOf} (CHAOSS preset)
 * @param commitBasis what the commit-based metrics (absence, pony, contributor dependency and
 *     elephant factor) counted: {@link ContributionType#COMMIT} as their presets say, or the
 *     stand-in a caller chose where the source has no commits ({@link ContributionType#PUSH},
 *     {@link ContributionType#PULL_REQUEST_MERGED}); a report must say so when it is not commits
 */
public record HealthSummary(
    Repository repository,
    Instant asOf,
    Window window,
    OpenSaucedConfidenceResult openSauced,
    CohortConfidenceResult cohort,
    FactorResult<Actor> absenceFactor,
    LotteryFactorResult lotteryFactor,
    PonyFactorResult ponyFactor,
    ContributorDependencyResult contributorDependency,
    ElephantFactorResult elephantFactor,
    OnionModelResult onion,
    LadderResult ladder,
    LfxPoints lfx,
    RetentionResult retention,
    ResponsivenessResult responsiveness,
    ContributionType commitBasis) {

  /** How many quarters of pony factor history the summary shows. */
  public static final int PONY_QUARTERS = 8;

  /** How many months of history the retention metrics look at. */
  public static final int RETENTION_MONTHS = 24;

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
   * Computes the summary.
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
    Checks.notNull(commitBasis, "commitBasis");
    Checks.notNull(store, "store");
    Checks.notNull(people, "people");
    Checks.notNull(repository, "repository");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(affiliations, "affiliations");
    Window activity = Window.endingAt(asOf, window);
    Window cohortWindow = Window.endingAt(asOf.minus(cohortHorizon), window);
    RepositoryScope scope = RepositoryScope.of(repository);
    long days = Math.max(1, window.toDays());

    OpenSaucedConfidenceResult openSauced =
        OpenSaucedConfidence.openSauced(repository, asOf)
            .withRange((int) Math.min(Integer.MAX_VALUE, days))
            .compute(store, people);
    CohortConfidenceResult cohort =
        CohortConfidence.defaults(RepositoryScope.of(repository), cohortWindow, asOf)
            .withHorizon(cohortHorizon)
            .compute(store, people);
    FactorResult<Actor> absence =
        ContributorAbsenceFactor.chaoss(activity)
            .withContributionType(commitBasis)
            .withScope(scope)
            .compute(store, people);
    LotteryFactorResult lottery =
        LotteryFactor.openSauced(asOf).withScope(scope).compute(store, people);
    PonyFactorResult pony =
        PonyFactor.kibble(asOf, PONY_QUARTERS)
            .withContributionType(commitBasis)
            .withScope(scope)
            .compute(store, people);
    ContributorDependencyResult dependency =
        ContributorDependency.lfx(activity)
            .withContributionType(commitBasis)
            .withScope(scope)
            .compute(store, people);
    ElephantFactorResult elephant =
        ElephantFactor.chaoss(activity, affiliations)
            .withContributionType(commitBasis)
            .withScope(scope)
            .compute(store, people);
    OnionModelResult onion = OnionModel.grimoireLab(activity).withScope(scope).compute(store, people);
    LadderResult ladder = ContributorLadder.over(activity).withScope(scope).compute(store, people);
    Window history =
        new Window(asOf.atZone(ZoneOffset.UTC).minusMonths(RETENTION_MONTHS).toInstant(), asOf);
    RetentionResult retention = Retention.lfx(history).withScope(scope).compute(store, people);
    return new HealthSummary(
        repository,
        asOf,
        activity,
        openSauced,
        cohort,
        absence,
        lottery,
        pony,
        dependency,
        elephant,
        onion,
        ladder,
        new LfxPoints(
            dependency.points(),
            elephant.points(),
            retention.lastCompletePeriod().map(p -> p.lfxPoints()).orElse(OptionalInt.empty())),
        retention,
        responsiveness(store, people, activity, asOf, scope, affiliations),
        commitBasis);
  }

  private static ResponsivenessResult responsiveness(
      EventStore store,
      People people,
      Window activity,
      Instant asOf,
      RepositoryScope scope,
      Affiliations affiliations) {
    return Responsiveness.chaoss(activity, asOf)
        .withScope(scope)
        .withAffiliations(affiliations)
        .compute(store, people);
  }
}
