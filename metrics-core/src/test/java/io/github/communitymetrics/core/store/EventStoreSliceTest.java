package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventStoreSliceTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Repository A = Repository.github("o/a");
  private static final Repository B = Repository.github("o/b");
  private static final Repository C = Repository.github("o/c");
  private static final Actor X = Actor.github("x");

  private static Star star(Instant at, Repository repo) {
    return new Star(at, repo, X);
  }

  private static List<Event> events(EventStore store) {
    return store.stream().collect(Collectors.toList());
  }

  private final Star a0 = star(T0, A);
  private final Star b10 = star(T0.plusSeconds(10), B);
  private final Star a10half = star(T0.plusSeconds(10).plusMillis(500), A);
  private final Star c20 = star(T0.plusSeconds(20), C);
  private final Star a30 = star(T0.plusSeconds(30), A);
  private final EventStore store = EventStore.of(List.of(a30, c20, a10half, b10, a0));

  @Test
  void windowIncludesItsStartAndExcludesItsEnd() {
    EventStore s = store.slice(Window.of(T0.plusSeconds(10), T0.plusSeconds(30)));
    assertEquals(List.of(b10, a10half, c20), events(s));
    assertEquals(
        List.of(a10half),
        events(store.slice(Window.of(T0.plusSeconds(10).plusNanos(1), T0.plusSeconds(20)))));
    assertEquals(
        List.of(b10),
        events(store.slice(Window.of(T0.plusSeconds(10), T0.plusSeconds(10).plusMillis(500)))));
  }

  @Test
  void windowsWithoutEventsGiveEmptySlices() {
    assertTrue(store.slice(Window.of(T0.plusSeconds(10), T0.plusSeconds(10))).isEmpty());
    assertTrue(store.slice(Window.of(T0.minusSeconds(5), T0)).isEmpty());
    assertTrue(store.slice(Window.of(T0.plusSeconds(31), T0.plusSeconds(99))).isEmpty());
    assertTrue(store.slice(Window.of(T0.plusSeconds(11), T0.plusSeconds(20))).isEmpty());
    assertEquals(events(store), events(store.slice(Window.ALL)));
  }

  @Test
  void repositorySlicesAndTheirCompositions() {
    assertEquals(List.of(a0, a10half, a30), events(store.slice(A)));
    assertEquals(List.of(c20), events(store.slice(C)));
    assertTrue(store.slice(Repository.github("o/none")).isEmpty());
    Window middle = Window.of(T0.plusSeconds(10), T0.plusSeconds(30));
    assertEquals(List.of(a10half), events(store.slice(A).slice(middle)));
    assertEquals(List.of(a10half), events(store.slice(middle).slice(A)));
    assertTrue(store.slice(middle).slice(A).slice(C).isEmpty());
    assertEquals(List.of(a10half), events(store.slice(A).slice(A).slice(middle)));
    assertEquals(List.of(a0, b10, a10half, a30), events(store.slice(List.of(A, B))));
    assertEquals(
        List.of(b10, a10half), events(store.slice(List.of(B, A, Repository.github("o/no")))
            .slice(middle)));
    assertEquals(List.of(b10), events(store.slice(List.of(A, B)).slice(B)));
    assertEquals(List.of(c20), events(store.slice(List.of(A, C)).slice(middle).slice(C)));
    assertTrue(store.slice(List.of()).isEmpty());
    assertEquals(List.of(c20), events(store.slice(Set.of(C))));
    assertEquals(
        Window.of(T0, T0.plusSeconds(30).plusNanos(1)), store.slice(A).timeSpan().orElseThrow());
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40).map(i -> i * 0xBF58476D1CE4E5B9L);
  }

  /** Property: every chain of slices holds exactly the store's events that match all filters. */
  @ParameterizedTest
  @MethodSource("seeds")
  void slicesAreFilters(long seed) {
    Random random = new Random(seed);
    EventStore whole = EventStore.of(RandomEvents.generate(seed, 500));
    List<Event> all = events(whole);
    EventStore slice = whole;
    Predicate<Event> filter = e -> true;
    StringBuilder chain = new StringBuilder("seed " + seed + ": store");
    for (int step = 0; step < 4; step++) {
      switch (random.nextInt(3)) {
        case 0:
          Instant s = RandomEvents.BASE.plusSeconds(random.nextInt(130) - 5);
          if (random.nextBoolean()) {
            s = s.plusNanos(random.nextInt(1_000_000_000));
          }
          Window w = Window.of(s, s.plusSeconds(random.nextInt(80)).plusNanos(random.nextInt(9)));
          slice = slice.slice(w);
          filter = filter.and(e -> w.contains(e.at()));
          chain.append(".slice(").append(w).append(')');
          break;
        case 1:
          Repository r = RandomEvents.repository(random.nextInt(9));
          slice = slice.slice(r);
          filter = filter.and(e -> e.repo().equals(r));
          chain.append(".slice(").append(r).append(')');
          break;
        default:
          Set<Repository> rs =
              Set.of(RandomEvents.repository(random.nextInt(4)),
                  RandomEvents.repository(4 + random.nextInt(5)));
          slice = slice.slice(rs);
          filter = filter.and(e -> rs.contains(e.repo()));
          chain.append(".slice(").append(rs).append(')');
          break;
      }
      List<Event> expected = all.stream().filter(filter).collect(Collectors.toList());
      assertEquals(expected, events(slice), chain.toString());
      for (int i = 0; i < slice.size(); i++) {
        assertEquals(expected.get(i).type(), slice.type(i), chain + " at " + i);
        assertEquals(
            expected.get(i).actor(), slice.actor(slice.actorIndex(i)), chain + " at " + i);
      }
      assertEquals(
          expected.stream().filter(e -> e.type() == EventType.STAR).count(),
          slice.countByType().get(EventType.STAR),
          chain.toString());
    }
  }
}
