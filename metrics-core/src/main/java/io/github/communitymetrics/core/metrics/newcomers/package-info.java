/** Newcomers: who arrives, who welcomes them, whether they stay. */
package io.github.communitymetrics.core.metrics.newcomers;
