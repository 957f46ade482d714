package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.Ratio;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * Responsiveness (CHAOSS preset) of the items opened or merged in the window, as of its end: time
 * to first response, close and merge, review coverage and concentration, approval diversity (2
 * approvers from 2 organizations, by the evaluation's affiliations), PR velocity and ROSS.
 */
final class ResponsivenessMetric extends MetricDescriptor<ResponsivenessResult> {
  ResponsivenessMetric() {
    super(
        "responsiveness",
        "How fast do issues and pull requests get an answer?",
        "How long the issues and pull requests opened in the window waited for a first response"
            + " from someone other than their author (bots left out), how long they took to close"
            + " and to merge, and how merged pull requests were reviewed: by someone else, by how"
            + " few reviewers, by people of two organisations.",
        "responsiveness",
        List.of(
            new Preset("chaoss", "CHAOSS time to first response, close and merge; review coverage")
                .definedAt("https://github.com/chaoss/wg-metrics-development/blob/main/focus-areas/time/time-to-first-response.md")
                .withGuidance(
                    "Shorter waiting times are better; higher acceptance, review coverage and"
                        + " approval diversity are better. CHAOSS publishes no levels: compare with"
                        + " the repository's own history.")),
        List.of(),
        List.of(
            new MeasurementSpec("firstResponseP50", Unit.HOURS, "median time to first response of the items opened in the window"),
            new MeasurementSpec("firstResponseP90", Unit.HOURS, "90th percentile of the same"),
            new MeasurementSpec("timeToCloseP50", Unit.DAYS, "median time to close"),
            new MeasurementSpec("timeToMergeP50", Unit.DAYS, "median time to merge"),
            new MeasurementSpec("velocityDays", Unit.DAYS, "OpenSauced PR velocity: mean whole days to merge"),
            new MeasurementSpec("acceptance", Unit.FRACTION, "merged among closed pull requests"),
            new MeasurementSpec("reviewCoverage", Unit.FRACTION, "merged pull requests approved by someone else"),
            new MeasurementSpec("reviewConcentration", Unit.PEOPLE, "the fewest people holding more than half the reviews"),
            new MeasurementSpec("approvalDiversity", Unit.FRACTION, "merged pull requests approved by 2 people of 2 organizations")),
        Locality.HISTORY);
  }

  /** Items closed in the window may have opened before it; the measurements (percentiles of answered items, ratios) do not censor at as-of (only the Kaplan-Meier medians of the JSON detail do). */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  /**
   * The issues' and pull requests' events (their openings, comments, reviews, closes, merges and
   * reopenings), and maintainer grants: pushes, stars, forks, branches and releases change no
   * item's answer.
   */
  @Override
  public Set<EventType> ownReads() {
    return Responsiveness.eventTypes();
  }

  @Override
  public SliceMetric<?, ResponsivenessResult> metric(Evaluation e) {
    return Responsiveness.chaoss(e.window(), e.asOf())
        .withScope(e.scope())
        .withAffiliations(e.affiliations());
  }

  @Override
  public List<Measurement> measure(ResponsivenessResult r, Evaluation e) {
    String p = preset().name();
    DurationSummary fr = r.firstResponse();
    return List.of(
        Measurement.of(id(), "firstResponseP50", Unit.HOURS, Text.value(fr.p50(), true), fr.completed(), p),
        Measurement.of(id(), "firstResponseP90", Unit.HOURS, Text.value(fr.p90(), true), fr.completed(), p),
        Measurement.of(id(), "timeToCloseP50", Unit.DAYS, Text.value(r.timeToClose().p50(), false), r.timeToClose().completed(), p),
        Measurement.of(id(), "timeToMergeP50", Unit.DAYS, Text.value(r.timeToMerge().p50(), false), r.timeToMerge().completed(), p),
        Measurement.of(id(), "velocityDays", Unit.DAYS, r.velocityDays(), r.timeToMerge().completed(), p),
        ratio("acceptance", r.acceptance(), p),
        ratio("reviewCoverage", r.reviewCoverage(), p),
        Measurement.of(
            id(), "reviewConcentration", Unit.PEOPLE, r.reviewConcentration().factor(),
            r.reviewConcentration().hasEvidence() ? r.reviewConcentration().total() : 0, p),
        ratio("approvalDiversity", r.approvalDiversity(), p));
  }

  private Measurement ratio(String name, Ratio r, String preset) {
    return Measurement.of(id(), name, Unit.FRACTION, r.value(), r.denominator(), preset);
  }

  @Override
  public List<SummaryRow> rows(ResponsivenessResult r, Evaluation e, Function<Actor, String> label) {
    DurationSummary fr = r.firstResponse();
    return List.of(
        new SummaryRow(
            "Median time to first response (issues and PRs)",
            fr.p50().map(Text::hours)
                .orElse(fr.completed() + fr.censored() == 0 ? Text.NO_DATA : "nobody answered"),
            fr.p90().map(h -> "p90 " + Text.hours(h)).orElse(""),
            "chaoss, " + fr.completed() + " answered, " + fr.censored() + " waiting"),
        new SummaryRow(
            "Median time to close / to merge",
            r.timeToClose().p50().map(Text::days).orElse(Text.NO_DATA) + " / "
                + r.timeToMerge().p50().map(Text::days).orElse(Text.NO_DATA),
            "",
            r.timeToClose().censored() + " still open"),
        new SummaryRow(
            "PR velocity (mean whole days to merge)",
            r.velocityDays().isPresent()
                ? String.format(Locale.ROOT, "%.1f days", r.velocityDays().getAsDouble())
                : Text.NO_DATA,
            "",
            "opensauced"),
        new SummaryRow("Merged among closed pull requests", ratio(r.acceptance()), "", "acceptance"),
        new SummaryRow("Merged PRs approved by someone else", ratio(r.reviewCoverage()), "", "review coverage"),
        new SummaryRow(
            "How many people hold more than half the reviews?",
            Text.count(r.reviewConcentration().hasEvidence(), r.reviewConcentration().factor(), "people"),
            "",
            "chaoss absence factor, reviews"));
  }

  private static String ratio(Ratio r) {
    return r.value().isPresent()
        ? Text.rate(r.value()) + " (" + r.numerator() + "/" + r.denominator() + ")"
        : Text.NO_DATA;
  }

  @Override
  public void writeJsonDetail(
      ResponsivenessResult r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    g.writeBooleanProperty("maintainersOnly", r.metric().maintainersOnly());
    g.writeBooleanProperty("closingIsResponse", r.metric().closingIsResponse());
    writeDurations(g, "firstResponse", r.firstResponse());
    writeDurations(g, "issueFirstResponse", r.issueFirstResponse());
    writeDurations(g, "pullRequestFirstResponse", r.pullRequestFirstResponse());
    writeDurations(g, "timeToClose", r.timeToClose());
    writeDurations(g, "timeToMerge", r.timeToMerge());
    Text.optional(g, "velocityDays", r.velocityDays());
    writeRatio(g, "acceptance", r.acceptance());
    writeRatio(g, "closure", r.closure());
    writeRatio(g, "reviewCoverage", r.reviewCoverage());
    g.writeObjectPropertyStart("reviewConcentration");
    Text.count(g, "factor", r.reviewConcentration().hasEvidence(), r.reviewConcentration().factor());
    g.writeNumberProperty("total", r.reviewConcentration().total());
    g.writeEndObject();
    writeRatio(g, "approvalDiversity", r.approvalDiversity());
    g.writeNumberProperty("approvalMinApprovers", r.metric().minApprovers());
    g.writeNumberProperty("approvalMinOrganizations", r.metric().minOrganizations());
    writeRatio(g, "ross", r.ross());
    Text.count(
        g, "unanswered", r.firstResponse().completed() + r.firstResponse().censored() > 0, r.unanswered().size());
    g.writeNumberProperty("mergedWithoutOpening", r.mergedWithoutOpening());
    g.writeNumberProperty("timelinesOutOfOrder", r.timelinesOutOfOrder());
  }

  private static void writeDurations(JsonGenerator g, String name, DurationSummary d) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("completed", d.completed());
    g.writeNumberProperty("censored", d.censored());
    Text.optional(g, "p50Hours", d.p50().map(Text::toHours));
    Text.optional(g, "p75Hours", d.p75().map(Text::toHours));
    Text.optional(g, "p90Hours", d.p90().map(Text::toHours));
    Text.optional(g, "p95Hours", d.p95().map(Text::toHours));
    Text.optional(g, "meanHours", d.mean().map(Text::toHours));
    Text.optional(g, "kaplanMeierMedianHours", d.kaplanMeierMedian().map(Text::toHours));
    Text.optional(g, "medianLowHours", d.medianInterval().map(i -> Text.toHours(i.lower())));
    Text.optional(g, "medianHighHours", d.medianInterval().map(i -> Text.toHours(i.upper())));
    Text.optional(g, "medianCoverage", d.medianInterval().map(DurationSummary.MedianInterval::coverage));
    g.writeEndObject();
  }

  private static void writeRatio(JsonGenerator g, String name, Ratio r) {
    g.writeObjectPropertyStart(name);
    Text.optional(g, "value", r.value());
    g.writeNumberProperty("numerator", r.numerator());
    g.writeNumberProperty("denominator", r.denominator());
    g.writeEndObject();
  }
}
