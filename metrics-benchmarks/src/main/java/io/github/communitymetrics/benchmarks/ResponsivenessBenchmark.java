package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
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
 * {@link Responsiveness} (CHAOSS preset, 90-day window) on a loaded store of simulated events, one
 * thread: every repository, and one repository (as the health summary asks). Identity resolution
 * is done once in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class ResponsivenessBenchmark {
  @Param({"100000", "1000000"})
  public int size;

  private EventStore store;
  private People people;
  private Responsiveness all;
  private Responsiveness one;

  /** Simulates, loads and resolves once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, size)).events());
    people = People.resolve(store);
    Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
    all = Responsiveness.chaoss(Window.endingAt(asOf, Duration.ofDays(90)), asOf);
    one = all.withScope(RepositoryScope.of(store.repositories().get(0)));
    System.out.printf(
        "%n%d events, %d repositories, %d items%n",
        store.size(), store.repositories().size(), all.accumulate(store, people).itemCount());
  }

  /** Every repository. */
  @Benchmark
  public ResponsivenessResult allRepositories() {
    return all.compute(store, people);
  }

  /** The first repository only. */
  @Benchmark
  public ResponsivenessResult oneRepository() {
    return one.compute(store, people);
  }
}
