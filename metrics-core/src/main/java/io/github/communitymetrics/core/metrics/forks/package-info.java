/**
 * Forks: which forks of a community change and come back ({@link
 * io.github.communitymetrics.core.metrics.forks.ForkActivity}) and which show the signals of a
 * hard fork ({@link io.github.communitymetrics.core.metrics.forks.HardForkSignals}), over one
 * mergeable state that reads every repository of the data (a fork's own events lie outside the
 * scope).
 */
package io.github.communitymetrics.core.metrics.forks;
