package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Scores every group (repository or owner) of a {@code Dataset} of events with core metrics, on
 * Spark, with exactly the single-machine result whatever the partitioning.
 *
 * <p><b>How.</b> (0) Equal events are kept once ({@code distinct}, a shuffle of the events): a
 * single {@code EventStore} drops duplicates (an event seen in two overlapping archive hours or
 * API pages), and the core merge is exact only for disjoint slices, so a duplicate in two
 * partitions would otherwise count twice. (1) The distinct actors of the input are collected on the driver and broadcast,
 * and each executor resolves them once with the {@link IdentityPolicy}, so every partition knows
 * the same people as one machine reading everything would. (2) Each partition becomes one {@link
 * io.github.communitymetrics.core.store.EventStore}; for each group in it and each metric, the
 * metric's {@code accumulate} gives a partial state keyed by stable people keys. (3) The partial
 * states are grouped by (group, metric) and reduced by a typed Spark {@code Aggregator} whose
 * merge is the core merge, then finished into the core result. The input is read twice (actors,
 * then states): persist it when it is expensive to produce.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class SparkScorer {
  private final MetricTable metrics;
  private final Grouping grouping;
  private final IdentityPolicy identities;

  private SparkScorer(Builder b) {
    this.metrics = new MetricTable(b.metrics);
    this.grouping = b.grouping;
    this.identities = b.identities;
  }

  /** A builder: no metrics yet, per repository, default identity rules. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SparkScorer}. Not thread-safe. */
  public static final class Builder {
    private final List<SparkMetric<?, ?>> metrics = new ArrayList<>();
    private Grouping grouping = Grouping.REPOSITORY;
    private IdentityPolicy identities = IdentityPolicy.defaults();

    private Builder() {}

    /** Adds a metric; names must be unique. */
    public Builder metric(SparkMetric<?, ?> metric) {
      metrics.add(Args.notNull(metric, "metric"));
      return this;
    }

    /** Adds metrics; names must be unique. */
    public Builder metrics(List<? extends SparkMetric<?, ?>> metrics) {
      Args.notNull(metrics, "metrics").forEach(this::metric);
      return this;
    }

    /** Per repository (the default) or per owner. */
    public Builder grouping(Grouping grouping) {
      this.grouping = Args.notNull(grouping, "grouping");
      return this;
    }

    /** How identities are resolved; {@link IdentityPolicy#defaults()} by default. */
    public Builder identities(IdentityPolicy identities) {
      this.identities = Args.notNull(identities, "identities");
      return this;
    }

    /**
     * The scorer.
     *
     * @throws IllegalArgumentException without metrics, or with two metrics of the same name
     */
    public SparkScorer build() {
      return new SparkScorer(this);
    }
  }

  /** The metrics' names, in the order added. */
  public List<String> metricNames() {
    return metrics.names();
  }

  /** The grouping. */
  public Grouping grouping() {
    return grouping;
  }

  /**
   * Scores the events. Runs one Spark job at once (collecting the distinct actors); the rest is
   * lazy, in the returned {@link Scores}.
   *
   * @param events the input, in any partitioning; equal events count once, as in an {@code
   *     EventStore}
   */
  public Scores score(Dataset<SparkEvent> input) {
    Args.notNull(input, "events");
    // Persisted: both passes below read it, and recomputing means a second shuffle.
    Dataset<SparkEvent> events = input.distinct().persist(StorageLevel.MEMORY_AND_DISK());
    SparkSession spark = events.sparkSession();
    List<byte[]> distinct =
        events.mapPartitions(new ActorsOf(), Encoders.BINARY()).distinct().collectAsList();
    List<Actor> actors = new ArrayList<>(distinct.size());
    for (byte[] a : distinct) {
      actors.add((Actor) StateCodec.decode(a));
    }
    Broadcast<byte[]> shipped =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(StateCodec.encode(actors));
    Dataset<Partial> partials =
        events.mapPartitions(
            new PartitionStates(metrics, grouping, identities, shipped),
            Encoders.bean(Partial.class));
    Dataset<StateBox> results =
        partials
            .groupByKey(
                (MapFunction<Partial, Tuple2<String, String>>)
                    p -> new Tuple2<>(p.getGroup(), p.getMetric()),
                Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
            .agg(new StateAggregator(metrics).toColumn())
            .map(
                (MapFunction<Tuple2<Tuple2<String, String>, StateBox>, StateBox>) Tuple2::_2,
                StateBox.encoder());
    return new Scores(results, metrics, events);
  }

  /**
   * The distinct actors of a partition, encoded: exactly those its {@code EventStore} interns (an
   * event's actor and any other people it names, such as a pull request's author).
   */
  private static final class ActorsOf implements MapPartitionsFunction<SparkEvent, byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<byte[]> call(Iterator<SparkEvent> events) {
      EventStore.Builder builder = EventStore.builder();
      while (events.hasNext()) {
        builder.add(events.next().event());
      }
      List<Actor> actors = builder.build().actors();
      List<byte[]> out = new ArrayList<>(actors.size());
      for (Actor a : actors) {
        out.add(StateCodec.encode(a));
      }
      return out.iterator();
    }
  }
}
