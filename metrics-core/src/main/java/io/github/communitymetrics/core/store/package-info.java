/**
 * A compact, column-oriented, in-memory {@link io.github.communitymetrics.core.store.EventStore}
 * for metrics that scan many events: time-sorted in a canonical order, duplicates dropped, actors
 * and repositories interned, sliced by time window and repository without copying.
 */
package io.github.communitymetrics.core.store;
