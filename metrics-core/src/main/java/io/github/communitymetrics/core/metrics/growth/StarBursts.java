package io.github.communitymetrics.core.metrics.growth;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.growth.Bursts.Burst;
import io.github.communitymetrics.core.metrics.growth.Bursts.Occurrence;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Bursts of new stargazers in the window ({@link Bursts}): CHAOSS Burstiness with Bollinger bands
 * over the calendar days or ISO weeks entirely inside the window (parameters {@code period},
 * {@code bands} = the trailing window in periods, default 20, and {@code k}, default 2), and the
 * Goh-Barabasi coefficient of the first stars' inter-event times in the window.
 *
 * <p>The events are the first stars (per person and repository) in the window. A burst's
 * <em>new accounts</em> are the stargazers whose first event of any kind in the scope (not only
 * stars: a first comment counts) falls in the burst: accounts that appear with the burst, the
 * StarScout signal of purchased stars. Because the state keeps each account's first event before
 * the window's end, "first in the data" means first in the scope's history up to the window's
 * end, not only within the window.
 */
public final class StarBursts extends MetricDescriptor<StarBursts.Result> {

  /** The registered instance ({@code StandardMetrics.STAR_BURSTS}). */
  public static final StarBursts INSTANCE = new StarBursts();

  private StarBursts() {
    super(
        "star-bursts",
        "Did the stars come in bursts?",
        "Periods whose new stargazers are above the trailing mean plus k standard deviations"
            + " (Bollinger bands), the share of those stars from accounts first seen in the burst,"
            + " and the burstiness coefficient of the stars' inter-event times.",
        "starBursts",
        List.of(
            new Preset("chaoss", "CHAOSS Burstiness, Bollinger bands; Goh-Barabasi coefficient")
                .definedAt("https://github.com/chaoss/wg-metrics-development/blob/main/focus-areas/time/burstiness.md")
                .withGuidance(
                    "Bursts follow releases and news; a burst made mostly of accounts first seen in"
                        + " it is a sign of purchased stars (He et al., ICSE 2026). B near -1 is"
                        + " regular, 0 random (Poisson), towards 1 bursty. No published levels.")),
        List.of(
            new Parameter("period", Parameter.Kind.GRANULARITY, "day", "", "hour, day, week (ISO) or month, UTC"),
            new Parameter("bands", Parameter.Kind.INTEGER, String.valueOf(Bursts.DEFAULT_WINDOW), "periods",
                "the trailing window of the Bollinger bands"),
            new Parameter("k", Parameter.Kind.DECIMAL, "2.0", "standard deviations",
                "the width of the Bollinger bands")),
        List.of(
            new MeasurementSpec("bursts", Unit.COUNT, "runs of periods above the band"),
            new MeasurementSpec("burstStars", Unit.COUNT, "new stargazers in the bursts"),
            new MeasurementSpec("newAccountShare", Unit.FRACTION, "share of the bursts' stars by accounts first seen in a burst"),
            new MeasurementSpec("burstiness", Unit.COUNT, "Goh-Barabasi B of the stars' inter-event times, -1 to 1")),
        Locality.HISTORY);
  }

  /**
   * The result.
   *
   * @param window the window
   * @param unit the period unit
   * @param periods the periods entirely inside the window
   * @param tested the periods with a full trailing window (0: no data for bursts)
   * @param bursts the bursts, in order
   * @param burstiness the Goh-Barabasi coefficient; empty with fewer than 3 stars in the window
   * @param stars the new stargazers in the window
   * @param stargazers the stargazers before the window's end (0: no star recorded, no data)
   */
  public record Result(
      Window window, Granularity unit, int periods, int tested, List<Burst> bursts,
      OptionalDouble burstiness, long stars, long stargazers) {
    /** Checks and copies the fields. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(unit, "unit");
      bursts = List.copyOf(bursts);
      Checks.notNull(burstiness, "burstiness");
    }

    /** The bursts' stars. */
    public long burstStars() {
      return bursts.stream().mapToLong(Burst::size).sum();
    }

    /** The bursts' stars by new accounts. */
    public long newAccountStars() {
      return bursts.stream().mapToLong(Burst::newAccountEvents).sum();
    }
  }

  /** Only the calendar periods wholly inside the window count: which ones depends on the window's bounds. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    Granularity unit = StarHistory.unit(this, e);
    int bands = e.integer(this, "bands");
    double k = e.decimal(this, "k");
    Checks.argument(bands >= 2, id() + ".bands must be at least 2: " + bands);
    Checks.argument(Double.isFinite(k) && k >= 0, id() + ".k must be at least 0: " + k);
    return new StarHistory<Result>(e) {
      @Override
      public Result finish(State state) {
        Window w = evaluation.window();
        List<Window> periods = unit.periodsInside(w);
        // The burst's events are the first stars; an account is new by its first event of any kind.
        List<Occurrence<Actor>> events = new ArrayList<>();
        List<Instant> inWindow = new ArrayList<>();
        for (Map.Entry<Growth.Stargazer, Instant> s : state.firstStar().entrySet()) {
          if (w.contains(s.getValue())) {
            inWindow.add(s.getValue());
          }
          events.add(new Occurrence<>(s.getValue(), s.getKey().person()));
        }
        List<Burst> bursts = Bursts.bollinger(periods, events, state.firstEvent(), bands, k);
        return new Result(
            w, unit, periods.size(), Math.max(0, periods.size() - bands), bursts,
            Bursts.burstinessCoefficient(inWindow), inWindow.size(),
            state.firstStar().size());
      }
    };
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    long stars = r.burstStars();
    // No star recorded at all (a git-only source) is no data, not "no burst".
    long tested = r.stargazers() == 0 ? 0 : r.tested();
    return List.of(
        Measurement.of(id(), "bursts", Unit.COUNT, r.bursts().size(), tested, p),
        Measurement.of(id(), "burstStars", Unit.COUNT, stars, tested, p),
        Measurement.of(id(), "newAccountShare", Unit.FRACTION, (double) r.newAccountStars() / Math.max(1, stars), stars, p),
        Measurement.of(id(), "burstiness", Unit.COUNT, r.burstiness(), r.stars() - 1, p));
  }
}
