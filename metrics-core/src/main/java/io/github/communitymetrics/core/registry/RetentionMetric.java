package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.CohortRow;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * Retention and survival (LFX preset: any contribution, quarters in UTC) over the months before
 * the as-of instant: period-over-period retention with LFX points, 8Knot's active, drifting and
 * away contributors, repeat and fly-by contributors, cohorts and the Kaplan-Meier curve of the
 * time from first to last contribution.
 */
final class RetentionMetric extends MetricDescriptor<RetentionResult> {
  /** Days at which the JSON reports the survival curve. */
  private static final List<Integer> SURVIVAL_DAYS = List.of(30, 90, 180, 365, 730);

  RetentionMetric() {
    super(
        "retention",
        "Of the previous quarter's contributors, how many stayed?",
        "Of the people who contributed in the previous complete quarter, the share who contributed"
            + " again in the last complete quarter (LFX Insights), with the points LFX gives it."
            + " Also 8Knot's active (last contribution within 6 months), drifting (6 to 12 months)"
            + " and away (over 12 months) contributors, and the median time from a person's first"
            + " to last contribution (Kaplan-Meier, people still active counted as such).",
        "retention",
        List.of(
            new Preset("lfx", "LFX Insights retention (quarters, any contribution)")
                .definedAt("https://github.com/linuxfoundation/insights/blob/main/frontend/docs/metrics/contributors/index.md")
                .withGuidance(
                    "Higher is better; 5 points is LFX Insights' best score. More active and fewer"
                        + " drifting or away contributors, and a longer median time, are better.")
                .withScale(
                    new Scale(
                        "LFX Insights retention points (bins in docs/metrics.md)",
                        "retentionPercent",
                        false,
                        List.of(
                            Band.below(3, "0 pts", "almost nobody stayed from one quarter to the next"),
                            Band.between(3, 6, "1 pt", "a few people stayed"),
                            Band.between(6, 10, "2 pts", "some people stayed"),
                            Band.between(10, 15, "3 pts", "a tenth or more stayed"),
                            Band.between(15, 20, "4 pts", "a sixth or more stayed"),
                            Band.atLeast(20, "5 pts", "a fifth or more of the contributors stayed"))))),
        List.of(
            new Parameter(
                "months", Parameter.Kind.INTEGER, "24", "months",
                "how many months before the as-of instant the metric looks at")),
        List.of(
            new MeasurementSpec("retentionPercent", Unit.PERCENT, "the share of the previous complete quarter's contributors active in the last complete quarter"),
            new MeasurementSpec("lfxPoints", Unit.POINTS, "LFX Insights points of that retention, 0 to 5"),
            new MeasurementSpec("active", Unit.PEOPLE, "8Knot: contributed in the last 6 months"),
            new MeasurementSpec("drifting", Unit.PEOPLE, "8Knot: last contributed 6 to 12 months ago"),
            new MeasurementSpec("away", Unit.PEOPLE, "8Knot: last contributed over 12 months ago"),
            new MeasurementSpec("medianTenureDays", Unit.DAYS, "Kaplan-Meier median time from first to last contribution")),
        Locality.HISTORY);
  }

  /** The months of history before the as-of instant that the metric looks at. */
  @Override
  public Window describedWindow(Evaluation e) {
    return history(e);
  }

  private Window history(Evaluation e) {
    return new Window(
        e.asOf().atZone(ZoneOffset.UTC).minusMonths(e.integer(this, "months")).toInstant(), e.asOf());
  }

  /** Who is active, drifting or away is counted back from as-of, and tenures are censored there. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, RetentionResult> metric(Evaluation e) {
    return Retention.lfx(history(e)).withScope(e.scope());
  }

  @Override
  public List<Measurement> measure(RetentionResult r, Evaluation e) {
    String p = preset().name();
    Optional<PeriodRetention> last = r.lastCompletePeriod();
    // The evidence of a period-over-period retention is the previous period's active people.
    int at = last.map(x -> r.periods().indexOf(x)).orElse(-1);
    long previous = at > 0 ? r.periods().get(at - 1).active().size() : 0;
    OptionalDouble percent = last.map(PeriodRetention::retentionPercent).orElse(OptionalDouble.empty());
    OptionalInt points = last.map(PeriodRetention::lfxPoints).orElse(OptionalInt.empty());
    long people = r.hasEvidence() ? r.active().size() + r.drifting().size() + r.away().size() : 0;
    OptionalDouble median =
        r.survival().followed() == 0
            ? OptionalDouble.empty()
            : r.survival().median().map(sec -> OptionalDouble.of(sec / 86400.0)).orElse(OptionalDouble.empty());
    return List.of(
        Measurement.of(id(), "retentionPercent", Unit.PERCENT, percent, previous, p),
        Measurement.of(id(), "lfxPoints", Unit.POINTS, Text.value(points), previous, p),
        Measurement.of(id(), "active", Unit.PEOPLE, r.active().size(), people, p),
        Measurement.of(id(), "drifting", Unit.PEOPLE, r.drifting().size(), people, p),
        Measurement.of(id(), "away", Unit.PEOPLE, r.away().size(), people, p),
        Measurement.of(id(), "medianTenureDays", Unit.DAYS, median, r.survival().followed(), p));
  }

  @Override
  public List<SummaryRow> rows(RetentionResult r, Evaluation e, Function<Actor, String> label) {
    Optional<PeriodRetention> last = r.lastCompletePeriod();
    return List.of(
        new SummaryRow(
            "Of the previous quarter's contributors, how many stayed?",
            last.map(p -> Text.rate(p.retentionPercent().isPresent()
                    ? OptionalDouble.of(p.retentionPercent().getAsDouble() / 100)
                    : OptionalDouble.empty()))
                .orElse(Text.NO_DATA),
            last.map(p -> Text.points(p.lfxPoints())).orElse(""),
            "lfx retention, " + last.map(p -> p.period().label()).orElse("no complete quarter")),
        new SummaryRow(
            "New / returning / inactive in that quarter",
            last.filter(p -> !(p.active().isEmpty() && p.inactive().isEmpty()))
                .map(p -> p.newcomers().size() + " / " + p.returning().size() + " / " + p.inactive().size())
                .orElse(Text.NO_DATA),
            "",
            "chaoss, inactive after " + Text.days(r.metric().inactiveAfter())),
        new SummaryRow(
            "Active / drifting / away contributors",
            r.hasEvidence() ? r.active().size() + " / " + r.drifting().size() + " / " + r.away().size() : Text.NO_DATA,
            "",
            "8knot, " + r.metric().activeMonths() + " / " + r.metric().driftingMonths() + " months"),
        new SummaryRow(
            "Repeat / fly-by / occasional contributors",
            r.hasEvidence() ? r.repeat().size() + " / " + r.flyBy().size() + " / " + r.occasional().size() : Text.NO_DATA,
            "",
            "augur 4 in 365 days; chaoss occasional"),
        new SummaryRow(
            "Median time from first to last contribution",
            r.survival().followed() == 0
                ? Text.NO_DATA
                : r.survival().median().map(sec -> Text.days(Duration.ofSeconds(sec))).orElse("over half still active"),
            "",
            "kaplan-meier, " + r.departed().size() + " departed, " + r.censored().size() + " censored, "
                + r.withoutFollowUp().size() + " without follow-up"));
  }

  @Override
  public void writeJsonDetail(
      RetentionResult r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    g.writeStringProperty("periodUnit", r.metric().unit().name().toLowerCase(Locale.ROOT));
    g.writeStringProperty("zone", r.metric().zone().getId());
    g.writeStringProperty("start", r.metric().window().start().toString());
    g.writeArrayPropertyStart("periods");
    for (PeriodRetention p : r.periods()) {
      g.writeStartObject();
      g.writeStringProperty("period", p.period().label());
      // Zero people in a quarter is a value when someone contributed in the window at all.
      Text.count(g, "active", r.hasEvidence(), p.active().size());
      Text.count(g, "new", r.hasEvidence(), p.newcomers().size());
      Text.count(g, "returning", r.hasEvidence(), p.returning().size());
      Text.count(g, "retained", r.hasEvidence(), p.retained().size());
      Text.count(g, "inactive", r.hasEvidence(), p.inactive().size());
      Text.optional(g, "retentionPercent", p.retentionPercent());
      Text.points(g, "lfxPoints", p.lfxPoints());
      g.writeEndObject();
    }
    g.writeEndArray();
    Optional<PeriodRetention> last = r.lastCompletePeriod();
    if (last.isPresent()) {
      g.writeStringProperty("lastCompletePeriod", last.get().period().label());
    } else {
      g.writeNullProperty("lastCompletePeriod");
    }
    Text.points(g, "lfxPoints", last.map(PeriodRetention::lfxPoints).orElse(OptionalInt.empty()));
    boolean any = r.hasEvidence();
    g.writeObjectPropertyStart("eightKnot");
    Text.count(g, "active", any, r.active().size());
    Text.count(g, "drifting", any, r.drifting().size());
    Text.count(g, "away", any, r.away().size());
    g.writeEndObject();
    g.writeObjectPropertyStart("openSauced");
    Text.count(g, "active", any, r.openSaucedActive().size());
    Text.count(g, "new", any, r.openSaucedNew().size());
    Text.count(g, "alumni", any, r.openSaucedAlumni().size());
    g.writeEndObject();
    Text.count(g, "repeat", any, r.repeat().size());
    Text.count(g, "flyBy", any, r.flyBy().size());
    Text.count(g, "occasional", any, r.occasional().size());
    g.writeArrayPropertyStart("cohorts");
    for (CohortRow c : r.cohorts()) {
      g.writeStartObject();
      g.writeStringProperty("cohort", c.cohort().label());
      g.writeNumberProperty("size", c.members().size());
      g.writeArrayPropertyStart("activeAfter");
      for (int n : c.activeAfter()) {
        g.writeNumber(n);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    SurvivalCurve km = r.survival();
    g.writeObjectPropertyStart("survival");
    g.writeNumberProperty("subjects", km.subjects());
    g.writeNumberProperty("departed", km.events());
    g.writeNumberProperty("censored", km.followed() - km.events());
    g.writeNumberProperty("withoutFollowUp", km.withoutFollowUp());
    g.writeNumberProperty("departureGapDays", Text.toDays(r.metric().departureGap()));
    g.writeNumberProperty("level", km.level());
    g.writeStringProperty("band", km.scale() == BandScale.LOG_LOG ? "log-log" : "plain");
    Text.optional(g, "medianDays", km.median().map(sec -> sec / 86400.0));
    g.writeArrayPropertyStart("at");
    for (int d : SURVIVAL_DAYS) {
      long sec = d * 86400L;
      g.writeStartObject();
      g.writeNumberProperty("days", d);
      // Nobody followed: no evidence, so no value (not the S = 1 of a curve without events).
      // Before the first event S is 1 with no uncertainty; at S = 0 the band is undefined (null).
      boolean evidence = km.followed() > 0;
      Text.optional(g, "survival", evidence ? OptionalDouble.of(km.survival(sec)) : OptionalDouble.empty());
      Text.optional(g, "lower", evidence ? km.at(sec).map(SurvivalStep::lower).orElse(OptionalDouble.of(1.0)) : OptionalDouble.empty());
      Text.optional(g, "upper", evidence ? km.at(sec).map(SurvivalStep::upper).orElse(OptionalDouble.of(1.0)) : OptionalDouble.empty());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
