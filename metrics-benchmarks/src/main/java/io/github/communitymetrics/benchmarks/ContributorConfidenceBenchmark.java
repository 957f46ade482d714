package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Both contributor confidence metrics on a loaded {@link EventStore} of a simulated community, per
 * size. Identity resolution ({@link People}) is done once in the setup: the scores are the metrics'
 * scans and finishing only. The OpenSauced metric reads the last 90 days of the whole store; the
 * cohort metric, over the organisation, reads every star before the window's end and the
 * contributions of a 6-month window plus a 90-day horizon.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g"})
public class ContributorConfidenceBenchmark {

  @Param({"100000", "1000000"})
  public int size;

  private EventStore store;
  private People people;
  private OpenSaucedConfidence openSauced;
  private CohortConfidence cohortRepository;
  private CohortConfidence cohortOrganization;

  @Setup(Level.Trial)
  public void setUp() {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, size));
    SimulationConfig cfg = c.config();
    store = EventStore.of(c.events());
    people = People.resolve(store);
    Repository repo = c.truth().repositories().get(0).repository();
    openSauced = OpenSaucedConfidence.openSauced(repo, cfg.end()).withRange(90);
    Window window =
        Window.endingAt(cfg.end().minus(Duration.ofDays(90)), Duration.ofDays(182));
    cohortRepository = CohortConfidence.defaults(RepositoryScope.of(repo), window, cfg.end());
    cohortOrganization =
        cohortRepository.withScope(RepositoryScope.organization(Forge.GITHUB, cfg.organization()));
  }

  @Benchmark
  public OpenSaucedConfidenceResult openSauced() {
    return openSauced.compute(store, people);
  }

  @Benchmark
  public CohortConfidenceResult cohortRepository() {
    return cohortRepository.compute(store, people);
  }

  @Benchmark
  public CohortConfidenceResult cohortOrganization() {
    return cohortOrganization.compute(store, people);
  }
}
