package io.github.communitymetrics.core.metrics.retention;

/** The scale on which a Kaplan-Meier confidence band is built from the Greenwood variance. */
public enum BandScale {
  /**
   * {@code S +- z * SE(S)}, clipped to [0, 1]. Simple, but symmetric and poor near 0 and 1.
   */
  PLAIN,
  /**
   * The log(-log) transform (Kalbfleisch and Prentice): with {@code v = sum d / (n (n - d)) /
   * (ln S)^2}, the band is {@code [S^exp(z sqrt v), S^exp(-z sqrt v)]}; it always stays within
   * (0, 1). The default.
   */
  LOG_LOG
}
