package io.github.communitymetrics.core.metrics.forks;

/**
 * How the result knows whether the forks' own events are in the data.
 *
 * @param present whether they are: when false, whether a fork changed is no data, not "no"
 * @param detected true when detected ({@link ForkEvents#AUTO}: some known fork has events of its
 *     own), false when the caller said so
 */
public record Coverage(boolean present, boolean detected) {}
