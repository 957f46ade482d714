package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The store's actor and repository lists, views of its tables since issue 24, behave exactly as
 * the {@link List#of} copies they replace: same elements, equality and text, and the same outcome
 * (result or exception class) for every query and mutator, including those that would change
 * nothing.
 */
class TableListTest {

  /**
   * The outcome of {@code call}: its result, or the class of what it threw. Index errors count as
   * {@link IndexOutOfBoundsException}, as the {@link List} contract says: the JDK's own lists throw
   * its array subclass for one or two elements and not for more.
   */
  private static <L> Object outcome(L list, Function<L, Object> call) {
    try {
      return Optional.ofNullable(call.apply(list));
    } catch (IndexOutOfBoundsException e) {
      return IndexOutOfBoundsException.class;
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static <T> void assertBehavesAsListOf(List<T> list, T sample, T absent) {
    List<T> expected = List.copyOf(list);
    assertEquals(expected, list);
    assertEquals(expected.hashCode(), list.hashCode());
    assertEquals(expected.toString(), list.toString());
    List<Function<List<T>, Object>> calls = new ArrayList<>();
    calls.add(l -> l.size());
    calls.add(l -> l.isEmpty());
    calls.add(l -> l.contains(null));
    calls.add(l -> l.indexOf(null));
    calls.add(l -> l.lastIndexOf(null));
    calls.add(l -> l.contains(sample));
    calls.add(l -> l.indexOf(sample));
    calls.add(l -> l.lastIndexOf(sample));
    // Found by searching the table: absent values and other types are not elements.
    calls.add(l -> l.indexOf(absent));
    calls.add(l -> l.lastIndexOf(absent));
    calls.add(l -> l.contains(absent));
    calls.add(l -> l.indexOf("not an element"));
    calls.add(l -> l.contains(List.of()));
    calls.add(l -> l.containsAll(List.of(sample)));
    calls.add(l -> l.get(-1));
    calls.add(l -> l.get(l.size()));
    calls.add(l -> l.add(sample));
    calls.add(l -> l.addAll(List.of()));
    calls.add(l -> l.addAll(0, List.of()));
    calls.add(l -> { l.clear(); return null; });
    calls.add(l -> l.remove(sample));
    calls.add(l -> l.removeAll(List.of()));
    calls.add(l -> l.retainAll(l));
    calls.add(l -> l.removeIf(x -> false));
    calls.add(l -> { l.replaceAll(x -> x); return null; });
    calls.add(l -> { l.sort(null); return null; });
    calls.add(l -> l.isEmpty() ? null : l.set(0, l.get(0)));
    calls.add(l -> l.isEmpty() ? null : l.remove(0));
    calls.add(l -> {
      Iterator<T> it = l.iterator();
      if (it.hasNext()) {
        it.next();
        it.remove();
      }
      return null;
    });
    for (int k = 0; k < calls.size(); k++) {
      assertEquals(outcome(expected, calls.get(k)), outcome(list, calls.get(k)), "call " + k);
    }
  }

  @Test
  void actorAndRepositoryListsBehaveAsListOf() {
    Repository repo = Repository.github("octo/repo");
    List<Star> stars = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      stars.add(new Star(Instant.EPOCH.plusSeconds(k), repo, Actor.github("u" + k)));
    }
    EventStore store = EventStore.of(stars);
    Actor absentActor = Actor.github("u9");
    Repository absentRepo = Repository.github("octo/other");
    assertBehavesAsListOf(store.actors(), Actor.github("u3"), absentActor);
    assertBehavesAsListOf(store.repositories(), repo, absentRepo);
    EventStore empty = EventStore.of(List.of());
    assertBehavesAsListOf(empty.actors(), Actor.github("u3"), absentActor);
    assertBehavesAsListOf(empty.repositories(), repo, absentRepo);
  }
}
