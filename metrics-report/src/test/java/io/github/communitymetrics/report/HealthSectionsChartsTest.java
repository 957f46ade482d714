package io.github.communitymetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.StandardMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart builders of the built-in metrics. */
class HealthSectionsChartsTest {
  @Test
  void aDescriptorThatOnlySharesABuiltInIdDrawsNothing() {
    // A registry holds one descriptor per id, but a custom registry may hold its own "retention".
    HealthSections.ChartBuilder retention = HealthSections.CHARTS.get(StandardMetrics.RETENTION.id());
    Evaluated<?> absence =
        Demo.SUMMARY.metric(StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR.id()).orElseThrow();
    assertEquals(Map.of(), retention.charts(absence, Demo::label));
  }

  @Test
  void everyBuilderIsABuiltInMetric() {
    List<String> ids = StandardMetrics.all().stream().map(m -> m.id()).toList();
    assertTrue(ids.containsAll(HealthSections.CHARTS.keySet()), HealthSections.CHARTS.keySet().toString());
  }
}
