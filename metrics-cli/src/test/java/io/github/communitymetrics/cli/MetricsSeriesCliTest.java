package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.MetricSeries;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code metrics --list}, {@code --metric} and {@code --every} against the library. */
class MetricsSeriesCliTest {

  @Test
  void listNamesEveryRegisteredMetricWithItsPresetAndUnits() {
    CommunityMetricsCliTest.Run text = CommunityMetricsCliTest.run("metrics", "--list");
    assertEquals(0, text.status(), text.err());
    Map<String, String> json =
        NoDataCliTest.flatten(CommunityMetricsCliTest.run("metrics", "--list", "--json").out());
    List<MetricDescriptor<?>> all = MetricRegistry.standard().metrics();
    for (int i = 0; i < all.size(); i++) {
      MetricDescriptor<?> d = all.get(i);
      assertTrue(text.out().contains(d.id() + " "), d.id() + " in\n" + text.out());
      assertTrue(text.out().contains(d.preset().source()), text.out());
      assertEquals(d.id(), json.get("metrics[" + i + "].id"));
      assertEquals(d.preset().source(), json.get("metrics[" + i + "].presets[0].source"));
      assertEquals(
          d.measurements().get(0).unit().id(), json.get("metrics[" + i + "].measurements[0].unit"));
    }
    assertEquals("P90D", json.get("metrics[1].parameters[0].default"));
  }

  @Test
  void usageErrorsExitTwoAndSayWhatIsKnown() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--metric", "bus-factor");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("lottery-factor"), r.err());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--every", "month").status());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--every", "fortnight", "--since", "2025-01-01").status());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--rolling", "3").status());
    assertEquals(
        2, CommunityMetricsCliTest.run("metrics", "--every", "month", "--since", "2025-01-01", "--zone", "Mars/Base").status());
  }

  @Test
  void metricLimitsTheSummaryToTheListedMetricsInOrder() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("metrics", "--metric", "retention,onion-model", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    assertTrue(f.containsKey("retention.id") && f.containsKey("onion.id"), r.out());
    assertTrue(!f.containsKey("lotteryFactor.id"), r.out());
    assertTrue(r.out().indexOf("\"retention\"") < r.out().indexOf("\"onion\""), r.out());
  }

  @Test
  void seriesEqualTheLibrarysAndKeepTheHistoryBeforeSince() {
    String asOf = "2025-07-01T00:00:00Z";
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "metrics", "--metric", "contributor-absence-factor,contributor-ladder", "--every", "month",
            "--since", "2025-01-15", "--zone", "Europe/Paris", "--rolling", "2", "--as-of", asOf, "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
    People people = People.resolve(store);
    Instant at = Instant.parse(asOf);
    Evaluation base =
        new Evaluation(
            RepositoryScope.of(store.repositories().get(0)),
            Window.endingAt(at, Duration.ofDays(90)),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
            ContributionType.COMMIT,
            Map.of());
    ZoneId paris = ZoneId.of("Europe/Paris");
    SeriesSpec spec =
        SeriesSpec.rolling(
            PeriodUnit.MONTH, paris, java.time.LocalDate.parse("2025-01-15").atStartOfDay(paris).toInstant(), at, 2);
    List<MetricDescriptor<?>> metrics =
        List.of(StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR, StandardMetrics.CONTRIBUTOR_LADDER);
    for (int s = 0; s < metrics.size(); s++) {
      MetricSeries expected = MetricSeries.compute(metrics.get(s), store, people, base, spec);
      // January to June, and July: --as-of is 02:00 on July 1 in Paris, so July has begun.
      assertEquals(7, expected.points().size());
      assertEquals("false", f.get("series[" + s + "].points[6].complete"));
      assertEquals("true", f.get("series[" + s + "].points[5].complete"));
      assertEquals(metrics.get(s).id(), f.get("series[" + s + "].id"));
      for (int p = 0; p < expected.points().size(); p++) {
        MetricSeries.Point point = expected.points().get(p);
        String prefix = "series[" + s + "].points[" + p + "]";
        assertEquals(point.period().label(), f.get(prefix + ".period"));
        assertEquals(point.window().start().toString(), f.get(prefix + ".start"));
        for (int m = 0; m < point.measurements().size(); m++) {
          Measurement want = point.measurements().get(m);
          String got = f.get(prefix + ".measurements[" + m + "].value");
          assertEquals(want.name(), f.get(prefix + ".measurements[" + m + "].name"));
          if (want.value().isPresent()) {
            assertEquals(want.value().getAsDouble(), Double.parseDouble(got), 1e-12, prefix);
          } else {
            assertEquals(NoDataCliTest.NULL, got, prefix);
          }
        }
      }
    }
    // The comparison above is with the library on the whole store: the first rolling window
    // starts in December, before --since, so dropping those events (as --since does without
    // --every) gives another total (checked: 70 commits instead of 259).
  }
}
