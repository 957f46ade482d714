package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.SliceMetric;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one job by name, shipped to the executors, with each task's metrics built once
 * per group (building one computes its windows and buckets).
 */
final class MetricTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, SparkMetric<?, ?>> byName;
  private transient Map<String, Map<String, SliceMetric<Object, Object>>> built;

  MetricTable(List<SparkMetric<?, ?>> metrics) {
    Args.notNull(metrics, "metrics");
    Args.argument(!metrics.isEmpty(), "at least one metric is needed");
    byName = new LinkedHashMap<>();
    for (SparkMetric<?, ?> m : metrics) {
      Args.notNull(m, "metric");
      if (byName.putIfAbsent(m.name(), m) != null) {
        throw new IllegalArgumentException("two metrics are named " + m.name());
      }
    }
  }

  List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The metric {@code name} for {@code group}, built once per task. */
  @SuppressWarnings("unchecked")
  SliceMetric<Object, Object> metric(String name, String group) {
    if (built == null) {
      built = new HashMap<>();
    }
    return built
        .computeIfAbsent(name, n -> new HashMap<>())
        .computeIfAbsent(group, g -> (SliceMetric<Object, Object>) spec(name).metricFor(g));
  }

  @SuppressWarnings("unchecked")
  SparkMetric<?, Object> spec(String name) {
    SparkMetric<?, ?> m = byName.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no metric named " + name);
    }
    return (SparkMetric<?, Object>) m;
  }
}
