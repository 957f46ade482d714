/**
 * Truck factors from file authorship: the degree-of-authorship model and greedy truck factor of
 * Avelino et al. ("A novel approach for estimating truck factors", ICPC 2016), the pruned variant
 * that their tool uses by default today, a recency-aware variant after JetBrains' Bus Factor
 * Explorer, truck factors per directory (knowledge islands) and the files orphaned when given
 * people leave.
 *
 * <p>Pure: no I/O. Feed an {@link io.github.communitymetrics.core.metrics.truckfactor.AuthorshipAccumulator}
 * one commit at a time, newest first (the order of {@code git log}), get an immutable {@link
 * io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory} and hand it to {@link
 * io.github.communitymetrics.core.metrics.truckfactor.TruckFactor} or {@link
 * io.github.communitymetrics.core.metrics.truckfactor.RecencyTruckFactor}. Memory grows with the
 * files of the snapshot and their authors, not with the number of commits.
 */
package io.github.communitymetrics.core.metrics.truckfactor;
