package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaming ingestion (issue 24): a builder encodes each event when it is added and keeps no
 * event object, and what it builds does not depend on how the events were fed to it.
 */
class EventStoreStreamingTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  /**
   * The builder holds no added event: once the caller drops them, every event object can be
   * collected (a list-backed builder keeps them all until the store is built).
   */
  @Test
  void builderKeepsNoEventObject() {
    EventStore.Builder builder = EventStore.builder();
    List<WeakReference<Event>> added = new ArrayList<>();
    Actor actor = Actor.github("alice");
    Repository repo = Repository.github("o/r");
    for (int i = 0; i < 1000; i++) {
      Event e = new Star(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), repo, actor);
      builder.add(e);
      added.add(new WeakReference<>(e));
    }
    long alive = added.size();
    for (int attempt = 0; attempt < 20 && alive > 0; attempt++) {
      System.gc();
      alive = added.stream().filter(r -> r.get() != null).count();
    }
    assertEquals(0, alive, "event objects still reachable from the builder");
    assertEquals(1000, builder.build().size());
  }

  /**
   * Building along the way changes nothing: a builder built after each part of the events gives
   * at each step the store of all events so far, and at the end the store of all of them, equal
   * to one built in another order (events span several staging chunks; for some seeds renamed
   * and re-created repositories whose forks and pull requests' heads are named after the names
   * they were given with).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void buildingAlongTheWayEqualsBuildingOnce(long seed) {
    Random random = new Random(seed);
    // Half the seeds without renamed repositories: the staging then frees its columns one by one
    // while the store is built; the other half with them, where it keeps them to the end.
    List<Event> events = new ArrayList<>(RandomEvents.generate(seed, 400));
    int more = Staging.CHUNK + 1 + random.nextInt(Staging.CHUNK);
    events.addAll(
        random.nextBoolean() ? renamedForks(random, more) : RandomEvents.generate(seed + 1, more));
    Collections.shuffle(events, random);
    int parts = 1 + random.nextInt(4);
    EventStore.Builder builder = EventStore.builder();
    int from = 0;
    for (int part = 1; part <= parts; part++) {
      int to = part == parts ? events.size() : random.nextInt(from, events.size() + 1);
      builder.addAll(events.subList(from, to));
      from = to;
      List<Event> soFar = new ArrayList<>(events.subList(0, to));
      Collections.shuffle(soFar, random);
      assertSameStore(EventStore.of(soFar), builder.build(), "seed " + seed + ", part " + part);
    }
  }

  /**
   * Forks of, and pull requests to, repositories renamed along the way (with id: the store reports the latest name)
   * and of names held by two ids in turn (events without id go by time), named as GitHub names
   * forks after the name at the time, so a fork name derived from the given repository is not
   * derived from the store's.
   */
  private static List<Event> renamedForks(Random random, int n) {
    List<Event> out = new ArrayList<>(n);
    Instant base = Instant.parse("2024-03-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(40);
      Instant at = base.plusSeconds(random.nextInt(3600));
      Repository repo;
      switch (random.nextInt(3)) {
        case 0 ->
            repo = new Repository(
                io.github.communitymetrics.core.event.Forge.GITHUB,
                "org/old" + k,
                OptionalLong.of(5000 + k));
        case 1 ->
            repo = new Repository(
                io.github.communitymetrics.core.event.Forge.GITHUB,
                "org/new" + k,
                OptionalLong.of(5000 + k));
        default -> repo = Repository.github("org/old" + k);
      }
      Actor actor = Actor.github("forker" + random.nextInt(200));
      String name = repo.fullName().substring(4);
      Optional<String> forkName =
          random.nextInt(4) == 0
              ? Optional.empty()
              : Optional.of(actor.login().orElseThrow() + "/" + (random.nextBoolean() ? name : "x" + k));
      if (random.nextInt(3) == 0) {
        // A pull request from a branch of the repository itself, or from the author's fork named
        // after it: the store derives both heads from the repository's name.
        Optional<String> head =
            Optional.of(random.nextBoolean() ? repo.fullName() : actor.login().orElseThrow() + "/" + name);
        out.add(new PullRequestOpened(at, repo, actor, 1 + random.nextInt(3), false,
            Optional.of("main"), Optional.empty(), List.of(), head, List.of()));
      } else {
        out.add(new Fork(at, repo, actor, forkName));
      }
    }
    return out;
  }

  static void assertSameStore(EventStore expected, EventStore actual, String where) {
    assertEquals(expected.size(), actual.size(), where);
    assertEquals(expected.duplicatesDropped(), actual.duplicatesDropped(), where);
    assertEquals(expected.actors(), actual.actors(), where);
    assertEquals(expected.repositories(), actual.repositories(), where);
    for (int i = 0; i < expected.size(); i++) {
      String at = where + ", position " + i;
      assertEquals(expected.event(i), actual.event(i), at);
      assertEquals(expected.actorIndex(i), actual.actorIndex(i), at);
      assertEquals(expected.repositoryIndex(i), actual.repositoryIndex(i), at);
      assertEquals(expected.secondActorIndex(i), actual.secondActorIndex(i), at);
    }
  }

  /**
   * A builder with several threads builds the store one thread builds, event for event (events
   * enough for the threads to share the ordering, shuffled, a tenth of them duplicates).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {0x9E3779B97F4A7C15L, 20261207L})
  void theThreadsOfTheBuildDoNotChangeTheStore(long seed) {
    List<Event> events = new ArrayList<>(RandomEvents.generate(seed, 2 * Staging.PARALLEL_SETTLE_MIN + 8_000));
    Collections.shuffle(events, new Random(seed));
    List<Event> one = null;
    for (int threads = 1; threads <= 4; threads++) {
      EventStore.Builder builder = EventStore.builder().threads(threads);
      events.forEach(builder::add);
      List<Event> built = builder.build().stream().toList();
      if (one == null) {
        one = built;
      } else {
        assertEquals(one, built, "seed " + seed + ", threads " + threads);
      }
    }
    assertEquals(events.stream().distinct().count(), one.size(), "seed " + seed);
  }

  @Test
  void threadsAreAtLeastOne() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> EventStore.builder().threads(0));
    assertEquals("threads must be positive but was 0", e.getMessage());
  }
}
