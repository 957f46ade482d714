package io.github.communitymetrics.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds an unmodifiable {@link SortedMap} from entries added in ascending key order, in linear
 * time: {@link TreeMap#TreeMap(SortedMap)} builds its tree from an already sorted map without
 * comparing keys, which matters when there are thousands of keys with a costly natural order
 * (a {@link io.github.communitymetrics.core.event.Repository} compares forge, name and id).
 *
 * <p>{@link io.github.communitymetrics.core.metrics.EachRepository} produces its results in store
 * repository index order, which is the repositories' natural order, so it never needs to sort.
 *
 * @param <K> the key, naturally ordered
 * @param <V> the value
 */
public final class AscendingMap<K extends Comparable<? super K>, V> {
  private final List<Map.Entry<K, V>> entries = new ArrayList<>();

  /**
   * Adds an entry; its key must be greater than every key added before. The order is the
   * caller's guarantee, checked only with assertions enabled (as in the tests): comparing each
   * key would cost what this class saves.
   */
  public AscendingMap<K, V> put(K key, V value) {
    Checks.notNull(key, "key");
    Checks.notNull(value, "value");
    assert entries.isEmpty() || entries.get(entries.size() - 1).getKey().compareTo(key) < 0
        : "keys must ascend: " + key + " after " + entries.get(entries.size() - 1).getKey();
    entries.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
    return this;
  }

  /** The map of the entries added, unmodifiable. */
  public SortedMap<K, V> build() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(new Sorted<>(entries)));
  }

  /**
   * Just enough of a sorted map for {@link TreeMap#TreeMap(SortedMap)}: its comparator (natural
   * order), size and entries in order.
   */
  private static final class Sorted<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
    private final List<Map.Entry<K, V>> entries;

    Sorted(List<Map.Entry<K, V>> entries) {
      this.entries = entries;
    }

    @Override
    public Comparator<? super K> comparator() {
      return null;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
          return entries.iterator();
        }

        @Override
        public int size() {
          return entries.size();
        }
      };
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public K firstKey() {
      throw new UnsupportedOperationException();
    }

    @Override
    public K lastKey() {
      throw new UnsupportedOperationException();
    }
  }
}
