package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/** LFX Insights contributor dependency: the fewest people making 51% of the window's commits. */
final class ContributorDependencyMetric extends MetricDescriptor<ContributorDependencyResult> {
  /**
   * LFX Insights' health score page as it was when it listed the dependency points (the page
   * has since been rewritten), so the link shows the bins the metrics apply.
   */
  static final String LFX_HEALTH_SCORE =
      "https://github.com/linuxfoundation/insights/blob/46500eeaf22f51cdb3057b5e13cf7ff305b0e2d9/frontend/docs/metrics/health-score.md";

  ContributorDependencyMetric() {
    super(
        "contributor-dependency",
        "How many people make 51% of the commits?",
        "The fewest people who made 51% of the commits in the window, with the points LFX Insights"
            + " gives that count in its health score (0 to 5).",
        "contributorDependency",
        List.of(
            new Preset("lfx", "LFX Insights contributor dependency (51%)")
                .definedAt(LFX_HEALTH_SCORE)
                .withGuidance("Higher is better; 5 points is LFX Insights' best score.")
                .withScale(lfxPoints("LFX Insights contributor dependency points", "people", 1, 2, 3, 5, 7, 10))),
        List.of(),
        withPoints(Factors.specs(Unit.PEOPLE, "commits")),
        Locality.WINDOW);
  }

  /**
   * LFX Insights' 0 to 5 points of a factor: band {@code i} holds the factors from {@code
   * lowerBounds[i]} up to the next bound, the last one and above.
   *
   * @param who what the factor counts, plural ({@code "people"})
   */
  static Scale lfxPoints(String name, String who, int... lowerBounds) {
    List<Band> bands = new ArrayList<>();
    for (int i = 0; i < lowerBounds.length; i++) {
      String label = i + (i == 1 ? " pt" : " pts");
      Band range =
          i + 1 < lowerBounds.length
              ? Band.between(lowerBounds[i], lowerBounds[i + 1], label, label)
              : Band.atLeast(lowerBounds[i], label, label);
      bands.add(
          new Band(range.atLeast(), range.below(), label,
              range.range(true) + " " + who + " make 51% of the contributions"));
    }
    return new Scale(name, "factor", true, bands);
  }

  static List<MeasurementSpec> withPoints(List<MeasurementSpec> specs) {
    List<MeasurementSpec> out = new ArrayList<>(specs);
    out.add(new MeasurementSpec("points", Unit.POINTS, "LFX Insights points of the factor, 0 to 5"));
    return List.copyOf(out);
  }

  /** The repository's own events at any time: with pull requests merged as the commit basis, their openers are read whenever opened. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
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
