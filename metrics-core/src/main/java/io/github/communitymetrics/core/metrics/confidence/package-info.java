/**
 * Contributor confidence: how likely someone who stars or forks a repository is to contribute.
 *
 * <p>Two definitions. {@link io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence}
 * reproduces OpenSauced's published score (a weighted share of recent stargazers and forkers who
 * open pull requests anywhere, unordered, by login). {@link
 * io.github.communitymetrics.core.metrics.confidence.CohortConfidence} is the ordered cohort
 * definition: of the people whose first star or fork falls in a window, the share who contribute
 * afterwards within a horizon, with a confidence interval and the delay distribution.
 */
package io.github.communitymetrics.core.metrics.confidence;
