/**
 * The library's exception root, {@link io.github.communitymetrics.core.CommunityMetricsException}.
 */
package io.github.communitymetrics.core;
