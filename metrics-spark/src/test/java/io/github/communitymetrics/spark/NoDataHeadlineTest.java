package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A group whose events all lie after the window has no headline value in any metric: a null
 * {@code value} column, not a factor or count of 0 (computed without a Spark session).
 */
class NoDataHeadlineTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

  private static <S, R> Headline headline(SparkMetric<S, R> m, EventStore store) {
    return m.headline(m.metricFor("acme/widget").compute(store, People.resolve(store)));
  }

  @Test
  void everyMetricHasNoValueWithoutEvidence() {
    Event late =
        EventJsonLines.fromLine(
            "{\"type\":\"pull_request_opened\",\"at\":\"2024-03-02T00:00:00Z\",\"repo\":\"acme/widget\","
                + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":1,\"draft\":false,"
                + "\"base\":\"main\",\"association\":\"CONTRIBUTOR\"}");
    EventStore store = EventStore.of(List.of(late));
    List<SparkMetric<?, ?>> metrics =
        List.of(
            CoreMetrics.absenceFactor(START, AS_OF),
            CoreMetrics.contributorDependency(START, AS_OF),
            CoreMetrics.lotteryFactor(AS_OF),
            CoreMetrics.elephantFactor(START, AS_OF, Map.of()),
            CoreMetrics.onionCore(START, AS_OF),
            CoreMetrics.ponyFactor(AS_OF),
            CoreMetrics.cohortConfidence(START, AS_OF),
            CoreMetrics.ladder(START, AS_OF),
            CoreMetrics.firstResponse(START, AS_OF),
            CoreMetrics.retention(START, AS_OF));
    for (SparkMetric<?, ?> m : metrics) {
      Headline h = headline(m, store);
      assertEquals(OptionalDouble.empty(), h.value(), m.name());
      assertEquals(0, h.evidence(), m.name());
      assertNull(new ResultRow("acme/widget", m.name(), h).getValue(), m.name());
    }
  }

  @Test
  void oneContributionHasAValue() {
    Event pr =
        EventJsonLines.fromLine(
            "{\"type\":\"pull_request_opened\",\"at\":\"2024-02-20T00:00:00Z\",\"repo\":\"acme/widget\","
                + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":1,\"draft\":false,"
                + "\"base\":\"main\",\"association\":\"CONTRIBUTOR\"}");
    Headline h = headline(CoreMetrics.lotteryFactor(AS_OF), EventStore.of(List.of(pr)));
    assertEquals(OptionalDouble.of(1), h.value());
    assertEquals(1, h.evidence());
  }
}
