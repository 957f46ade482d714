package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.store.EventStore;

/**
 * A metric computed from slices of events whose partial states merge into exactly the state of
 * the whole: compute per repository, per time slice, per file or per machine, then merge (the
 * shape of a Spark {@code Aggregator}). Parameters live in the metric instance, so one instance
 * is one fully specified metric.
 *
 * <p>Contract: {@link #merge} is associative and commutative, and for any split of a set of
 * events into stores {@code s1..sn} resolved with the same identities, {@code finish(merge(
 * accumulate(s1), ..., accumulate(sn)))} equals {@code compute} on all the events. Metrics whose
 * merge is only approximate say so and why.
 *
 * @param <S> the partial state: immutable, keyed by stable keys ({@link People#key(int)}), never
 *     by store-local indices
 * @param <R> the result: an immutable record that carries its evidence
 */
public interface SliceMetric<S, R> {

  /** The partial state of one slice of events. */
  S accumulate(EventStore slice, People people);

  /** The state of the union of two disjoint slices. */
  S merge(S a, S b);

  /** The result of a (merged) state. */
  R finish(S state);

  /** The result over all of {@code events}: {@code finish(accumulate(events, people))}. */
  default R compute(EventStore events, People people) {
    return finish(accumulate(events, people));
  }
}
