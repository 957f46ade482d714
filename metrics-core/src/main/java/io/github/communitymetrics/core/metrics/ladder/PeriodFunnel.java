package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Period;

/**
 * The ladder in one calendar period: conversion over time.
 *
 * @param period the period; arrivals are counted in the part of it inside the metric's window
 * @param atLeast people who first reached at least each rung in the period
 * @param passedThrough of those, the people who passed through the rung (did its own act before
 *     any higher one)
 */
public record PeriodFunnel(Period period, Funnel atLeast, Funnel passedThrough) {

  /** Checks the components. */
  public PeriodFunnel {
    Checks.notNull(period, "period");
    Checks.notNull(atLeast, "atLeast");
    Checks.notNull(passedThrough, "passedThrough");
  }
}
