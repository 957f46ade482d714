package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Changes in the mean of a daily series, found by PELT (pruned exact linear time; Killick,
 * Fearnhead and Eckley 2012), and whether one lies near an event.
 *
 * <p>Model: the series is Gaussian with constant variance sigma^2 and a mean that is constant
 * between changepoints. The segmentation minimises {@code sum over segments of RSS / sigma^2 +
 * penalty * changepoints}, RSS being the segment's sum of squared deviations from its mean,
 * subject to every segment having at least {@code minSegmentLength} days. PELT finds the exact
 * minimum, the same as optimal partitioning (Jackson et al. 2005) over all segmentations, while
 * pruning candidates that can never again be optimal (the cost has pruning constant K = 0: RSS
 * of a union is at least the sum of the parts'). With a minimum segment length a candidate pruned
 * at day t is kept until day t + minSegmentLength, since before then t itself cannot yet be a
 * changepoint and the pruning argument does not apply.
 *
 * @param changepoints the first day of each new segment, increasing (day indices into the series)
 * @param segmentMeans the mean of each segment, one more than the changepoints, unit per day
 * @param sigma the noise standard deviation used, unit per day; 0 when the series is constant (no
 *     change then)
 * @param penalty the penalty per changepoint used, in units of {@code RSS / sigma^2}
 * @param distanceToEvent the days between the event and the changepoint nearest it ({@link
 *     EventDays#distanceTo}); empty when there is no changepoint
 * @param nearEvent whether that distance is at most the tolerance
 */
public record Changepoints(
    List<Integer> changepoints,
    List<Double> segmentMeans,
    double sigma,
    double penalty,
    OptionalInt distanceToEvent,
    boolean nearEvent) {

  /** Checks the components and copies the lists. */
  public Changepoints {
    changepoints = List.copyOf(changepoints);
    segmentMeans = List.copyOf(segmentMeans);
    if (segmentMeans.size() != changepoints.size() + 1) {
      throw new IllegalArgumentException(
          "need one segment mean more than changepoints but were " + segmentMeans.size() + " and " + changepoints.size());
    }
    if (!(sigma >= 0 && penalty >= 0)) {
      throw new IllegalArgumentException("sigma and penalty must not be negative but were " + sigma + ", " + penalty);
    }
    Checks.notNull(distanceToEvent, "distanceToEvent");
    if (distanceToEvent.isEmpty() != changepoints.isEmpty() || (nearEvent && distanceToEvent.isEmpty())) {
      throw new IllegalArgumentException("distanceToEvent and nearEvent need a changepoint");
    }
  }

  /**
   * Segments {@code series} and relates the changes to {@code event}.
   *
   * @throws IllegalArgumentException if the series has fewer than 2 days
   */
  public static Changepoints detect(DailySeries series, EventDays event, ChangepointParameters parameters) {
    Checks.notNull(series, "series");
    Checks.notNull(event, "event");
    Checks.notNull(parameters, "parameters");
    double[] y = series.values();
    int n = y.length;
    if (n < 2) {
      throw new IllegalArgumentException("the series must have at least 2 days but has " + n);
    }
    double beta = parameters.penalty().value(n);
    double sigma = parameters.sigma().isPresent() ? parameters.sigma().getAsDouble() : robustSigma(y);
    int[] cps;
    if (sigma == 0) {
      cps = new int[0]; // a constant series: every difference is 0
    } else {
      double[] scaled = new double[n];
      for (int i = 0; i < n; i++) {
        scaled[i] = y[i] / sigma;
      }
      cps = pelt(scaled, beta, parameters.minSegmentLength());
    }
    List<Integer> changepoints = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    int from = 0;
    int nearest = Integer.MAX_VALUE;
    for (int c : cps) {
      changepoints.add(c);
      means.add(BlockBootstrap.mean(y, from, c - from));
      nearest = Math.min(nearest, event.distanceTo(c));
      from = c;
    }
    means.add(BlockBootstrap.mean(y, from, n - from));
    OptionalInt distance = cps.length == 0 ? OptionalInt.empty() : OptionalInt.of(nearest);
    return new Changepoints(
        changepoints, means, sigma, beta, distance, distance.isPresent() && nearest <= parameters.tolerance());
  }

  /**
   * {@code 1.4826 MAD(diff(y)) / sqrt 2}; when more than half the differences are equal (a count
   * series of mostly zeros) the MAD is 0 and the standard deviation of the differences over sqrt
   * 2 stands in; 0 only for a constant series.
   */
  static double robustSigma(double[] y) {
    int n = y.length;
    double[] d = new double[n - 1];
    for (int i = 1; i < n; i++) {
      d[i - 1] = y[i] - y[i - 1];
    }
    double median = median(d.clone());
    double[] dev = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      dev[i] = Math.abs(d[i] - median);
    }
    double mad = 1.482602218505602 * median(dev);
    if (mad > 0) {
      return mad / Math.sqrt(2);
    }
    double mean = 0;
    for (double v : d) {
      mean += v;
    }
    mean /= d.length;
    double ss = 0;
    for (double v : d) {
      ss += (v - mean) * (v - mean);
    }
    return d.length < 2 ? Math.abs(d[0]) / Math.sqrt(2) : Math.sqrt(ss / (d.length - 1) / 2);
  }

  private static double median(double[] v) {
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /**
   * PELT for changes in mean of {@code y} (already divided by sigma): the changepoints (first index
   * of each new segment) minimising {@code sum RSS + beta * changes} with segments of at least
   * {@code m} values. Ties go to the earliest last changepoint. No changepoints when {@code y} is
   * shorter than {@code 2 m}.
   */
  static int[] pelt(double[] y, double beta, int m) {
    int n = y.length;
    if (n < 2 * m) {
      return new int[0];
    }
    double[] s1 = new double[n + 1];
    double[] s2 = new double[n + 1];
    double centre = 0;
    for (double v : y) {
      centre += v;
    }
    centre /= n; // centring keeps the sums of squares small, and the RSS differences accurate
    for (int i = 0; i < n; i++) {
      double v = y[i] - centre;
      s1[i + 1] = s1[i] + v;
      s2[i + 1] = s2[i] + v * v;
    }
    double[] f = new double[n + 1];
    int[] last = new int[n + 1];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    f[0] = -beta;
    // Candidates for the last changepoint, increasing, with the day each was found prunable.
    int[] cand = new int[n + 1];
    int[] prunedAt = new int[n + 1];
    int size = 0;
    cand[size] = 0;
    prunedAt[size++] = Integer.MAX_VALUE;
    double[] value = new double[n + 1]; // F(tau) + C(tau, t) of the t in hand
    for (int t = m; t <= n; t++) {
      // Candidate t - m becomes eligible now (it was added below when its F was final).
      double best = Double.POSITIVE_INFINITY;
      int arg = -1;
      int kept = 0;
      for (int i = 0; i < size; i++) {
        int tau = cand[i];
        if (prunedAt[i] != Integer.MAX_VALUE && t >= prunedAt[i] + m) {
          continue; // t could take over from tau's pruner prunedAt[i]: tau is never optimal again
        }
        cand[kept] = tau;
        prunedAt[kept] = prunedAt[i];
        kept++;
        if (tau > t - m) {
          continue; // the last segment would be too short
        }
        double segmented = f[tau] + cost(s1, s2, tau, t);
        value[tau] = segmented;
        double v = segmented + beta;
        if (v < best) {
          best = v;
          arg = tau;
        }
      }
      size = kept;
      f[t] = best;
      last[t] = arg;
      for (int i = 0; i < size; i++) {
        int tau = cand[i];
        // F(tau) + C(tau, t) > F(t): with K = 0, tau can never beat t as the last changepoint of
        // any later T >= t + m.
        if (tau <= t - m && prunedAt[i] == Integer.MAX_VALUE && value[tau] > f[t]) {
          prunedAt[i] = t;
        }
      }
      // t can end a segment; it will be eligible as a changepoint from t + m on.
      if (t <= n - m) {
        cand[size] = t;
        prunedAt[size++] = Integer.MAX_VALUE;
      }
    }
    List<Integer> cps = new ArrayList<>();
    for (int t = last[n]; t > 0; t = last[t]) {
      cps.add(t);
    }
    int[] out = new int[cps.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = cps.get(out.length - 1 - i);
    }
    return out;
  }

  /** The RSS of values {@code from .. to - 1} from the prefix sums of centred values. */
  static double cost(double[] s1, double[] s2, int from, int to) {
    double sum = s1[to] - s1[from];
    return (s2[to] - s2[from]) - sum * sum / (to - from);
  }
}
