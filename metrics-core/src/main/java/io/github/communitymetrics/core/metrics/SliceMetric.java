package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.state.StateCodec;
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

  /**
   * The binary form of this metric's states, to move them between machines (a Spark shuffle)
   * or cache them: {@code stateCodec().decode(stateCodec().encode(s))} merges and finishes like
   * {@code s}. Every built-in metric has one; metrics of equal parameters share the codec.
   *
   * <p>The default throws: a metric of another library that never leaves one machine need not
   * write one, and the engines that move states (metrics-spark) fail at the first state with
   * this exception's message.
   *
   * @throws UnsupportedOperationException if this metric's states have no binary form
   */
  default StateCodec<S> stateCodec() {
    throw new UnsupportedOperationException(
        getClass().getName() + " has no state codec: implement SliceMetric.stateCodec() to move its states");
  }

  /** The result over all of {@code events}: {@code finish(accumulate(events, people))}. */
  default R compute(EventStore events, People people) {
    return finish(accumulate(events, people));
  }
}
