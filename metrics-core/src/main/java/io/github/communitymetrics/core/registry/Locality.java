package io.github.communitymetrics.core.registry;

/**
 * Which events a metric reads, so that drivers (series, each repository) hand it no more than it
 * needs and still get the result of the whole store.
 */
public enum Locality {
  /**
   * Only the events of the scope's repositories inside the evaluation's window, and a state of the events of one part of the
   * window does not depend on the rest of the window: the series driver accumulates each period
   * once and merges the states of consecutive periods into rolling windows.
   */
  WINDOW,
  /**
   * Events before the as-of instant in the scope, including those before the window (history:
   * who was already a contributor, the cohorts of earlier quarters) or a preset window of its own.
   */
  HISTORY,
  /**
   * Events of any repository before the as-of instant (contributor confidence: did a stargazer of
   * this repository contribute anywhere?).
   */
  STORE
}
