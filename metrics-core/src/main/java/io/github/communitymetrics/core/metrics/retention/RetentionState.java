package io.github.communitymetrics.core.metrics.retention;

import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable state of {@link Retention}: each person's contribution instants (epoch seconds,
 * sorted, one entry per contribution), keyed by the person's key. Merging two disjoint slices
 * merges each person's instants, so the merged state is exactly the state of the union.
 */
public final class RetentionState {
  /**
   * Layout: per person key the ascending contribution instants (the first in epoch seconds, the
   * others as gaps), then the unattributed merges.
   */
  static final BinaryStateCodec<RetentionState> CODEC =
      BinaryStateCodec.of(
          "retention",
          1,
          (s, out) ->
              out.map(s.times, StateWriter.ACTORS, StateWriter::actor, StateWriter::ascending)
                  .varlong(s.unattributedMerges),
          in -> new RetentionState(in.map("people", in::actor, a -> in.ascending()), in.varlong()));

  private final Map<Actor, long[]> times;
  private final long unattributedMerges;

  RetentionState(Map<Actor, long[]> times, long unattributedMerges) {
    this.times = Collections.unmodifiableMap(new TreeMap<>(times));
    this.unattributedMerges = unattributedMerges;
  }

  /** The number of people with a counted contribution. */
  public int people() {
    return times.size();
  }

  /**
   * Merged pull requests left out because the source did not name their author (only when merges
   * are a counted contribution type).
   */
  public long unattributedMerges() {
    return unattributedMerges;
  }

  /** The sorted contribution instants of each person, read-only (the arrays are not copied). */
  Map<Actor, long[]> times() {
    return times;
  }

  /** The state of the union of the slices of {@code this} and {@code other}. */
  RetentionState merge(RetentionState other) {
    Checks.notNull(other, "other");
    Map<Actor, long[]> m = new TreeMap<>(times);
    for (Map.Entry<Actor, long[]> e : other.times.entrySet()) {
      m.merge(e.getKey(), e.getValue(), RetentionState::mergeSorted);
    }
    return new RetentionState(m, unattributedMerges + other.unattributedMerges);
  }

  private static long[] mergeSorted(long[] a, long[] b) {
    long[] r = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      r[k++] = a[i] <= b[j] ? a[i++] : b[j++];
    }
    while (i < a.length) {
      r[k++] = a[i++];
    }
    while (j < b.length) {
      r[k++] = b[j++];
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetentionState)) {
      return false;
    }
    RetentionState s = (RetentionState) o;
    if (unattributedMerges != s.unattributedMerges || !times.keySet().equals(s.times.keySet())) {
      return false;
    }
    for (Map.Entry<Actor, long[]> e : times.entrySet()) {
      if (!Arrays.equals(e.getValue(), s.times.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(unattributedMerges);
    for (Map.Entry<Actor, long[]> e : times.entrySet()) {
      h = 31 * h + e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return h;
  }

  @Override
  public String toString() {
    return "RetentionState[people=" + times.size() + ", unattributedMerges=" + unattributedMerges + "]";
  }
}
