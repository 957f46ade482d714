package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.time.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * OpenSauced lottery factor over the pull requests opened in the 30 days before the as-of
 * instant (their preset window, whatever the evaluation's window).
 */
final class LotteryFactorMetric extends MetricDescriptor<LotteryFactorResult> {
  LotteryFactorMetric() {
    super(
        "lottery-factor",
        "How many people hold half the new pull requests?",
        "The fewest people who opened at least half of the pull requests of the 30 days before the"
            + " as-of instant (bots left out): the risk to the project if its top contributors won"
            + " the lottery and left.",
        "lotteryFactor",
        List.of(
            new Preset("openSauced", "OpenSauced lottery factor (30 days of pull requests)")
                .definedAt("https://github.com/open-sauced/docs/blob/main/docs/welcome/glossary.md#lottery-factor")
                .withGuidance("Higher is better: more people share the new work. OpenSauced rates the factor in four levels of risk.")
                .withScale(
                    new Scale(
                        "OpenSauced lottery factor levels",
                        "factor",
                        true,
                        List.of(
                            Band.between(1, 2, "very-high", "one person opens half of the pull requests"),
                            Band.between(2, 3, "high", "two people open half of the pull requests"),
                            Band.between(3, 5, "moderate", "three or four people open half of the pull requests"),
                            Band.atLeast(5, "low", "the new work is spread over five people or more"))))),
        List.of(),
        List.of(
            new MeasurementSpec("factor", Unit.PEOPLE, "the fewest people opening half the pull requests"),
            new MeasurementSpec("total", Unit.COUNT, "pull requests counted"),
            new MeasurementSpec("level", Unit.LEVEL, "OpenSauced's level of the factor")),
        Locality.HISTORY);
  }

  /** The preset's 30 days before the as-of instant. */
  @Override
  public Window describedWindow(Evaluation e) {
    return LotteryFactor.openSauced(e.asOf()).selection().window();
  }

  /** The measurements read the repository's own events; its own events at any time, as the tally of merged pull requests reads their openings whenever they were. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  /**
   * The pull requests' openings, which the preset counts ({@code LotteryFactor.openSauced}), and
   * nothing else. The result's grace period reads the repository's earliest event of any type,
   * but no measurement does: the level is measured only with evidence, that is with a pull
   * request counted, and then the factor is at least one and the level is the factor's.
   */
  @Override
  public Set<io.github.communitymetrics.core.event.EventType> ownReads() {
    return LotteryFactor.openSauced(java.time.Instant.EPOCH).selection().type().eventTypes();
  }

  @Override
  public SliceMetric<?, LotteryFactorResult> metric(Evaluation e) {
    return LotteryFactor.openSauced(e.asOf()).withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(LotteryFactorResult r, Evaluation e) {
    List<Measurement> out = new ArrayList<>(Factors.measure(id(), r.factor(), Unit.PEOPLE, preset().name()));
    out.add(Measurement.level(id(), "level", r.evidencedLevel(), r.factor().total(), preset().name()));
    return out;
  }

  @Override
  public List<SummaryRow> rows(LotteryFactorResult lottery, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            "How many people hold half the new pull requests?",
            Text.count(lottery.factor().hasEvidence(), lottery.factor().factor(), "people"),
            lottery.evidencedLevel().map(Text::level).orElse(""),
            "opensauced lottery factor, 30 days"));
  }

  @Override
  public List<String> textDetail(LotteryFactorResult lottery, Evaluation e, Function<Actor, String> label) {
    List<String> lines = new ArrayList<>();
    lines.add("Lottery factor, top contributors of pull requests:");
    if (!lottery.factor().hasEvidence()) {
      lines.add("  " + Text.NO_DATA);
    }
    for (LotteryFactor.TopContributor top : lottery.top()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-30s %,8d PRs      %5.1f %%  %s",
              label.apply(top.ranked().key()),
              top.ranked().count(),
              100 * top.ranked().share(),
              Text.level(top.level())));
    }
    lottery.other()
        .ifPresent(o -> lines.add(String.format(Locale.ROOT, "  %-30s %,8d PRs      %5.1f %%  (%d people)",
            "others", o.count(), 100 * o.share(), o.people())));
    return lines;
  }

  @Override
  public void writeJsonDetail(
      LotteryFactorResult lottery, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    Text.count(g, "count", lottery.factor().hasEvidence(), lottery.factor().factor());
    Text.string(g, "level", lottery.evidencedLevel().map(Text::level));
    g.writeNumberProperty("total", lottery.factor().total());
    g.writeArrayPropertyStart("top");
    for (LotteryFactor.TopContributor top : lottery.top()) {
      g.writeStartObject();
      g.writeStringProperty("person", label.apply(top.ranked().key()));
      g.writeNumberProperty("count", top.ranked().count());
      g.writeNumberProperty("share", top.ranked().share());
      g.writeStringProperty("level", Text.level(top.level()));
      g.writeEndObject();
    }
    g.writeEndArray();
    if (lottery.other().isPresent()) {
      g.writeObjectPropertyStart("other");
      g.writeNumberProperty("people", lottery.other().get().people());
      g.writeNumberProperty("count", lottery.other().get().count());
      g.writeNumberProperty("share", lottery.other().get().share());
      g.writeEndObject();
    }
  }
}
