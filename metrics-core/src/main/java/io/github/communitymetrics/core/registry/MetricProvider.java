package io.github.communitymetrics.core.registry;

import java.util.List;

/**
 * Metrics a library contributes, for {@link MetricRegistry.Builder#discover(ClassLoader)}: list
 * the implementation in {@code META-INF/services} or {@code provides} it in {@code module-info}.
 * Explicit registration ({@link MetricRegistry.Builder#register}) needs none of this.
 */
public interface MetricProvider {
  /** The metrics to register, in the order outputs show them. */
  List<MetricDescriptor<?>> metrics();
}
