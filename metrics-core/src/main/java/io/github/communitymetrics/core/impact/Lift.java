package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The before/after lift of an event on a daily series: the mean of the w days after the event's
 * last day against the mean of the w days before its first day, as a difference (after minus
 * before, in the series' unit per day) and a ratio (after over before), each with a moving-block
 * bootstrap percentile interval and two-sided p-value ({@link BlockBootstrap}, {@link
 * BootstrapEstimate}). The event's own days are in neither window.
 *
 * <p>What it does not do: tell the event from anything else that changed at the same time (a
 * trend, a season, another event). Report {@link Placebo}'s false-positive rate beside it, and
 * prefer {@link InterruptedTimeSeries} or {@link DifferenceInDifferences} where a trend or
 * comparable repositories are at hand.
 *
 * @param window w, days on each side
 * @param blockLength the bootstrap block length used, days
 * @param replicates the bootstrap replicates
 * @param meanBefore the mean of the w days before the event, unit per day
 * @param meanAfter the mean of the w days after it, unit per day
 * @param difference {@code meanAfter - meanBefore}, tested against 0
 * @param ratio {@code meanAfter / meanBefore}, tested against 1; empty when {@code meanBefore}, or
 *     the before mean of some replicate, is not positive (a ratio to zero or less means nothing)
 */
public record Lift(
    int window,
    int blockLength,
    int replicates,
    double meanBefore,
    double meanAfter,
    BootstrapEstimate difference,
    Optional<BootstrapEstimate> ratio) {

  /** Checks the components. */
  public Lift {
    Checks.positive(window, "window");
    Checks.positive(blockLength, "blockLength");
    Checks.positive(replicates, "replicates");
    Checks.notNull(difference, "difference");
    Checks.notNull(ratio, "ratio");
  }

  /**
   * The lift of {@code event} on {@code series}.
   *
   * @throws IllegalArgumentException if a w-day window does not fit in the series
   */
  public static Lift estimate(DailySeries series, EventDays event, BootstrapParameters parameters) {
    Checks.notNull(series, "series");
    Checks.notNull(event, "event");
    Checks.notNull(parameters, "parameters");
    int w = parameters.window();
    int b = parameters.effectiveBlockLength();
    double[] y = series.values();
    int[] starts = BlockBootstrap.windows(event, w, y.length);
    double before = BlockBootstrap.mean(y, starts[0], w);
    double after = BlockBootstrap.mean(y, starts[1], w);
    int r = parameters.replicates();
    double[][] means =
        BlockBootstrap.replicateMeans(new double[][] {y}, starts, w, b, r, new SplittableRandom(parameters.seed()));
    double[] differences = new double[r];
    double[] ratios = new double[r];
    boolean ratioDefined = before > 0;
    for (int i = 0; i < r; i++) {
      differences[i] = means[i][1] - means[i][0];
      ratioDefined &= means[i][0] > 0;
      ratios[i] = means[i][1] / means[i][0];
    }
    BootstrapEstimate difference = BootstrapEstimate.of(after - before, differences, parameters.level(), 0);
    Optional<BootstrapEstimate> ratio =
        ratioDefined
            ? Optional.of(BootstrapEstimate.of(after / before, ratios, parameters.level(), 1))
            : Optional.empty();
    return new Lift(w, b, r, before, after, difference, ratio);
  }
}
