package io.github.communitymetrics.simulator;

/** Exact central intervals of the binomial distribution, for statistical assertions. */
final class Binomial {
  private Binomial() {}

  /**
   * The smallest {@code [lo, hi]} with {@code P(X < lo) <= (1 - level) / 2} and {@code P(X > hi)
   * <= (1 - level) / 2} for {@code X ~ Binomial(n, p)}, computed from the exact probabilities
   * (in log space, so that large {@code n} does not underflow the recurrence).
   */
  static long[] centralInterval(int n, double p, double level) {
    if (p == 0) {
      return new long[] {0, 0};
    }
    if (p == 1) {
      return new long[] {n, n};
    }
    double tail = (1 - level) / 2;
    double[] pmf = new double[n + 1];
    double logPmf = n * Math.log1p(-p);
    double logRatio = Math.log(p) - Math.log1p(-p);
    for (int k = 0; k <= n; k++) {
      pmf[k] = Math.exp(logPmf);
      logPmf += Math.log((double) (n - k) / (k + 1)) + logRatio;
    }
    long lo = 0;
    double below = 0;
    while (below + pmf[(int) lo] <= tail) {
      below += pmf[(int) lo];
      lo++;
    }
    long hi = n;
    double above = 0;
    while (above + pmf[(int) hi] <= tail) {
      above += pmf[(int) hi];
      hi--;
    }
    return new long[] {lo, hi};
  }
}
