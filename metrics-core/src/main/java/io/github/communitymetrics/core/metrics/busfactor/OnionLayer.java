package io.github.communitymetrics.core.metrics.busfactor;

/** A layer of GrimoireLab's onion model of a community. */
public enum OnionLayer {
  /** The people who together make the first 80% of the contributions. */
  CORE,
  /** The people after the core, up to 95%. */
  REGULAR,
  /** Everyone else. */
  CASUAL
}
