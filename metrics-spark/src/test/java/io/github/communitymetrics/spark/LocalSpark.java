package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/** Test helpers: a local Spark session and the single-machine computation to compare with. */
final class LocalSpark {
  private LocalSpark() {}

  /** Local mode with 2 threads, no UI, few shuffle partitions (the inputs are small). */
  static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("metrics-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  /** The events as a dataset of exactly {@code partitions} partitions (round robin). */
  static Dataset<SparkEvent> dataset(SparkSession spark, List<Event> events, int partitions) {
    List<SparkEvent> rows = new ArrayList<>(events.size());
    events.forEach(e -> rows.add(SparkEvent.of(e)));
    return spark.createDataset(rows, SparkEvent.encoder()).repartition(partitions);
  }

  /**
   * The group of {@code r}: {@code grouping.groupOf(r)}, except that repositories of one full name
   * (one deleted, another created under its name) are groups of their own, named with their ids,
   * as the store keeps them apart.
   */
  static String groupOf(Grouping grouping, EventStore store, Repository r) {
    if (grouping == Grouping.REPOSITORY
        && store.repositories().stream().filter(x -> x.fullName().equals(r.fullName())).count() > 1) {
      return r.fullName() + (r.id().isPresent() ? " (id " + r.id().getAsLong() + ")" : " (no id)");
    }
    return grouping.groupOf(r);
  }

  /**
   * The single-machine path: one store of all events, the default identities of all its actors,
   * and per group each metric's {@code compute} on the group's slice.
   */
  static Map<String, Map<String, Object>> singleMachine(
      EventStore store, List<SparkMetric<?, ?>> metrics, Grouping grouping) {
    Identities identities = IdentityResolver.defaults().resolve(store.actors());
    People people = People.of(store, identities);
    Map<String, List<Repository>> groups = new TreeMap<>();
    for (Repository r : store.repositories()) {
      groups.computeIfAbsent(groupOf(grouping, store, r), g -> new ArrayList<>()).add(r);
    }
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map.Entry<String, List<Repository>> g : groups.entrySet()) {
      EventStore slice = store.slice(g.getValue());
      Map<String, Object> results = new LinkedHashMap<>();
      for (SparkMetric<?, ?> m : metrics) {
        SliceMetric<?, ?> metric = m.metricFor(g.getKey());
        results.put(m.name(), metric.compute(slice, people));
      }
      out.put(g.getKey(), results);
    }
    return out;
  }

  /**
   * The single-machine path as {@link SparkScorer} runs it in a partition, on one thread: each
   * group's events in a store of their own, the same identities, each metric's {@code compute}
   * on it. Faster than {@link #singleMachine} when there are many small groups, because a
   * metric's per-person arrays then grow with the group, not with every person of the input.
   */
  static Map<String, Map<String, Object>> singleMachinePerGroupStores(
      EventStore store, List<SparkMetric<?, ?>> metrics, Grouping grouping) {
    Identities identities = IdentityResolver.defaults().resolve(store.actors());
    Map<String, EventStore.Builder> groups = new TreeMap<>();
    for (Event e : store) {
      groups.computeIfAbsent(groupOf(grouping, store, e.repo()), g -> EventStore.builder()).add(e);
    }
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map.Entry<String, EventStore.Builder> g : groups.entrySet()) {
      EventStore own = g.getValue().build();
      People people = People.of(own, identities);
      Map<String, Object> results = new LinkedHashMap<>();
      for (SparkMetric<?, ?> m : metrics) {
        results.put(m.name(), m.metricFor(g.getKey()).compute(own, people));
      }
      out.put(g.getKey(), results);
    }
    return out;
  }

  /** Rows in a stable order: group, metric, then measurement. */
  static final Comparator<ResultRow> ORDER =
      Comparator.comparing(ResultRow::getGroup)
          .thenComparing(ResultRow::getMetric)
          .thenComparing(ResultRow::getMeasurement);

  /** The rows of single-machine results: each metric's measurements of each group's result. */
  static List<ResultRow> rows(Map<String, Map<String, Object>> results, List<SparkMetric<?, ?>> metrics) {
    List<ResultRow> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> g : results.entrySet()) {
      for (SparkMetric<?, ?> m : metrics) {
        for (Measurement x : measurements(m, g.getValue().get(m.name()))) {
          out.add(ResultRow.of(g.getKey(), m.name(), x));
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <R> List<Measurement> measurements(SparkMetric<?, R> m, Object result) {
    return m.measurements((R) result);
  }

  /** A registered metric and the core evaluation a Spark metric of it runs with. */
  record Described(MetricDescriptor<?> descriptor, Evaluation evaluation) {}

  /**
   * The rows the CLI's path gives: per group, {@code descriptor.evaluate(slice, people,
   * evaluation).measurements()} of each metric (by its Spark name) on the group's slice of one
   * store of all events, with the default identities of all its actors.
   */
  static List<ResultRow> evaluatedRows(
      EventStore store, Map<String, Described> metrics, Grouping grouping) {
    Identities identities = IdentityResolver.defaults().resolve(store.actors());
    People people = People.of(store, identities);
    Map<String, List<Repository>> groups = new TreeMap<>();
    for (Repository r : store.repositories()) {
      groups.computeIfAbsent(groupOf(grouping, store, r), g -> new ArrayList<>()).add(r);
    }
    List<ResultRow> out = new ArrayList<>();
    for (Map.Entry<String, List<Repository>> g : groups.entrySet()) {
      EventStore slice = store.slice(g.getValue());
      metrics.forEach(
          (name, d) -> {
            for (Measurement x : d.descriptor().evaluate(slice, people, d.evaluation()).measurements()) {
              out.add(ResultRow.of(g.getKey(), name, x));
            }
          });
    }
    out.sort(ORDER);
    return out;
  }
}
