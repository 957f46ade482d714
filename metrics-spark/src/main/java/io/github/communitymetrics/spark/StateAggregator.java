package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.SliceMetric;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed Spark {@link Aggregator} over one group's and one metric's partial states: its
 * buffer is the core state, its merge the core {@link SliceMetric#merge}, its output the merged
 * state (finished by {@link Scores}). States cross the shuffle in their metric's own {@link
 * SliceMetric#stateCodec() codec}. Since the core merge is exact, associative and commutative,
 * the result does not depend on how Spark splits or orders the partial states.
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
    SliceMetric<Object, Object> m = metrics.metric(partial.getMetric(), partial.getGroup());
    Object state = m.stateCodec().decode(partial.stateBytes());
    return merge(buffer, StateBox.of(partial.getGroup(), partial.getMetric(), state, m.stateCodec()));
  }

  @Override
  public StateBox merge(StateBox a, StateBox b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    if (!a.group().equals(b.group()) || !a.metric().equals(b.metric())) {
      throw new IllegalStateException("cannot merge states of different groups or metrics: " + a + ", " + b);
    }
    SliceMetric<Object, Object> m = metrics.metric(a.metric(), a.group());
    Object merged = m.merge(a.state(m.stateCodec()), b.state(m.stateCodec()));
    return StateBox.of(a.group(), a.metric(), merged, m.stateCodec());
  }

  @Override
  public StateBox finish(StateBox state) {
    if (state.isEmpty()) {
      throw new IllegalStateException("a group without any partial state");
    }
    return state;
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
