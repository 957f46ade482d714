package io.github.communitymetrics.core.impact;

/**
 * One regression coefficient with its standard error, t statistic, two-sided p-value and
 * confidence interval.
 *
 * @param estimate the coefficient
 * @param standardError its standard error, positive
 * @param t {@code estimate / standardError}
 * @param degreesOfFreedom the degrees of freedom of the Student t distribution that {@code
 *     pValue} and the interval use; positive, not necessarily whole (a Satterthwaite
 *     approximation)
 * @param pValue the two-sided p-value of the null "coefficient is 0": {@code 2 P(T > |t|)}, T
 *     Student t with {@code degreesOfFreedom}
 * @param lower {@code estimate - q * standardError}, q the t quantile at {@code 1 - (1 - level) / 2}
 * @param upper {@code estimate + q * standardError}
 */
public record Coefficient(
    double estimate, double standardError, double t, double degreesOfFreedom, double pValue, double lower, double upper) {

  /** Checks the components. */
  public Coefficient {
    if (!(Double.isFinite(estimate) && standardError > 0 && Double.isFinite(standardError))) {
      throw new IllegalArgumentException(
          "need a finite estimate and positive standard error but were " + estimate + ", " + standardError);
    }
    if (!(degreesOfFreedom > 0 && Double.isFinite(degreesOfFreedom))) {
      throw new IllegalArgumentException("degreesOfFreedom must be positive but was " + degreesOfFreedom);
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be in [0, 1] but was " + pValue);
    }
    if (!(lower <= estimate && estimate <= upper)) {
      throw new IllegalArgumentException("need lower <= estimate <= upper but were " + lower + ", " + estimate + ", " + upper);
    }
  }

  /** Whether {@code lower <= value <= upper}. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }
}
