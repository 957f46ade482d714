package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.RetentionState;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Retention and survival over a loaded store of a simulated community, per approximate size:
 * the column scan alone ({@link #accumulate}) and the whole metric with monthly periods
 * ({@link #compute}). The store and its people are built once per trial, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class RetentionBenchmark {

  @Param({"100000", "1000000"})
  public int size;

  private EventStore store;
  private People people;
  private Retention retention;

  /** Simulates the community and loads it. */
  @Setup(Level.Trial)
  public void setUp() {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, size));
    store = EventStore.of(c.events());
    people = People.resolve(store);
    retention = Retention.lfx(c.config().window()).withUnit(PeriodUnit.MONTH);
    RetentionResult r = retention.compute(store, people);
    System.out.println(
        "\nevents " + store.size() + ", contributors " + r.survival().subjects() + ", departed "
            + r.departed().size() + ", periods " + r.periods().size());
  }

  /** One pass over the columns into a mergeable state. */
  @Benchmark
  public RetentionState accumulate() {
    return retention.accumulate(store, people);
  }

  /** The state, then every result: periods, statuses, cohorts and the survival curve. */
  @Benchmark
  public RetentionResult compute() {
    return retention.compute(store, people);
  }
}
