package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sorting the interned values of a store by their canonical order through numeric prefixes.
 *
 * <p>A store sorts every distinct actor and repository once ({@link Staging#prepare}). Sorting
 * the objects themselves costs several cache misses per comparison (the value, its strings, their
 * bytes), and on a GH Archive day (a million actors) that sort was an eighth of the whole {@code
 * score}. Here each value gets a key: a number whose order agrees with the canonical order
 * wherever the keys differ ({@code key(a) < key(b)} implies {@code a < b}). The keys are packed
 * with the values' positions into {@code long}s and sorted as numbers; only values with equal keys
 * are compared as objects. The result is exactly the comparator's stable sort.
 *
 * <p>A key spells the leading fields in a fixed number of bits: the forge as its rank among the
 * forges present, a bit for each optional field's presence (absent first), and strings as 7-bit
 * codes per character (0 for the end of the string, {@code c + 1} for a character below 126, and
 * 127 for any higher character, after which nothing more is spelled, since what follows would no
 * longer be comparable). Bits not spelled are 0: equal prefixes make equal keys.
 */
final class SortKeys {
  private SortKeys() {}

  /** A key of at most a given number of bits for each value. */
  interface Key<T> {
    /** The key of {@code value}: less than {@code 2^bits}, order-consistent as described above. */
    long of(T value, int bits);
  }

  /**
   * The positions of {@code values} in the stable order of {@code order}: element {@code k} is
   * the position of the {@code k}-th smallest value.
   */
  static <T> int[] sortedPositions(List<T> values, Comparator<? super T> order, Key<? super T> key) {
    return sortedByPosition(values, order, (i, bits) -> key.of(values.get(i), bits));
  }

  /** A key as {@link Key}'s, of the value at a position (found without fetching the value). */
  interface PositionKey {
    long of(int position, int bits);
  }

  /** As {@link #sortedPositions(List, Comparator, Key)}, with the keys by position. */
  static <T> int[] sortedByPosition(List<T> values, Comparator<? super T> order, PositionKey key) {
    int n = values.size();
    int[] positions = new int[n];
    if (n < 2) {
      return positions;
    }
    int indexBits = 64 - Long.numberOfLeadingZeros(n - 1);
    int keyBits = 63 - indexBits;
    long mask = (1L << indexBits) - 1;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = key.of(i, keyBits) << indexBits | i;
    }
    Arrays.sort(packed);
    Integer[] ties = null;
    Object[] tied = null;
    for (int start = 0; start < n; ) {
      long k = packed[start] >>> indexBits;
      int end = start + 1;
      while (end < n && packed[end] >>> indexBits == k) {
        end++;
      }
      for (int j = start; j < end; j++) {
        positions[j] = (int) (packed[j] & mask);
      }
      if (end - start > 1) {
        // Equal keys: the values decide, in a stable sort of the positions (ascending here), as
        // a stable sort of all positions would have left them.
        // Each tied value is fetched once: a staging's actors are rebuilt on every get, and
        // fetching two per comparison made 2 GB of garbage on a GH Archive-shaped day's build.
        int m = end - start;
        if (ties == null || ties.length < m) {
          ties = new Integer[Math.max(m, 16)];
          tied = new Object[Math.max(m, 16)];
        }
        for (int j = 0; j < m; j++) {
          ties[j] = j;
          tied[j] = values.get(positions[start + j]);
        }
        Object[] group = tied;
        @SuppressWarnings("unchecked")
        Comparator<Integer> byValue = (a, b) -> order.compare((T) group[a], (T) group[b]);
        Arrays.sort(ties, 0, m, byValue);
        int[] before = Arrays.copyOfRange(positions, start, end);
        for (int j = 0; j < m; j++) {
          positions[start + j] = before[ties[j]];
          tied[j] = null;
        }
      }
      start = end;
    }
    return positions;
  }

  /**
   * Keys of actors in their natural order: forge, then login, else id presence, then name. The
   * definition that {@link StagedActors#sortKeys}, which reads the same fields from its arrays,
   * agrees with.
   */
  static Key<Actor> actors(List<Actor> values) {
    Map<Forge, Integer> ranks = forgeRanks(values.stream().map(Actor::forge).toList());
    int forgeBits = bitsFor(ranks.size());
    return (a, bits) -> actor(new Bits(bits), ranks.get(a.forge()), forgeBits,
        a.login().orElse(null), a.id().isPresent(), a.name().orElse(null));
  }

  /** The key of an actor from its fields: forge rank, login, id presence and name or null. */
  static long actor(Bits b, int forgeRank, int forgeBits, String login, boolean hasId, String name) {
    b.put(forgeRank, forgeBits);
    if (b.flag(login != null)) {
      b.string(login);
    } else if (!b.flag(hasId) && b.flag(name != null)) {
      // No login and no id (a git identity): the name comes next in the natural order.
      b.string(name);
    }
    return b.value();
  }

  /** Keys of repositories in {@link Canonical#REPOSITORY}'s order: forge, then full name. */
  static Key<Repository> repositories(List<Repository> values) {
    Map<Forge, Integer> ranks = forgeRanks(values.stream().map(Repository::forge).toList());
    int forgeBits = bitsFor(ranks.size());
    return (r, bits) -> {
      Bits b = new Bits(bits);
      b.put(ranks.get(r.forge()), forgeBits);
      b.string(r.fullName());
      return b.value();
    };
  }

  /** Each distinct forge's rank in the forges' order. */
  static Map<Forge, Integer> forgeRanks(Collection<Forge> forges) {
    Map<Forge, Integer> ranks = new TreeMap<>();
    Forge last = null;
    for (Forge f : forges) {
      if (f != last) {
        ranks.put(f, 0);
        last = f;
      }
    }
    int r = 0;
    for (Map.Entry<Forge, Integer> e : ranks.entrySet()) {
      e.setValue(r++);
    }
    // A HashMap for the lookups: forges are few, but asked for once per value.
    return new java.util.HashMap<>(ranks);
  }

  /** Bits needed for the numbers 0 to {@code count - 1}. */
  static int bitsFor(int count) {
    return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
  }

  /**
   * Writes a key from its most significant bit down; once the bits run out, or after a character
   * that cannot be spelled, it writes nothing more.
   */
  static final class Bits {
    private long value;
    private int left;
    private boolean stopped;

    Bits(int bits) {
      this.left = bits;
    }

    /** Writes the {@code width} low bits of {@code v}, or as many of its high ones as fit. */
    void put(long v, int width) {
      if (stopped || width == 0) {
        return;
      }
      if (width > left) {
        v >>>= width - left;
        width = left;
        stopped = true;
      }
      value = value << width | v;
      left -= width;
    }

    /** Writes whether {@code o} is present (absent first) and says so. */
    boolean flag(Optional<?> o) {
      return flag(o.isPresent());
    }

    boolean flag(boolean present) {
      put(present ? 1 : 0, 1);
      return present && !stopped;
    }

    /** Writes {@code s} as 7-bit codes, then the end code. */
    void string(String s) {
      for (int i = 0; i < s.length() && !stopped; i++) {
        char c = s.charAt(i);
        if (c < 126) {
          put(c + 1, 7);
        } else {
          put(127, 7);
          stopped = true;
        }
      }
      put(0, 7);
    }

    /** The key: what was written, followed by zeros up to the width. */
    long value() {
      return left >= 64 ? 0 : value << left;
    }
  }
}
