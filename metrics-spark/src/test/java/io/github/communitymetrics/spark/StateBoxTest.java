package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.io.MalformedReason;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Spark serializes without a Spark session: state boxes (Java serialization of the state's
 * own codec bytes, decoded on first use) and the ingestion reports' binary form.
 */
class StateBoxTest {

  @SuppressWarnings("unchecked")
  private static <T> T javaRoundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aBoxCarriesItsStateInTheMetricsCodec() throws Exception {
    SimulationConfig config = SimulationConfig.small(5);
    EventStore store = EventStore.of(CommunitySimulator.simulate(config).events());
    People people = People.resolve(store);
    SliceMetric<Object, Object> metric = (SliceMetric<Object, Object>) (SliceMetric<?, ?>) Retention.lfx(config.window());
    StateCodec<Object> codec = metric.stateCodec();
    Object state = metric.accumulate(store, people);
    StateBox box = StateBox.of("org/repo", "retention", state, codec);
    StateBox back = javaRoundTrip(box);
    assertEquals("org/repo", back.group());
    assertEquals("retention", back.metric());
    assertArrayEquals(codec.encode(state), back.stateBytes());
    assertEquals(metric.finish(state), metric.finish(back.state(codec)));
    assertEquals(box, back);
    assertEquals(box.hashCode(), back.hashCode());
  }

  @Test
  void anEmptyBoxStaysEmpty() throws Exception {
    StateBox back = javaRoundTrip(new StateBox());
    assertTrue(back.isEmpty());
    assertEquals(new StateBox(), back);
    assertThrows(IllegalStateException.class, back::stateBytes);
  }

  private static byte[] bytes(IoWriter w) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      w.write(out);
    }
    return b.toByteArray();
  }

  private interface IoWriter {
    void write(DataOutputStream out) throws IOException;
  }

  private static DataInputStream in(byte[] b) {
    return new DataInputStream(new ByteArrayInputStream(b));
  }

  @Test
  void reportsSurviveTheAccumulatorsCodec() throws IOException {
    GhArchiveReport gh =
        new GhArchiveReport(
            3, 100, 2, 123_456, Map.of(EventType.STAR, 40L, EventType.COMMIT, 7L),
            Map.of("GollumEvent", 5L), Map.of("PushEvent", 1L), 9, 2,
            List.of(new GhArchiveReport.Problem("2024-01-01-0.json.gz", 17, "bad JSON: «x»")),
            List.of(new GhArchiveReport.Problem("broken.json.gz", 0, "x".repeat(70_000))),
            new GhArchiveReport.Commits(1, 2, 3, 4, 5),
            Map.of(MalformedReason.values()[0], 2L));
    assertEquals(gh, Reports.readGhArchive(in(bytes(out -> Reports.write(gh, out)))));
    assertEquals(Reports.emptyGhArchive(), Reports.readGhArchive(in(bytes(out -> Reports.write(Reports.emptyGhArchive(), out)))));
    ReadReport read =
        new ReadReport(10, 1, 7, 2, List.of(new ReadReport.SkippedLine(4, "not JSON")),
            Map.of(MalformedReason.values()[0], 2L));
    assertEquals(read, Reports.readRead(in(bytes(out -> Reports.write(read, out)))));
  }

  @Test
  void summedReadReportsKeepTheirMalformedReasons() {
    // Two partitions' reports, as the accumulator merges them: the reasons add up like the counts.
    ReadReport a =
        new ReadReport(10, 1, 7, 2, List.of(new ReadReport.SkippedLine(4, "not JSON")),
            Map.of(MalformedReason.INVALID_JSON, 2L));
    ReadReport b =
        new ReadReport(5, 0, 3, 2, List.of(new ReadReport.SkippedLine(2, "no time")),
            Map.of(MalformedReason.INVALID_JSON, 1L, MalformedReason.INVALID_EVENT, 1L));
    ReadReport sum = Reports.sum(a, b);
    assertEquals(4, sum.malformedLinesSkipped());
    assertEquals(
        Map.of(MalformedReason.INVALID_JSON, 3L, MalformedReason.INVALID_EVENT, 1L), sum.malformedByReason());
  }
}
