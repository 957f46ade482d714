package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding one metric's state of a whole simulated community with the state's own
 * {@link StateCodec} (what metrics-spark ships per group and metric). Setup prints the encoded
 * size, so that MB/s is {@code bytes / score}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StateCodecBenchmark {
  @Param({"absence-factor", "elephant-factor", "pony-factor", "cohort-confidence",
      "opensauced-confidence", "ladder", "retention", "responsiveness"})
  public String metric;

  @Param({"simulator"})
  public String source;

  @Param({"50000"})
  public int size;

  private Codec<?> codec;

  /** A metric's codec with one encoded state. */
  private static final class Codec<S> {
    final StateCodec<S> codec;
    final S state;
    final byte[] bytes;

    Codec(SliceMetric<S, ?> metric, EventStore store, People people) {
      codec = metric.stateCodec();
      state = metric.accumulate(store, people);
      bytes = codec.encode(state);
    }

    byte[] encode() {
      return codec.encode(state);
    }

    Object decode() {
      return codec.decode(bytes);
    }
  }

  /** The events, the metric's state of all of them and its bytes. */
  @Setup(Level.Trial)
  public void setUp() {
    List<Event> events = BenchmarkEvents.of(source, size);
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    Window w = store.timeSpan().orElseThrow();
    Instant asOf = w.end();
    codec = new Codec<>(metric(metric, w, asOf, store), store, people);
    System.err.printf(
        "%nSTATE %s: %d events, %d bytes (%.2f bytes per event)%n",
        metric, store.size(), codec.bytes.length, (double) codec.bytes.length / store.size());
  }

  static SliceMetric<?, ?> metric(String name, Window w, Instant asOf, EventStore store) {
    switch (name) {
      case "absence-factor":
        return ContributorAbsenceFactor.chaoss(w);
      case "elephant-factor":
        Affiliations.Builder b = Affiliations.builder();
        for (SimulationConfig.Company c : SimulationConfig.small(42).companies()) {
          b.domain(c.domain(), c.name());
        }
        return ElephantFactor.chaoss(w, b.build());
      case "pony-factor":
        return PonyFactor.kibble(asOf, 0);
      case "cohort-confidence":
        return CohortConfidence.defaults(RepositoryScope.all(), w, asOf);
      case "opensauced-confidence":
        return OpenSaucedConfidence.openSauced(store.repositories().get(0), asOf).withRange(365);
      case "ladder":
        return ContributorLadder.over(w);
      case "retention":
        return Retention.lfx(w);
      case "responsiveness":
        return Responsiveness.chaoss(w, asOf);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  /** The state to bytes. */
  @Benchmark
  public byte[] encode() {
    return codec.encode();
  }

  /** The bytes to the state (strict decoding). */
  @Benchmark
  public Object decode() {
    return codec.decode();
  }
}
