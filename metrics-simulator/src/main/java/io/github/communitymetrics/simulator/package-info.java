/**
 * The community simulator: {@link io.github.communitymetrics.simulator.SimulationConfig} in,
 * {@link io.github.communitymetrics.simulator.SimulatedCommunity} (events and {@link
 * io.github.communitymetrics.simulator.PlantedTruth}) out, the same for the same seed.
 */
package io.github.communitymetrics.simulator;
