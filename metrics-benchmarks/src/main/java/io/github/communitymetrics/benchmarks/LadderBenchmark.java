package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.LadderState;
import io.github.communitymetrics.core.store.EventStore;
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
 * The contributor ladder over a loaded store of a simulated community, per approximate size:
 * the column scan alone ({@link #accumulate}) and the whole metric ({@link #compute}). The store
 * and its people are built once per trial, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class LadderBenchmark {

  @Param({"100000", "1000000"})
  public int size;

  private EventStore store;
  private People people;
  private ContributorLadder ladder;

  /** Simulates the community and loads it. */
  @Setup(Level.Trial)
  public void setUp() {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, size));
    store = EventStore.of(c.events());
    people = People.resolve(store);
    ladder = ContributorLadder.asOf(c.config().end());
    System.out.println(
        "\nevents " + store.size() + ", people " + people.size() + ", on the ladder " + ladder.compute(store, people).people().size());
  }

  /** One pass over the columns into a mergeable state. */
  @Benchmark
  public LadderState accumulate() {
    return ladder.accumulate(store, people);
  }

  /** The state, then the result: funnels, periods, times on rung and the evidence. */
  @Benchmark
  public LadderResult compute() {
    return ladder.compute(store, people);
  }
}
