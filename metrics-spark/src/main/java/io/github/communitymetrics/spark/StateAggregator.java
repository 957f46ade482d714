package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.SliceMetric;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed Spark {@link Aggregator} over one group's and one metric's partial states: its
 * buffer is the core state, its merge the core {@link SliceMetric#merge}, its result {@link
 * SliceMetric#finish}. Since the core merge is exact, associative and commutative, the result
 * does not depend on how Spark splits or orders the partial states.
 */
final class StateAggregator extends Aggregator<Partial, StateBox, StateBox> {
  private static final long serialVersionUID = 1L;

  private final MetricTable metrics;

  StateAggregator(MetricTable metrics) {
    this.metrics = metrics;
  }

  @Override
  public StateBox zero() {
    return new StateBox();
  }

  @Override
  public StateBox reduce(StateBox buffer, Partial partial) {
    Object state = StateCodec.decode(partial.stateBytes());
    StateBox one = new StateBox(partial.getGroup(), partial.getMetric(), state);
    return merge(buffer, one);
  }

  @Override
  public StateBox merge(StateBox a, StateBox b) {
    if (a.value().isEmpty()) {
      return b;
    }
    if (b.value().isEmpty()) {
      return a;
    }
    if (!a.group().equals(b.group()) || !a.metric().equals(b.metric())) {
      throw new IllegalStateException("cannot merge states of different groups or metrics: " + a + ", " + b);
    }
    SliceMetric<Object, Object> m = metrics.metric(a.metric(), a.group());
    return new StateBox(a.group(), a.metric(), m.merge(a.value().get(), b.value().get()));
  }

  @Override
  public StateBox finish(StateBox state) {
    Object s =
        state
            .value()
            .orElseThrow(() -> new IllegalStateException("a group without any partial state"));
    SliceMetric<Object, Object> m = metrics.metric(state.metric(), state.group());
    return new StateBox(state.group(), state.metric(), m.finish(s));
  }

  @Override
  public Encoder<StateBox> bufferEncoder() {
    return StateBox.encoder();
  }

  @Override
  public Encoder<StateBox> outputEncoder() {
    return StateBox.encoder();
  }
}
