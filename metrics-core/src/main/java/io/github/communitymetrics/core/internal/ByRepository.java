package io.github.communitymetrics.core.internal;

import java.util.Arrays;

/**
 * Entries collected during one column scan, each tagged with a store repository index, then
 * grouped by repository with a stable counting sort: the all-repositories forms of the metrics
 * collect {@code (repository, value[, time])} here instead of one map per repository, so the scan
 * allocates nothing per event (the arrays grow by doubling).
 *
 * <p>Not thread-safe; one instance per scan.
 */
public final class ByRepository {
  private final boolean withTimes;
  private int[] repos = new int[64];
  private int[] values = new int[64];
  private long[] times;
  private int size;

  /**
   * An empty collection.
   *
   * @param withTimes whether entries carry a {@code long} (a time) besides their {@code int}
   */
  public ByRepository(boolean withTimes) {
    this.withTimes = withTimes;
    this.times = withTimes ? new long[64] : null;
  }

  /** How many entries were added. */
  public int size() {
    return size;
  }

  /** Adds an entry without a time. */
  public void add(int repository, int value) {
    add(repository, value, 0);
  }

  /** Adds an entry; the time is kept only when the collection was made {@code withTimes}. */
  public void add(int repository, int value, long time) {
    if (size == repos.length) {
      int n = size * 2;
      repos = Arrays.copyOf(repos, n);
      values = Arrays.copyOf(values, n);
      if (withTimes) {
        times = Arrays.copyOf(times, n);
      }
    }
    repos[size] = repository;
    values[size] = value;
    if (withTimes) {
      times[size] = time;
    }
    size++;
  }

  /**
   * The entries grouped by repository, in the order they were added within each repository.
   *
   * @param repositoryCount the number of repository indices (every index added is below it)
   */
  public Groups group(int repositoryCount) {
    int[] start = new int[repositoryCount + 1];
    for (int k = 0; k < size; k++) {
      start[repos[k] + 1]++;
    }
    for (int r = 0; r < repositoryCount; r++) {
      start[r + 1] += start[r];
    }
    int[] next = Arrays.copyOf(start, repositoryCount);
    int[] v = new int[size];
    long[] t = withTimes ? new long[size] : null;
    for (int k = 0; k < size; k++) {
      int at = next[repos[k]]++;
      v[at] = values[k];
      if (withTimes) {
        t[at] = times[k];
      }
    }
    return new Groups(start, v, t);
  }

  /** Entries grouped by repository: those of repository {@code r} are at {@code [from(r), to(r))}. */
  public static final class Groups {
    private final int[] start;
    private final int[] values;
    private final long[] times;

    Groups(int[] start, int[] values, long[] times) {
      this.start = start;
      this.values = values;
      this.times = times;
    }

    /** The first position of repository {@code r}'s entries. */
    public int from(int r) {
      return start[r];
    }

    /** One past the last position of repository {@code r}'s entries. */
    public int to(int r) {
      return start[r + 1];
    }

    /** Whether repository {@code r} has no entry. */
    public boolean isEmpty(int r) {
      return start[r] == start[r + 1];
    }

    /** The value at position {@code k}. */
    public int value(int k) {
      return values[k];
    }

    /** The time at position {@code k} (0 unless collected {@code withTimes}). */
    public long time(int k) {
      return times == null ? 0 : times[k];
    }
  }
}
