package io.github.communitymetrics.testkit.registry;

import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricProvider;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import java.util.List;

/** A metric a library might contribute, found by {@link MetricRegistryTest} through discovery. */
public final class TestCommitsMetric extends MetricDescriptor<FactorResult<Actor>> {
  TestCommitsMetric() {
    super(
        "test-commits",
        "How many commits in the window?",
        "testCommits",
        List.of(new Preset("test", "a test")),
        List.of(),
        List.of(new MeasurementSpec("commits", Unit.COUNT, "commits in the window")),
        Locality.WINDOW);
  }

  @Override
  public SliceMetric<?, FactorResult<Actor>> metric(Evaluation e) {
    return ContributorAbsenceFactor.chaoss(e.window()).withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(FactorResult<Actor> r, Evaluation e) {
    return List.of(Measurement.of(id(), "commits", Unit.COUNT, r.total(), r.total(), "test"));
  }

  /** The provider {@code META-INF/services} lists. */
  public static final class Provider implements MetricProvider {
    @Override
    public List<MetricDescriptor<?>> metrics() {
      return List.of(new TestCommitsMetric());
    }
  }
}
