package io.github.communitymetrics.core.internal;

/**
 * A hash map from {@code long} keys to values without boxing the keys: open addressing with
 * linear probing in two parallel arrays, for scans that look an entry up per event (the
 * responsiveness metric's items by repository and number). Keys should be spread over their
 * high bits (scramble them with an odd multiplier), since the slot is taken from those.
 *
 * <p>Not thread-safe; values must not be null.
 *
 * @param <V> the values
 */
public final class LongMap<V> {
  private long[] keys = new long[16];
  private Object[] values = new Object[16];
  private int size;

  /** A visitor of entries. */
  public interface Visitor<V> {
    /** Called once per entry. */
    void accept(long key, V value);
  }

  /** The number of entries. */
  public int size() {
    return size;
  }

  /** The value of {@code key}, or null when absent. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      Object v = values[slot];
      if (v == null) {
        return null;
      }
      if (keys[slot] == key) {
        return (V) v;
      }
    }
  }

  /** Maps {@code key} to {@code value}, replacing any value it had. */
  public void put(long key, V value) {
    Checks.notNull(value, "value");
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (values[slot] == null) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return;
      }
      if (keys[slot] == key) {
        values[slot] = value;
        return;
      }
    }
  }

  /** Visits every entry, in no particular order. */
  @SuppressWarnings("unchecked")
  public void forEach(Visitor<? super V> visitor) {
    for (int slot = 0; slot < keys.length; slot++) {
      if (values[slot] != null) {
        visitor.accept(keys[slot], (V) values[slot]);
      }
    }
  }

  private static int slot(long key, int mask) {
    int h = (int) (key ^ (key >>> 32));
    return (h ^ (h >>> 16)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        int slot = slot(oldKeys[i], mask);
        while (values[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  @Override
  public String toString() {
    return "LongMap[size=" + size + ", capacity=" + keys.length + "]";
  }
}
