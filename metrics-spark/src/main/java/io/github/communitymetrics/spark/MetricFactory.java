package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.SliceMetric;
import java.io.Serializable;

/**
 * Builds the metric for one group on an executor. Core metrics are not {@link Serializable}, so
 * Spark ships this factory (usually a lambda over serializable parameters such as an {@link
 * java.time.Instant}) and each task builds its metric. It must return equal metrics for equal
 * groups, on every machine.
 *
 * @param <S> the metric's mergeable state
 * @param <R> the metric's result
 */
@FunctionalInterface
public interface MetricFactory<S, R> extends Serializable {
  /**
   * The metric for a group.
   *
   * @param group the repository's full name ({@code owner/name}) or the organisation's login, as
   *     the {@link Grouping} says
   */
  SliceMetric<S, R> create(String group);
}
