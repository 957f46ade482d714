package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.ConfidenceLevel;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * OpenSauced contributor confidence of one repository: the share of its stargazers and forkers
 * who contributed; the range is the evaluation's window in days, capped at 90 as OpenSauced does.
 */
final class ContributorConfidenceMetric extends MetricDescriptor<OpenSaucedConfidenceResult> {
  ContributorConfidenceMetric() {
    super(
        "contributor-confidence",
        "Will stargazers and forkers contribute?",
        "How likely people who star or fork the repository are to come back and contribute, as"
            + " OpenSauced computes it. Of the people who starred or forked it in the range (the"
            + " window, at most 90 days), someone who also opened pull requests here counts fully;"
            + " someone active in at least two other repositories counts partly (a stargazer 0.5,"
            + " a forker 0.75). Stargazers and forkers each weigh half, so a repository with stars"
            + " but no forks tops out at 50%.",
        "contributorConfidence",
        List.of(
            new Preset("openSauced", "OpenSauced contributor confidence (June 2024)")
                .definedAt("https://github.com/open-sauced/api/pull/844")
                .withGuidance(
                    "Higher is better: the repository turns interest into contributions. OpenSauced"
                        + " rates the floored percent in three levels.")
                .withScale(
                    new Scale(
                        "OpenSauced contributor confidence levels",
                        "percent",
                        true,
                        List.of(
                            Band.below(ConfidenceLevel.MEDIUM_FROM_PERCENT, "low",
                                "few of those who star or fork go on to contribute"),
                            Band.between(ConfidenceLevel.MEDIUM_FROM_PERCENT, ConfidenceLevel.HIGH_FROM_PERCENT,
                                "medium", "some of those who star or fork go on to contribute"),
                            Band.atLeast(ConfidenceLevel.HIGH_FROM_PERCENT, "high",
                                "many of those who star or fork go on to contribute"))))),
        List.of(),
        List.of(
            new MeasurementSpec("percent", Unit.PERCENT, "the floored confidence, 0 to 100"),
            new MeasurementSpec("confidence", Unit.FRACTION, "the confidence before flooring, 0 to 1"),
            new MeasurementSpec("level", Unit.LEVEL, "OpenSauced's level of the percent"),
            new MeasurementSpec("stargazers", Unit.PEOPLE, "distinct stargazers in the range"),
            new MeasurementSpec("forkers", Unit.PEOPLE, "distinct forkers in the range")),
        Locality.STORE);
  }

  /** One named repository only: the confidence credits pull requests in any other. */
  @Override
  public boolean describes(RepositoryScope scope) {
    return !scope.isAll() && scope.owner().isEmpty() && scope.repositories().size() == 1;
  }

  /** OpenSauced's range: the evaluation's window in days, at most 90, before the as-of instant. */
  @Override
  public Window describedWindow(Evaluation e) {
    return Window.endingAt(e.asOf(), Duration.ofDays(Math.min(OpenSaucedConfidence.RANGE_CAP_DAYS, days(e))));
  }

  /**
   * Stars, forks and pull requests in the window, the stargazers and forkers weighed by their pull
   * requests in any repository in the window; logins, not people (bots are kept).
   */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.WINDOW_EVENTS, Dependency.OTHER_REPOSITORIES);
  }

  /** The pull requests (opened, closed, merged: their authors) of the stargazers and forkers. */
  @Override
  public CrossRepositoryReads crossRepositoryReads() {
    return new CrossRepositoryReads(
        EnumSet.of(EventType.STAR, EventType.FORK),
        EnumSet.of(EventType.PULL_REQUEST_OPENED, EventType.PULL_REQUEST_CLOSED, EventType.PULL_REQUEST_MERGED));
  }

  @Override
  public SliceMetric<?, OpenSaucedConfidenceResult> metric(Evaluation e) {
    if (!describes(e.scope())) {
      throw new IllegalArgumentException(id() + " describes one repository, not " + e.scope());
    }
    Set<Repository> repos = e.scope().repositories();
    return OpenSaucedConfidence.openSauced(repos.iterator().next(), e.asOf())
        .withRange((int) Math.min(Integer.MAX_VALUE, days(e)));
  }

  /** The range asked for: the window in whole days, at least 1. */
  private static long days(Evaluation e) {
    return Math.max(1, e.window().duration().toDays());
  }

  @Override
  public List<Measurement> measure(OpenSaucedConfidenceResult r, Evaluation e) {
    String p = preset().name();
    long n = r.hasEvidence() ? r.stargazers() + r.forkers() : 0;
    return List.of(
        Measurement.of(id(), "percent", Unit.PERCENT, r.percent(), n, p),
        Measurement.of(id(), "confidence", Unit.FRACTION, r.confidence(), n, p),
        Measurement.level(id(), "level", r.hasEvidence() ? Optional.of(r.level()) : Optional.empty(), n, p),
        Measurement.of(id(), "stargazers", Unit.PEOPLE, r.stargazers(), n, p),
        Measurement.of(id(), "forkers", Unit.PEOPLE, r.forkers(), n, p));
  }

  @Override
  public List<SummaryRow> rows(
      OpenSaucedConfidenceResult os, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            "Will stargazers and forkers contribute? (OpenSauced)",
            os.hasEvidence() ? os.percent() + " %" : Text.NO_DATA,
            os.hasEvidence() ? os.level().name().toLowerCase(Locale.ROOT) : "",
            "opensauced (June 2024), " + os.window().duration().toDays() + "-day range"));
  }

  @Override
  public void writeJsonDetail(
      OpenSaucedConfidenceResult os, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    Text.optional(g, "opensauced", Text.value(os.hasEvidence(), os.confidence()));
    Text.count(g, "opensaucedPercent", os.hasEvidence(), os.percent());
    Text.string(
        g, "opensaucedLevel",
        os.hasEvidence() ? Optional.of(os.level().name().toLowerCase(Locale.ROOT)) : Optional.empty());
    g.writeNumberProperty("stargazers", os.stargazers());
    g.writeNumberProperty("forkers", os.forkers());
  }
}
