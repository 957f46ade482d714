package io.github.communitymetrics.cli.engine;

import io.github.communitymetrics.core.registry.Measurement;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * One scored repository or owner.
 *
 * @param name the repository's full name ({@code OWNER/NAME}) or the owner's login
 * @param events how many events of the input belong to it (all of them, not only the window's)
 * @param byMetric each metric's measurements by metric id, in the request's metric order
 */
public record ScoredGroup(String name, long events, Map<String, List<Measurement>> byMetric) {
  /** Checks and copies the fields, keeping the metric order. */
  public ScoredGroup {
    Objects.requireNonNull(name, "name");
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative but was " + events);
    }
    byMetric = new Ordered(byMetric);
  }

  /**
   * An unmodifiable copy of a few metrics' measurements, in the given order: two arrays. A copy
   * into a {@code LinkedHashMap} took about 250 bytes a row; a day of GH Archive has half a
   * million rows.
   */
  private static final class Ordered extends AbstractMap<String, List<Measurement>> {
    /**
     * The ids of the last row made: the rows of one command have the same ids, so they share one
     * array (never changed once made, so safe to share between threads).
     */
    private static volatile String[] lastIds = new String[0];

    private final String[] ids;
    private final List<?>[] values;

    Ordered(Map<String, List<Measurement>> byMetric) {
      String[] given = new String[byMetric.size()];
      values = new List<?>[given.length];
      int i = 0;
      for (Map.Entry<String, List<Measurement>> e : byMetric.entrySet()) {
        given[i] = Objects.requireNonNull(e.getKey(), "metric id");
        values[i++] = List.copyOf(e.getValue());
      }
      String[] last = lastIds;
      if (java.util.Arrays.equals(last, given)) {
        ids = last;
      } else {
        ids = given;
        lastIds = given;
      }
    }

    @Override
    public List<Measurement> get(Object key) {
      for (int i = 0; i < ids.length; i++) {
        if (ids[i].equals(key)) {
          return value(i);
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return ids.length;
    }

    @SuppressWarnings("unchecked")
    private List<Measurement> value(int i) {
      return (List<Measurement>) values[i];
    }

    @Override
    public Set<Map.Entry<String, List<Measurement>>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, List<Measurement>>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < ids.length;
            }

            @Override
            public Map.Entry<String, List<Measurement>> next() {
              if (next >= ids.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(ids[i], value(i));
            }
          };
        }

        @Override
        public int size() {
          return ids.length;
        }
      };
    }
  }

  /**
   * The name of a repository's group: its full name, or, when another repository held the same
   * name (one deleted, another created under it: two ids), {@code owner/name (id N)}, or {@code
   * owner/name (no id)}. Every engine names its rows by this one rule.
   *
   * @param nameShared whether another repository of the input has the same full name
   */
  public static String nameOf(io.github.communitymetrics.core.event.Repository repository, boolean nameShared) {
    String name = repository.fullName();
    if (!nameShared) {
      return name;
    }
    return name + (repository.id().isPresent() ? " (id " + repository.id().getAsLong() + ")" : " (no id)");
  }
}
