package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionLayer;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import io.github.communitymetrics.core.metrics.ladder.Conversion;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.ladder.RungTime;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.CohortRow;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import java.io.PrintWriter;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.Ratio;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Prints a {@link HealthSummary} as aligned tables or as the JSON of {@code docs/metrics.md}. */
final class MetricsReport {
  /** Version of the JSON layout; bumped on incompatible changes (docs/metrics.md). */
  static final int SCHEMA_VERSION = 1;

  /** What the text shows for a metric whose evidence is empty (JSON shows {@code null}). */
  static final String NO_DATA = "no data";

  private final HealthSummary s;
  private final People people;
  private final String source;
  private final boolean simulated;
  private final Optional<io.github.communitymetrics.core.io.ReadReport> read;
  private final List<String> warnings;
  /** Shown under the header when the commit-based metrics did not count commits. */
  private final Optional<String> note;

  MetricsReport(HealthSummary summary, People people, String source, boolean simulated) {
    this(summary, people, source, simulated, Optional.empty(), List.of(), Optional.empty());
  }

  /**
   * @param read how the input was read, when it was read from a file
   * @param warnings what the reader should know about the question asked (printed as given)
   * @param note why the commit-based metrics counted something else than commits, if they did
   */
  MetricsReport(
      HealthSummary summary,
      People people,
      String source,
      boolean simulated,
      Optional<io.github.communitymetrics.core.io.ReadReport> read,
      List<String> warnings,
      Optional<String> note) {
    this.s = summary;
    this.people = people;
    this.source = source;
    this.simulated = simulated;
    this.read = read;
    this.warnings = List.copyOf(warnings);
    this.note = note;
  }

  /** {@code n unit}, or {@link #NO_DATA} without evidence. */
  private static String count(boolean evidence, long n, String unit) {
    return evidence ? n + " " + unit : NO_DATA;
  }

  private static String level(Enum<?> level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
  /** What the commit-based metrics counted, as the JSON field {@code commitBasis} spells it. */
  private String basis() {
    return s.commitBasis().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The same, in words for the preset column. */
  private String basisWords() {
    switch (s.commitBasis()) {
      case COMMIT:
        return "commits";
      case PUSH:
        return "PUSHES instead of commits";
      case PULL_REQUEST_MERGED:
        return "MERGED PRs instead of commits";
      default:
        return basis();
    }
  }

  private String label(Actor personKey) {
    return people.identities().personOf(personKey).map(Person::label).orElse(personKey.label());
  }

  private static String organization(Organization o) {
    return o.name();
  }

  void writeText(PrintWriter out) {
    out.println("Community Metrics: " + s.repository().fullName());
    out.println("Source: " + source);
    read.ifPresent(r -> out.println("Read:   " + CommunitySummary.readLine(r)));
    out.println("As of:  " + s.asOf() + "   window: " + s.window());
    for (String w : warnings) {
      out.println("Warning: " + w);
    }
    note.ifPresent(n -> out.println("Note:   " + n));
    out.println();
    OpenSaucedConfidenceResult os = s.openSauced();
    CohortConfidenceResult c = s.cohort();
    LotteryFactorResult lottery = s.lotteryFactor();
    LadderResult ladder = s.ladder();
    TextTable t = new TextTable("Question", "Answer", "Level", "Preset").numeric(1);
    t.row(
        "Will stargazers and forkers contribute? (OpenSauced)",
        os.hasEvidence() ? os.percent() + " %" : NO_DATA,
        os.hasEvidence() ? os.level().name().toLowerCase(Locale.ROOT) : "",
        "opensauced (June 2024), " + os.window().duration().toDays() + "-day range");
    t.row(
        "Of those who starred/forked, how many contributed?",
        c.rate().isPresent()
            ? percent(c.rate().getAsDouble()) + interval(c.interval())
            : NO_DATA,
        "",
        "cohort, " + c.converters() + "/" + c.cohort() + " within " + days(c.horizon()));
    t.row(
        "How many people hold more than half the commits?",
        count(s.absenceFactor().hasEvidence(), s.absenceFactor().factor(), "people"),
        "",
        "chaoss absence factor, " + basisWords());
    t.row(
        "How many people hold half the new pull requests?",
        count(lottery.factor().hasEvidence(), lottery.factor().factor(), "people"),
        lottery.evidencedLevel().map(MetricsReport::level).orElse(""),
        "opensauced lottery factor, 30 days");
    t.row(
        "How many people wrote half the commits of 24 months?",
        count(s.ponyFactor().current().factor().hasEvidence(), s.ponyFactor().current().ponyFactor(), "people"),
        s.ponyFactor().current().factor().hasEvidence()
            ? "meta-pony " + s.ponyFactor().current().metaPonyFactor()
            : "",
        "apache kibble pony factor" + (basisWords().equals("commits") ? "" : ", " + basisWords()));
    t.row(
        "How many people make 51% of the commits?",
        count(s.contributorDependency().factor().hasEvidence(), s.contributorDependency().factor().factor(), "people"),
        points(s.contributorDependency().points()),
        "lfx contributor dependency" + (basisWords().equals("commits") ? "" : ", " + basisWords()));
    t.row(
        "How many organisations hold more than half the commits?",
        count(s.elephantFactor().factor().hasEvidence(), s.elephantFactor().factor().factor(), "organisations"),
        points(s.elephantFactor().points()),
        "chaoss elephant factor (" + s.elephantFactor().leftOut() + " unaffiliated left out)"
            + (basisWords().equals("commits") ? "" : ", " + basisWords()));
    t.row(
        "Core / regular / casual contributors",
        s.onion().hasEvidence()
            ? s.onion().layer(OnionLayer.CORE).size() + " / " + s.onion().layer(OnionLayer.REGULAR).size()
                + " / " + s.onion().layer(OnionLayer.CASUAL).size() + " people"
            : NO_DATA,
        "",
        "grimoirelab onion, 80% / 95%");
    t.row(
        "Ladder D0 / D1 / D2 / D3 reached in the window",
        ladderEvidence()
            ? ladder.atLeast().reached().d0() + " / " + ladder.atLeast().reached().d1() + " / "
                + ladder.atLeast().reached().d2() + " / " + ladder.atLeast().reached().d3() + " people"
            : NO_DATA,
        "",
        "chaoss conversion funnel + maintainers");
    for (Rung r : List.of(Rung.D0, Rung.D1, Rung.D2)) {
      Conversion cv = ladder.atLeast().cohort(r);
      t.row(
          "Of those who reached " + r + ", how many reached " + cv.to() + "?",
          cv.rate().isPresent()
              ? rate(cv.rate()) + " (" + cv.toCount() + " of " + cv.fromCount() + " people)"
              : NO_DATA,
          "",
          "cohort conversion");
    }
    for (RungTime rt : ladder.timeOnRung()) {
      t.row(
          "Median time on " + rt.rung() + " before climbing",
          rt.median().map(MetricsReport::days)
              .orElse(rt.climbed() + rt.censored() == 0 ? NO_DATA : "nobody climbed"),
          "",
          rt.climbed() + " climbed, " + rt.censored() + " still there");
    }
    t.row(
        "LFX dependency points",
        lfxEvidence() ? s.lfx().total() + " of " + s.lfx().maximum() + " points" : NO_DATA,
        "",
        "lfx insights bins");
    retentionRows(t);
    responsivenessRows(t, s.responsiveness());
    t.print(out, "  ");
    out.println();
    out.println("Who holds the commits (absence factor members):");
    if (!s.absenceFactor().hasEvidence()) {
      out.println("  " + NO_DATA);
    }
    for (Ranked<Actor> r : s.absenceFactor().members()) {
      out.printf("  %-30s %,8d commits  %5.1f %%%n", label(r.key()), r.count(), 100 * r.share());
    }
    out.println("Lottery factor, top contributors of pull requests:");
    if (!lottery.factor().hasEvidence()) {
      out.println("  " + NO_DATA);
    }
    for (LotteryFactor.TopContributor top : lottery.top()) {
      out.printf(
          "  %-30s %,8d PRs      %5.1f %%  %s%n",
          label(top.ranked().key()),
          top.ranked().count(),
          100 * top.ranked().share(),
          top.level().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    lottery.other()
        .ifPresent(o -> out.printf("  %-30s %,8d PRs      %5.1f %%  (%d people)%n",
            "others", o.count(), 100 * o.share(), o.people()));
    if (simulated) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  void writeJson(PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", SCHEMA_VERSION);
      g.writeStringProperty("repo", s.repository().fullName());
      g.writeStringProperty("asOf", s.asOf().toString());
      g.writeObjectPropertyStart("window");
      g.writeStringProperty("start", s.window().start().toString());
      g.writeStringProperty("end", s.window().end().toString());
      g.writeEndObject();
      g.writeStringProperty("source", source);
      g.writeBooleanProperty("simulated", simulated);
      if (read.isPresent()) {
        CommunitySummary.writeRead(g, "read", read.get());
      }
      g.writeArrayPropertyStart("warnings");
      for (String w : warnings) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeStringProperty("commitBasis", basis());
      if (note.isPresent()) {
        g.writeStringProperty("note", note.get());
      }

      OpenSaucedConfidenceResult os = s.openSauced();
      CohortConfidenceResult c = s.cohort();
      g.writeObjectPropertyStart("contributorConfidence");
      writeOptional(g, "opensauced", os.hasEvidence() ? OptionalDouble.of(os.confidence()) : OptionalDouble.empty());
      writeCount(g, "opensaucedPercent", os.hasEvidence(), os.percent());
      writeString(g, "opensaucedLevel", os.hasEvidence() ? Optional.of(os.level().name().toLowerCase(Locale.ROOT)) : Optional.empty());
      g.writeNumberProperty("stargazers", os.stargazers());
      g.writeNumberProperty("forkers", os.forkers());
      g.writeObjectPropertyStart("cohort");
      writeOptional(g, "rate", c.rate());
      writeOptional(g, "low", c.interval().map(ProportionInterval::lower));
      writeOptional(g, "high", c.interval().map(ProportionInterval::upper));
      if (c.interval().isPresent()) {
        g.writeStringProperty("method", c.interval().get().method().name().toLowerCase(Locale.ROOT));
        g.writeNumberProperty("level", c.interval().get().level());
      }
      g.writeNumberProperty("cohort", c.cohort());
      g.writeNumberProperty("converters", c.converters());
      g.writeNumberProperty("censored", c.censored());
      g.writeStringProperty("cohortStart", c.window().start().toString());
      g.writeStringProperty("cohortEnd", c.window().end().toString());
      g.writeNumberProperty("horizonDays", c.horizon().toSeconds() / 86400.0);
      writeOptional(g, "medianDelayDays", c.delays().median().map(MetricsReport::toDays));
      writeOptional(g, "p90DelayDays", c.delays().p90().map(MetricsReport::toDays));
      g.writeEndObject();
      g.writeEndObject();

      writeFactor(g, "absenceFactor", s.absenceFactor(), this::label, "chaoss");
      g.writeEndObject();
      LotteryFactorResult lottery = s.lotteryFactor();
      g.writeObjectPropertyStart("lotteryFactor");
      writeCount(g, "count", lottery.factor().hasEvidence(), lottery.factor().factor());
      writeString(g, "level", lottery.evidencedLevel().map(MetricsReport::level));
      g.writeNumberProperty("total", lottery.factor().total());
      g.writeArrayPropertyStart("top");
      for (LotteryFactor.TopContributor top : lottery.top()) {
        g.writeStartObject();
        g.writeStringProperty("person", label(top.ranked().key()));
        g.writeNumberProperty("count", top.ranked().count());
        g.writeNumberProperty("share", top.ranked().share());
        g.writeStringProperty("level", top.level().name().toLowerCase(Locale.ROOT).replace('_', '-'));
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
      g.writeStringProperty("preset", "opensauced");
      g.writeEndObject();

      g.writeObjectPropertyStart("ponyFactor");
      boolean pony = s.ponyFactor().current().factor().hasEvidence();
      writeCount(g, "factor", pony, s.ponyFactor().current().ponyFactor());
      writeCount(g, "metaPony", pony, s.ponyFactor().current().metaPonyFactor());
      g.writeArrayPropertyStart("quarterly");
      for (var q : s.ponyFactor().quarterly()) {
        g.writeStartObject();
        g.writeStringProperty("end", q.window().end().toString());
        writeCount(g, "factor", q.factor().hasEvidence(), q.ponyFactor());
        writeCount(g, "metaPony", q.factor().hasEvidence(), q.metaPonyFactor());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();

      writeFactor(g, "contributorDependency", s.contributorDependency().factor(), this::label, "lfx");
      writePoints(g, s.contributorDependency().points());
      g.writeEndObject();
      writeFactor(g, "elephantFactor", s.elephantFactor().factor(), MetricsReport::organization, "chaoss");
      writePoints(g, s.elephantFactor().points());
      g.writeNumberProperty("unaffiliatedLeftOut", s.elephantFactor().leftOut());
      g.writeEndObject();

      g.writeObjectPropertyStart("onion");
      for (OnionLayer layer : OnionLayer.values()) {
        writeCount(g, layer.name().toLowerCase(Locale.ROOT), s.onion().hasEvidence(), s.onion().layer(layer).size());
      }
      g.writeEndObject();

      LadderResult ladder = s.ladder();
      g.writeObjectPropertyStart("ladder");
      for (Rung r : Rung.values()) {
        writeCount(g, r.name().toLowerCase(Locale.ROOT), ladderEvidence(), ladder.atLeast().reached().get(r));
      }
      g.writeObjectPropertyStart("conversion");
      for (Rung r : List.of(Rung.D0, Rung.D1, Rung.D2)) {
        Conversion cv = ladder.atLeast().cohort(r);
        writeOptional(g, r.name().toLowerCase(Locale.ROOT) + "To" + cv.to().name(), cv.rate());
      }
      g.writeEndObject();
      g.writeObjectPropertyStart("medianDaysOnRung");
      for (RungTime rt : ladder.timeOnRung()) {
        writeOptional(g, rt.rung().name().toLowerCase(Locale.ROOT), rt.median().map(MetricsReport::toDays));
      }
      g.writeEndObject();
      g.writeEndObject();

      g.writeObjectPropertyStart("lfx");
      writeCount(g, "dependencyPoints", lfxEvidence(), s.lfx().total());
      g.writeNumberProperty("maximum", s.lfx().maximum());
      writePoints(g, "retentionPoints", s.lfx().retention());
      g.writeEndObject();
      writeRetention(g, s.retention());
      writeResponsiveness(g, s.responsiveness());
      g.writeEndObject();
    }
    out.println();
  }

  /** The retention rows of the text table. */
  private void retentionRows(TextTable t) {
    RetentionResult r = s.retention();
    Optional<PeriodRetention> last = r.lastCompletePeriod();
    t.row(
        "Of the previous quarter's contributors, how many stayed?",
        last.map(p -> rate(p.retentionPercent().isPresent()
                ? OptionalDouble.of(p.retentionPercent().getAsDouble() / 100)
                : OptionalDouble.empty()))
            .orElse(NO_DATA),
        last.map(p -> points(p.lfxPoints())).orElse(""),
        "lfx retention, " + last.map(p -> p.period().label()).orElse("no complete quarter"));
    t.row(
        "New / returning / inactive in that quarter",
        last.filter(p -> !(p.active().isEmpty() && p.inactive().isEmpty()))
            .map(p -> p.newcomers().size() + " / " + p.returning().size() + " / " + p.inactive().size())
            .orElse(NO_DATA),
        "",
        "chaoss, inactive after " + days(r.metric().inactiveAfter()));
    t.row(
        "Active / drifting / away contributors",
        r.hasEvidence() ? r.active().size() + " / " + r.drifting().size() + " / " + r.away().size() : NO_DATA,
        "",
        "8knot, " + r.metric().activeMonths() + " / " + r.metric().driftingMonths() + " months");
    t.row(
        "Repeat / fly-by / occasional contributors",
        r.hasEvidence() ? r.repeat().size() + " / " + r.flyBy().size() + " / " + r.occasional().size() : NO_DATA,
        "",
        "augur 4 in 365 days; chaoss occasional");
    t.row(
        "Median time from first to last contribution",
        r.survival().followed() == 0
            ? NO_DATA
            : r.survival().median().map(sec -> days(Duration.ofSeconds(sec))).orElse("over half still active"),
        "",
        "kaplan-meier, " + r.departed().size() + " departed, " + r.censored().size() + " censored, "
            + r.withoutFollowUp().size() + " without follow-up");
  }

  /** Days at which the JSON reports the survival curve. */
  private static final List<Integer> SURVIVAL_DAYS = List.of(30, 90, 180, 365, 730);

  private void writeRetention(JsonGenerator g, RetentionResult r) {
    g.writeObjectPropertyStart("retention");
    g.writeStringProperty("preset", "lfx");
    g.writeStringProperty("periodUnit", r.metric().unit().name().toLowerCase(Locale.ROOT));
    g.writeStringProperty("zone", r.metric().zone().getId());
    g.writeStringProperty("start", r.metric().window().start().toString());
    g.writeArrayPropertyStart("periods");
    for (PeriodRetention p : r.periods()) {
      g.writeStartObject();
      g.writeStringProperty("period", p.period().label());
      // Zero people in a quarter is a value when someone contributed in the window at all.
      writeCount(g, "active", r.hasEvidence(), p.active().size());
      writeCount(g, "new", r.hasEvidence(), p.newcomers().size());
      writeCount(g, "returning", r.hasEvidence(), p.returning().size());
      writeCount(g, "retained", r.hasEvidence(), p.retained().size());
      writeCount(g, "inactive", r.hasEvidence(), p.inactive().size());
      writeOptional(g, "retentionPercent", p.retentionPercent());
      writePoints(g, "lfxPoints", p.lfxPoints());
      g.writeEndObject();
    }
    g.writeEndArray();
    Optional<PeriodRetention> last = r.lastCompletePeriod();
    if (last.isPresent()) {
      g.writeStringProperty("lastCompletePeriod", last.get().period().label());
    } else {
      g.writeNullProperty("lastCompletePeriod");
    }
    boolean any = r.hasEvidence();
    g.writeObjectPropertyStart("eightKnot");
    writeCount(g, "active", any, r.active().size());
    writeCount(g, "drifting", any, r.drifting().size());
    writeCount(g, "away", any, r.away().size());
    g.writeEndObject();
    g.writeObjectPropertyStart("openSauced");
    writeCount(g, "active", any, r.openSaucedActive().size());
    writeCount(g, "new", any, r.openSaucedNew().size());
    writeCount(g, "alumni", any, r.openSaucedAlumni().size());
    g.writeEndObject();
    writeCount(g, "repeat", any, r.repeat().size());
    writeCount(g, "flyBy", any, r.flyBy().size());
    writeCount(g, "occasional", any, r.occasional().size());
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
    g.writeNumberProperty("departureGapDays", toDays(r.metric().departureGap()));
    g.writeNumberProperty("level", km.level());
    g.writeStringProperty("band", km.scale() == BandScale.LOG_LOG ? "log-log" : "plain");
    writeOptional(g, "medianDays", km.median().map(sec -> sec / 86400.0));
    g.writeArrayPropertyStart("at");
    for (int d : SURVIVAL_DAYS) {
      long sec = d * 86400L;
      g.writeStartObject();
      g.writeNumberProperty("days", d);
      // Nobody followed: no evidence, so no value (not the S = 1 of a curve without events).
      // Before the first event S is 1 with no uncertainty; at S = 0 the band is undefined (null).
      boolean evidence = km.followed() > 0;
      writeOptional(g, "survival", evidence ? OptionalDouble.of(km.survival(sec)) : OptionalDouble.empty());
      writeOptional(g, "lower", evidence ? km.at(sec).map(SurvivalStep::lower).orElse(OptionalDouble.of(1.0)) : OptionalDouble.empty());
      writeOptional(g, "upper", evidence ? km.at(sec).map(SurvivalStep::upper).orElse(OptionalDouble.of(1.0)) : OptionalDouble.empty());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writePoints(JsonGenerator g, String name, java.util.OptionalInt points) {
    if (points.isPresent()) {
      g.writeNumberProperty(name, points.getAsInt());
    } else {
      g.writeNullProperty(name);
    }
  }

  /** Opens an object for a factor result; the caller may add fields and must close it. */
  private static <K> void writeFactor(
      JsonGenerator g, String name, FactorResult<K> f, Function<K, String> label, String preset) {
    g.writeObjectPropertyStart(name);
    writeCount(g, "factor", f.hasEvidence(), f.factor());
    g.writeNumberProperty("total", f.total());
    g.writeStringProperty("preset", preset);
    g.writeArrayPropertyStart("members");
    for (Ranked<K> r : f.members()) {
      g.writeStartObject();
      g.writeStringProperty("name", label.apply(r.key()));
      g.writeNumberProperty("count", r.count());
      g.writeNumberProperty("share", r.share());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writePoints(JsonGenerator g, java.util.OptionalInt points) {
    writePoints(g, "points", points);
  }

  private static void writeOptional(JsonGenerator g, String name, OptionalDouble value) {
    if (value.isPresent()) {
      g.writeNumberProperty(name, value.getAsDouble());
    } else {
      g.writeNullProperty(name);
    }
  }

  private static void writeOptional(JsonGenerator g, String name, Optional<Double> value) {
    if (value.isPresent()) {
      g.writeNumberProperty(name, value.get());
    } else {
      g.writeNullProperty(name);
    }
  }

  private static double toDays(Duration d) {
    return d.toSeconds() / 86400.0;
  }

  private static String days(Duration d) {
    return String.format("%.1f days", toDays(d));
  }

  private static String percent(double fraction) {
    return String.format("%.1f %%", 100 * fraction);
  }

  private static String rate(OptionalDouble r) {
    return r.isPresent() ? percent(r.getAsDouble()) : NO_DATA;
  }

  /** Whether anyone reached a rung of the ladder in the window. */
  private boolean ladderEvidence() {
    return s.ladder().atLeast().reached().total() > 0;
  }

  /** Whether either dependency metric has points (neither has without contributions). */
  private boolean lfxEvidence() {
    return s.lfx().contributorDependency().isPresent() || s.lfx().organizationDependency().isPresent();
  }

  /** A count, or {@code null} when there is no evidence for it. */
  private static void writeCount(JsonGenerator g, String name, boolean evidence, long n) {
    if (evidence) {
      g.writeNumberProperty(name, n);
    } else {
      g.writeNullProperty(name);
    }
  }

  private static void writeString(JsonGenerator g, String name, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get());
    } else {
      g.writeNullProperty(name);
    }
  }

  private static String interval(Optional<ProportionInterval> i) {
    return i.map(x -> String.format(" [%.1f, %.1f]", 100 * x.lower(), 100 * x.upper())).orElse("");
  }

  private static String points(java.util.OptionalInt p) {
    return p.isPresent() ? p.getAsInt() + " pts" : "";
  }

  // ---- responsiveness (issue 4) ----

  private static void responsivenessRows(TextTable t, ResponsivenessResult r) {
    DurationSummary fr = r.firstResponse();
    t.row(
        "Median time to first response (issues and PRs)",
        fr.p50().map(MetricsReport::hours)
            .orElse(fr.completed() + fr.censored() == 0 ? NO_DATA : "nobody answered"),
        fr.p90().map(h -> "p90 " + hours(h)).orElse(""),
        "chaoss, " + fr.completed() + " answered, " + fr.censored() + " waiting");
    t.row(
        "Median time to close / to merge",
        r.timeToClose().p50().map(MetricsReport::days).orElse(NO_DATA) + " / "
            + r.timeToMerge().p50().map(MetricsReport::days).orElse(NO_DATA),
        "",
        r.timeToClose().censored() + " still open");
    t.row(
        "PR velocity (mean whole days to merge)",
        r.velocityDays().isPresent() ? String.format("%.1f days", r.velocityDays().getAsDouble()) : NO_DATA,
        "",
        "opensauced");
    t.row("Merged among closed pull requests", ratio(r.acceptance()), "", "acceptance");
    t.row("Merged PRs approved by someone else", ratio(r.reviewCoverage()), "", "review coverage");
    t.row(
        "How many people hold more than half the reviews?",
        count(r.reviewConcentration().hasEvidence(), r.reviewConcentration().factor(), "people"),
        "",
        "chaoss absence factor, reviews");
  }

  private static String hours(Duration d) {
    return String.format("%.1f hours", d.toSeconds() / 3600.0);
  }

  private static String ratio(Ratio r) {
    return r.value().isPresent() ? rate(r.value()) + " (" + r.numerator() + "/" + r.denominator() + ")" : NO_DATA;
  }

  private static void writeResponsiveness(JsonGenerator g, ResponsivenessResult r) {
    g.writeObjectPropertyStart("responsiveness");
    g.writeStringProperty("preset", "chaoss");
    g.writeBooleanProperty("maintainersOnly", r.metric().maintainersOnly());
    g.writeBooleanProperty("closingIsResponse", r.metric().closingIsResponse());
    writeDurations(g, "firstResponse", r.firstResponse());
    writeDurations(g, "issueFirstResponse", r.issueFirstResponse());
    writeDurations(g, "pullRequestFirstResponse", r.pullRequestFirstResponse());
    writeDurations(g, "timeToClose", r.timeToClose());
    writeDurations(g, "timeToMerge", r.timeToMerge());
    writeOptional(g, "velocityDays", r.velocityDays());
    writeRatio(g, "acceptance", r.acceptance());
    writeRatio(g, "closure", r.closure());
    writeRatio(g, "reviewCoverage", r.reviewCoverage());
    g.writeObjectPropertyStart("reviewConcentration");
    writeCount(g, "factor", r.reviewConcentration().hasEvidence(), r.reviewConcentration().factor());
    g.writeNumberProperty("total", r.reviewConcentration().total());
    g.writeEndObject();
    writeRatio(g, "approvalDiversity", r.approvalDiversity());
    g.writeNumberProperty("approvalMinApprovers", r.metric().minApprovers());
    g.writeNumberProperty("approvalMinOrganisations", r.metric().minOrganizations());
    writeRatio(g, "ross", r.ross());
    writeCount(
        g, "unanswered", r.firstResponse().completed() + r.firstResponse().censored() > 0, r.unanswered().size());
    g.writeNumberProperty("mergedWithoutOpening", r.mergedWithoutOpening());
    g.writeEndObject();
  }

  private static void writeDurations(JsonGenerator g, String name, DurationSummary d) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("completed", d.completed());
    g.writeNumberProperty("censored", d.censored());
    writeOptional(g, "p50Hours", d.p50().map(MetricsReport::toHours));
    writeOptional(g, "p75Hours", d.p75().map(MetricsReport::toHours));
    writeOptional(g, "p90Hours", d.p90().map(MetricsReport::toHours));
    writeOptional(g, "p95Hours", d.p95().map(MetricsReport::toHours));
    writeOptional(g, "meanHours", d.mean().map(MetricsReport::toHours));
    writeOptional(g, "kaplanMeierMedianHours", d.kaplanMeierMedian().map(MetricsReport::toHours));
    writeOptional(g, "medianLowHours", d.medianInterval().map(i -> toHours(i.lower())));
    writeOptional(g, "medianHighHours", d.medianInterval().map(i -> toHours(i.upper())));
    writeOptional(g, "medianCoverage", d.medianInterval().map(DurationSummary.MedianInterval::coverage));
    g.writeEndObject();
  }

  private static void writeRatio(JsonGenerator g, String name, Ratio r) {
    g.writeObjectPropertyStart(name);
    writeOptional(g, "value", r.value());
    g.writeNumberProperty("numerator", r.numerator());
    g.writeNumberProperty("denominator", r.denominator());
    g.writeEndObject();
  }

  private static double toHours(Duration d) {
    return d.toNanos() / 3.6e12;
  }
}
