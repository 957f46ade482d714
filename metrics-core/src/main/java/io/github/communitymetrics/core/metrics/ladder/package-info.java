/**
 * The contributor ladder: how people move from watching a project (D0) to taking part (D1), to
 * having changes merged (D2) and to maintaining it (D3), with CHAOSS conversion rates, cohort
 * conversion, conversion per calendar period and the time people spend on each rung. Start at
 * {@link io.github.communitymetrics.core.metrics.ladder.ContributorLadder}.
 */
package io.github.communitymetrics.core.metrics.ladder;
