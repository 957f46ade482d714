/**
 * The bus-factor family: how few contributors (or organisations) hold most of the contributions.
 * One ranking algorithm ({@link io.github.communitymetrics.core.metrics.Concentration}) behind
 * named presets for CHAOSS (contributor absence factor, elephant factor), OpenSauced (lottery
 * factor), Apache Kibble (pony factor), LFX Insights (contributor and organisation dependency)
 * and GrimoireLab (onion model).
 *
 * <p>Every metric here is a {@link io.github.communitymetrics.core.metrics.SliceMetric} whose
 * state is a set of exact contribution counts ({@link
 * io.github.communitymetrics.core.metrics.busfactor.ContributionCounts}), so slices by
 * repository or by time merge into exactly the result of the whole.
 */
package io.github.communitymetrics.core.metrics.busfactor;
