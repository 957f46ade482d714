package io.github.communitymetrics.core.metrics.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass series equals the {@code growth} metric evaluated on each window, on seeded random
 * communities (stars with restars, forks, comments, commits, a bot; two repositories), for days,
 * ISO weeks and months, with the first and last periods cut to a span that starts and ends
 * mid-period.
 */
class GrowthByPeriodTest {
  static java.util.stream.LongStream seeds() {
    return GrowthTest.seeds();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalsTheMetricOnEachWindow(long seed) {
    System.out.println("seed " + seed);
    EventStore store = EventStore.of(GrowthTest.random(seed));
    People people = People.resolve(store);
    Random r = new Random(seed);
    Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextInt(40 * 86_400));
    Instant end = start.plusSeconds(30 * 86_400 + r.nextInt(60 * 86_400));
    Window span = new Window(start, end);
    for (PeriodUnit unit : List.of(PeriodUnit.DAY, PeriodUnit.ISO_WEEK, PeriodUnit.MONTH)) {
      List<Window> windows = new ArrayList<>();
      for (Period p : Period.covering(span, unit, ZoneOffset.UTC)) {
        windows.add(p.window().intersection(span).orElseThrow());
      }
      for (RepositoryScope scope : List.of(RepositoryScope.all(), RepositoryScope.of(Repository.github("acme/widget")))) {
        for (ContributionType basis : List.of(ContributionType.COMMIT, ContributionType.ISSUE_OPENED)) {
          Evaluation e = Evaluation.of(scope, span).withCommitBasis(basis);
          List<Growth.Result> series = GrowthByPeriod.compute(store, people, e, windows);
          assertEquals(windows.size(), series.size());
          for (int i = 0; i < windows.size(); i++) {
            Growth.Result one = Growth.INSTANCE.metric(e.withWindow(windows.get(i))).compute(store, people);
            assertEquals(one, series.get(i), "seed " + seed + " " + unit + " " + scope + " " + basis + " " + windows.get(i));
          }
        }
      }
    }
  }

  @Test
  void overlappingWindowsAreRefused() {
    EventStore store = EventStore.of(GrowthTest.random(1));
    Window a = new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"));
    Window b = new Window(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-04T00:00:00Z"));
    assertThrows(IllegalArgumentException.class, () -> GrowthByPeriod.compute(
        store, People.resolve(store), Evaluation.of(RepositoryScope.all(), a), List.of(a, b)));
  }
}
