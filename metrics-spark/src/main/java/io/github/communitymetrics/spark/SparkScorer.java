package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.state.StateCodecs;
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
 * merge is the core merge; the states cross the shuffle in each metric's own {@code
 * stateCodec()}, and {@link Scores} finishes them into the core results. The input is read twice
 * (actors, then states): persist it when it is expensive to produce.
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
    // Repository identity (docs/events.md): lines of one repository with and without its id, or
    // under an old name, must fall into the group of its canonical name, as in an EventStore.
    Broadcast<java.util.HashMap<String, String>> names =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(canonicalNames(input));
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
              .keyBy(new GroupOf(grouping, names))
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
      actors.addAll(StateCodecs.actors().decode(a));
    }
    Broadcast<byte[]> shipped =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(StateCodecs.actors().encode(actors));
    Dataset<Partial> partials =
        events.mapPartitions(
            new PartitionStates(metrics, grouping, identities, shipped, names),
            Encoders.bean(Partial.class));
    Dataset<StateBox> states =
        partials
            .groupByKey(
                (MapFunction<Partial, Tuple2<String, String>>)
                    p -> new Tuple2<>(p.getGroup(), p.getMetric()),
                Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
            .agg(new StateAggregator(metrics).toColumn())
            .map(
                (MapFunction<Tuple2<Tuple2<String, String>, StateBox>, StateBox>) Tuple2::_2,
                StateBox.encoder());
    return new Scores(states, metrics, events, new GroupOf(grouping, names));
  }

  /** The group of an event's repository, by its canonical name. */
  private static final class GroupOf implements Function<SparkEvent, String> {
    private static final long serialVersionUID = 1L;
    private final Grouping grouping;
    private final Broadcast<java.util.HashMap<String, String>> names;

    GroupOf(Grouping grouping, Broadcast<java.util.HashMap<String, String>> names) {
      this.grouping = grouping;
      this.names = names;
    }

    @Override
    public String call(SparkEvent e) {
      return groupOf(grouping, names.value(), e.event().repo());
    }
  }

  /** The key of a repository value in the map of canonical names. */
  static String key(Repository r) {
    return r.forge().name() + "\t" + (r.id().isPresent() ? r.id().getAsLong() : "") + "\t" + r.fullName();
  }

  /** The group of {@code r}, under the name the store would report it by. */
  static String groupOf(Grouping grouping, java.util.Map<String, String> names, Repository r) {
    return group(grouping, names, canonical(names, r));
  }


  /**
   * The group of a canonical repository. Two repositories that held one name (a deleted one and
   * its successor) are two repositories, as in an {@code EventStore}: each is then a group of its
   * own, named by {@code ScoredGroup.nameOf} ({@code owner/name (id N)}), as the command's {@code
   * score} names such rows.
   */
  static String group(Grouping grouping, java.util.Map<String, String> names, Repository canonical) {
    if (grouping == Grouping.REPOSITORY) {
      // A full name that several repositories held is a key of its own in the map of canonical
      // names (see canonicalNames); repository keys are FORGE<tab>id<tab>name, which no forge's
      // repository name spells. No string is built per event for it.
      return io.github.communitymetrics.cli.engine.ScoredGroup.nameOf(canonical, names.containsKey(canonical.fullName()));
    }
    return grouping.groupOf(canonical);
  }

  /** The repository a store of all the input would give {@code r}. */
  static Repository canonical(java.util.Map<String, String> names, Repository r) {
    String value = names.get(key(r));
    if (value == null) {
      return r;
    }
    String[] f = value.split("\t", 2);
    return new Repository(
        r.forge(),
        f[1],
        f[0].isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(f[0])));
  }

  /**
   * {@code e} with the repository a store of all the input would give it, so that a partition
   * that sees only a renamed repository's old name reports it under the same name as the others.
   * Rewrites the repository keys of the event's canonical JSON line, which come first in a fixed
   * order (docs/events.md).
   */
  static Event canonical(java.util.Map<String, String> names, Event e) {
    Repository r = e.repo();
    Repository c = canonical(names, r);
    if (c.equals(r)) {
      return e;
    }
    String line = io.github.communitymetrics.core.io.EventJsonLines.toLine(e);
    String old = repoKeys(r);
    int at = line.indexOf(old);
    if (at < 0) {
      throw new IllegalStateException("no repository keys " + old + " in " + line);
    }
    return io.github.communitymetrics.core.io.EventJsonLines.fromLine(
        line.substring(0, at) + repoKeys(c) + line.substring(at + old.length()));
  }

  private static String repoKeys(Repository r) {
    StringBuilder b = new StringBuilder("\"repo\":\"");
    for (char ch : r.fullName().toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    b.append('"');
    if (r.id().isPresent()) {
      b.append(",\"repo_id\":").append(r.id().getAsLong());
    }
    return b.toString();
  }

  /**
   * The name an EventStore of all the input would report each distinct repository value by: the
   * first and last instant of each value are gathered, and a store of two stand-in events per
   * value resolves them. (A value without id whose name several ids held gets the repository that
   * held it at its first event; a store of every event decides that per event.)
   */
  private static java.util.HashMap<String, String> canonicalNames(Dataset<SparkEvent> input) {
    List<String> spans =
        input
            .mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<SparkEvent, String>)
                    it -> {
                      java.util.Map<String, long[]> m = new java.util.HashMap<>();
                      while (it.hasNext()) {
                        Event e = it.next().event();
                        long t = e.at().getEpochSecond();
                        long[] span = m.computeIfAbsent(key(e.repo()), k -> new long[] {t, t});
                        span[0] = Math.min(span[0], t);
                        span[1] = Math.max(span[1], t);
                      }
                      List<String> out = new ArrayList<>();
                      m.forEach((k, v) -> out.add(v[0] + "\t" + v[1] + "\t" + k));
                      return out.iterator();
                    },
                Encoders.STRING())
            .collectAsList();
    java.util.Map<String, long[]> merged = new java.util.HashMap<>();
    for (String line : spans) {
      String[] f = line.split("\t", 3);
      long[] span = merged.computeIfAbsent(f[2], k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
      span[0] = Math.min(span[0], Long.parseLong(f[0]));
      span[1] = Math.max(span[1], Long.parseLong(f[1]));
    }
    List<Event> standIns = new ArrayList<>();
    List<String> keys = new ArrayList<>(merged.keySet());
    for (int k = 0; k < keys.size(); k++) {
      String[] f = keys.get(k).split("\t", 3);
      Repository r =
          new Repository(
              io.github.communitymetrics.core.event.Forge.of(f[0]),
              f[2],
              f[1].isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(f[1])));
      Actor a = Actor.github("v" + k);
      long[] span = merged.get(keys.get(k));
      standIns.add(new io.github.communitymetrics.core.event.Star(java.time.Instant.ofEpochSecond(span[0]), r, a));
      standIns.add(new io.github.communitymetrics.core.event.Star(java.time.Instant.ofEpochSecond(span[1]), r, a));
    }
    java.util.HashMap<String, String> out = new java.util.HashMap<>();
    EventStore store = EventStore.of(standIns);
    for (int i = 0; i < store.size(); i++) {
      Event e = store.event(i);
      String value = keys.get(Integer.parseInt(e.actor().login().orElseThrow().substring(1)));
      // The first stand-in (earliest) decides, as documented above.
      out.putIfAbsent(
          value,
          (e.repo().id().isPresent() ? String.valueOf(e.repo().id().getAsLong()) : "") + "\t"
              + e.repo().fullName());
    }
    java.util.Map<String, java.util.Set<String>> idsByName = new java.util.HashMap<>();
    for (String value : java.util.List.copyOf(out.values())) {
      String[] f = value.split("\t", 2);
      idsByName.computeIfAbsent(f[1], n -> new java.util.HashSet<>()).add(f[0]);
    }
    idsByName.forEach((name, ids) -> {
      if (ids.size() > 1) {
        // Marks the name as held by several repositories (group names it with each one's id).
        out.put(name, "");
      }
    });
    return out;
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
        // One actor per encoding, so that Spark's distinct compares actors (equal actors
        // encode to equal bytes).
        out.add(StateCodecs.actors().encode(List.of(a)));
      }
      return out.iterator();
    }
  }
}
