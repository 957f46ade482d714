package io.github.communitymetrics.core.metrics.growth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Order statistics of the n(n - 1)/2 pairwise slopes (y[j] - y[i]) / (j - i), i &lt; j, of an
 * integer series at x = 0, 1, ..., n - 1, in O(n log n) time and O(n) memory per selection
 * (expected), without listing the slopes. Every comparison is exact (long arithmetic on the
 * slopes as fractions), so a selected slope is the fraction {@code Trend}'s quadratic sort would
 * pick, and its {@code double} is the same IEEE division.
 *
 * <p>The method is the dual-line one of slope selection (Cole, Salowy, Steiger and Szemeredi
 * 1989; the randomised form of Matousek 1991 and Dillencourt, Mount and Netanyahu 1992): point i
 * is the line L_i(t) = y[i] - t i. For i &lt; j the lines cross at t = slope(i, j), and line j is
 * below line i exactly for t at or above the slope. So the number of slopes at most t is the
 * number of inversions of the lines' order at t (a merge sort counts them), and the slopes in an
 * interval (lo, hi] are the pairs ordered differently at lo and at hi (the same merge sort lists
 * them). A selection narrows (lo, hi] around the wanted rank with slopes of random pairs until at
 * most a few n slopes remain, lists those and picks.
 */
final class PairwiseSlopes {

  /** The largest magnitude of a value: keeps q y - p x (q, x below 2^26) inside a long. */
  static final long MAX_VALUE = (1L << 31) - 1;

  /** The most values: x and a fraction's denominator stay below 2^26. */
  static final int MAX_LENGTH = 1 << 26;

  private final long[] y;
  private final int n;
  private final long pairs;
  // A fixed seed: the result does not depend on it (every step is exact), only the time does,
  // and a fixed seed makes that reproducible too.
  private final SplittableRandom random = new SplittableRandom(0x5EED5107E5L);
  private final int[] order;
  private final long[] key;
  private final int[] scratch;

  PairwiseSlopes(long[] y) {
    this.y = y;
    this.n = y.length;
    this.pairs = (long) n * (n - 1) / 2;
    this.order = new int[n];
    this.key = new long[n];
    this.scratch = new int[n];
  }

  /** The number of slopes. */
  long pairs() {
    return pairs;
  }

  /**
   * A bound of an interval of slopes: the fraction p/q (q &gt; 0; q = 0 is -infinity for p &lt; 0
   * and +infinity for p &gt; 0), taken just below it ({@code at} false: slopes strictly smaller
   * are at or below the bound) or at it ({@code at} true: slopes equal are too).
   */
  private record Bound(long p, long q, boolean at) {}

  private static final Bound MINUS_INFINITY = new Bound(-1, 0, true);
  private static final Bound PLUS_INFINITY = new Bound(1, 0, true);

  /** The number of slopes at most 0 ({@code at}) or below 0 (not {@code at}). */
  long countAtMostZero(boolean at) {
    return count(new Bound(0, 1, at));
  }

  /** The rank-th smallest slope (0-based), as a double. */
  double select(long rank) {
    if (rank < 0 || rank >= pairs) {
      throw new IllegalArgumentException("rank " + rank + " of " + pairs);
    }
    Bound lo = MINUS_INFINITY;
    long below = 0; // slopes at or below lo
    Bound hi = PLUS_INFINITY;
    long upTo = pairs; // slopes at or below hi: below <= rank < upTo
    long limit = Math.max(4L * n, 256);
    for (int round = 0; upTo - below > limit && round < 64; round++) {
      long[] sample = sample(lo, hi);
      if (sample.length == 0) {
        continue;
      }
      // Two candidates around where the rank should fall in the sample, a few standard errors
      // apart, so that the interval between them most likely holds the rank and is small.
      double where = (double) (rank - below) / (upTo - below) * sample.length;
      int spread = (int) Math.ceil(2 * Math.sqrt(sample.length)) + 1;
      int[] picks = {
        (int) Math.max(0, Math.min(sample.length - 1, (long) where - spread)),
        (int) Math.max(0, Math.min(sample.length - 1, (long) where + spread))
      };
      for (int pick : picks) {
        long p = numerator(sample[pick]);
        long q = denominator(sample[pick]);
        if (!inside(p, q, lo, hi)) {
          continue; // the other candidate already moved a bound past this one
        }
        long strictly = count(new Bound(p, q, false));
        long orEqual = count(new Bound(p, q, true));
        if (strictly <= rank && rank < orEqual) {
          return (double) p / q;
        }
        if (orEqual <= rank) {
          lo = new Bound(p, q, true);
          below = orEqual;
        } else {
          hi = new Bound(p, q, false);
          upTo = strictly;
        }
      }
    }
    long[] listed = between(lo, hi, upTo - below);
    sortFractions(listed);
    long f = listed[(int) (rank - below)];
    return (double) numerator(f) / denominator(f);
  }

  /** About n random pairs' slopes inside (lo, hi], as packed fractions. */
  private long[] sample(Bound lo, Bound hi) {
    long[] out = new long[n];
    int k = 0;
    for (int s = 0; s < n; s++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n);
      if (i == j) {
        continue;
      }
      int a = Math.min(i, j);
      int b = Math.max(i, j);
      long p = y[b] - y[a];
      long q = b - a;
      if (inside(p, q, lo, hi)) {
        out[k++] = pack(p, q);
      }
    }
    long[] sample = Arrays.copyOf(out, k);
    sortFractions(sample);
    return sample;
  }

  /** Whether p/q lies in the interval from lo to hi, each taken as its {@code at} says. */
  private static boolean inside(long p, long q, Bound lo, Bound hi) {
    int c = compare(p, q, lo.p(), lo.q());
    boolean aboveLo = c > 0 || (c == 0 && !lo.at());
    int d = compare(p, q, hi.p(), hi.q());
    boolean belowHi = d < 0 || (d == 0 && hi.at());
    return aboveLo && belowHi;
  }

  /** Compares p1/q1 with p2/q2 (q &gt;= 0; q = 0 is an infinity of p's sign). */
  private static int compare(long p1, long q1, long p2, long q2) {
    if (q1 == 0 && q2 == 0) {
      return Long.compare(Long.signum(p1), Long.signum(p2));
    }
    if (q1 == 0) {
      return p1 > 0 ? 1 : -1;
    }
    if (q2 == 0) {
      return p2 > 0 ? -1 : 1;
    }
    // |p| < 2^32 and q < 2^26: the products stay below 2^58.
    return Long.compare(p1 * q2, p2 * q1);
  }

  /** The lines' order at the bound: by y[i] q - p i, ties as the bound says. */
  private int[] orderAt(Bound b) {
    for (int i = 0; i < n; i++) {
      order[i] = i;
      key[i] = y[i] * b.q() - b.p() * i;
    }
    // At t (at): line j is at or below line i (i < j) when slope(i, j) <= t, so ties put the
    // larger index first; just below t, ties keep the smaller first.
    mergeSort(order, scratch, 0, n, b.at());
    return order.clone();
  }

  private void mergeSort(int[] a, int[] tmp, int from, int to, boolean largerFirst) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, largerFirst);
    mergeSort(a, tmp, mid, to, largerFirst);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      tmp[k++] = before(a[j], a[i], largerFirst) ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < to) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
  }

  private boolean before(int u, int v, boolean largerFirst) {
    int c = Long.compare(key[u], key[v]);
    return c != 0 ? c < 0 : largerFirst ? u > v : u < v;
  }

  /** The number of slopes at or below the bound: the inversions of the lines' order there. */
  private long count(Bound b) {
    int[] o = orderAt(b);
    return inversions(o, new int[n], 0, n, null);
  }

  /**
   * The slopes between lo and hi, packed: the pairs the two orders put differently. Positions in
   * lo's order are listed in hi's order, and each inversion of that sequence is such a pair.
   */
  private long[] between(Bound lo, Bound hi, long expected) {
    int[] atLo = orderAt(lo);
    int[] rank = new int[n];
    for (int k = 0; k < n; k++) {
      rank[atLo[k]] = k;
    }
    int[] atHi = orderAt(hi);
    int[] seq = new int[n];
    for (int k = 0; k < n; k++) {
      seq[k] = rank[atHi[k]];
    }
    long[] out = new long[Math.toIntExact(expected)];
    int[] filled = {0};
    inversions(seq, new int[n], 0, n, (u, v) -> {
      int a = Math.min(atLo[u], atLo[v]);
      int c = Math.max(atLo[u], atLo[v]);
      out[filled[0]++] = pack(y[c] - y[a], c - a);
    });
    if (filled[0] != out.length) {
      throw new IllegalStateException("listed " + filled[0] + " slopes, counted " + out.length);
    }
    return out;
  }

  private interface PairSink {
    void pair(int u, int v);
  }

  /** Sorts a[from, to) ascending, counting (and, with a sink, listing) its inversions. */
  private static long inversions(int[] a, int[] tmp, int from, int to, PairSink sink) {
    if (to - from < 2) {
      return 0;
    }
    int mid = (from + to) >>> 1;
    long count = inversions(a, tmp, from, mid, sink) + inversions(a, tmp, mid, to, sink);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (a[j] < a[i]) {
        count += mid - i;
        if (sink != null) {
          for (int r = i; r < mid; r++) {
            sink.pair(a[r], a[j]);
          }
        }
        tmp[k++] = a[j++];
      } else {
        tmp[k++] = a[i++];
      }
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < to) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
    return count;
  }

  // A fraction p/q packed in a long: q (below 2^26) in the low 26 bits, p (|p| < 2^32) above.
  private static long pack(long p, long q) {
    return (p << 26) | q;
  }

  private static long numerator(long packed) {
    return packed >> 26;
  }

  private static long denominator(long packed) {
    return packed & ((1L << 26) - 1);
  }

  /** Sorts packed fractions by value, exactly. */
  private static void sortFractions(long[] fractions) {
    Long[] boxed = new Long[fractions.length];
    for (int k = 0; k < fractions.length; k++) {
      boxed[k] = fractions[k];
    }
    Arrays.sort(boxed, (a, b) -> compare(numerator(a), denominator(a), numerator(b), denominator(b)));
    for (int k = 0; k < fractions.length; k++) {
      fractions[k] = boxed[k];
    }
  }
}
