package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
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
 * <p><b>How.</b> (0) The events are shuffled once so that equal events meet in one partition: a
 * single {@code EventStore} drops duplicates (an event seen in two overlapping archive hours or
 * API pages), and the core merge is exact only for disjoint slices, so a duplicate in two
 * partitions would otherwise count twice. By default the shuffle is by group ({@link
 * Builder#colocateGroups}), so each group is also accumulated once: every partition that holds
 * events of a group pays that group's per-slice cost, which for scattered input multiplies the
 * work by the number of partitions; otherwise it is a {@code distinct}. (1) The distinct actors of the input are collected on the driver and broadcast,
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
  private final boolean colocate;
  private final int partitions;

  private SparkScorer(Builder b) {
    this.metrics = new MetricTable(b.metrics);
    this.grouping = b.grouping;
    this.identities = b.identities;
    this.colocate = b.colocate;
    this.partitions = b.partitions;
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
    private boolean colocate = true;
    private int partitions;

    private Builder() {}

    /**
     * Whether the events are first shuffled by group, so that each group lives in one partition
     * and is accumulated once (the default, and much cheaper: see the class documentation); or
     * only de-duplicated, each partition accumulating a partial state for every group it holds,
     * merged by the aggregator (for inputs where one group is too large for one task).
     */
    public Builder colocateGroups(boolean colocate) {
      this.colocate = colocate;
      return this;
    }

    /**
     * How many partitions the events are shuffled into before scoring; by default {@code
     * spark.sql.shuffle.partitions} when colocating groups, else the input's own partitioning.
     *
     * @throws IllegalArgumentException unless {@code partitions} is positive
     */
    public Builder partitions(int partitions) {
      this.partitions = Args.positive(partitions, "partitions");
      return this;
    }

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
   * Scores the events. Runs Spark jobs at once (the shuffle and collecting the distinct actors);
   * the rest is lazy, in the returned {@link Scores}.
   *
   * @param input the events, in any partitioning; equal events count once, as in an {@code
   *     EventStore}
   */
  public Scores score(Dataset<SparkEvent> input) {
    Args.notNull(input, "input");
    SparkSession spark = input.sparkSession();
    Dataset<SparkEvent> shuffled;
    if (colocate) {
      // One shuffle by group: copies of an event share its repository, so they meet in one
      // partition, whose EventStore keeps them once; and each group is accumulated once.
      int n =
          partitions > 0
              ? partitions
              : Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions", "200"));
      JavaRDD<SparkEvent> byGroup =
          input
              .javaRDD()
              .keyBy(new GroupOf(grouping))
              .partitionBy(new HashPartitioner(n))
              .values();
      shuffled = spark.createDataset(byGroup.rdd(), SparkEvent.encoder());
    } else {
      shuffled = partitions > 0 ? input.distinct().repartition(partitions) : input.distinct();
    }
    // Persisted: both passes below read it, and recomputing means a second shuffle.
    Dataset<SparkEvent> events = shuffled.persist(StorageLevel.MEMORY_AND_DISK());
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

  /** The group of an event's repository. */
  private static final class GroupOf implements Function<SparkEvent, String> {
    private static final long serialVersionUID = 1L;
    private final Grouping grouping;

    GroupOf(Grouping grouping) {
      this.grouping = grouping;
    }

    @Override
    public String call(SparkEvent e) {
      return grouping.groupOf(e.event().repo());
    }
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
