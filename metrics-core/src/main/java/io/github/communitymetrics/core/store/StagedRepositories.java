package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.RandomAccess;

/**
 * The staging's repository values, interned in arrival order and held as arrays over a pool of
 * their names, as {@link StagedActors} holds the actors. A {@link Repository} record with its
 * {@link OptionalLong}, name string and bytes is four objects: a GH Archive-shaped day has
 * 440,000 repositories, all held through the reading, where each full collection marked them
 * (docs/performance.md, "Garbage while reading, building and resolving people"). {@link #values}
 * rebuilds a repository equal to the one interned; {@link #intern} compares a candidate with the
 * arrays in place.
 */
final class StagedRepositories extends ArrayInterner<Repository> {
  private final StringPool names = new StringPool();
  private final List<Forge> forges = new ArrayList<>();
  private int[] forgeOf = new int[16];
  private int[] nameOf = new int[16];
  private long[] ids = new long[16];
  private long[] hasId = new long[1];
  /** The values so far, rebuilt when asked for, in arrival order. */
  final List<Repository> values = new View();

  /** Value {@code k}, rebuilt: equal to the one interned. */
  Repository get(int k) {
    Objects.checkIndex(k, size);
    return new Repository(
        forges.get(forgeOf[k]), names.get(nameOf[k]), hasId(k) ? OptionalLong.of(ids[k]) : OptionalLong.empty());
  }

  private boolean hasId(int k) {
    return (hasId[k >>> 6] & (1L << k)) != 0;
  }

  @Override
  void add(int k, Repository value) {
    if (k == forgeOf.length) {
      int n = k + (k >> 1);
      forgeOf = Arrays.copyOf(forgeOf, n);
      nameOf = Arrays.copyOf(nameOf, n);
      ids = Arrays.copyOf(ids, n);
      hasId = Arrays.copyOf(hasId, (n + 63) >>> 6);
    }
    int forge = forges.indexOf(value.forge());
    if (forge < 0) {
      forge = forges.size();
      forges.add(value.forge());
    }
    forgeOf[k] = forge;
    nameOf[k] = names.append(value.fullName());
    if (value.id().isPresent()) {
      ids[k] = value.id().getAsLong();
      hasId[k >>> 6] |= 1L << k;
    }
  }

  @Override
  boolean matches(int k, Repository value) {
    if (!forges.get(forgeOf[k]).equals(value.forge())) {
      return false;
    }
    if (value.id().isPresent() ? !hasId(k) || ids[k] != value.id().getAsLong() : hasId(k)) {
      return false;
    }
    return names.compare(nameOf[k], value.fullName()) == 0;
  }

  /** {@link #values}: in arrival order, each rebuilt when asked for. */
  private final class View extends AbstractList<Repository> implements RandomAccess {
    @Override
    public Repository get(int k) {
      return StagedRepositories.this.get(k);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
