package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The progress the each-repository driver reports: (0, n) before the first repository or owner,
 * then one call after each, in step with the metrics it computes.
 *
 * <p>Store: stars on a/one, a/two, b/three and B/four at one instant each, so three
 * repositories of owner a and b, four repositories, and two owners (owners ignore case).
 */
class EachRepositoryProgressTest {
  private static final Instant AT = Instant.parse("2024-02-10T00:00:00Z");
  private static final EventStore STORE =
      EventStore.of(
          List.<Event>of(
              new Star(AT, Repository.github("a/one"), Actor.github("ann")),
              new Star(AT, Repository.github("a/two"), Actor.github("ann")),
              new Star(AT, Repository.github("b/three"), Actor.github("ann")),
              new Star(AT, Repository.github("B/four"), Actor.github("ann"))));
  private static final People PEOPLE = People.resolve(STORE);
  private static final LotteryFactor LOTTERY = LotteryFactor.openSauced(Instant.parse("2024-03-01T00:00:00Z"));

  /** Each report, with how many metrics had been asked for when it came. */
  private record Report(long done, long total, int metricsAsked) {}

  @Test
  void eachRepositoryReportsOnceBeforeAndOnceAfterEveryRepository() {
    List<Report> reports = new ArrayList<>();
    int[] asked = {0};
    EachRepository.compute(
        STORE,
        PEOPLE,
        r -> {
          asked[0]++;
          return LOTTERY.withScope(RepositoryScope.of(r));
        },
        (done, total) -> reports.add(new Report(done, total, asked[0])));
    assertEquals(
        List.of(new Report(0, 4, 0), new Report(1, 4, 1), new Report(2, 4, 2), new Report(3, 4, 3),
            new Report(4, 4, 4)),
        reports);
  }

  @Test
  void eachOwnerReportsTheOwners() {
    List<Report> reports = new ArrayList<>();
    int[] asked = {0};
    EachRepository.computeEachOwner(
        STORE,
        PEOPLE,
        scope -> {
          asked[0]++;
          return LOTTERY.withScope(scope);
        },
        (done, total) -> reports.add(new Report(done, total, asked[0])));
    assertEquals(List.of(new Report(0, 2, 0), new Report(1, 2, 1), new Report(2, 2, 2)), reports);
  }

  @Test
  void anEmptyStoreReportsZeroOfZero() {
    EventStore empty = EventStore.of(List.of());
    List<Report> reports = new ArrayList<>();
    EachRepository.compute(
        empty, People.resolve(empty), r -> LOTTERY.withScope(RepositoryScope.of(r)),
        (done, total) -> reports.add(new Report(done, total, 0)));
    assertEquals(List.of(new Report(0, 0, 0)), reports);
  }

  @Test
  void aRegisteredMetricReportsThroughTheDriver() {
    Instant end = Instant.parse("2024-03-01T00:00:00Z");
    Evaluation e = Evaluation.of(RepositoryScope.all(), Window.endingAt(end, Duration.ofDays(90)));
    List<Long> done = new ArrayList<>();
    StandardMetrics.LOTTERY_FACTOR.evaluateEachRepository(STORE, PEOPLE, e, (d, total) -> done.add(d));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), done);
  }

  @Test
  void aNullListenerIsRefused() {
    assertThrows(
        NullPointerException.class,
        () -> EachRepository.compute(STORE, PEOPLE, r -> LOTTERY.withScope(RepositoryScope.of(r)), null));
    assertThrows(
        NullPointerException.class,
        () -> EachRepository.computeEachOwner(STORE, PEOPLE, LOTTERY::withScope, (ProgressListener) null));
  }
}
