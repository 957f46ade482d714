package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Spark metrics built from the registry, without a Spark session. */
class RegistryMetricsTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

  @Test
  void allIsEveryStandardMetricButContributorConfidence() {
    List<String> want =
        StandardMetrics.all().stream()
            .map(MetricDescriptor::id)
            .filter(id -> !id.equals("contributor-confidence"))
            .collect(Collectors.toList());
    assertEquals(want, CoreMetrics.all(START, AS_OF).stream().map(SparkMetric::name).toList());
  }

  @Test
  void discoveredAddsTheUsersMetric() {
    List<String> names =
        CoreMetrics.all(RegistrySource.discovered(), SparkEvaluation.of(START, AS_OF)).stream()
            .map(SparkMetric::name)
            .toList();
    assertEquals("pull-request-absence-factor", names.get(names.size() - 1));
  }

  @Test
  void badRequestsFailOnTheDriver() {
    SparkEvaluation e = SparkEvaluation.of(START, AS_OF);
    assertThrows(IllegalArgumentException.class, () -> SparkMetric.of("contributor-confidence", e));
    assertThrows(IllegalArgumentException.class, () -> SparkMetric.of("no-such-metric", e));
    assertThrows(
        IllegalArgumentException.class,
        () -> CoreMetrics.all(RegistrySource.standard(), e.withParameter("cohort-confidence.horizn", "P30D")));
    assertThrows(
        IllegalArgumentException.class,
        () -> SparkMetric.of("cohort-confidence", e.withParameter("cohort-confidence.horizon", "soon")));
  }

  /** What Spark does to a metric: Java serialization, then building and measuring it. */
  @Test
  void aMetricSurvivesSerializationAndMeasuresAsBefore() throws Exception {
    Event pr =
        EventJsonLines.fromLine(
            "{\"type\":\"pull_request_opened\",\"at\":\"2024-02-20T00:00:00Z\",\"repo\":\"acme/widget\","
                + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":1,\"draft\":false,"
                + "\"base\":\"main\",\"association\":\"CONTRIBUTOR\"}");
    EventStore store = EventStore.of(List.of(pr));
    SparkEvaluation e =
        SparkEvaluation.of(START, AS_OF).withDomains(java.util.Map.of("acme.example", "Acme"));
    for (SparkMetric<?, ?> m : CoreMetrics.all(RegistrySource.discovered(), e)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(m);
      }
      SparkMetric<?, ?> copy;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (SparkMetric<?, ?>) in.readObject();
      }
      assertEquals(m.name(), copy.name());
      assertEquals(measure(m, store).toString(), measure(copy, store).toString(), m.name());
      assertTrue(!measure(copy, store).isEmpty(), m.name());
    }
  }

  private static <S, R> List<?> measure(SparkMetric<S, R> m, EventStore store) {
    return m.measurements(m.metricFor("acme/widget").compute(store, People.resolve(store)));
  }
}
