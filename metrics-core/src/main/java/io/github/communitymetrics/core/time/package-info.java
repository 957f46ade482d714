/**
 * Time: half-open {@link io.github.communitymetrics.core.time.Window windows}, calendar {@link
 * io.github.communitymetrics.core.time.Period periods} in UTC or any zone, and rolling windows.
 * Metrics take their "now" from an explicit instant or an injectable {@link java.time.Clock}, never
 * from the system clock.
 */
package io.github.communitymetrics.core.time;
