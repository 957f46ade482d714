package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.store.EventStore;
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
 * The whole metric set of one repository ({@link HealthSummary#compute}) on a loaded store of
 * simulated events, one thread: the "under one second for 10^6 events on one core" target of the
 * metrics work. Identity resolution is done once in the setup, as an embedding application would.
 * The simulator's repositories have similar sizes, so one repository holds about
 * {@code size / repositories} events; contributor confidence still reads the whole store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx12g"})
public class HealthSummaryBenchmark {
  @Param({"100000", "1000000", "10000000"})
  public int size;

  private EventStore store;
  private People people;
  private Repository repository;
  private Instant asOf;
  private Affiliations affiliations;

  /** Simulates, loads and resolves once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, size)).events());
    people = People.resolve(store);
    repository = store.repositories().get(0);
    asOf = store.instant(store.size() - 1).plusSeconds(1);
    affiliations =
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build();
    System.out.printf(
        "%n%d events, %d repositories, %d people, %d events in %s%n",
        store.size(), store.repositories().size(), people.size(), store.slice(repository).size(),
        repository.fullName());
  }

  /** Every metric of one repository, 90-day window, 90-day cohort horizon. */
  @Benchmark
  public HealthSummary oneRepository() {
    return HealthSummary.compute(
        store, people, repository, asOf, Duration.ofDays(90), Duration.ofDays(90), affiliations);
  }
}
