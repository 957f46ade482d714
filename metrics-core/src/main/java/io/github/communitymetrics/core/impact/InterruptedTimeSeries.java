package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math4.legacy.linear.MatrixUtils;
import org.apache.commons.math4.legacy.linear.RealMatrix;
import org.apache.commons.math4.legacy.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * An interrupted time series: segmented least squares around an event,
 *
 * <pre>
 *   y = b0 + b1 t + b2 D + b3 (t - t0) D + c_Tue Tue + ... + c_Sun Sun + error
 * </pre>
 *
 * <p>over the {@code before} days before the event's first day and the {@code after} days after
 * its last. t counts days from the first fitted day; t0 is the day after the event; D is 1 from t0
 * on, 0 before; the six weekday indicators (Monday the baseline) absorb the weekly rhythm of
 * contributions. The event's own days are left out: a hackathon's burst is neither the level
 * before nor the level after. Then {@code b2}, the level change, is the jump at t0 between the
 * line after and the line before continued; {@code b3}, the slope change, is the change in the
 * daily trend (unit per day per day).
 *
 * <p>Fit: ordinary least squares by QR decomposition (Apache Commons Math's {@code
 * OLSMultipleLinearRegression}). Standard errors: Newey-West (1987) heteroskedasticity and
 * autocorrelation consistent, Bartlett kernel, {@code V = n / (n - k) (X'X)^-1 S (X'X)^-1} with
 * {@code S = sum_i sum_j w(|d_i - d_j|) u_i u_j x_i x_j'}, {@code w(l) = 1 - l / (L + 1)} for
 * {@code l <= L} and 0 beyond, u the residuals, k = 10 the coefficients. The weights go by the
 * distance in days d, not in rows, so that the days left out for the event do not bring the last
 * day before it and the first day after it closer than they are. The factor {@code n / (n - k)}
 * is the usual small-sample correction (statsmodels' {@code use_correction}); p-values and
 * intervals use Student's t with {@code n - k} degrees of freedom, not the normal, which the HAC
 * estimator's small-sample bias makes too narrow for series of a few months.
 *
 * @param observations n, the days fitted
 * @param lag the Newey-West lag L used, days
 * @param coefficients all ten estimates in the order b0, b1, b2, b3, Tuesday, ..., Sunday
 * @param residualStandardDeviation {@code sqrt(sum u^2 / (n - k))}, unit per day
 * @param levelChange b2 with its HAC standard error; empty when the model fits the days exactly
 *     (no residual variation: nothing to measure uncertainty against)
 * @param slopeChange b3, as {@code levelChange}
 */
public record InterruptedTimeSeries(
    int observations,
    int lag,
    List<Double> coefficients,
    double residualStandardDeviation,
    Optional<Coefficient> levelChange,
    Optional<Coefficient> slopeChange) {

  /** The number of coefficients k. */
  public static final int COEFFICIENTS = 10;

  /** Checks the components and copies the list. */
  public InterruptedTimeSeries {
    if (!(observations > COEFFICIENTS)) {
      throw new IllegalArgumentException("observations must exceed " + COEFFICIENTS + " but was " + observations);
    }
    if (lag < 0) {
      throw new IllegalArgumentException("lag must not be negative but was " + lag);
    }
    coefficients = List.copyOf(coefficients);
    if (coefficients.size() != COEFFICIENTS) {
      throw new IllegalArgumentException("need " + COEFFICIENTS + " coefficients but got " + coefficients.size());
    }
    if (!(residualStandardDeviation >= 0)) {
      throw new IllegalArgumentException("residualStandardDeviation must not be negative but was " + residualStandardDeviation);
    }
    Checks.notNull(levelChange, "levelChange");
    Checks.notNull(slopeChange, "slopeChange");
  }

  /**
   * Fits the segmented regression of {@code event} on {@code series}.
   *
   * @throws IllegalArgumentException if the fitted days do not lie within the series
   */
  public static InterruptedTimeSeries fit(DailySeries series, EventDays event, ItsParameters parameters) {
    Checks.notNull(series, "series");
    Checks.notNull(event, "event");
    Checks.notNull(parameters, "parameters");
    int from = event.first() - parameters.before();
    int to = event.last() + parameters.after();
    if (from < 0 || to >= series.length()) {
      throw new IllegalArgumentException(
          "the fitted days " + from + " to " + to + " (" + parameters.before() + " before the event, "
              + parameters.after() + " after) do not lie within the series' days 0 to " + (series.length() - 1));
    }
    int n = parameters.before() + parameters.after();
    int k = COEFFICIENTS;
    double[][] x = new double[n][k];
    double[] y = new double[n];
    int[] day = new int[n];
    int t0 = event.last() + 1 - from;
    int row = 0;
    for (int d = from; d <= to; d++) {
      if (d >= event.first() && d <= event.last()) {
        continue;
      }
      int t = d - from;
      double post = t >= t0 ? 1 : 0;
      x[row][0] = 1;
      x[row][1] = t;
      x[row][2] = post;
      x[row][3] = (t - t0) * post;
      DayOfWeek weekday = series.day(d).getDayOfWeek();
      if (weekday != DayOfWeek.MONDAY) {
        x[row][3 + weekday.getValue() - 1] = 1; // Tuesday (2) in column 4, ..., Sunday (7) in 9
      }
      y[row] = series.value(d);
      day[row] = d;
      row++;
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.setNoIntercept(true); // the intercept is column 0
    ols.newSampleData(y, x);
    double[] beta = ols.estimateRegressionParameters();
    double[] u = ols.estimateResiduals();
    double[][] bread = ols.estimateRegressionParametersVariance(); // (X'X)^-1
    int lag = parameters.effectiveLag(n);
    double[][] meat = meat(x, u, day, lag);
    double[][] v = sandwich(bread, meat, (double) n / (n - k));
    double rss = 0;
    for (double r : u) {
      rss += r * r;
    }
    List<Double> coefficients = new ArrayList<>();
    for (double b : beta) {
      coefficients.add(b);
    }
    TDistribution student = TDistribution.of(n - k);
    double q = student.inverseSurvivalProbability((1 - parameters.level()) / 2);
    return new InterruptedTimeSeries(
        n,
        lag,
        coefficients,
        Math.sqrt(rss / (n - k)),
        coefficient(beta[2], v[2][2], n - k, student, q),
        coefficient(beta[3], v[3][3], n - k, student, q));
  }

  /** S: the Bartlett-weighted sum over pairs of rows at most {@code lag} days apart. */
  static double[][] meat(double[][] x, double[] u, int[] day, int lag) {
    int n = x.length;
    int k = x[0].length;
    double[][] s = new double[k][k];
    for (int i = 0; i < n; i++) {
      // Days only grow with the row, so the pairs within the lag are the next few rows.
      for (int j = i; j < n && day[j] - day[i] <= lag; j++) {
        double w = 1 - (day[j] - day[i]) / (lag + 1.0);
        double c = w * u[i] * u[j];
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            double term = c * x[i][a] * x[j][b];
            // A pair (i, j), i < j, stands for both (i, j) and (j, i).
            s[a][b] += j == i ? term : term + c * x[j][a] * x[i][b];
          }
        }
      }
    }
    return s;
  }

  private static double[][] sandwich(double[][] bread, double[][] meat, double scale) {
    RealMatrix b = MatrixUtils.createRealMatrix(bread);
    return b.multiply(MatrixUtils.createRealMatrix(meat)).multiply(b).scalarMultiply(scale).getData();
  }

  private static Optional<Coefficient> coefficient(double estimate, double variance, int df, TDistribution student, double q) {
    // Zero residuals give a zero variance, and rounding may leave a tiny one or a negative one.
    double se = Math.sqrt(Math.max(0, variance));
    if (!(se > 1e-12 * Math.max(1, Math.abs(estimate)))) {
      return Optional.empty();
    }
    double t = estimate / se;
    double p = 2 * student.survivalProbability(Math.abs(t));
    return Optional.of(new Coefficient(estimate, se, t, df, Math.min(1, p), estimate - q * se, estimate + q * se));
  }
}
