package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * The result of {@link SparkScorer#score}: lazily, one merged metric state per group and metric
 * ({@link #states()}), the core results they finish into ({@link #collect()}) and their flat
 * measurement rows ({@link #rows()}, or only the headlines: {@link #headlines()}), which can be
 * written as Parquet or JSON Lines. The states are
 * persisted (memory and disk) at the first action, so further actions do not recompute them;
 * {@link #release()} frees them.
 */
public final class Scores {
  private final Dataset<StateBox> states;
  private final MetricTable metrics;
  private final Dataset<SparkEvent> distinctEvents;
  private final org.apache.spark.api.java.function.Function<SparkEvent, String> groupOf;

  Scores(
      Dataset<StateBox> states,
      MetricTable metrics,
      Dataset<SparkEvent> distinctEvents,
      org.apache.spark.api.java.function.Function<SparkEvent, String> groupOf) {
    // Persisted (lazily, at the first action): collecting, counting and writing reuse one run.
    this.states = states.persist(StorageLevel.MEMORY_AND_DISK());
    this.metrics = metrics;
    this.distinctEvents = distinctEvents;
    this.groupOf = groupOf;
  }

  /**
   * How many events each group has, on the driver, sorted by group: all its distinct events, not
   * only those of the window (as the CLI's {@code score} counts a repository's slice of the
   * store), so that {@code --min-events} leaves out the same groups.
   */
  public Map<String, Long> eventCounts() {
    return new TreeMap<>(distinctEvents.javaRDD().map(groupOf).countByValue());
  }

  /**
   * Frees what the scorer persisted (the de-duplicated events and the states); call it after
   * the last action on these scores (later actions would recompute them).
   */
  public void release() {
    states.unpersist();
    distinctEvents.unpersist();
  }

  /**
   * The merged states: one box per group and metric, whose {@link StateBox#stateBytes()} is the
   * state of all the group's events in the metric's {@code stateCodec()}, to finish into the
   * metric's result, to merge with the state of later events, or to cache.
   */
  public Dataset<StateBox> states() {
    return states;
  }

  /**
   * The flat rows: one per group, metric and measurement, every measurement the metric yields
   * ({@link SparkMetric#measurements}, in their order); see {@link ResultRow} for the columns.
   */
  public Dataset<ResultRow> rows() {
    MetricTable m = metrics;
    return states.flatMap(
        (FlatMapFunction<StateBox, ResultRow>)
            b -> {
              List<ResultRow> out = new ArrayList<>();
              for (Measurement x : m.spec(b.metric()).measurements(finish(m, b))) {
                out.add(ResultRow.of(b.group(), b.metric(), x));
              }
              return out.iterator();
            },
        Encoders.bean(ResultRow.class));
  }

  /**
   * One row per group and metric: the metric's headline, its first measurement ({@link
   * SparkMetric#headline}), for readers that want one number per metric (the former single
   * headline row); the same columns as {@link #rows()}.
   */
  public Dataset<ResultRow> headlines() {
    MetricTable m = metrics;
    return states.map(
        (MapFunction<StateBox, ResultRow>)
            b -> ResultRow.of(b.group(), b.metric(), m.spec(b.metric()).headline(finish(m, b))),
        Encoders.bean(ResultRow.class));
  }

  /**
   * The results on the driver: per group (sorted), per metric (in the order added), the core
   * result, finished on the driver from the collected states. Only for outputs that fit the
   * driver's memory.
   */
  public Map<String, Map<String, Object>> collect() {
    List<StateBox> all = states.collectAsList();
    Map<String, Map<String, Object>> byGroup = new TreeMap<>();
    for (StateBox b : all) {
      byGroup.computeIfAbsent(b.group(), g -> new LinkedHashMap<>()).put(b.metric(), finish(metrics, b));
    }
    return byGroup;
  }

  private static Object finish(MetricTable metrics, StateBox box) {
    SliceMetric<Object, Object> m = metrics.metric(box.metric(), box.group());
    return m.finish(box.state(m.stateCodec()));
  }

  /** Writes all the {@link #rows()} as Parquet files into the directory {@code path} (replaced if present). */
  public void writeParquet(String path) {
    ordered().write().mode(SaveMode.Overwrite).parquet(Args.notNull(path, "path"));
  }

  /**
   * Writes all the {@link #rows()} as JSON Lines files into the directory {@code path} (replaced
   * if present); a row without a value has no {@code value} key, one without a category no
   * {@code category} key.
   */
  public void writeJsonLines(String path) {
    ordered().write().mode(SaveMode.Overwrite).json(Args.notNull(path, "path"));
  }

  private Dataset<org.apache.spark.sql.Row> ordered() {
    return rows()
        .select("group", "metric", "measurement", "unit", "value", "category", "evidence", "preset");
  }
}
