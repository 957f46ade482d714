package io.github.communitymetrics.core.metrics.truckfactor;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Duration;
import java.util.Arrays;
import java.util.SortedMap;

/**
 * A recency-aware truck factor after JetBrains' Bus Factor Explorer: only changes within {@link
 * #window()} before the newest commit count, each weighted {@code exp(-age / decay)}; a
 * developer's authorship of a file is {@code A = ownWeight * own + changeWeight * C + logWeight *
 * ln(1 + C_all) - logWeight * ln(1 + C_other)}, where {@code own} is the weight of the
 * developer's add of the file (0 if they did not add it within the window), {@code C} their
 * weighted changes, {@code C_all} everybody's and {@code C_other = C_all - C}. A developer authors
 * a file when {@code A >= minimumAuthorship} and {@code A / max A > normalizedThreshold}.
 * Developers are removed, most files first, until more than {@code 1 - coverageThreshold} of the
 * files are orphaned (files without recent authors count as orphaned from the start). Review
 * terms of the original are not modelled: a commit log has no reviews.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecencyTruckFactor {


  private final Duration window;
  private final Duration decay;
  private final double ownWeight;
  private final double changeWeight;
  private final double logWeight;
  private final double minimumAuthorship;
  private final double normalizedThreshold;
  private final double coverageThreshold;

  private RecencyTruckFactor(
      Duration window, Duration decay, double ownWeight, double changeWeight, double logWeight,
      double minimumAuthorship, double normalizedThreshold, double coverageThreshold) {
    this.window = positive(window, "window");
    this.decay = positive(decay, "decay");
    this.ownWeight = ownWeight;
    this.changeWeight = changeWeight;
    this.logWeight = logWeight;
    this.minimumAuthorship = minimumAuthorship;
    this.normalizedThreshold = TruckFactor.share(normalizedThreshold, "normalizedThreshold");
    this.coverageThreshold = TruckFactor.share(coverageThreshold, "coverageThreshold");
  }

  private static Duration positive(Duration d, String name) {
    Checks.notNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
    return d;
  }

  /**
   * Bus Factor Explorer's defaults: window 547 days, decay 90 days, weights 3, 1 and 2.4, minimum
   * authorship 0.001, normalized threshold 0.75, coverage 0.5.
   */
  public static RecencyTruckFactor busFactorExplorer() {
    return new RecencyTruckFactor(
        Duration.ofDays(547), Duration.ofDays(90), 3.0, 1.0, 2.4, 0.001, 0.75, 0.5);
  }

  /** Only changes this long before the newest commit, or newer, count. */
  public Duration window() {
    return window;
  }

  /** The e-folding time of a change's weight. */
  public Duration decay() {
    return decay;
  }

  /** A copy with another window (positive). */
  public RecencyTruckFactor withWindow(Duration value) {
    return new RecencyTruckFactor(value, decay, ownWeight, changeWeight, logWeight,
        minimumAuthorship, normalizedThreshold, coverageThreshold);
  }

  /** A copy with another decay time (positive). */
  public RecencyTruckFactor withDecay(Duration value) {
    return new RecencyTruckFactor(window, value, ownWeight, changeWeight, logWeight,
        minimumAuthorship, normalizedThreshold, coverageThreshold);
  }

  /**
   * The recency-aware truck factor over all analysed files; ages are measured from {@link
   * AuthorshipHistory#headEpochSecond()}.
   */
  public TruckFactorResult compute(AuthorshipHistory history) {
    Checks.notNull(history, "history");
    return Greedy.run(authors(history), history.developers(),
        TruckFactor.changesPerDeveloper(history), coverageThreshold, 0.0);
  }

  /**
   * The recency-aware truck factor of every directory holding analysed files (its files at any
   * depth), keyed by the directory path without a trailing slash; the root is the empty string.
   */
  public SortedMap<String, TruckFactorResult> perDirectory(AuthorshipHistory history) {
    Checks.notNull(history, "history");
    return TruckFactor.perDirectory(history, authors(history), coverageThreshold, 0.0);
  }

  int[][] authors(AuthorshipHistory h) {
    long windowSeconds = window.getSeconds();
    double decaySeconds = decay.getSeconds() + decay.getNano() / 1e9;
    int n = h.files().size();
    int[][] out = new int[n][];
    for (int f = 0; f < n; f++) {
      int k = h.devs[f].length;
      double[] own = new double[k];
      double[] c = new double[k];
      double all = 0;
      for (int j = 0; j < k; j++) {
        int created = h.createdAt[f][j];
        if (created >= 0 && created <= windowSeconds) {
          own[j] = Math.exp(-created / decaySeconds);
        }
        for (int t : h.times[f][j]) {
          if (t <= windowSeconds) {
            c[j] += Math.exp(-t / decaySeconds);
          }
        }
        all += c[j];
      }
      double[] a = new double[k];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        a[j] = ownWeight * own[j] + changeWeight * c[j] + logWeight * Math.log1p(all)
            - logWeight * Math.log1p(Math.max(0.0, all - c[j]));
        max = Math.max(max, a[j]);
      }
      int[] picked = new int[k];
      int count = 0;
      for (int j = 0; j < k; j++) {
        if (a[j] >= minimumAuthorship && a[j] / max > normalizedThreshold) {
          picked[count++] = h.devs[f][j];
        }
      }
      out[f] = Arrays.copyOf(picked, count);
    }
    return out;
  }

  @Override
  public String toString() {
    return "RecencyTruckFactor[window=" + window + ", decay=" + decay + "]";
  }

}
