package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The metrics an application computes, in the order outputs show them: every output loops over
 * a registry. {@link #standard()} holds the built-in metrics; applications register their own
 * explicitly ({@link Builder#register}) or discover them ({@link Builder#discover}), as Jackson
 * registers modules.
 *
 * <p>Immutable and thread-safe.
 */
public final class MetricRegistry {
  private final Map<String, MetricDescriptor<?>> byId;

  private MetricRegistry(Map<String, MetricDescriptor<?>> byId) {
    this.byId = byId;
  }

  /** The built-in metrics ({@link StandardMetrics#all()}). */
  public static MetricRegistry standard() {
    return builder().registerAll(StandardMetrics.all()).build();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The metrics, in registration order. */
  public List<MetricDescriptor<?>> metrics() {
    return List.copyOf(byId.values());
  }

  /** The metric with this id, if registered. */
  public Optional<MetricDescriptor<?>> find(String id) {
    return Optional.ofNullable(byId.get(Checks.notNull(id, "id")));
  }

  /**
   * The metric with this id.
   *
   * @throws IllegalArgumentException if none is registered, naming those that are
   */
  public MetricDescriptor<?> get(String id) {
    return find(id)
        .orElseThrow(
            () -> new IllegalArgumentException("no metric " + id + "; known: " + byId.keySet()));
  }

  /**
   * This registry's metrics whose ids are listed, in the order listed.
   *
   * @throws IllegalArgumentException if an id is unknown or listed twice
   */
  public MetricRegistry select(Collection<String> ids) {
    Builder b = builder();
    for (String id : ids) {
      b.register(get(id));
    }
    return b.build();
  }

  /**
   * Every metric over {@code store} for {@code evaluation}, in registry order.
   *
   * @throws IllegalArgumentException if the evaluation overrides a parameter no metric here has
   */
  public List<Evaluated<?>> evaluate(EventStore store, People people, Evaluation evaluation) {
    checkParameters(evaluation.parameters().keySet());
    List<Evaluated<?>> out = new ArrayList<>();
    for (MetricDescriptor<?> d : byId.values()) {
      out.add(d.evaluate(store, people, evaluation));
    }
    return List.copyOf(out);
  }

  /**
   * Rejects overrides ({@code metricId.parameterName}) of parameters that none of these metrics
   * declares: a typo is an error, not a no-op.
   *
   * @throws IllegalArgumentException naming the first such override
   */
  public void checkParameters(Collection<String> overrides) {
    for (String key : Checks.notNull(overrides, "overrides")) {
      int dot = key.indexOf('.');
      MetricDescriptor<?> d = dot < 0 ? null : byId.get(key.substring(0, dot));
      Checks.argument(d != null, "no metric of this registry has the parameter " + key);
      d.parameter(key.substring(dot + 1));
    }
  }

  /** Builds a registry. */
  public static final class Builder {
    private final Map<String, MetricDescriptor<?>> byId = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a metric.
     *
     * @throws IllegalArgumentException if a metric with the same id or JSON name is registered
     */
    public Builder register(MetricDescriptor<?> metric) {
      Checks.notNull(metric, "metric");
      Checks.argument(!byId.containsKey(metric.id()), "metric " + metric.id() + " registered twice");
      for (MetricDescriptor<?> d : byId.values()) {
        Checks.argument(
            !d.jsonName().equals(metric.jsonName()),
            metric.id() + " and " + d.id() + " share the JSON name " + d.jsonName());
      }
      byId.put(metric.id(), metric);
      return this;
    }

    /** Adds metrics in order ({@link #register}). */
    public Builder registerAll(Collection<? extends MetricDescriptor<?>> metrics) {
      for (MetricDescriptor<?> m : metrics) {
        register(m);
      }
      return this;
    }

    /**
     * Adds the metrics of every {@link MetricProvider} that {@link ServiceLoader} finds through
     * {@code loader}, in the order it finds them.
     */
    public Builder discover(ClassLoader loader) {
      for (MetricProvider p : ServiceLoader.load(MetricProvider.class, loader)) {
        registerAll(p.metrics());
      }
      return this;
    }

    /** The registry. */
    public MetricRegistry build() {
      return new MetricRegistry(new LinkedHashMap<>(byId));
    }
  }
}
