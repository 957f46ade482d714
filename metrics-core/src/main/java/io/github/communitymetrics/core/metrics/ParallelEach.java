package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.internal.AscendingMap;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Computes a value per key on several threads with the result of one thread: the keys are handed
 * out in order, one at a time, to the calling thread and {@code threads - 1} others; each value is
 * kept at its key's position, and the map is built in key order once all are done. A failure stops
 * the handing out of later keys; the keys before it (all already handed out) are finished, and the
 * failure of the first failing key is thrown, as on one thread.
 */
final class ParallelEach {
  private ParallelEach() {}

  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  /**
   * The value of each key.
   *
   * @param keys ascending
   * @param computeOne the value of a key; called from several threads at once
   * @param progress hears {@code (0, n)} first, then {@code (k, n)} after each key, k increasing,
   *     one call at a time
   * @param threads at least 2
   * @param check applied to each key and value before it is kept (it may throw)
   */
  static <K extends Comparable<? super K>, R> SortedMap<K, R> compute(
      List<K> keys,
      Function<? super K, ? extends R> computeOne,
      ProgressListener progress,
      int threads,
      BiFunction<? super K, ? super R, ? extends R> check) {
    int n = keys.size();
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    // No key at or after this position is started: the first failing position so far.
    AtomicInteger stop = new AtomicInteger(n);
    Object progressLock = new Object();
    long[] done = {0};
    progress.progressed(0, n);
    Runnable work =
        () -> {
          for (int i = next.getAndIncrement(); i < stop.get(); i = next.getAndIncrement()) {
            K key = keys.get(i);
            try {
              results[i] = check.apply(key, computeOne.apply(key));
              synchronized (progressLock) {
                progress.progressed(++done[0], n);
              }
            } catch (RuntimeException | Error e) {
              failures[i] = e;
              stop.accumulateAndGet(i, Math::min);
            }
          }
        };
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, n) - 1,
            r -> {
              Thread t = new Thread(r, "each-repository-" + THREAD_NUMBER.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> others = new ArrayList<>();
      for (int t = 1; t < Math.min(threads, n); t++) {
        others.add(pool.submit(work));
      }
      work.run();
      for (Future<?> f : others) {
        f.get(); // the work catches what the metrics throw: this returns once the thread is done
      }
    } catch (InterruptedException e) {
      stop.set(0);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while computing each repository");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker failed outside a metric", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < n; i++) {
      if (failures[i] instanceof RuntimeException r) {
        throw r;
      }
      if (failures[i] instanceof Error err) {
        throw err;
      }
    }
    AscendingMap<K, R> out = new AscendingMap<>();
    for (int i = 0; i < n; i++) {
      @SuppressWarnings("unchecked")
      R r = (R) results[i];
      out.put(keys.get(i), r);
    }
    return out.build();
  }
}
