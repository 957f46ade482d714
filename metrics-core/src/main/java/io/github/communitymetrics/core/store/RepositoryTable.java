package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.util.List;
import java.util.OptionalLong;

/**
 * A store's interned repositories, in canonical order, held as arrays: the forge as a byte
 * ({@link ForgeCodes}), the full name as an index into the store's {@link StringPool}, the id in
 * a {@code long[]} for the repositories that have one ({@link RankBits}). 5 bytes per repository,
 * 8 more with an id, plus its name in the pool (its bytes and a 4-byte offset), against about 90
 * plus the name for a {@link Repository} record with its {@link String} and {@link OptionalLong}.
 *
 * <p>{@link #get} rebuilds the value, equal to the one interned, through a small cache ({@link
 * Recent}): the events of one repository ask for the same repository in a row, and so does
 * scoring every repository in turn. Searches ({@link #compare}, {@link #equalsAt}) compare the
 * arrays with the value asked for, without rebuilding.
 */
final class RepositoryTable {
  private final StringPool strings;
  private final ForgeCodes forges;
  private final int[] names;
  private final RankBits idBits;
  private final long[] ids;
  private final Recent<Repository> recent;
  /** The table as a list: one instance, so that comparing a store's list with itself is quick. */
  final List<Repository> list;

  /** The table of {@code table} (in canonical order), its names added to {@code strings}. */
  RepositoryTable(Repository[] table, StringPool strings) {
    int n = table.length;
    this.strings = strings;
    forges = new ForgeCodes(n, r -> table[r].forge());
    names = new int[n];
    long[] words = new long[(n + 63) >>> 6];
    for (int r = 0; r < n; r++) {
      names[r] = strings.add(table[r].fullName());
      if (table[r].id().isPresent()) {
        words[r >>> 6] |= 1L << r;
      }
    }
    idBits = RankBits.ofWords(words);
    ids = new long[idBits.count()];
    for (int r = 0; r < n; r++) {
      if (table[r].id().isPresent()) {
        ids[idBits.rank(r)] = table[r].id().getAsLong();
      }
    }
    recent = new Recent<>(n, 256, this::build);
    list = new TableList<>(n, recent::get, o -> o instanceof Repository q ? binarySearch(q) : -1);
  }

  /** How many repositories. */
  int size() {
    return names.length;
  }

  /**
   * Repository {@code r}, equal to the one interned.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= r < size()}
   */
  Repository get(int r) {
    return recent.get(java.util.Objects.checkIndex(r, names.length));
  }

  private Repository build(int r) {
    OptionalLong id = idBits.get(r) ? OptionalLong.of(ids[idBits.rank(r)]) : OptionalLong.empty();
    return new Repository(forges.get(r), strings.get(names[r]), id);
  }

  /**
   * The sign of {@code Canonical.REPOSITORY.compare(get(r), q)}, without rebuilding repository
   * {@code r}: forge, full name, then id (absent first).
   */
  int compare(int r, Repository q) {
    Forge f = forges.get(r);
    int c = f == q.forge() ? 0 : f.compareTo(q.forge());
    if (c == 0) {
      c = strings.compare(names[r], q.fullName());
    }
    if (c != 0) {
      return c;
    }
    boolean has = idBits.get(r);
    if (has != q.id().isPresent()) {
      return has ? 1 : -1;
    }
    return has ? Long.compare(ids[idBits.rank(r)], q.id().getAsLong()) : 0;
  }

  /** Whether repository {@code r} equals {@code q}. */
  boolean equalsAt(int r, Repository q) {
    return compare(r, q) == 0;
  }

  /** The index of {@code q} by binary search, or a negative number when absent. */
  int binarySearch(Repository q) {
    return Canonical.binarySearch(names.length, r -> compare(r, q));
  }

  /** The estimated bytes of the table's arrays and cache; the names are the pool's. */
  long estimatedBytes() {
    return Sizes.object(24) + forges.estimatedBytes() + Sizes.array(names.length, 4)
        + idBits.estimatedBytes() + Sizes.array(ids.length, 8) + recent.estimatedBytes()
        + Sizes.object(12);
  }
}
