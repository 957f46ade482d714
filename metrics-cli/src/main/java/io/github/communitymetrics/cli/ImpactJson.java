package io.github.communitymetrics.cli;

import io.github.communitymetrics.cli.ImpactAnalysis.Outcome;
import io.github.communitymetrics.cli.ImpactAnalysis.SeriesImpact;
import io.github.communitymetrics.core.impact.BootstrapEstimate;
import io.github.communitymetrics.core.impact.Changepoints;
import io.github.communitymetrics.core.impact.Coefficient;
import io.github.communitymetrics.core.impact.CohortConversion;
import io.github.communitymetrics.core.impact.LogRank;
import io.github.communitymetrics.core.impact.EventDays;
import io.github.communitymetrics.core.impact.Placebo;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON output of {@code impact} (docs/impact.md): every estimate with its interval and
 * p-value, null where there is no value, and beside each object a {@code noData} entry saying why.
 */
final class ImpactJson {
  static final int SCHEMA_VERSION = 1;

  private ImpactJson() {}

  static void write(PrintWriter out, ImpactCommand.Run run) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", SCHEMA_VERSION);
      g.writeStringProperty("source", run.source());
      g.writeBooleanProperty("simulated", run.simulated());
      g.writeStringProperty("repositories", run.scope());
      g.writeName("controls");
      g.writeStartArray();
      for (String c : run.controls()) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeStringProperty("firstDay", run.first().toString());
      g.writeStringProperty("lastDay", run.last().toString());
      g.writeStringProperty("asOf", run.asOf().toString());
      parameters(g, run.parameters());
      g.writeName("events");
      g.writeStartArray();
      for (ImpactCommand.EventImpact e : run.events()) {
        event(g, e, run.parameters());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void parameters(JsonGenerator g, ImpactAnalysis.Parameters p) {
    g.writeName("parameters");
    g.writeStartObject();
    g.writeNumberProperty("windowDays", p.window());
    g.writeNumberProperty("replicates", p.replicates());
    if (p.blockLength().isPresent()) {
      g.writeNumberProperty("blockLengthDays", p.blockLength().getAsInt());
    } else {
      g.writeNullProperty("blockLengthDays");
    }
    g.writeNumberProperty("seed", p.seed());
    g.writeNumberProperty("placebos", p.placebos());
    g.writeNumberProperty("placeboMarginDays", p.placeboMargin());
    g.writeNumberProperty("alpha", p.alpha());
    g.writeNumberProperty("level", p.level());
    g.writeStringProperty("penalty", ImpactText.penalty(p));
    g.writeNumberProperty("minSegmentDays", p.minSegment());
    g.writeNumberProperty("toleranceDays", p.tolerance());
    g.writeNumberProperty("horizonDays", p.horizon().toSeconds() / 86400.0);
    g.writeNumberProperty("gapDays", p.gap().toSeconds() / 86400.0);
    g.writeEndObject();
  }

  private static void event(JsonGenerator g, ImpactCommand.EventImpact e, ImpactAnalysis.Parameters p) {
    g.writeStartObject();
    g.writeStringProperty("name", e.event().name());
    g.writeStringProperty("kind", e.event().kind().name().toLowerCase(Locale.ROOT));
    g.writeStringProperty("start", e.event().start().toString());
    g.writeStringProperty("end", e.event().end().toString());
    g.writeName("labels");
    g.writeStartArray();
    for (String l : e.event().labels().stream().sorted().toList()) {
      g.writeString(l);
    }
    g.writeEndArray();
    // Whether the labels chose cohort members: they do whenever there are any (the key stays
    // for readers of the first version, where it was always false).
    g.writeBooleanProperty("labelsUsed", !e.event().labels().isEmpty());
    g.writeName("series");
    g.writeStartArray();
    for (SeriesImpact s : e.series()) {
      series(g, s);
    }
    g.writeEndArray();
    cohort(g, e.cohort(), e.attendees());
    g.writeEndObject();
  }

  private static void series(JsonGenerator g, SeriesImpact s) {
    g.writeStartObject();
    g.writeStringProperty("id", s.id().id());
    g.writeStringProperty("unit", s.id().unit());
    if (s.days().isPresent()) {
      EventDays d = s.days().get();
      g.writeStringProperty("eventFirstDay", s.series().day(d.first()).toString());
      g.writeStringProperty("eventLastDay", s.series().day(d.last()).toString());
    } else {
      g.writeNullProperty("eventFirstDay");
      g.writeNullProperty("eventLastDay");
    }
    Why why = new Why();
    outcome(g, "lift", s.lift(), why, (o, l) -> {
      EventDays d = s.days().orElseThrow();
      o.writeStringProperty("method", "before/after means, circular moving-block bootstrap percentile interval");
      o.writeNumberProperty("windowDays", l.window());
      o.writeNumberProperty("blockLengthDays", l.blockLength());
      o.writeNumberProperty("replicates", l.replicates());
      o.writeStringProperty("beforeFrom", s.series().day(d.first() - l.window()).toString());
      o.writeStringProperty("beforeTo", s.series().day(d.first() - 1).toString());
      o.writeStringProperty("afterFrom", s.series().day(d.last() + 1).toString());
      o.writeStringProperty("afterTo", s.series().day(d.last() + l.window()).toString());
      o.writeNumberProperty("meanBefore", l.meanBefore());
      o.writeNumberProperty("meanAfter", l.meanAfter());
      bootstrap(o, "difference", Optional.of(l.difference()));
      bootstrap(o, "ratio", l.ratio());
    });
    outcome(g, "interruptedTimeSeries", s.its(), why, (o, its) -> {
      o.writeStringProperty("method", "segmented OLS with weekday terms, bias-reduced Newey-West, Student t (Satterthwaite df)");
      // The command fits w days on each side (ImpactAnalysis.Parameters#its), the event's left out.
      EventDays d = s.days().orElseThrow();
      int w = its.observations() / 2;
      o.writeStringProperty("beforeFrom", s.series().day(d.first() - w).toString());
      o.writeStringProperty("beforeTo", s.series().day(d.first() - 1).toString());
      o.writeStringProperty("afterFrom", s.series().day(d.last() + 1).toString());
      o.writeStringProperty("afterTo", s.series().day(d.last() + w).toString());
      o.writeNumberProperty("observations", its.observations());
      o.writeNumberProperty("lagDays", its.lag());
      o.writeNumberProperty("residualStandardDeviation", its.residualStandardDeviation());
      coefficient(o, "levelChange", its.levelChange());
      coefficient(o, "slopeChange", its.slopeChange());
    });
    if (s.its().value().isPresent() && s.its().value().get().levelChange().isEmpty()) {
      why.add("interruptedTimeSeries.levelChange", "the model fits the days exactly: no residual to measure uncertainty");
    }
    if (s.its().value().isPresent() && s.its().value().get().slopeChange().isEmpty()) {
      why.add("interruptedTimeSeries.slopeChange", "the model fits the days exactly: no residual to measure uncertainty");
    }
    outcome(g, "changepoints", s.changepoints(), why, (o, c) -> changepoints(o, s, c));
    outcome(g, "placeboLift", s.liftPlacebo(), why, ImpactJson::placebo);
    outcome(g, "placeboLevelChange", s.levelPlacebo(), why, ImpactJson::placebo);
    if (s.did().isPresent()) {
      outcome(g, "differenceInDifferences", s.did().get(), why, (o, d) -> {
        o.writeStringProperty("method", "difference in differences, the same bootstrap blocks for every series");
        o.writeNumberProperty("controls", d.controls());
        o.writeNumberProperty("treatedChange", d.treatedChange());
        o.writeNumberProperty("controlChange", d.controlChange());
        bootstrap(o, "effect", Optional.of(d.effect()));
      });
    } else {
      g.writeNullProperty("differenceInDifferences");
      why.add("differenceInDifferences", "no --controls");
    }
    why.write(g);
    g.writeEndObject();
  }

  private static void changepoints(JsonGenerator o, SeriesImpact s, Changepoints c) {
    o.writeStringProperty("method", "PELT, Gaussian change in mean");
    o.writeNumberProperty("penalty", c.penalty());
    o.writeNumberProperty("sigma", c.sigma());
    o.writeName("days");
    o.writeStartArray();
    for (int cp : c.changepoints()) {
      o.writeString(s.series().day(cp).toString());
    }
    o.writeEndArray();
    Optional<java.time.LocalDate> nearest = ImpactText.nearest(s);
    if (nearest.isPresent()) {
      o.writeStringProperty("nearest", nearest.get().toString());
      o.writeNumberProperty("distanceDays", c.distanceToEvent().getAsInt());
    } else {
      o.writeNullProperty("nearest");
      o.writeNullProperty("distanceDays");
    }
    o.writeBooleanProperty("nearEvent", c.nearEvent());
  }

  private static void placebo(JsonGenerator o, Placebo p) {
    o.writeStringProperty("test", p.test());
    o.writeNumberProperty("runs", p.runs());
    o.writeNumberProperty("rejections", p.rejections());
    o.writeNumberProperty("alpha", p.alpha());
    proportion(o, "falsePositiveRate", p.falsePositiveRate());
  }

  private static void cohort(JsonGenerator g, ImpactAnalysis.CohortImpact c, Map<String, String> attendees) {
    g.writeName("cohort");
    g.writeStartObject();
    g.writeNumberProperty("members", c.members());
    g.writeNumberProperty("byFirstContribution", c.byWindow());
    g.writeNumberProperty("byAttendance", c.byAttendance());
    g.writeNumberProperty("byLabel", c.byLabel());
    g.writeName("attendees");
    g.writeStartObject();
    g.writeNumberProperty("listed", c.attendeesListed());
    g.writeNumberProperty("matched", c.attendeesMatched());
    g.writeNumberProperty("contributingBefore", c.attendeesBefore());
    g.writeNumberProperty("withoutContribution", c.attendeesWithout());
    g.writeEndObject();
    Why why = new Why();
    outcome(g, "baseline", c.baseline(), why, (o, b) -> {
      o.writeStringProperty("from", b.from().toString());
      o.writeStringProperty("to", b.to().toString());
      o.writeNumberProperty("members", b.size());
    });
    outcome(g, "conversion", c.conversion(), why, ImpactJson::conversion);
    outcome(g, "sameSizeCohorts", c.sameSize(), why, (o, s) -> {
      o.writeNumberProperty("size", s.size());
      o.writeNumberProperty("converted", s.converted());
      o.writeNumberProperty("pool", s.pool());
      o.writeNumberProperty("poolConverted", s.poolConverted());
      o.writeNumberProperty("expected", s.expected());
      o.writeNumberProperty("lower", s.lower());
      o.writeNumberProperty("upper", s.upper());
      o.writeNumberProperty("level", s.level());
      o.writeNumberProperty("pValue", s.pValue());
    });
    outcome(g, "conversionToD2", c.toD2(), why, ImpactJson::conversion);
    outcome(g, "conversionToD3", c.toD3(), why, ImpactJson::conversion);
    outcome(g, "survival", c.survival(), why, ImpactJson::survival);
    outcome(g, "baselineSurvival", c.baselineSurvival(), why, ImpactJson::survival);
    outcome(g, "logRank", c.logRank(), why, ImpactJson::logRank);
    outcome(g, "pool", c.pool(), why, (o, b) -> {
      o.writeStringProperty("from", b.from().toString());
      o.writeStringProperty("to", b.to().toString());
      o.writeNumberProperty("members", b.size());
    });
    outcome(g, "poolSurvival", c.poolSurvival(), why, ImpactJson::survival);
    outcome(g, "logRankAgainstPool", c.logRankPool(), why, ImpactJson::logRank);
    why.write(g);
    g.writeEndObject();
  }

  private static void logRank(JsonGenerator o, LogRank lr) {
    o.writeNumberProperty("chiSquare", lr.chiSquare());
    o.writeNumberProperty("degreesOfFreedom", lr.degreesOfFreedom());
    o.writeNumberProperty("pValue", lr.pValue());
    o.writeNumberProperty("observed", lr.observed());
    o.writeNumberProperty("expected", lr.expected());
  }

  private static void conversion(JsonGenerator o, CohortConversion conv) {
    o.writeNumberProperty("horizonDays", conv.horizon().toSeconds() / 86400.0);
    o.writeNumberProperty("eligible", conv.eligible());
    o.writeNumberProperty("converted", conv.converted());
    proportion(o, "rate", conv.rate());
  }

  private static void survival(JsonGenerator o, SurvivalCurve s) {
    o.writeNumberProperty("subjects", s.subjects());
    o.writeNumberProperty("followed", s.followed());
    o.writeNumberProperty("departures", s.events());
    o.writeNumberProperty("withoutFollowUp", s.withoutFollowUp());
    Optional<Long> median = s.median();
    if (median.isPresent()) {
      o.writeNumberProperty("medianDays", median.get() / 86400.0);
    } else {
      o.writeNullProperty("medianDays");
    }
  }

  /**
   * Why each null of an object has no value: written as its {@code noData} member ({@code
   * newcomers} writes its nulls' reasons the same way).
   */
  static final class Why {
    private final Map<String, String> reasons = new java.util.LinkedHashMap<>();

    void add(String name, String reason) {
      reasons.put(name, reason);
    }

    void write(JsonGenerator g) {
      g.writeName("noData");
      g.writeStartObject();
      reasons.forEach(g::writeStringProperty);
      g.writeEndObject();
    }
  }

  private static <T> void outcome(JsonGenerator g, String name, Outcome<T> o, Why why, BiConsumer<JsonGenerator, T> body) {
    if (o.value().isEmpty()) {
      why.add(name, o.why());
    }
    object(g, name, o.value(), body);
  }

  /** {@code name}: the object {@code body} writes of the value, or null without one. */
  private static <T> void object(JsonGenerator g, String name, Optional<T> value, BiConsumer<JsonGenerator, T> body) {
    if (value.isEmpty()) {
      g.writeNullProperty(name);
      return;
    }
    g.writeName(name);
    g.writeStartObject();
    body.accept(g, value.get());
    g.writeEndObject();
  }

  private static void bootstrap(JsonGenerator g, String name, Optional<BootstrapEstimate> e) {
    object(g, name, e, (o, b) -> {
      o.writeNumberProperty("estimate", b.estimate());
      o.writeNumberProperty("lower", b.lower());
      o.writeNumberProperty("upper", b.upper());
      o.writeNumberProperty("level", b.level());
      o.writeNumberProperty("nullValue", b.nullValue());
      o.writeNumberProperty("pValue", b.pValue());
    });
  }

  private static void coefficient(JsonGenerator g, String name, Optional<Coefficient> c) {
    object(g, name, c, (o, k) -> {
      o.writeNumberProperty("estimate", k.estimate());
      o.writeNumberProperty("standardError", k.standardError());
      o.writeNumberProperty("lower", k.lower());
      o.writeNumberProperty("upper", k.upper());
      o.writeNumberProperty("degreesOfFreedom", k.degreesOfFreedom());
      o.writeNumberProperty("pValue", k.pValue());
    });
  }

  private static void proportion(JsonGenerator g, String name, Optional<ProportionInterval> p) {
    object(g, name, p, (o, r) -> {
      o.writeNumberProperty("estimate", r.estimate());
      o.writeNumberProperty("lower", r.lower());
      o.writeNumberProperty("upper", r.upper());
      o.writeNumberProperty("level", r.level());
      o.writeNumberProperty("successes", r.successes());
      o.writeNumberProperty("trials", r.trials());
    });
  }
}
