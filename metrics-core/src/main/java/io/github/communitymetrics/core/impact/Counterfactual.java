package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math4.legacy.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * What the series would have looked like without the event, for drawing: the pre-event part of
 * the {@link InterruptedTimeSeries} model, {@code y = a + b t + c_Tue Tue + ... + c_Sun Sun},
 * fitted by ordinary least squares to the {@code before} days before the event's first day only,
 * and extended over the event and the {@code after} days after it, with a pointwise prediction
 * interval {@code yhat +- q s sqrt(1 + x'(X'X)^-1 x)}, q the Student t quantile with {@code n - 8}
 * degrees of freedom and s the residual standard deviation: where a day's value would fall, at
 * the given level, had the pre-event line and weekly rhythm gone on.
 *
 * <p>The interval treats the pre-event days as independent; it is a picture of the
 * counterfactual, not a test. The tests are {@link InterruptedTimeSeries}' level and slope
 * changes, whose errors allow for autocorrelation.
 *
 * @param firstDay the day index in the series of {@code fit[0]}: the first fitted day
 * @param fittedDays how many of the values are fitted (the pre-event days); the rest are extended
 * @param fit the line and weekday terms, one value per day from {@code firstDay} through the
 *     event's last day plus {@code after}, unit per day
 * @param lower the lower prediction bound of each day
 * @param upper the upper prediction bound of each day
 * @param level the level of the bounds
 */
public record Counterfactual(
    int firstDay, int fittedDays, List<Double> fit, List<Double> lower, List<Double> upper, double level) {

  private static final int COEFFICIENTS = 8;

  /** Checks the components and copies the lists. */
  public Counterfactual {
    Checks.notNegative(firstDay, "firstDay");
    fit = List.copyOf(fit);
    lower = List.copyOf(lower);
    upper = List.copyOf(upper);
    if (lower.size() != fit.size() || upper.size() != fit.size() || !(fittedDays > 0 && fittedDays <= fit.size())) {
      throw new IllegalArgumentException("fit, lower and upper must have one value per day, fittedDays within them");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
  }

  /**
   * The counterfactual of {@code event} on {@code series}.
   *
   * @param before the pre-event days fitted, at least 7
   * @param after the days after the event's last day it is extended over, not negative
   * @return empty when the fitted days would not lie within the series or are too few to leave a
   *     residual degree of freedom (fewer than {@value #COEFFICIENTS} + 2 days: the model has
   *     {@value #COEFFICIENTS} coefficients)
   */
  public static Optional<Counterfactual> of(
      DailySeries series, EventDays event, int before, int after, double level) {
    Checks.notNull(series, "series");
    Checks.notNull(event, "event");
    Checks.notNegative(after, "after");
    if (before < 7) {
      throw new IllegalArgumentException("before must be at least 7 days but was " + before);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
    int from = event.first() - before;
    int to = Math.min(series.length() - 1, event.last() + after);
    if (from < 0 || before < COEFFICIENTS + 2) {
      return Optional.empty();
    }
    double[] y = new double[before];
    double[][] x = new double[before][];
    for (int i = 0; i < before; i++) {
      y[i] = series.value(from + i);
      x[i] = row(series, from, from + i);
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] beta;
    double[][] inverse;
    try {
      beta = ols.estimateRegressionParameters();
      inverse = ols.estimateRegressionParametersVariance(); // (X'X)^-1, not yet scaled by s^2
    } catch (RuntimeException singular) {
      return Optional.empty(); // cannot happen with 7 consecutive weekdays, but say so if it does
    }
    double s = Math.sqrt(ols.estimateErrorVariance());
    double q = TDistribution.of(before - COEFFICIENTS).inverseSurvivalProbability((1 - level) / 2);
    int days = to - from + 1;
    Double[] fit = new Double[days];
    Double[] lower = new Double[days];
    Double[] upper = new Double[days];
    for (int d = 0; d < days; d++) {
      double[] r = new double[COEFFICIENTS];
      r[0] = 1;
      System.arraycopy(row(series, from, from + d), 0, r, 1, COEFFICIENTS - 1);
      double yhat = 0;
      double quad = 0;
      for (int i = 0; i < COEFFICIENTS; i++) {
        yhat += beta[i] * r[i];
        for (int j = 0; j < COEFFICIENTS; j++) {
          quad += r[i] * inverse[i][j] * r[j];
        }
      }
      double half = q * s * Math.sqrt(1 + Math.max(0, quad));
      fit[d] = yhat;
      lower[d] = yhat - half;
      upper[d] = yhat + half;
    }
    return Optional.of(new Counterfactual(from, before, List.of(fit), List.of(lower), List.of(upper), level));
  }

  /** t (days from the first fitted day) and the six weekday indicators, Monday the baseline. */
  private static double[] row(DailySeries series, int from, int day) {
    double[] r = new double[COEFFICIENTS - 1];
    r[0] = day - from;
    DayOfWeek w = series.day(day).getDayOfWeek();
    if (w != DayOfWeek.MONDAY) {
      r[w.getValue() - 1] = 1; // TUESDAY (2) -> column 1, ..., SUNDAY (7) -> column 6
    }
    return r;
  }
}
