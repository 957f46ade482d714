package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The each-repository driver on several threads: the results of one thread, progress reported
 * one call at a time with the count rising to every repository, and the failure of the first
 * failing repository thrown even when a later one fails first.
 */
class EachRepositoryThreadsTest {
  private static final Instant AT = Instant.parse("2024-02-10T00:00:00Z");
  private static final LotteryFactor LOTTERY = LotteryFactor.openSauced(Instant.parse("2024-03-01T00:00:00Z"));

  private static EventStore store(int repositories) {
    return store(repositories, r -> "o");
  }

  /** Repository r is {@code owner.apply(r) + "/r" + r}, starred by 1 to 7 of 11 people. */
  private static EventStore store(int repositories, java.util.function.IntFunction<String> owner) {
    List<Event> events = new ArrayList<>();
    for (int r = 0; r < repositories; r++) {
      for (int a = 0; a <= r % 7; a++) {
        events.add(new Star(AT.plusSeconds(a), Repository.github(owner.apply(r) + "/r" + r), Actor.github("u" + (r + a) % 11)));
      }
    }
    return EventStore.of(events);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3, 8})
  void theResultsAndProgressOfOneThread(int threads) {
    EventStore store = store(200);
    People people = People.resolve(store);
    assertResultsAndProgressOfOneThread(
        200,
        EachRepository.compute(store, people, r -> LOTTERY.withScope(RepositoryScope.of(r))),
        progress -> EachRepository.compute(store, people, r -> LOTTERY.withScope(RepositoryScope.of(r)), progress, threads));
  }

  /**
   * {@code many}'s keys (compared with {@code equals}: an owner's spelling too) and values, in
   * order, are {@code one}'s, and it reported {@code (k, keys)} for k from 0 to {@code keys},
   * one call at a time.
   */
  private static void assertResultsAndProgressOfOneThread(
      int keys, SortedMap<?, ?> one, Function<ProgressListener, SortedMap<?, ?>> many) {
    List<Long> reports = Collections.synchronizedList(new ArrayList<>());
    SortedMap<?, ?> result =
        many.apply(
            (done, total) -> {
              assertEquals(keys, total);
              reports.add(done);
            });
    assertEquals(keys, one.size());
    assertEquals(List.copyOf(one.keySet()), List.copyOf(result.keySet()));
    assertEquals(List.copyOf(one.values()), List.copyOf(result.values()));
    List<Long> expected = new ArrayList<>();
    for (long k = 0; k <= keys; k++) {
      expected.add(k);
    }
    assertEquals(expected, reports);
  }

  /**
   * Repository r1 fails only after r5 has failed (it waits for it), so the first failure in time
   * is r5's; the one thrown must be r1's, as on one thread.
   */
  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {2, 3, 4})
  void theFirstFailingRepositoryInOrderIsThrown(int threads) {
    EventStore store = store(12);
    People people = People.resolve(store);
    Repository r1 = Repository.github("o/r1");
    Function<Repository, LotteryFactor> metricOf =
        failingLaterFirst(r1, Repository.github("o/r5"), r -> LOTTERY.withScope(RepositoryScope.of(r)));
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> EachRepository.compute(store, people, metricOf, (done, total) -> {}, threads));
    assertEquals(String.valueOf(r1), thrown.getMessage());
  }

  /**
   * {@code metricOf}, but failing for {@code first} and {@code later} with their names as the
   * messages; {@code first} fails only once {@code later} has failed.
   */
  private static <K> Function<K, LotteryFactor> failingLaterFirst(
      K first, K later, Function<K, LotteryFactor> metricOf) {
    CountDownLatch laterFailed = new CountDownLatch(1);
    return key -> {
      if (key.equals(later)) {
        laterFailed.countDown();
        throw new IllegalStateException(String.valueOf(later));
      }
      if (key.equals(first)) {
        try {
          assertTrue(laterFailed.await(10, TimeUnit.SECONDS), later + " never ran");
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        throw new IllegalStateException(String.valueOf(first));
      }
      return metricOf.apply(key);
    };
  }

  @Test
  void aThreadCountBelowOneIsRefused() {
    EventStore store = store(3);
    assertThrows(
        IllegalArgumentException.class,
        () -> EachRepository.compute(store, People.resolve(store), r -> LOTTERY.withScope(RepositoryScope.of(r)),
            (done, total) -> {}, 0));
    for (int threads : new int[] {0, -1}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> EachRepository.computeEachOwner(store, People.resolve(store), LOTTERY::withScope,
                  (done, total) -> {}, threads));
      assertEquals("threads must be positive but was " + threads, e.getMessage());
    }
  }

  /** Repositories of 40 owners, spelled in two cases (owners ignore case, repositories do not). */
  private static EventStore owners(int repositories) {
    return store(repositories, r -> (r % 3 == 0 ? "Org" : "org") + r % 40);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3, 8})
  void eachOwnerHasTheResultsAndProgressOfOneThread(int threads) {
    EventStore store = owners(200);
    People people = People.resolve(store);
    // Owners compare without case: the names kept are the first spelling met, as on one thread.
    assertResultsAndProgressOfOneThread(
        40,
        EachRepository.computeEachOwner(store, people, LOTTERY::withScope),
        progress -> EachRepository.computeEachOwner(store, people, LOTTERY::withScope, progress, threads));
  }

  /** As for repositories: owner org1 fails only after org5 has failed; org1's failure is thrown. */
  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {2, 3, 4})
  void theFirstFailingOwnerInOrderIsThrown(int threads) {
    EventStore store = owners(12);
    People people = People.resolve(store);
    RepositoryScope org1 = Owner.of(Repository.github("org1/r1")).scope();
    RepositoryScope org5 = Owner.of(Repository.github("org5/r5")).scope();
    Function<RepositoryScope, LotteryFactor> metricOf = failingLaterFirst(org1, org5, LOTTERY::withScope);
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> EachRepository.computeEachOwner(store, people, metricOf, (done, total) -> {}, threads));
    assertEquals(String.valueOf(org1), thrown.getMessage());
  }
}
