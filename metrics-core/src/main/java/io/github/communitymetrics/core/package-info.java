/**
 * The library's exception root, {@link io.github.communitymetrics.core.CommunityMetricsException},
 * and {@link io.github.communitymetrics.core.ProgressListener}, through which long computations
 * report how far they have come.
 */
package io.github.communitymetrics.core;
