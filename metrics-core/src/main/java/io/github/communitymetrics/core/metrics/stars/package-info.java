/**
 * Growth and its authenticity: StarScout's fake-star signals (low-activity stargazers and
 * CopyCatch lockstep groups) per repository and month.
 */
package io.github.communitymetrics.core.metrics.stars;
