package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    List<Event> events = new ArrayList<>();
    for (int r = 0; r < repositories; r++) {
      for (int a = 0; a <= r % 7; a++) {
        events.add(new Star(AT.plusSeconds(a), Repository.github("o/r" + r), Actor.github("u" + (r + a) % 11)));
      }
    }
    return EventStore.of(events);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3, 8})
  void theResultsAndProgressOfOneThread(int threads) {
    EventStore store = store(200);
    People people = People.resolve(store);
    SortedMap<Repository, ?> one =
        EachRepository.compute(store, people, r -> LOTTERY.withScope(RepositoryScope.of(r)));
    List<Long> reports = Collections.synchronizedList(new ArrayList<>());
    SortedMap<Repository, ?> many =
        EachRepository.compute(
            store,
            people,
            r -> LOTTERY.withScope(RepositoryScope.of(r)),
            (done, total) -> {
              assertEquals(200, total);
              reports.add(done);
            },
            threads);
    assertEquals(List.copyOf(one.keySet()), List.copyOf(many.keySet()));
    assertEquals(List.copyOf(one.values()), List.copyOf(many.values()));
    List<Long> expected = new ArrayList<>();
    for (long k = 0; k <= 200; k++) {
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
    CountDownLatch laterFailed = new CountDownLatch(1);
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                EachRepository.compute(
                    store,
                    people,
                    r -> {
                      if (r.fullName().equals("o/r5")) {
                        laterFailed.countDown();
                        throw new IllegalStateException("r5");
                      }
                      if (r.fullName().equals("o/r1")) {
                        try {
                          assertTrue(laterFailed.await(10, TimeUnit.SECONDS), "r5 never ran");
                        } catch (InterruptedException e) {
                          throw new AssertionError(e);
                        }
                        throw new IllegalStateException("r1");
                      }
                      return LOTTERY.withScope(RepositoryScope.of(r));
                    },
                    (done, total) -> {},
                    threads));
    assertEquals("r1", thrown.getMessage());
  }

  @Test
  void aThreadCountBelowOneIsRefused() {
    EventStore store = store(3);
    assertThrows(
        IllegalArgumentException.class,
        () -> EachRepository.compute(store, People.resolve(store), r -> LOTTERY.withScope(RepositoryScope.of(r)),
            (done, total) -> {}, 0));
  }
}
