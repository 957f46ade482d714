package io.github.communitymetrics.core.impact;

/**
 * The price of one more changepoint in {@link Changepoints}, in the units of its cost: the
 * residual sum of squares divided by the noise variance, which is twice the negative Gaussian
 * log-likelihood up to a constant. A larger penalty finds fewer changes.
 */
public sealed interface Penalty permits Penalty.Bic, Penalty.Manual {

  /** The penalty per changepoint for a series of {@code n} days. */
  double value(int n);

  /** The Bayesian information criterion, {@code 2 ln n}: see {@link Bic}. */
  static Penalty bic() {
    return new Bic();
  }

  /** A penalty of {@code value} per changepoint: see {@link Manual}. */
  static Penalty manual(double value) {
    return new Manual(value);
  }

  /**
   * Schwarz's Bayesian information criterion: {@code 2 ln n} per changepoint, one {@code ln n} for
   * the new segment's mean and one for the changepoint's position, as the R package changepoint
   * ({@code penalty = "BIC"}, Killick and Eckley 2014) counts a change in mean. Consistent: as n
   * grows it finds the true number of changes, but on short series it misses small ones.
   */
  record Bic() implements Penalty {
    @Override
    public double value(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("n must be at least 2 but was " + n);
      }
      return 2 * Math.log(n);
    }
  }

  /**
   * A fixed penalty chosen by the caller.
   *
   * @param value the penalty per changepoint, finite and not negative (0 cuts wherever the minimum
   *     segment length allows)
   */
  record Manual(double value) implements Penalty {
    /** Checks the value. */
    public Manual {
      if (!(value >= 0 && Double.isFinite(value))) {
        throw new IllegalArgumentException("value must be finite and not negative but was " + value);
      }
    }

    @Override
    public double value(int n) {
      return value;
    }
  }
}
