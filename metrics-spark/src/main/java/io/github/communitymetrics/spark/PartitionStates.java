package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.state.StateCodecs;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The per-partition step: one {@link EventStore} per group of the partition's events, the people
 * of the whole input (resolved once per executor from the broadcast actors), then each metric's
 * {@code accumulate} on each group's store. The states are keyed by stable people keys, so
 * states of different partitions merge exactly.
 */
final class PartitionStates implements MapPartitionsFunction<SparkEvent, Partial> {
  private static final long serialVersionUID = 1L;

  /** The identities of the last broadcast this executor resolved, shared by its tasks. */
  private static final Object LOCK = new Object();

  private static long resolvedBroadcast = -1;
  /**
   * The bytes resolved: broadcast ids restart with every SparkContext, so an id alone can name
   * another context's broadcast (a JVM that runs several sessions one after another).
   */
  private static byte[] resolvedBytes;
  private static Identities resolved;

  private final MetricTable metrics;
  private final Grouping grouping;
  private final IdentityPolicy identities;
  private final Broadcast<byte[]> actors;
  /** Canonical repository names by {@link SparkScorer#key}: groups follow repository identity. */
  private final Broadcast<java.util.HashMap<String, String>> names;

  PartitionStates(
      MetricTable metrics,
      Grouping grouping,
      IdentityPolicy identities,
      Broadcast<byte[]> actors,
      Broadcast<java.util.HashMap<String, String>> names) {
    this.metrics = metrics;
    this.grouping = grouping;
    this.identities = identities;
    this.actors = actors;
    this.names = names;
  }

  @Override
  public Iterator<Partial> call(Iterator<SparkEvent> events) {
    // One store per group, not slices of one partition store: a metric's per-person and
    // per-repository arrays then grow with the group, so a partition of many small repositories
    // costs what its events cost, not groups x people of the partition.
    Map<String, EventStore.Builder> builders = new TreeMap<>();
    while (events.hasNext()) {
      Event e = SparkScorer.canonical(names.value(), events.next().event());
      builders.computeIfAbsent(SparkScorer.group(grouping, names.value(), e.repo()), g -> EventStore.builder()).add(e);
    }
    List<Partial> out = new ArrayList<>();
    if (builders.isEmpty()) {
      return out.iterator();
    }
    Identities all = identities();
    List<String> names = metrics.names();
    for (Map.Entry<String, EventStore.Builder> g : builders.entrySet()) {
      EventStore store = g.getValue().build();
      People people = People.of(store, all);
      for (String name : names) {
        SliceMetric<Object, Object> metric = metrics.metric(name, g.getKey());
        Object state = metric.accumulate(store, people);
        out.add(new Partial(g.getKey(), name, metric.stateCodec().encode(state)));
      }
    }
    return out.iterator();
  }

  private Identities identities() {
    synchronized (LOCK) {
      byte[] bytes = actors.value();
      if (resolved == null
          || resolvedBroadcast != actors.id()
          || (bytes != resolvedBytes && !java.util.Arrays.equals(bytes, resolvedBytes))) {
        List<Actor> all = StateCodecs.actors().decode(bytes);
        resolved = identities.resolve(all);
        resolvedBroadcast = actors.id();
        resolvedBytes = bytes;
      }
      return resolved;
    }
  }
}
