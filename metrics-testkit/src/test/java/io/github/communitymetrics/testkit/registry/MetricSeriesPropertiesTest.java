package io.github.communitymetrics.testkit.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricSeries;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Series of every built-in metric over simulated communities: each point equals the metric
 * evaluated from scratch on the whole store for that point's window. For {@link Locality#WINDOW}
 * metrics the series is built from per-period states of store slices and their merges, so this
 * checks the claim that their states do not depend on the window that configured them.
 */
class MetricSeriesPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6).map(i -> i * 7_919 + 3);
  }

  private static void check(long seed, SeriesSpec spec, List<MetricDescriptor<?>> metrics) {
    EventStore store =
        EventStore.of(CommunitySimulator.simulate(SimulationConfig.small(seed)).events());
    People people = People.resolve(store);
    Evaluation base =
        Evaluation.of(
            RepositoryScope.of(store.repositories().get(0)), new Window(spec.since(), spec.until()));
    for (MetricDescriptor<?> d : metrics) {
      MetricSeries series = MetricSeries.compute(d, store, people, base, spec);
      assertEquals(spec.periods().size(), series.points().size(), "seed " + seed + " " + d);
      for (MetricSeries.Point p : series.points()) {
        Evaluation e = base.withWindow(p.window());
        assertEquals(
            d.evaluate(store, people, e).measurements(),
            p.measurements(),
            "seed " + seed + " " + d + " " + p.period());
      }
    }
  }

  private static Instant[] span(long seed) {
    EventStore store =
        EventStore.of(CommunitySimulator.simulate(SimulationConfig.small(seed)).events());
    Instant first = store.instant(0);
    Instant last = store.instant(store.size() - 1);
    return new Instant[] {first.plusSeconds(86_400L * 40), last.minusSeconds(86_400L * 3)};
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void monthlyPointsEqualEvaluationsFromScratch(long seed) {
    Instant[] s = span(seed);
    check(seed, SeriesSpec.calendar(PeriodUnit.MONTH, ZoneId.of("UTC"), s[0], s[1]), StandardMetrics.all());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rollingWindowsFromMergedPeriodStatesEqualEvaluationsFromScratch(long seed) {
    Instant[] s = span(seed);
    List<MetricDescriptor<?>> local =
        StandardMetrics.all().stream().filter(d -> d.locality() == Locality.WINDOW).toList();
    assertFalse(local.isEmpty());
    // Weeks in a zone with daylight saving, three per window: merges across DST changes.
    check(seed, SeriesSpec.rolling(PeriodUnit.ISO_WEEK, ZoneId.of("Europe/Paris"), s[0], s[1], 3), local);
    check(seed, SeriesSpec.rolling(PeriodUnit.QUARTER, ZoneId.of("America/Sao_Paulo"), s[0], s[1], 2), local);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pointsTileTheSpanAndOnlyTheLastMayBeIncomplete(long seed) {
    Instant[] s = span(seed);
    SeriesSpec spec = SeriesSpec.calendar(PeriodUnit.MONTH, ZoneId.of("Asia/Kolkata"), s[0], s[1]);
    EventStore store =
        EventStore.of(CommunitySimulator.simulate(SimulationConfig.small(seed)).events());
    MetricSeries series =
        MetricSeries.compute(
            StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR, store, People.resolve(store),
            Evaluation.of(RepositoryScope.all(), new Window(s[0], s[1])), spec);
    List<MetricSeries.Point> points = series.points();
    assertTrue(points.get(0).window().contains(s[0]), "seed " + seed);
    for (int i = 1; i < points.size(); i++) {
      assertEquals(points.get(i - 1).window().end(), points.get(i).window().start(), "seed " + seed);
      assertTrue(points.get(i - 1).complete(), "seed " + seed);
    }
    MetricSeries.Point last = points.get(points.size() - 1);
    assertEquals(s[1], last.window().end(), "seed " + seed);
    assertEquals(!last.period().window().end().isAfter(s[1]), last.complete(), "seed " + seed);
    // Local midnight, not UTC: Kolkata is UTC+05:30.
    assertEquals(
        0, points.get(1).window().start().atZone(ZoneId.of("Asia/Kolkata")).toLocalTime().toSecondOfDay(),
        "seed " + seed);
  }
}
