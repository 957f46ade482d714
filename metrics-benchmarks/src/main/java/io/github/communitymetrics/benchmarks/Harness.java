package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.store.EventStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the plain timing harnesses (peer comparison, scaling suite, memory footprint) share:
 * alternating rounds with a dropped warm-up round, medians, the heap used after full collections
 * and the column scan that bounds scoring.
 */
public final class Harness {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Harness() {}

  /** A measured task; it returns something (never null) so that its work cannot be dropped. */
  public interface Task {
    /** Does the work once. */
    Object run() throws Exception;
  }

  /**
   * Runs every task once per round, in the map's order, after one warm-up round that is not
   * recorded.
   *
   * @return the nanoseconds of each task in each recorded round, in the tasks' order
   * @throws IllegalStateException if a task returns null
   */
  public static Map<String, long[]> run(Map<String, Task> tasks, int rounds) throws Exception {
    Map<String, long[]> nanos = new LinkedHashMap<>();
    tasks.keySet().forEach(k -> nanos.put(k, new long[rounds]));
    for (int r = -1; r < rounds; r++) { // round -1 warms up and is dropped
      for (Map.Entry<String, Task> t : tasks.entrySet()) {
        long start = System.nanoTime();
        Object sink = t.getValue().run();
        long dt = System.nanoTime() - start;
        if (sink == null) {
          throw new IllegalStateException(t.getKey());
        }
        if (r >= 0) {
          nanos.get(t.getKey())[r] = dt;
        }
      }
    }
    return nanos;
  }

  /** The median in milliseconds; with an even number of values the lower median. */
  public static double medianMs(long[] nanos) {
    long[] c = nanos.clone();
    Arrays.sort(c);
    return c[(c.length - 1) / 2] / 1e6;
  }

  /** The heap in use after full collections: the least of four tries, 100 ms apart. */
  public static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** One sequential pass over the columns the metrics read most: the scoring limit. */
  public static long columnScan(EventStore store) {
    long h = 0;
    for (int i = 0, n = store.size(); i < n; i++) {
      h += store.type(i).ordinal() + store.actorIndex(i) + store.repositoryIndex(i) + store.epochSecond(i);
    }
    return h;
  }
}
