package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/** CHAOSS elephant factor: the fewest organizations holding more than half the window's commits. */
final class ElephantFactorMetric extends MetricDescriptor<ElephantFactorResult> {
  ElephantFactorMetric() {
    super(
        "elephant-factor",
        "How many organizations hold more than half the commits?",
        "The fewest organisations whose people made more than half of the commits in the window."
            + " Commits of people with no known organisation are left out; without an affiliation"
            + " file, a person's e-mail domain stands for their organisation. The points are those"
            + " LFX Insights gives the same count (organisation dependency).",
        "elephantFactor",
        List.of(
            new Preset("chaoss", "CHAOSS Elephant Factor")
                .definedAt("https://github.com/chaoss/wg-risk/blob/main/focus-areas/business-risk/elephant-factor.md")
                .withGuidance(
                    "Higher is better: 1 means one organisation could stop half of the work. CHAOSS"
                        + " publishes no levels; LFX Insights rates the count with points (5 is"
                        + " best).")
                .withScale(
                    ContributorDependencyMetric.lfxPoints(
                        "LFX Insights organisation dependency points", "organisations", 1, 2, 3, 4, 6, 8))),
        List.of(),
        ContributorDependencyMetric.withPoints(Factors.specs(Unit.ORGANIZATIONS, "commits")),
        Locality.WINDOW);
  }

  /** The repository's own events at any time (openers of merged pull requests), and the people's addresses for their organizations. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, ElephantFactorResult> metric(Evaluation e) {
    return ElephantFactor.chaoss(e.window(), e.affiliations())
        .withContributionType(e.commitBasis())
        .withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(ElephantFactorResult r, Evaluation e) {
    List<Measurement> out =
        new ArrayList<>(Factors.measure(id(), r.factor(), Unit.ORGANIZATIONS, preset().name()));
    out.add(Measurement.of(id(), "points", Unit.POINTS, Text.value(r.points()), r.factor().total(), preset().name()));
    return out;
  }

  @Override
  public List<SummaryRow> rows(ElephantFactorResult r, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            "How many organisations hold more than half the commits?",
            Text.count(
                r.factor().hasEvidence(),
                r.factor().factor(),
                r.factor().factor() == 1 ? "organisation" : "organisations"),
            Text.points(r.points()),
            "chaoss elephant factor (" + r.leftOut() + " unaffiliated left out)"
                + Text.basisSuffix(e.commitBasis())));
  }

  @Override
  public void writeJsonDetail(
      ElephantFactorResult r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    Factors.write(g, r.factor(), Organization::name, preset().name());
    Text.points(g, "points", r.points());
    g.writeNumberProperty("unaffiliatedLeftOut", r.leftOut());
  }
}
