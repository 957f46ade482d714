package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.store.EventStore;
import java.util.List;
import java.util.Locale;

/**
 * Retained heap of a {@code List<Event>} and of the {@link EventStore} built from it, measured as
 * the growth of the heap used after full collections, and compared to {@link
 * EventStore#estimatedBytes()}. Run with a fixed heap and a stop-the-world collector for stable
 * numbers:
 *
 * <pre>
 * java -Xms12g -Xmx12g -XX:+UseParallelGC -cp metrics-benchmarks/target/benchmarks.jar \
 *     io.github.communitymetrics.benchmarks.MemoryFootprint 100000 1000000 10000000
 * </pre>
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  /**
   * Prints one line per size given as argument.
   *
   * @param args event counts
   */
  public static void main(String[] args) throws InterruptedException {
    System.out.println(
        "events, distinct, list bytes/event, store bytes/event, estimated bytes/event, ratio");
    for (String arg : args) {
      int n = Integer.parseInt(arg);
      long base = Harness.usedAfterGc();
      List<Event> events = BenchmarkEvents.generate(n, 42);
      long listBytes = Harness.usedAfterGc() - base;
      EventStore store = EventStore.of(events);
      events = null; // the store must not depend on the list: measure it alone
      long storeBytes = Harness.usedAfterGc() - base;
      long estimated = store.estimatedBytes();
      System.out.printf(
          Locale.ROOT,
          "%d, %d, %.1f, %.1f, %.1f, %.2f%n",
          n,
          store.size(),
          (double) listBytes / n,
          (double) storeBytes / store.size(),
          (double) estimated / store.size(),
          (double) listBytes / storeBytes);
      store = null;
    }
  }
}
