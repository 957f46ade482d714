package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Optional;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * An event cohort's conversion against cohorts of the same size drawn from the other newcomers:
 * would any group of that many newcomers of other periods have come back as often?
 *
 * <p>A cohort of {@code size} people drawn at random, without replacement, from a pool of {@code
 * pool} newcomers of whom {@code poolConverted} converted holds a hypergeometric number of
 * converted people. That distribution is exact, so no resampling is needed: the range is its
 * central quantiles and the p-value sums the probabilities of the counts no more likely than the
 * cohort's own (the two-sided rule of Fisher's exact test). Both conversions must use the same
 * horizon and as-of instant, and each person must be eligible in the sense of {@link
 * CohortConversion} (their horizon passed): the comparison is then of like with like.
 *
 * @param size the cohort's eligible members, the size of each drawn cohort; positive
 * @param converted those of them who converted
 * @param pool the other newcomers eligible, the population drawn from; at least {@code size}
 * @param poolConverted those of them who converted
 * @param expected the mean converted share of a drawn cohort, {@code poolConverted / pool}
 * @param lower the lower end of the central {@code level} range of a drawn cohort's converted
 *     share (a quantile of the count, over {@code size})
 * @param upper the upper end
 * @param pValue the probability that a drawn cohort's converted count is at most as likely as
 *     the cohort's: small when the cohort converted unusually often or unusually rarely
 * @param level the range's probability, strictly between 0 and 1
 */
public record SameSizeCohorts(
    int size, int converted, int pool, int poolConverted, double expected, double lower, double upper,
    double pValue, double level) {

  /** Relative tolerance for "at most as likely": the probabilities are computed in floating point. */
  private static final double TIE = 1e-7;

  /** Checks the components. */
  public SameSizeCohorts {
    if (!(size > 0 && 0 <= converted && converted <= size && size <= pool && 0 <= poolConverted
        && poolConverted <= pool)) {
      throw new IllegalArgumentException("need 0 <= converted <= size <= pool, size > 0 and 0 <= poolConverted <= pool"
          + " but were " + converted + ", " + size + ", " + pool + ", " + poolConverted);
    }
    Checks.argument(level > 0 && level < 1, "level must be strictly between 0 and 1");
  }

  /**
   * The cohort's conversion against same-size draws from the pool's.
   *
   * @param cohort the event cohort's conversion
   * @param pool the other newcomers' conversion, with the same horizon and as-of instant
   * @param level the range's probability, strictly between 0 and 1
   * @return empty when no cohort member is eligible or the pool has fewer eligible people than
   *     the cohort
   * @throws IllegalArgumentException if the horizons differ or the level is out of range
   */
  public static Optional<SameSizeCohorts> of(CohortConversion cohort, CohortConversion pool, double level) {
    Checks.notNull(cohort, "cohort");
    Checks.notNull(pool, "pool");
    if (!cohort.horizon().equals(pool.horizon())) {
      throw new IllegalArgumentException(
          "the horizons differ: " + cohort.horizon() + " and " + pool.horizon());
    }
    Checks.argument(level > 0 && level < 1, "level must be strictly between 0 and 1");
    int n = cohort.eligible();
    int population = pool.eligible();
    if (n == 0 || population < n) {
      return Optional.empty();
    }
    int successes = pool.converted();
    HypergeometricDistribution h = HypergeometricDistribution.of(population, successes, n);
    double observed = h.probability(cohort.converted());
    double p = 0;
    for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
      double q = h.probability(k);
      if (q <= observed * (1 + TIE)) {
        p += q;
      }
    }
    double alpha = 1 - level;
    double lower = h.inverseCumulativeProbability(alpha / 2) / (double) n;
    double upper = h.inverseCumulativeProbability(1 - alpha / 2) / (double) n;
    return Optional.of(new SameSizeCohorts(
        n, cohort.converted(), population, successes, successes / (double) population, lower, upper,
        Math.min(1, p), level));
  }
}
