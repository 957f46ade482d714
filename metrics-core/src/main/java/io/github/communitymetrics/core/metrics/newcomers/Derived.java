package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;

/**
 * A newcomer metric: the shared engine's state, merges and codec, and a finish of its own from the
 * journeys. Equal when the engine and the view are (views are records of their parameters).
 *
 * @param engine the journeys
 * @param view what the metric makes of them
 */
record Derived<R>(NewcomerJourneys engine, View<R> view) implements SliceMetric<JourneyState, R> {

  /** What one metric computes from the journeys. */
  interface View<R> {
    R of(Journeys journeys);
  }

  Derived {
    Checks.notNull(engine, "engine");
    Checks.notNull(view, "view");
  }

  @Override
  public JourneyState accumulate(EventStore slice, People people) {
    return engine.accumulate(slice, people);
  }

  @Override
  public JourneyState merge(JourneyState a, JourneyState b) {
    return engine.merge(a, b);
  }

  @Override
  public R finish(JourneyState state) {
    return view.of(engine.finish(state));
  }

  @Override
  public StateCodec<JourneyState> stateCodec() {
    return engine.stateCodec();
  }
}
