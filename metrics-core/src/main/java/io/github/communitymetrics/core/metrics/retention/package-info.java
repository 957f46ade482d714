/**
 * Retention and survival of contributors: new, returning and inactive contributors per period,
 * period-over-period retention (LFX), OpenSauced and 8Knot activity states, Augur repeat versus
 * fly-by contributors, CHAOSS occasional contributors, a cohort retention matrix and a Kaplan-Meier
 * survival curve with Greenwood bands. Entry point: {@link
 * io.github.communitymetrics.core.metrics.retention.Retention}.
 */
package io.github.communitymetrics.core.metrics.retention;
