package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: the store depends on the set of distinct events only, not on their order. */
class EventStoreOrderTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyPermutationGivesTheSameStore(long seed) {
    List<Event> events = RandomEvents.generate(seed, 400);
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));

    EventStore a = EventStore.of(events);
    EventStore b = EventStore.builder().addAll(shuffled).build();

    assertEquals(a.size(), b.size(), "seed " + seed);
    assertEquals(a.actors(), b.actors(), "seed " + seed);
    assertEquals(a.repositories(), b.repositories(), "seed " + seed);
    assertEquals(a.duplicatesDropped(), b.duplicatesDropped(), "seed " + seed);
    for (int i = 0; i < a.size(); i++) {
      String at = "seed " + seed + ", position " + i;
      assertEquals(a.event(i), b.event(i), at);
      assertEquals(a.actorIndex(i), b.actorIndex(i), at);
      assertEquals(a.repositoryIndex(i), b.repositoryIndex(i), at);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void keepsEachDistinctEventOnceInTimeOrder(long seed) {
    List<Event> events = RandomEvents.generate(seed, 400);
    Set<Event> distinct = new HashSet<>(events);
    EventStore store = EventStore.of(events);

    assertEquals(distinct.size(), store.size(), "seed " + seed);
    assertEquals(events.size() - distinct.size(), store.duplicatesDropped(), "seed " + seed);
    Set<Event> stored = new HashSet<>();
    store.forEach(stored::add);
    assertEquals(distinct, stored, "seed " + seed);
    for (int i = 1; i < store.size(); i++) {
      assertTrue(
          !store.instant(i).isBefore(store.instant(i - 1)),
          "seed " + seed + ": position " + i + " is before its predecessor");
    }
    // Interned lists: distinct, and in the order that indices promise.
    for (int k = 1; k < store.actors().size(); k++) {
      assertTrue(
          Canonical.ACTOR.compare(store.actors().get(k - 1), store.actors().get(k)) < 0,
          "seed " + seed + ": actors " + (k - 1) + ", " + k);
    }
    for (int k = 1; k < store.repositories().size(); k++) {
      assertTrue(
          Canonical.REPOSITORY.compare(
                  store.repositories().get(k - 1), store.repositories().get(k))
              < 0,
          "seed " + seed + ": repositories " + (k - 1) + ", " + k);
    }
  }

  /**
   * Bursts of comments and reviews that differ only in their ids (or lack one), with repeats: the
   * store keeps one per distinct id and orders them the same whatever the input order.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void eventsDifferingOnlyInTheirIdsAreKeptAndOrderedCanonically(long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    Actor actor = RandomEvents.actor(random.nextInt(15));
    Repository repo = RandomEvents.repository(random.nextInt(8));
    Instant at = RandomEvents.BASE.plusSeconds(random.nextInt(3));
    for (int i = 0; i < 200; i++) {
      OptionalLong id =
          random.nextInt(5) == 0 ? OptionalLong.empty() : OptionalLong.of(1 + random.nextInt(40));
      switch (random.nextInt(3)) {
        case 0:
          events.add(new ReviewComment(at, repo, actor, 7, Optional.empty(), id));
          break;
        case 1:
          events.add(new IssueComment(at, repo, actor, 7, true, Optional.empty(), id));
          break;
        default:
          events.add(
              new Review(
                  at, repo, actor, 7, ReviewState.COMMENTED, Optional.empty(), Optional.empty(),
                  id));
      }
    }
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(~seed));
    Set<Event> distinct = new HashSet<>(events);

    EventStore a = EventStore.of(events);
    EventStore b = EventStore.of(shuffled);
    assertEquals(distinct.size(), a.size(), "seed " + seed);
    assertEquals(events.size() - distinct.size(), a.duplicatesDropped(), "seed " + seed);
    assertEquals(a.stream().toList(), b.stream().toList(), "seed " + seed);
    assertEquals(distinct, new HashSet<>(a.stream().toList()), "seed " + seed);
    // Within a type, absent ids first, then ascending ids.
    for (int i = 1; i < a.size(); i++) {
      if (a.type(i) == a.type(i - 1)) {
        long previous = id(a.event(i - 1));
        long current = id(a.event(i));
        assertTrue(previous < current, "seed " + seed + ", position " + i);
      }
    }
  }

  /** The event's comment or review id, 0 when it has none. */
  private static long id(Event e) {
    if (e instanceof ReviewComment) {
      return ((ReviewComment) e).commentId().orElse(0);
    }
    if (e instanceof IssueComment) {
      return ((IssueComment) e).commentId().orElse(0);
    }
    return ((Review) e).reviewId().orElse(0);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void storingAgainGivesTheSameStore(long seed) {
    EventStore store = EventStore.of(RandomEvents.generate(seed, 300));
    List<Event> out = store.stream().toList();
    EventStore again = EventStore.of(out);
    assertEquals(0, again.duplicatesDropped(), "seed " + seed);
    assertEquals(out, again.stream().toList(), "seed " + seed);
  }
}
