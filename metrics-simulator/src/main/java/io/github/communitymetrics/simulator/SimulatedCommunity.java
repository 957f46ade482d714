package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Event;
import java.util.List;

/**
 * A simulated community: its events and what was planted in them.
 *
 * @param config the configuration that produced it
 * @param events every event, sorted by time, then {@link io.github.communitymetrics.core.event.EventType}
 *     order, then repository order, then generation order
 * @param truth the planted ground truth
 */
public record SimulatedCommunity(SimulationConfig config, List<Event> events, PlantedTruth truth) {
  /** Checks the components; the event list is kept as given (the simulator hands an unmodifiable one). */
  public SimulatedCommunity {
    SimChecks.notNull(config, "config");
    SimChecks.notNull(events, "events");
    SimChecks.notNull(truth, "truth");
  }
}
