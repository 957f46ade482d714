package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/** LFX Insights contributor dependency: the fewest people making 51% of the window's commits. */
final class ContributorDependencyMetric extends MetricDescriptor<ContributorDependencyResult> {
  ContributorDependencyMetric() {
    super(
        "contributor-dependency",
        "How many people make 51% of the commits?",
        "contributorDependency",
        List.of(new Preset("lfx", "LFX Insights contributor dependency (51%)")),
        List.of(),
        withPoints(Factors.specs(Unit.PEOPLE, "commits")),
        Locality.WINDOW);
  }

  static List<MeasurementSpec> withPoints(List<MeasurementSpec> specs) {
    List<MeasurementSpec> out = new ArrayList<>(specs);
    out.add(new MeasurementSpec("points", Unit.POINTS, "LFX Insights points of the factor, 0 to 5"));
    return List.copyOf(out);
  }

  @Override
  public SliceMetric<?, ContributorDependencyResult> metric(Evaluation e) {
    return ContributorDependency.lfx(e.window())
        .withContributionType(e.commitBasis())
        .withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(ContributorDependencyResult r, Evaluation e) {
    List<Measurement> out = new ArrayList<>(Factors.measure(id(), r.factor(), Unit.PEOPLE, preset().name()));
    out.add(Measurement.of(id(), "points", Unit.POINTS, Text.value(r.points()), r.factor().total(), preset().name()));
    return out;
  }

  @Override
  public List<SummaryRow> rows(ContributorDependencyResult r, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            "How many people make 51% of the commits?",
            Text.count(r.factor().hasEvidence(), r.factor().factor(), "people"),
            Text.points(r.points()),
            "lfx contributor dependency" + Text.basisSuffix(e.commitBasis())));
  }

  @Override
  public void writeJsonDetail(
      ContributorDependencyResult r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    Factors.write(g, r.factor(), label, preset().name());
    Text.points(g, "points", r.points());
  }
}
