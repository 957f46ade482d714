package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import java.lang.management.ManagementFactory;

/**
 * The heap a {@code People.resolve} of a {@link GhArchiveActors} store keeps (issue 24): the heap
 * in use after full collections with the store only, then with the store and its {@code People},
 * then after {@link People#key} of every person (the keys, built on first use, are kept), in bytes
 * per actor. Full collections are asked for with {@code System.gc()}; with a fixed heap and the
 * parallel collector the figure is that of the objects (G1 counts in whole regions, about 12
 * bytes per actor more at a million actors).
 *
 * <p>{@code java -Xms4g -Xmx4g -XX:+UseParallelGC -cp metrics-benchmarks/target/benchmarks.jar
 * io.github.communitymetrics.benchmarks.PeopleRetainedHeap [actors]}
 */
public final class PeopleRetainedHeap {
  private PeopleRetainedHeap() {}

  /** Runs the measurement; argument: the number of actors (default 1000000). */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    EventStore store = EventStore.of(GhArchiveActors.events(GhArchiveActors.actors(n, 42), 43));
    int actors = store.actors().size();
    long without = usedAfterGc();
    People people = People.resolve(store);
    long with = usedAfterGc();
    long checksum = people.logins();
    long withLogins = usedAfterGc();
    for (int p = 0; p < people.size(); p++) {
      checksum += people.key(p).hashCode();
    }
    long withKeys = usedAfterGc();
    System.out.printf(
        "actors %,d, people %,d: heap in use %,d bytes with the store, %,d with its People (%.1f bytes per actor), %,d with the login numbers (%.1f bytes per actor), %,d after every key (%.1f bytes per actor)%s%n",
        actors, people.size(), without, with, (with - without) / (double) actors, withLogins,
        (withLogins - without) / (double) actors, withKeys,
        (withKeys - without) / (double) actors, checksum == 42 ? " " : "");
    // Keeps both reachable up to here.
    if (store.size() < 0 || people.size() < 0) {
      throw new AssertionError();
    }
  }

  private static long usedAfterGc() {
    for (int k = 0; k < 3; k++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
