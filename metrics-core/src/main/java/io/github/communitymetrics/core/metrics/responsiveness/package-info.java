/**
 * Responsiveness and review: how fast a community answers, closes and merges, and how its
 * changes are reviewed. One {@link io.github.communitymetrics.core.metrics.SliceMetric},
 * {@link io.github.communitymetrics.core.metrics.responsiveness.Responsiveness}, with presets
 * for CHAOSS time to first response, OpenSauced PR velocity and ROSS; its state keys issues and
 * pull requests by repository and number, so slices by repository or by time merge exactly.
 */
package io.github.communitymetrics.core.metrics.responsiveness;
