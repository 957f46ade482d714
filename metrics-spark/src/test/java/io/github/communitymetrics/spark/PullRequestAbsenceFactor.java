package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricProvider;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import java.util.List;

/**
 * A metric as a user of the SDK would add one, knowing nothing of Spark: the absence factor of
 * opened pull requests, registered through {@code META-INF/services} of the test resources.
 * {@link UserMetricSparkTest} checks that the Spark job computes it.
 */
public final class PullRequestAbsenceFactor extends MetricDescriptor<FactorResult<Actor>> {
  /** The instance the provider registers. */
  public static final PullRequestAbsenceFactor INSTANCE = new PullRequestAbsenceFactor();

  private PullRequestAbsenceFactor() {
    super(
        "pull-request-absence-factor",
        "How many people open more than half the pull requests?",
        "pullRequestAbsenceFactor",
        List.of(new Preset("test", "a test's own metric")),
        List.of(),
        List.of(
            new MeasurementSpec("factor", Unit.PEOPLE, "fewest people opening half the pull requests"),
            new MeasurementSpec("pullRequests", Unit.COUNT, "pull requests opened in the window")),
        Locality.WINDOW);
  }

  @Override
  public SliceMetric<?, FactorResult<Actor>> metric(Evaluation e) {
    return ContributorAbsenceFactor.chaoss(e.window())
        .withContributionType(ContributionType.PULL_REQUEST_OPENED)
        .withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(FactorResult<Actor> r, Evaluation e) {
    long n = r.hasEvidence() ? r.total() : 0;
    return List.of(
        Measurement.of(id(), "factor", Unit.PEOPLE, r.factor(), n, "test"),
        Measurement.of(id(), "pullRequests", Unit.COUNT, r.total(), n, "test"));
  }

  /** Registers {@link #INSTANCE} for {@code ServiceLoader}. */
  public static final class Provider implements MetricProvider {
    @Override
    public List<MetricDescriptor<?>> metrics() {
      return List.of(INSTANCE);
    }
  }
}
