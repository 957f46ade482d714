package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.Conversion;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.ladder.RungTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * The contributor ladder over the window, with everything before it as history: how many people
 * reached each rung (D0 interested, D1 contributed, D2 regular, D3 maintainer), how many of those
 * on a rung climbed to the next, and how long they stayed on it.
 */
final class LadderMetric extends MetricDescriptor<LadderResult> {
  private static final List<Rung> CLIMBS = List.of(Rung.D0, Rung.D1, Rung.D2);

  LadderMetric() {
    super(
        "contributor-ladder",
        "How far up the contributor ladder do people climb?",
        "How many people reached each rung of the contributor ladder in the window: D0 interested"
            + " (starred or forked), D1 participated (opened an issue, commented or reviewed), D2"
            + " contributed (had a pull request merged), D3 maintainer (reviewed or merged someone"
            + " else's pull request, or was given write access); and of those on each rung, the"
            + " share who climbed to the next.",
        "ladder",
        List.of(
            new Preset("chaoss", "CHAOSS conversion funnel with maintainers (D0 to D3)")
                .definedAt("https://github.com/chaoss/wg-evolution/blob/main/focus-areas/community-growth/conversion-rate.md")
                .withGuidance(
                    "Higher shares climbing from rung to rung are better: the community turns"
                        + " interest into contributors and contributors into maintainers. CHAOSS"
                        + " publishes no levels.")),
        List.of(),
        specs(),
        Locality.HISTORY);
  }

  private static List<MeasurementSpec> specs() {
    List<MeasurementSpec> out = new ArrayList<>();
    for (Rung r : Rung.values()) {
      out.add(new MeasurementSpec(name(r), Unit.PEOPLE, "people who reached " + r + " or above in the window"));
    }
    for (Rung r : CLIMBS) {
      Rung to = Rung.values()[r.ordinal() + 1];
      out.add(new MeasurementSpec(name(r) + "To" + to.name(), Unit.FRACTION, "of those who reached " + r + ", the share who reached " + to));
    }
    return List.copyOf(out);
  }

  private static String name(Rung r) {
    return r.name().toLowerCase(Locale.ROOT);
  }

  /** Arrivals on each rung since the repository's first event; the measurements do not censor at as-of. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, LadderResult> metric(Evaluation e) {
    return ContributorLadder.over(e.window()).withScope(e.scope());
  }

  private static boolean evidence(LadderResult ladder) {
    return ladder.atLeast().reached().total() > 0;
  }

  @Override
  public List<Measurement> measure(LadderResult ladder, Evaluation e) {
    List<Measurement> out = new ArrayList<>();
    long n = evidence(ladder) ? ladder.atLeast().reached().total() : 0;
    for (Rung r : Rung.values()) {
      out.add(Measurement.of(id(), name(r), Unit.PEOPLE, ladder.atLeast().reached().get(r), n, preset().name()));
    }
    for (Rung r : CLIMBS) {
      Conversion cv = ladder.atLeast().cohort(r);
      out.add(Measurement.of(id(), name(r) + "To" + cv.to().name(), Unit.FRACTION, cv.rate(), cv.fromCount(), preset().name()));
    }
    return out;
  }

  @Override
  public List<SummaryRow> rows(LadderResult ladder, Evaluation e, Function<Actor, String> label) {
    List<SummaryRow> rows = new ArrayList<>();
    var reached = ladder.atLeast().reached();
    rows.add(
        new SummaryRow(
            "Ladder D0 / D1 / D2 / D3 reached in the window",
            evidence(ladder)
                ? reached.d0() + " / " + reached.d1() + " / " + reached.d2() + " / " + reached.d3() + " people"
                : Text.NO_DATA,
            "",
            "chaoss conversion funnel + maintainers"));
    for (Rung r : CLIMBS) {
      Conversion cv = ladder.atLeast().cohort(r);
      rows.add(
          new SummaryRow(
              "Of those who reached " + r + ", how many reached " + cv.to() + "?",
              cv.rate().isPresent()
                  ? Text.rate(cv.rate()) + " (" + cv.toCount() + " of " + cv.fromCount() + " people)"
                  : Text.NO_DATA,
              "",
              "cohort conversion"));
    }
    for (RungTime rt : ladder.timeOnRung()) {
      rows.add(
          new SummaryRow(
              "Median time on " + rt.rung() + " before climbing",
              rt.median().map(Text::days)
                  .orElse(rt.climbed() + rt.censored() == 0 ? Text.NO_DATA : "nobody climbed"),
              "",
              rt.climbed() + " climbed, " + rt.censored() + " still there"));
    }
    return rows;
  }

  @Override
  public void writeJsonDetail(
      LadderResult ladder, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    for (Rung r : Rung.values()) {
      Text.count(g, name(r), evidence(ladder), ladder.atLeast().reached().get(r));
    }
    g.writeObjectPropertyStart("conversion");
    for (Rung r : CLIMBS) {
      Conversion cv = ladder.atLeast().cohort(r);
      Text.optional(g, name(r) + "To" + cv.to().name(), cv.rate());
    }
    g.writeEndObject();
    g.writeObjectPropertyStart("medianDaysOnRung");
    for (RungTime rt : ladder.timeOnRung()) {
      Text.optional(g, name(rt.rung()), rt.median().map(Text::toDays));
    }
    g.writeEndObject();
  }
}
