package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/** CHAOSS contributor absence factor over the commits (or the commit basis) in the window. */
final class AbsenceFactorMetric extends MetricDescriptor<FactorResult<Actor>> {
  AbsenceFactorMetric() {
    super(
        "contributor-absence-factor",
        "How many people hold more than half the commits?",
        "The fewest people who together made more than half of the commits in the window: how"
            + " many would have to be absent for half of the work to stop. CHAOSS renamed it from"
            + " \"bus factor\".",
        "absenceFactor",
        List.of(
            new Preset("chaoss", "CHAOSS Contributor Absence Factor")
                .definedAt(
                    "https://github.com/chaoss/wg-risk/blob/main/focus-areas/business-risk/contributor-absence-factor.md")
                .withGuidance(
                    "Higher is better: 1 means one person carries more than half of the work. CHAOSS"
                        + " publishes no levels; the lottery factor (OpenSauced levels) and the"
                        + " contributor dependency (LFX points) rate the same kind of count.")),
        List.of(),
        Factors.specs(Unit.PEOPLE, "commits"),
        Locality.WINDOW);
  }

  /** The repository's own events at any time: with pull requests merged as the commit basis, their openers are read whenever opened. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, FactorResult<Actor>> metric(Evaluation e) {
    return ContributorAbsenceFactor.chaoss(e.window())
        .withContributionType(e.commitBasis())
        .withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(FactorResult<Actor> f, Evaluation e) {
    return Factors.measure(id(), f, Unit.PEOPLE, preset().name());
  }

  @Override
  public List<SummaryRow> rows(FactorResult<Actor> f, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            "How many people hold more than half the commits?",
            Text.count(f.hasEvidence(), f.factor(), "people"),
            "",
            "chaoss absence factor, " + Text.basisWords(e.commitBasis())));
  }

  @Override
  public List<String> textDetail(FactorResult<Actor> f, Evaluation e, Function<Actor, String> label) {
    List<String> lines = new ArrayList<>();
    lines.add("Who holds the commits (absence factor members):");
    if (!f.hasEvidence()) {
      lines.add("  " + Text.NO_DATA);
    }
    for (Ranked<Actor> r : f.members()) {
      lines.add(
          String.format(
              Locale.ROOT, "  %-30s %,8d commits  %5.1f %%", label.apply(r.key()), r.count(), 100 * r.share()));
    }
    return lines;
  }

  @Override
  public void writeJsonDetail(
      FactorResult<Actor> f, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    Factors.write(g, f, label, preset().name());
  }
}
