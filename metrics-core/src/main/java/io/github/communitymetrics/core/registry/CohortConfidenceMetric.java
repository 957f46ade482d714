package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * Our cohort contributor confidence: of the people whose first star or fork fell in the window
 * that ended one horizon before the as-of instant, the share who contributed within the horizon
 * (so that nobody in the cohort is censored), with a confidence interval.
 */
final class CohortConfidenceMetric extends MetricDescriptor<CohortConfidenceResult> {
  CohortConfidenceMetric() {
    super(
        "cohort-confidence",
        "Of those who starred or forked, how many contributed?",
        "Of the people whose first star or fork of the repository fell in the cohort window (as"
            + " long as the evaluation's window, ending one horizon before the as-of instant), the"
            + " share who then contributed to it within the horizon (90 days by default), with a 95%"
            + " confidence interval. Unlike OpenSauced's confidence it follows each person forward"
            + " in time, so nobody is counted before they had the time to contribute.",
        "cohortConfidence",
        List.of(
            new Preset("cohort", "Community Metrics cohort confidence (docs/metrics.md)")
                .withGuidance(
                    "Higher is better. This definition is this project's own and has no published"
                        + " levels: compare repositories and periods, and read the interval (a wide"
                        + " one means a small cohort).")),
        List.of(
            new Parameter(
                "horizon", Parameter.Kind.DURATION, "P90D", "days",
                "how long after a first star or fork a contribution converts")),
        List.of(
            new MeasurementSpec("rate", Unit.FRACTION, "converters / cohort"),
            new MeasurementSpec("low", Unit.FRACTION, "lower end of the rate's 95% interval"),
            new MeasurementSpec("high", Unit.FRACTION, "upper end of the rate's 95% interval"),
            new MeasurementSpec("cohort", Unit.PEOPLE, "people whose first star or fork fell in the cohort window"),
            new MeasurementSpec("converters", Unit.PEOPLE, "of them, those who contributed within the horizon")),
        Locality.STORE);
  }

  /** From the start of the cohort window to the as-of instant: the stars, forks and contributions read. */
  @Override
  public Window describedWindow(Evaluation e) {
    return new Window(cohortWindow(e).start(), e.asOf());
  }

  private Window cohortWindow(Evaluation e) {
    return Window.endingAt(e.asOf().minus(e.duration(this, "horizon")), e.window().duration());
  }

  /** The cohort ends at as-of minus the horizon, inside the window: an event's cohort changes with as-of alone. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, CohortConfidenceResult> metric(Evaluation e) {
    return CohortConfidence.defaults(e.scope(), cohortWindow(e), e.asOf())
        .withHorizon(e.duration(this, "horizon"));
  }

  @Override
  public List<Measurement> measure(CohortConfidenceResult c, Evaluation e) {
    String p = preset().name();
    long n = c.cohort();
    return List.of(
        Measurement.of(id(), "rate", Unit.FRACTION, c.rate(), n, p),
        Measurement.of(id(), "low", Unit.FRACTION, interval(c, true), n, p),
        Measurement.of(id(), "high", Unit.FRACTION, interval(c, false), n, p),
        Measurement.of(id(), "cohort", Unit.PEOPLE, c.cohort(), n, p),
        Measurement.of(id(), "converters", Unit.PEOPLE, c.converters(), n, p));
  }

  private static OptionalDouble interval(CohortConfidenceResult c, boolean lower) {
    return c.interval()
        .map(i -> OptionalDouble.of(lower ? i.lower() : i.upper()))
        .orElse(OptionalDouble.empty());
  }

  @Override
  public List<SummaryRow> rows(CohortConfidenceResult c, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            "Of those who starred/forked, how many contributed?",
            c.rate().isPresent() ? Text.percent(c.rate().getAsDouble()) + interval(c.interval()) : Text.NO_DATA,
            "",
            "cohort, " + c.converters() + "/" + c.cohort() + " within " + Text.days(c.horizon())));
  }

  private static String interval(Optional<ProportionInterval> i) {
    return i.map(x -> String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * x.lower(), 100 * x.upper()))
        .orElse("");
  }

  @Override
  public void writeJsonDetail(
      CohortConfidenceResult c, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    Text.optional(g, "rate", c.rate());
    Text.optional(g, "low", c.interval().map(ProportionInterval::lower));
    Text.optional(g, "high", c.interval().map(ProportionInterval::upper));
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
    Text.optional(g, "medianDelayDays", c.delays().median().map(Text::toDays));
    Text.optional(g, "p90DelayDays", c.delays().p90().map(Text::toDays));
  }
}
