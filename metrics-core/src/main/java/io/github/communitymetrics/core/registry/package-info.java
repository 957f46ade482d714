/**
 * One description per metric ({@link io.github.communitymetrics.core.registry.MetricDescriptor}),
 * registered in a {@link io.github.communitymetrics.core.registry.MetricRegistry}, evaluated for
 * any scope and window ({@link io.github.communitymetrics.core.registry.Evaluation}) or over a
 * calendar ({@link io.github.communitymetrics.core.registry.MetricSeries}), yielding {@link
 * io.github.communitymetrics.core.registry.Measurement}s that every output shows the same way.
 */
package io.github.communitymetrics.core.registry;
