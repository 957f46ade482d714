package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionLayer;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.LadderState;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessState;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.RetentionState;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's exactly-merging metrics as {@link SparkMetric}s with their presets and headlines,
 * for one window {@code [start, asOf)}. Each method documents its headline value and evidence.
 *
 * <p>Not here: {@code OpenSaucedConfidence} (it credits a stargazer's pull requests in any
 * repository of the input, so a per-group slice is not its input), {@code HealthSummary} (not a
 * slice metric: it combines finished results) and the truck factor (computed from a git history's
 * file authorship, not from forge events).
 *
 * <p>No data is not zero: a metric whose evidence is empty for a group (no contribution, nobody
 * on the ladder, no contributor in the retention window) has no value, a null {@code value}
 * column, rather than a factor or a count of 0.
 */
public final class CoreMetrics {
  private CoreMetrics() {}

  /**
   * All metrics below that need no affiliations, with their default names, for the window {@code
   * [start, asOf)}.
   */
  public static List<SparkMetric<?, ?>> all(Instant start, Instant asOf) {
    return List.of(
        absenceFactor(start, asOf),
        contributorDependency(start, asOf),
        lotteryFactor(asOf),
        onionCore(start, asOf),
        ponyFactor(asOf),
        cohortConfidence(start, asOf),
        ladder(start, asOf),
        firstResponse(start, asOf),
        retention(start, asOf));
  }

  /** A factor, or no value when nothing was counted (a factor of no contributions is no data). */
  private static Headline factor(FactorResult<?> r) {
    return r.hasEvidence()
        ? Headline.of(r.concentration().factor(), r.concentration().total())
        : Headline.none(r.concentration().total());
  }

  /**
   * {@code absence-factor}: CHAOSS contributor absence factor of commits; value the factor
   * (people), evidence the contributions counted.
   */
  public static SparkMetric<ContributionCounts<Actor>, FactorResult<Actor>> absenceFactor(
      Instant start, Instant asOf) {
    return SparkMetric.of(
        "absence-factor", g -> ContributorAbsenceFactor.chaoss(Window.of(start, asOf)), CoreMetrics::factor);
  }

  /**
   * {@code contributor-dependency}: LFX contributor dependency; value the factor (people),
   * evidence the contributions counted.
   */
  public static SparkMetric<ContributionCounts<Actor>, ContributorDependencyResult>
      contributorDependency(Instant start, Instant asOf) {
    return SparkMetric.of(
        "contributor-dependency",
        g -> ContributorDependency.lfx(Window.of(start, asOf)),
        r -> factor(r.factor()));
  }

  /**
   * {@code lottery-factor}: OpenSauced lottery factor as of {@code asOf}; value the factor
   * (people), evidence the contributions counted.
   */
  public static SparkMetric<ContributionCounts<Actor>, LotteryFactorResult> lotteryFactor(
      Instant asOf) {
    return SparkMetric.of("lottery-factor", g -> LotteryFactor.openSauced(asOf), r -> factor(r.factor()));
  }

  /**
   * {@code elephant-factor}: CHAOSS elephant factor with affiliations by e-mail domain; value the
   * factor (organisations), evidence the contributions counted.
   *
   * @param domains organisation per e-mail domain (copied)
   */
  public static SparkMetric<ContributionCounts<Organization>, ElephantFactorResult> elephantFactor(
      Instant start, Instant asOf, Map<String, String> domains) {
    LinkedHashMap<String, String> d = new LinkedHashMap<>(Args.notNull(domains, "domains"));
    return SparkMetric.of(
        "elephant-factor",
        g -> {
          Affiliations.Builder b = Affiliations.builder();
          d.forEach(b::domain);
          return ElephantFactor.chaoss(Window.of(start, asOf), b.build());
        },
        r -> factor(r.factor()));
  }

  /**
   * {@code onion-core}: GrimoireLab onion model; value the number of core members, evidence the
   * contributions counted.
   */
  public static SparkMetric<ContributionCounts<Actor>, OnionModelResult> onionCore(
      Instant start, Instant asOf) {
    return SparkMetric.of(
        "onion-core",
        g -> OnionModel.grimoireLab(Window.of(start, asOf)),
        r -> r.hasEvidence() ? Headline.of(r.layer(OnionLayer.CORE).size(), r.total()) : Headline.none(0));
  }

  /**
   * {@code pony-factor}: Apache Kibble pony factor of the 24 months before {@code asOf}; value the
   * factor (people), evidence the commits counted.
   */
  public static SparkMetric<PonyFactor.State, PonyFactorResult> ponyFactor(Instant asOf) {
    return SparkMetric.of("pony-factor", g -> PonyFactor.kibble(asOf, 0), r -> factor(r.current().factor()));
  }

  /**
   * {@code cohort-confidence}: the share of newcomers who went on to contribute within the
   * horizon; value the rate (0 to 1, none for an empty cohort), evidence the cohort size.
   */
  public static SparkMetric<CohortConfidence.State, CohortConfidenceResult> cohortConfidence(
      Instant start, Instant asOf) {
    return SparkMetric.of(
        "cohort-confidence",
        g -> CohortConfidence.defaults(RepositoryScope.all(), Window.of(start, asOf), asOf),
        r ->
            new Headline(r.rate(), r.cohort()));
  }

  /**
   * {@code maintainers}: the contributor ladder over the window; value the people on the top rung
   * (D3, maintainers) at the end, evidence all people on the ladder at the end.
   */
  public static SparkMetric<LadderState, LadderResult> ladder(Instant start, Instant asOf) {
    return SparkMetric.of(
        "maintainers",
        g -> ContributorLadder.over(Window.of(start, asOf)),
        r -> r.highestAtEnd().total() > 0
            ? Headline.of(r.highestAtEnd().get(Rung.D3), r.highestAtEnd().total())
            : Headline.none(0));
  }

  /**
   * {@code first-response-days}: CHAOSS time to first response on issues and pull requests
   * opened in the window; value the median in days (none without responses), evidence the items
   * with a response.
   */
  public static SparkMetric<ResponsivenessState, ResponsivenessResult> firstResponse(
      Instant start, Instant asOf) {
    return SparkMetric.of(
        "first-response-days",
        g -> Responsiveness.chaoss(Window.of(start, asOf), asOf),
        r -> {
          DurationSummary s = r.firstResponse();
          return s.p50().isPresent()
              ? Headline.of(s.p50().get().toSeconds() / 86400.0, s.completed())
              : Headline.none(s.completed());
        });
  }

  /**
   * {@code active-contributors}: LFX retention; value the people active at the end, evidence
   * active, drifting and away people together.
   */
  public static SparkMetric<RetentionState, RetentionResult> retention(Instant start, Instant asOf) {
    return SparkMetric.of(
        "active-contributors",
        g -> Retention.lfx(Window.of(start, asOf)),
        r -> r.hasEvidence()
            ? Headline.of(r.active().size(), (long) r.active().size() + r.drifting().size() + r.away().size())
            : Headline.none(0));
  }
}
