package io.github.communitymetrics.core.metrics.stars;

import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricProvider;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.metrics.SliceMetric;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The StarScout metrics, {@code low-activity-stars} and {@code lockstep-stars}, for the registry:
 * in {@code StandardMetrics} (as {@code LOW_ACTIVITY_STARS} and {@code LOCKSTEP_STARS}), so do not
 * register this provider next to the standard set. Both read every repository of the data ({@link Locality#STORE}).
 */
public final class StarScoutMetrics implements MetricProvider {
  /** The preset's name. */
  public static final String PRESET = "starscout";

  private static final String PAPER = "https://arxiv.org/abs/2412.13459";

  /** A provider of both metrics (for {@code ServiceLoader} or {@code registerAll}). */
  public StarScoutMetrics() {}

  @Override
  public List<MetricDescriptor<?>> metrics() {
    return List.of(LOW_ACTIVITY, LOCKSTEP);
  }

  private static final List<Parameter> LOW_PARAMETERS = List.of(
      new Parameter("maxEvents", Parameter.Kind.INTEGER, "2", "events",
          "an account with all its events on one UTC day and at most this many distinct event seconds is low-activity"),
      new Parameter("maxRepositories", Parameter.Kind.INTEGER, "1", "repositories",
          "... and events in at most this many repositories"),
      new Parameter("maxOrganizations", Parameter.Kind.INTEGER, "1", "organizations",
          "... and at most this many repository owners"));

  private static final List<Parameter> LOCKSTEP_PARAMETERS = List.of(
      new Parameter("minUsers", Parameter.Kind.INTEGER, "50", "people", "n: the least accounts in a lockstep group"),
      new Parameter("minRepositories", Parameter.Kind.INTEGER, "10", "repositories",
          "m: the least repositories a group starred together"),
      new Parameter("dt", Parameter.Kind.DURATION, "P15D", "days",
          "each star of a group lies within this of its repository's centre time"),
      new Parameter("rho", Parameter.Kind.DECIMAL, "0.5", "",
          "each account starred at least this fraction of the group's repositories near their centres"),
      new Parameter("beta", Parameter.Kind.DECIMAL, "2", "dt",
          "a centre moves at most beta * dt per refinement round"),
      new Parameter("windowMonths", Parameter.Kind.INTEGER, "6", "months",
          "detection window in calendar months (UTC), plus the day it would end on, as StarScout's chunks"),
      new Parameter("stepMonths", Parameter.Kind.INTEGER, "3", "months",
          "months from one window's start to the next; starts are month indices divisible by it (quarters)"));

  // Declared after the parameter lists, which their constructors read.
  /** {@code low-activity-stars}. */
  public static final MetricDescriptor<FakeStarsResult> LOW_ACTIVITY = new LowActivityStars();

  /** {@code lockstep-stars}. */
  public static final MetricDescriptor<FakeStarsResult> LOCKSTEP = new LockstepStars();

  static LowActivityParameters low(Evaluation e) {
    return new LowActivityParameters(
        e.integer(LOW_ACTIVITY, "maxEvents"), e.integer(LOW_ACTIVITY, "maxRepositories"),
        e.integer(LOW_ACTIVITY, "maxOrganizations"));
  }

  static LockstepParameters lockstep(Evaluation e) {
    return new LockstepParameters(
        e.integer(LOCKSTEP, "minUsers"), e.integer(LOCKSTEP, "minRepositories"), e.duration(LOCKSTEP, "dt"),
        e.decimal(LOCKSTEP, "rho"), e.decimal(LOCKSTEP, "beta"), e.integer(LOCKSTEP, "windowMonths"),
        e.integer(LOCKSTEP, "stepMonths"));
  }

  private static Preset starScoutPreset(String guidance) {
    return new Preset(PRESET, "StarScout (He et al., ICSE 2026)").definedAt(PAPER).withGuidance(guidance);
  }

  private static Measurement count(String metric, String name, Unit unit, OptionalInt v, int stars) {
    return Measurement.of(metric, name, unit, v.isPresent() ? v.getAsInt() : 0, v.isPresent() ? stars : 0, PRESET);
  }

  private static Measurement share(String metric, OptionalInt v, int stars) {
    OptionalDouble s = v.isPresent() && stars > 0 ? OptionalDouble.of((double) v.getAsInt() / stars) : OptionalDouble.empty();
    return Measurement.of(metric, "share", Unit.FRACTION, s, stars, PRESET);
  }

  /** Both metrics: one algorithm over every repository, with both signals' parameters. */
  private abstract static class Base extends MetricDescriptor<FakeStarsResult> {
    Base(String id, String title, String description, String json, String guidance, List<Parameter> parameters,
        List<MeasurementSpec> measurements) {
      super(id, title, description, json, List.of(starScoutPreset(guidance)), parameters, measurements, Locality.STORE);
    }

    @Override
    public final SliceMetric<?, FakeStarsResult> metric(Evaluation e) {
      return new FakeStars(e.scope(), e.window(), low(e), lockstep(e));
    }
  }

  private static final class LowActivityStars extends Base {
    LowActivityStars() {
      super(
          "low-activity-stars",
          "How many stars come from accounts that did nothing else?",
          "First stars in the window by accounts whose whole activity in the data is one day, at most"
              + " 2 events, 1 repository and 1 organisation (repository owner). Needs the stargazers'"
              + " activity in every repository: with a stargazer list alone it has no data.",
          "lowActivityStars",
          ("StarScout flags such accounts as suspected fake stargazers; a share well above the"
              + " repository's usual months is a warning. It publishes no levels."),
          LOW_PARAMETERS,
          List.of(
              new MeasurementSpec("stars", Unit.COUNT, "first stars (one per person and repository) in the window"),
              new MeasurementSpec("lowActivity", Unit.COUNT, "of those, stars by low-activity accounts"),
              new MeasurementSpec("share", Unit.FRACTION, "lowActivity / stars")));
    }

    @Override
    public List<Measurement> measure(FakeStarsResult r, Evaluation e) {
      int n = r.lowActivity().isPresent() ? r.stars() : 0;
      return List.of(
          Measurement.of(id(), "stars", Unit.COUNT, r.stars(), r.stars(), PRESET),
          count(id(), "lowActivity", Unit.COUNT, r.lowActivity(), n),
          share(id(), r.lowActivity(), n));
    }
  }

  private static final class LockstepStars extends Base {
    LockstepStars() {
      super(
          "lockstep-stars",
          "How many stars come in lockstep with other repositories' stars?",
          "First stars in the window by CopyCatch lockstep groups (at least 50 accounts starring at least"
              + " 10 of the same repositories within 15 days of each one's centre time), and by either"
              + " StarScout signal. Needs the stargazers' stars in every repository.",
          "lockstepStars",
          ("StarScout reports that fake stars lift popularity for less than two months."
              + " It publishes no levels."),
          LOCKSTEP_PARAMETERS,
          List.of(
              new MeasurementSpec("stars", Unit.COUNT, "first stars (one per person and repository) in the window"),
              new MeasurementSpec("lockstep", Unit.COUNT, "of those, stars in a lockstep group"),
              new MeasurementSpec("either", Unit.COUNT, "of those, stars suspected by either signal"),
              new MeasurementSpec("share", Unit.FRACTION, "either / stars")));
    }

    @Override
    public List<Measurement> measure(FakeStarsResult r, Evaluation e) {
      int n = r.either().isPresent() ? r.stars() : 0;
      return List.of(
          Measurement.of(id(), "stars", Unit.COUNT, r.stars(), r.stars(), PRESET),
          count(id(), "lockstep", Unit.COUNT, r.lockstep(), n),
          count(id(), "either", Unit.COUNT, r.either(), n),
          share(id(), r.either(), n));
    }
  }
}
