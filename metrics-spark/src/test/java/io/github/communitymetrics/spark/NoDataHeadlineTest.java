package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A group whose events all lie after the window has no value in any measurement of any metric: a
 * null {@code value} column and evidence 0, not a factor or count of 0 (computed without a Spark
 * session).
 */
class NoDataHeadlineTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

  private static <S, R> List<Measurement> measurements(SparkMetric<S, R> m, EventStore store) {
    return m.measurements(m.metricFor("acme/widget").compute(store, People.resolve(store)));
  }

  @Test
  void everyMeasurementHasNoValueWithoutEvidence() {
    Event late =
        EventJsonLines.fromLine(
            "{\"type\":\"pull_request_opened\",\"at\":\"2024-03-02T00:00:00Z\",\"repo\":\"acme/widget\","
                + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":1,\"draft\":false,"
                + "\"base\":\"main\",\"association\":\"CONTRIBUTOR\"}");
    EventStore store = EventStore.of(List.of(late));
    List<SparkMetric<?, ?>> metrics = CoreMetrics.all(START, AS_OF);
    assertEquals(28, metrics.size(), "every standard metric but contributor-confidence");
    for (SparkMetric<?, ?> m : metrics) {
      List<Measurement> ms = measurements(m, store);
      assertTrue(!ms.isEmpty(), m.name());
      for (Measurement x : ms) {
        String what = m.name() + "." + x.name();
        assertEquals(OptionalDouble.empty(), x.value(), what);
        assertEquals(0, x.evidence(), what);
        ResultRow row = ResultRow.of("acme/widget", m.name(), x);
        assertNull(row.getValue(), what);
        assertNull(row.getCategory(), what);
      }
    }
  }

  @Test
  void oneContributionHasAValue() {
    Event pr =
        EventJsonLines.fromLine(
            "{\"type\":\"pull_request_opened\",\"at\":\"2024-02-20T00:00:00Z\",\"repo\":\"acme/widget\","
                + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":1,\"draft\":false,"
                + "\"base\":\"main\",\"association\":\"CONTRIBUTOR\"}");
    SparkMetric<?, ?> lottery = SparkMetric.of("lottery-factor", SparkEvaluation.of(START, AS_OF));
    Measurement h = headline(lottery, EventStore.of(List.of(pr)));
    assertEquals("factor", h.name());
    assertEquals(OptionalDouble.of(1), h.value());
    assertEquals(1, h.evidence());
  }

  private static <S, R> Measurement headline(SparkMetric<S, R> m, EventStore store) {
    return m.headline(m.metricFor("acme/widget").compute(store, People.resolve(store)));
  }
}
