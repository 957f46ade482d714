/**
 * Event impact: did a conference, hackathon, sprint or release change the community? Honest
 * statistics on a daily series around a {@link io.github.communitymetrics.core.impact.CommunityEvent}:
 *
 * <ul>
 *   <li>{@link io.github.communitymetrics.core.impact.Lift}: the mean over equal windows before and
 *       after the event, with a moving-block bootstrap interval and p-value;
 *   <li>{@link io.github.communitymetrics.core.impact.InterruptedTimeSeries}: segmented least
 *       squares with weekday terms and Newey-West standard errors;
 *   <li>{@link io.github.communitymetrics.core.impact.Changepoints}: PELT for changes in the mean;
 *   <li>{@link io.github.communitymetrics.core.impact.DifferenceInDifferences}: the change against
 *       control series of comparable repositories;
 *   <li>{@link io.github.communitymetrics.core.impact.Placebo}: the same test at dates without an
 *       event, whose share of "significant" results is the false-positive rate to report beside
 *       the result;
 *   <li>{@link io.github.communitymetrics.core.impact.EventCohort}: the people whose first
 *       contribution fell in the event, their conversion, survival and a log-rank test against
 *       another cohort.
 * </ul>
 *
 * <p>Days are UTC calendar days; a series has one value per day from its origin ({@link
 * io.github.communitymetrics.core.impact.DailySeries}). Every random choice comes from a {@link
 * java.util.SplittableRandom} with an explicit seed, so results repeat exactly.
 */
package io.github.communitymetrics.core.impact;
