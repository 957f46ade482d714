package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import java.io.Serializable;
import java.util.List;

/**
 * A core {@link SliceMetric} as a Spark job runs it: a name (the {@code metric} column of the
 * result rows), a factory that builds the metric on each executor, and how a result becomes its
 * {@link Measurement}s (one result row each). Usually built from a registered {@link
 * MetricDescriptor} ({@link #of(RegistrySource, String, SparkEvaluation)}), so that a metric
 * registered once is computed by Spark with no Spark code. Only metrics whose merge is exact (the
 * built-in ones say so in their class documentation) give the single-machine result whatever the
 * partitioning.
 *
 * <p>Immutable and serializable (it is shipped to the executors).
 *
 * @param <S> the metric's mergeable state
 * @param <R> the metric's result
 */
public final class SparkMetric<S, R> implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The measurements of a result; serializable, since it runs on the executors. */
  @FunctionalInterface
  public interface Measure<R> extends Serializable {
    /** The measurements of {@code result}, at least one, the headline first. */
    List<Measurement> of(R result);
  }

  private final String name;
  private final MetricFactory<S, R> factory;
  private final Measure<? super R> measure;

  private SparkMetric(String name, MetricFactory<S, R> factory, Measure<? super R> measure) {
    this.name = Args.notNull(name, "name");
    Args.argument(!name.isBlank(), "name must not be blank");
    this.factory = Args.notNull(factory, "factory");
    this.measure = Args.notNull(measure, "measure");
  }

  /**
   * A metric for Spark from its parts, for a metric that is not registered.
   *
   * @param name a unique, non-blank name within one job
   * @param factory builds the metric for a group; called on the executors
   * @param measure turns a result into its measurements, the headline first
   */
  public static <S, R> SparkMetric<S, R> of(
      String name, MetricFactory<S, R> factory, Measure<? super R> measure) {
    return new SparkMetric<>(name, factory, measure);
  }

  /**
   * The built-in metric {@code metricId} ({@link RegistrySource#standard()}), named by its id.
   *
   * @throws IllegalArgumentException if no built-in metric has that id, or it cannot be built
   *     for {@code evaluation} (see {@link #of(RegistrySource, String, SparkEvaluation)})
   */
  public static SparkMetric<?, ?> of(String metricId, SparkEvaluation evaluation) {
    return of(RegistrySource.standard(), metricId, evaluation);
  }

  /**
   * The registered metric {@code metricId}, named by its id: each executor finds its {@link
   * MetricDescriptor} in {@code registry}, builds the metric with {@code descriptor.metric(
   * evaluation.evaluation())} and measures the results with {@code descriptor.measure}, exactly
   * as the CLI does on one machine.
   *
   * @throws IllegalArgumentException if {@code registry} has no such metric, or it cannot be
   *     built for {@code evaluation} (a parameter override that does not parse; contributor
   *     confidence, which describes one named repository, not a group's events): checked here,
   *     on the driver, rather than in every task
   */
  public static SparkMetric<?, ?> of(
      RegistrySource registry, String metricId, SparkEvaluation evaluation) {
    Described d = new Described(Args.notNull(registry, "registry"), Args.notNull(metricId, "metricId"),
        Args.notNull(evaluation, "evaluation"));
    d.descriptor().metric(d.evaluation());
    return new SparkMetric<>(metricId, d, d);
  }

  /** This metric under another name (to run one registered metric with two evaluations). */
  public SparkMetric<S, R> named(String value) {
    return new SparkMetric<>(value, factory, measure);
  }

  /** The metric's name in the result rows. */
  public String name() {
    return name;
  }

  /** The metric for one group. */
  public SliceMetric<S, R> metricFor(String group) {
    return factory.create(Args.notNull(group, "group"));
  }

  /**
   * The measurements of a result of this metric, one result row each, the headline first.
   *
   * @throws IllegalStateException if the measure gives none
   */
  public List<Measurement> measurements(R result) {
    List<Measurement> out = List.copyOf(measure.of(result));
    if (out.isEmpty()) {
      throw new IllegalStateException(name + " gave no measurement");
    }
    return out;
  }

  /**
   * The headline of a result: its first measurement (for a registered metric, the first of
   * {@link MetricDescriptor#measurements()}, such as a factor or a rate).
   */
  public Measurement headline(R result) {
    return measurements(result).get(0);
  }

  @Override
  public String toString() {
    return "SparkMetric[" + name + "]";
  }

  /**
   * A registered metric as a factory and measure: serializable data only (the registry's
   * recipe, the id, the evaluation), the descriptor and the core evaluation rebuilt once per JVM
   * copy of this object.
   */
  private static final class Described implements MetricFactory<Object, Object>, Measure<Object> {
    private static final long serialVersionUID = 1L;
    private final RegistrySource registry;
    private final String metricId;
    private final SparkEvaluation evaluation;
    private transient MetricDescriptor<Object> descriptor;
    private transient Evaluation built;

    Described(RegistrySource registry, String metricId, SparkEvaluation evaluation) {
      this.registry = registry;
      this.metricId = metricId;
      this.evaluation = evaluation;
    }

    @SuppressWarnings("unchecked")
    MetricDescriptor<Object> descriptor() {
      if (descriptor == null) {
        descriptor = (MetricDescriptor<Object>) registry.registry().get(metricId);
      }
      return descriptor;
    }

    Evaluation evaluation() {
      if (built == null) {
        built = evaluation.evaluation();
      }
      return built;
    }

    @SuppressWarnings("unchecked")
    @Override
    public SliceMetric<Object, Object> create(String group) {
      return (SliceMetric<Object, Object>) descriptor().metric(evaluation());
    }

    @Override
    public List<Measurement> of(Object result) {
      return descriptor().measure(result, evaluation());
    }
  }
}
