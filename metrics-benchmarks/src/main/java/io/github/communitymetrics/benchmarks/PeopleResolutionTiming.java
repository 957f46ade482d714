package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A plain timing loop for {@code People.resolve} over {@link GhArchiveActors} stores, faster to
 * run than {@link PeopleResolutionBenchmark} and usable under a sampling profiler: per size, one
 * warm-up call and {@code rounds} measured ones; prints the median and the minimum in ns per
 * actor, the median CPU time of the thread per actor (less sensitive than wall time to other
 * processes on a shared machine, though not to their effect on caches), the bytes this thread
 * allocated per actor (median) and the load average.
 *
 * <p>{@code java -cp metrics-benchmarks/target/benchmarks.jar
 * io.github.communitymetrics.benchmarks.PeopleResolutionTiming [rounds] [actors...]}
 */
public final class PeopleResolutionTiming {
  private PeopleResolutionTiming() {}

  /** Runs the loop; arguments: rounds (default 7), then sizes (default 100000 1000000). */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int[] sizes = args.length > 1
        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {100_000, 1_000_000};
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int n : sizes) {
      EventStore store = EventStore.of(GhArchiveActors.events(GhArchiveActors.actors(n, 42), 43));
      int actors = store.actors().size();
      long[] nanos = new long[rounds];
      long[] bytes = new long[rounds];
      long[] cpu = new long[rounds];
      int people = 0;
      for (int r = -1; r < rounds; r++) {
        long b0 = threads.getCurrentThreadAllocatedBytes();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        People p = People.resolve(store);
        long dt = System.nanoTime() - t0;
        long dc = threads.getCurrentThreadCpuTime() - c0;
        long db = threads.getCurrentThreadAllocatedBytes() - b0;
        people = p.size();
        if (r >= 0) {
          nanos[r] = dt;
          bytes[r] = db;
          cpu[r] = dc;
        }
      }
      Arrays.sort(nanos);
      Arrays.sort(bytes);
      Arrays.sort(cpu);
      System.out.printf(
          "actors %,d (events %,d, people %,d): median %.1f ns/actor (%.1f ms), min %.1f ns/actor, median CPU time of the thread %.1f ns/actor, %.0f bytes/actor allocated, load %.2f%n",
          actors, store.size(), people, nanos[(rounds - 1) / 2] / (double) actors, nanos[(rounds - 1) / 2] / 1e6,
          nanos[0] / (double) actors, cpu[(rounds - 1) / 2] / (double) actors, bytes[(rounds - 1) / 2] / (double) actors,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
