package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Difference in differences: the treated series' change across an event (mean of the w days
 * after minus mean of the w days before, as in {@link Lift}) minus the mean of the same change in
 * control series, the same measurement for comparable repositories that the event did not
 * concern. What changed everywhere at that time (a season, a forge outage, a holiday) cancels; what
 * is left is attributed to the event under the parallel-trends assumption: without the event the
 * treated series would have changed as the controls did on average.
 *
 * <p>Interval and p-value: the moving-block bootstrap of {@link BlockBootstrap}, drawing the same
 * blocks for the treated and every control series, so that the days stay aligned across series.
 *
 * @param window w, days on each side
 * @param blockLength the bootstrap block length used, days
 * @param replicates the bootstrap replicates
 * @param controls the number of control series
 * @param treatedChange the treated series' after-minus-before change, unit per day
 * @param controlChange the mean of the controls' changes, unit per day
 * @param effect {@code treatedChange - controlChange} with its interval, tested against 0
 */
public record DifferenceInDifferences(
    int window,
    int blockLength,
    int replicates,
    int controls,
    double treatedChange,
    double controlChange,
    BootstrapEstimate effect) {

  /** Checks the components. */
  public DifferenceInDifferences {
    Checks.positive(window, "window");
    Checks.positive(blockLength, "blockLength");
    Checks.positive(replicates, "replicates");
    Checks.positive(controls, "controls");
    Checks.notNull(effect, "effect");
  }

  /**
   * The difference in differences of {@code event} on {@code treated} against {@code controls}.
   *
   * @param treated the series of the repository the event concerned
   * @param controls at least one series of comparable repositories, each with the same origin and
   *     length as {@code treated}
   * @throws IllegalArgumentException if there is no control, a control is not aligned with the
   *     treated series, or a window does not fit
   */
  public static DifferenceInDifferences estimate(
      DailySeries treated, List<DailySeries> controls, EventDays event, BootstrapParameters parameters) {
    Checks.notNull(treated, "treated");
    Checks.notNull(controls, "controls");
    Checks.notNull(event, "event");
    Checks.notNull(parameters, "parameters");
    if (controls.isEmpty()) {
      throw new IllegalArgumentException("controls must not be empty");
    }
    int m = controls.size();
    double[][] series = new double[m + 1][];
    series[0] = treated.values();
    for (int c = 0; c < m; c++) {
      DailySeries s = Checks.notNull(controls.get(c), "controls[" + c + "]");
      if (!(s.origin().equals(treated.origin()) && s.length() == treated.length())) {
        throw new IllegalArgumentException(
            "controls[" + c + "] must cover the treated series' days (" + treated.origin() + ", "
                + treated.length() + " days) but covers " + s.origin() + ", " + s.length() + " days");
      }
      series[c + 1] = s.values();
    }
    int w = parameters.window();
    int b = parameters.effectiveBlockLength();
    int[] starts = BlockBootstrap.windows(event, w, treated.length());
    double[] change = new double[m + 1];
    for (int s = 0; s <= m; s++) {
      change[s] = BlockBootstrap.mean(series[s], starts[1], w) - BlockBootstrap.mean(series[s], starts[0], w);
    }
    int r = parameters.replicates();
    double[][] means =
        BlockBootstrap.replicateMeans(series, starts, w, b, r, new SplittableRandom(parameters.seed()));
    double[] effects = new double[r];
    for (int i = 0; i < r; i++) {
      effects[i] = (means[i][1] - means[i][0]) - controlMean(means[i], m);
    }
    double controlChange = 0;
    for (int s = 1; s <= m; s++) {
      controlChange += change[s];
    }
    controlChange /= m;
    BootstrapEstimate effect =
        BootstrapEstimate.of(change[0] - controlChange, effects, parameters.level(), 0);
    return new DifferenceInDifferences(w, b, r, m, change[0], controlChange, effect);
  }

  private static double controlMean(double[] means, int m) {
    double sum = 0;
    for (int s = 1; s <= m; s++) {
      sum += means[2 * s + 1] - means[2 * s];
    }
    return sum / m;
  }
}
