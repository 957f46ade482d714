package io.github.communitymetrics.cli;

import io.github.communitymetrics.cli.ImpactAnalysis.Outcome;
import io.github.communitymetrics.cli.ImpactAnalysis.SeriesImpact;
import io.github.communitymetrics.core.impact.BootstrapEstimate;
import io.github.communitymetrics.core.impact.Changepoints;
import io.github.communitymetrics.core.impact.Coefficient;
import io.github.communitymetrics.core.impact.CohortConversion;
import io.github.communitymetrics.core.impact.EventDays;
import io.github.communitymetrics.core.impact.Placebo;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The text output of {@code impact}: per event, a table of the estimates and the cohort's lines. */
final class ImpactText {
  static final String NO_DATA = "no data";

  private ImpactText() {}

  static void write(PrintWriter out, ImpactCommand.Run run) {
    ImpactAnalysis.Parameters p = run.parameters();
    out.println("Event impact: " + run.source() + ", repositories: " + run.scope()
        + (run.controls().isEmpty() ? "" : ", controls: " + String.join(", ", run.controls())));
    out.println("Data: " + run.first() + " to " + run.last() + " (UTC days), as of " + run.asOf());
    out.printf(Locale.ROOT,
        "Windows: %d days each side; bootstrap %d replicates, block %s, seed %d; placebo %d dates, margin %d days;"
            + " intervals %s %%, alpha %s; changepoints penalty %s, segments >= %d days, near = within %d days%n",
        p.window(), p.replicates(), p.blockLength().isPresent() ? p.blockLength().getAsInt() + " days" : "default",
        p.seed(), p.placebos(), p.placeboMargin(), percent(p.level()), plain(p.alpha()), penalty(p), p.minSegment(),
        p.tolerance());
    for (ImpactCommand.EventImpact e : run.events()) {
      out.println();
      out.println("Event \"" + e.event().name() + "\" (" + e.event().kind().name().toLowerCase(Locale.ROOT) + "), "
          + e.event().start() + " to " + e.event().end());
      if (!e.event().labels().isEmpty()) {
        out.println("  labels " + String.join(", ", e.event().labels().stream().sorted().toList())
            + ": newcomers whose first issue or pull request carries one join the cohort");
      }
      TextTable t = new TextTable("series", "estimate", "value", "interval", "p", "placebo p<" + plain(p.alpha()), "windows and notes")
          .numeric(2, 4);
      for (SeriesImpact s : e.series()) {
        rows(t, s, p);
      }
      t.print(out, "  ");
      cohort(out, e.cohort(), p);
    }
  }

  private static void rows(TextTable t, SeriesImpact s, ImpactAnalysis.Parameters p) {
    String id = s.id().id();
    String rate = rate(s.liftPlacebo());
    String levelRate = rate(s.levelPlacebo());
    if (s.lift().value().isPresent()) {
      var l = s.lift().value().get();
      EventDays d = s.days().orElseThrow();
      String windows = "before " + s.series().day(d.first() - l.window()) + ".." + s.series().day(d.first() - 1)
          + " mean " + num(l.meanBefore()) + ", after " + s.series().day(d.last() + 1) + ".."
          + s.series().day(d.last() + l.window()) + " mean " + num(l.meanAfter()) + "; block " + l.blockLength();
      estimate(t, id, "lift, after - before", Optional.of(l.difference()), "", rate, windows);
      // The placebo repeats the difference's test, not the ratio's.
      estimate(t, id, "lift, after / before", l.ratio(), "the before mean (or a replicate's) is not positive", "", "");
    } else {
      noData(t, id, "lift", s.lift().why());
    }
    if (s.its().value().isPresent()) {
      var its = s.its().value().get();
      String windows = p.window() + " days fitted each side, Newey-West lag " + its.lag();
      coefficient(t, id, "ITS level change", its.levelChange(), levelRate, windows);
      coefficient(t, id, "ITS slope change /day", its.slopeChange(), "", "");
    } else {
      noData(t, id, "ITS", s.its().why());
    }
    if (s.changepoints().value().isPresent()) {
      Changepoints c = s.changepoints().value().get();
      String nearest = nearest(s).map(day -> day + " (" + c.distanceToEvent().getAsInt() + " days from the event, "
          + (c.nearEvent() ? "within " : "not within ") + p.tolerance() + ")").orElse("none in the series");
      t.row(id, "nearest changepoint", c.changepoints().size() + " found", "", "", "", nearest);
    } else {
      noData(t, id, "changepoints", s.changepoints().why());
    }
    s.did().ifPresent(did -> {
      if (did.value().isPresent()) {
        var d = did.value().get();
        estimate(t, id, "diff. in differences", Optional.of(d.effect()), "", "",
            "treated change " + num(d.treatedChange()) + ", controls' mean change " + num(d.controlChange()));
      } else {
        noData(t, id, "diff. in differences", did.why());
      }
    });
  }

  private static void estimate(
      TextTable t, String id, String what, Optional<BootstrapEstimate> e, String why, String rate, String note) {
    if (e.isEmpty()) {
      t.row(id, what, NO_DATA, "", "", rate, why);
      return;
    }
    BootstrapEstimate b = e.get();
    t.row(id, what, num(b.estimate()), interval(b.lower(), b.upper()), pValue(b.pValue()), rate, note);
  }

  private static void coefficient(TextTable t, String id, String what, Optional<Coefficient> c, String rate, String note) {
    if (c.isEmpty()) {
      t.row(id, what, NO_DATA, "", "", rate, "the model fits the days exactly: no residual to measure uncertainty");
      return;
    }
    Coefficient k = c.get();
    t.row(id, what, num(k.estimate()), interval(k.lower(), k.upper()), pValue(k.pValue()), rate,
        (note.isEmpty() ? "" : note + "; ") + "df " + num(k.degreesOfFreedom()));
  }

  private static void noData(TextTable t, String id, String what, String why) {
    t.row(id, what, NO_DATA, "", "", "", why);
  }

  /** The UTC day of the changepoint nearest the event. */
  static Optional<LocalDate> nearest(SeriesImpact s) {
    Changepoints c = s.changepoints().value().orElseThrow();
    EventDays d = s.days().orElseThrow();
    return c.changepoints().stream()
        .min((a, b) -> Integer.compare(d.distanceTo(a), d.distanceTo(b)))
        .map(s.series()::day);
  }

  private static String rate(Outcome<Placebo> placebo) {
    if (placebo.value().isEmpty() || placebo.value().get().falsePositiveRate().isEmpty()) {
      return NO_DATA;
    }
    Placebo pl = placebo.value().get();
    ProportionInterval r = pl.falsePositiveRate().get();
    return r.successes() + "/" + r.trials() + " (" + num(100 * r.estimate()) + " %)";
  }

  private static void cohort(PrintWriter out, ImpactAnalysis.CohortImpact c, ImpactAnalysis.Parameters p) {
    out.println("  Cohort: " + c.members() + " newcomers (" + c.byWindow()
        + " first contributed during the event, " + c.byAttendance() + " attendees who first contributed after its start, "
        + c.byLabel() + " after its start with a first issue or pull request labelled for it)");
    if (c.attendeesListed() > 0) {
      out.println("    attendees: " + c.attendeesListed() + " listed, " + c.attendeesMatched() + " found in the data, "
          + c.attendeesBefore() + " contributing before the event (not newcomers), " + c.attendeesWithout()
          + " without a contribution in the scope");
    }
    long horizonDays = p.horizon().toDays();
    if (c.conversion().value().isPresent() && c.conversion().value().get().rate().isPresent()) {
      var conv = c.conversion().value().get();
      ProportionInterval r = conv.rate().get();
      out.println("    conversion (a second contribution within " + horizonDays + " days): " + conv.converted() + " of "
          + conv.eligible() + " whose horizon has passed, " + num(100 * r.estimate()) + " % "
          + interval(100 * r.lower(), 100 * r.upper()) + " % (Wilson)");
    } else {
      out.println("    conversion: " + NO_DATA + " (" + (c.conversion().value().isPresent()
          ? "no member's " + horizonDays + "-day horizon has passed by " + c.asOf()
          : c.conversion().why()) + ")");
    }
    if (c.sameSize().value().isPresent()) {
      var s = c.sameSize().value().get();
      out.println("    same-size cohorts of the other " + s.pool() + " newcomers: " + num(100 * s.expected())
          + " % convert, " + percent(s.level()) + " % of them between " + num(100 * s.lower()) + " and "
          + num(100 * s.upper()) + " %; this cohort " + s.converted() + " of " + s.size() + ", p " + pValue(s.pValue())
          + " (hypergeometric)");
    } else {
      out.println("    same-size cohorts: " + NO_DATA + " (" + c.sameSize().why() + ")");
    }
    ladder(out, "reached D2 (a merged pull request of theirs)", c.toD2(), horizonDays, c.asOf());
    ladder(out, "reached D3 (reviewed or merged another's pull request, or was granted access)", c.toD3(), horizonDays,
        c.asOf());
    String baseline = c.baseline().value().map(b -> b.size() + " people who first contributed " + b.from() + " to " + b.to())
        .orElse(NO_DATA + " (" + c.baseline().why() + ")");
    out.println("    baseline: " + baseline);
    out.println("    median time to departure (" + p.gap().toDays() + " days inactive): cohort " + median(c.survival())
        + ", baseline " + median(c.baselineSurvival()));
    if (c.logRank().value().isPresent()) {
      var lr = c.logRank().value().get();
      out.println("    log-rank, cohort against baseline: chi-square " + num(lr.chiSquare()) + ", p " + pValue(lr.pValue())
          + " (cohort departures " + lr.observed() + ", expected " + num(lr.expected()) + ")");
    } else {
      out.println("    log-rank: " + NO_DATA + " (" + c.logRank().why() + ")");
    }
    String pool = c.pool().value().map(b -> b.size() + " other newcomers who first contributed " + b.from() + " to " + b.to())
        .orElse(NO_DATA + " (" + c.pool().why() + ")");
    out.println("    other newcomers: " + pool + "; median time to departure " + median(c.poolSurvival()));
    if (c.logRankPool().value().isPresent()) {
      var lr = c.logRankPool().value().get();
      out.println("    log-rank, cohort against the other newcomers: chi-square " + num(lr.chiSquare()) + ", p "
          + pValue(lr.pValue()) + " (cohort departures " + lr.observed() + ", expected " + num(lr.expected()) + ")");
    } else {
      out.println("    log-rank against the other newcomers: " + NO_DATA + " (" + c.logRankPool().why() + ")");
    }
  }

  private static String median(Outcome<SurvivalCurve> s) {
    if (s.value().isEmpty()) {
      return NO_DATA + " (" + s.why() + ")";
    }
    SurvivalCurve km = s.value().get();
    if (km.followed() == 0) {
      return NO_DATA + " (nobody followed: every first contribution is less than the gap before the as-of instant)";
    }
    String followed = " (" + km.followed() + " followed, " + km.events() + " departed)";
    return km.median().map(m -> num(m / 86400.0) + " days").orElse("not reached, more than half stayed") + followed;
  }

  static String penalty(ImpactAnalysis.Parameters p) {
    return p.penalty() instanceof io.github.communitymetrics.core.impact.Penalty.Manual m ? plain(m.value()) : "bic";
  }

  /** A level as a percentage without trailing zeros: 95, 99.5. */
  static String percent(double level) {
    return plain(100 * level);
  }

  /** A parameter as given, to six decimals, without trailing zeros: 0.05, 0.001. */
  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static String interval(double lower, double upper) {
    return "[" + num(lower) + ", " + num(upper) + "]";
  }

  static String pValue(double p) {
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.equals("-0.00") ? "0.00" : s;
  }

  /** A line of conversion up the contributor ladder within the horizon, or why there is none. */
  private static void ladder(
      PrintWriter out, String what, Outcome<CohortConversion> outcome, long horizonDays, Instant asOf) {
    if (outcome.value().isPresent() && outcome.value().get().rate().isPresent()) {
      CohortConversion conv = outcome.value().get();
      ProportionInterval r = conv.rate().get();
      out.println("    " + what + " within " + horizonDays + " days: " + conv.converted() + " of " + conv.eligible()
          + ", " + num(100 * r.estimate()) + " % " + interval(100 * r.lower(), 100 * r.upper()) + " % (Wilson)");
    } else {
      out.println("    " + what + ": " + NO_DATA + " (" + (outcome.value().isPresent()
          ? "no member's " + horizonDays + "-day horizon has passed by " + asOf
          : outcome.why()) + ")");
    }
  }
}
