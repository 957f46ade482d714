package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.SliceMetric;
import java.io.Serializable;

/**
 * A core {@link SliceMetric} as a Spark job runs it: a name (the {@code metric} column of the
 * result rows), a factory that builds the metric on each executor, and how a result becomes a
 * flat {@link Headline}. Only metrics whose merge is exact (their class documentation says so)
 * give the single-machine result whatever the partitioning.
 *
 * <p>Immutable and serializable (it is shipped to the executors).
 *
 * @param <S> the metric's mergeable state
 * @param <R> the metric's result
 */
public final class SparkMetric<S, R> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The headline of a result; serializable, since it runs on the executors. */
  @FunctionalInterface
  public interface Summary<R> extends Serializable {
    /** The headline number and evidence count of {@code result}. */
    Headline of(R result);
  }

  private final String name;
  private final MetricFactory<S, R> factory;
  private final Summary<? super R> summary;

  private SparkMetric(String name, MetricFactory<S, R> factory, Summary<? super R> summary) {
    this.name = Args.notNull(name, "name");
    Args.argument(!name.isBlank(), "name must not be blank");
    this.factory = Args.notNull(factory, "factory");
    this.summary = Args.notNull(summary, "summary");
  }

  /**
   * A metric for Spark.
   *
   * @param name a unique, non-blank name within one job
   * @param factory builds the metric for a group; called on the executors
   * @param summary turns a result into its headline
   */
  public static <S, R> SparkMetric<S, R> of(
      String name, MetricFactory<S, R> factory, Summary<? super R> summary) {
    return new SparkMetric<>(name, factory, summary);
  }

  /** The metric's name in the result rows. */
  public String name() {
    return name;
  }

  /** The metric for one group. */
  public SliceMetric<S, R> metricFor(String group) {
    return factory.create(Args.notNull(group, "group"));
  }

  /** The headline of a result of this metric. */
  public Headline headline(R result) {
    return summary.of(result);
  }

  @Override
  public String toString() {
    return "SparkMetric[" + name + "]";
  }
}
