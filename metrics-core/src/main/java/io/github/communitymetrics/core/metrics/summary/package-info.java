/**
 * The health summary: every metric of a repository as of an instant, each with its named preset.
 */
package io.github.communitymetrics.core.metrics.summary;
