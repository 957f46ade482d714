package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.event.Actor;
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
 * The bus-factor family on a loaded store of a simulated community, over the whole simulated
 * span (24 months): each benchmark is one full {@code compute} (accumulate and finish). The
 * store and the identity resolution are built once per trial, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class BusFactorBenchmark {
  @Param({"100000", "1000000"})
  public int size;

  private EventStore store;
  private People people;
  private ContributorAbsenceFactor absence;
  private ContributorAbsenceFactor absenceMerged;
  private LotteryFactor lottery;
  private PonyFactor pony;
  private ContributorDependency dependency;
  private ElephantFactor elephant;
  private OnionModel onion;

  /** Simulates the community, loads the store and resolves identities once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SimulationConfig config = SimulationConfig.ofApproximateSize(42, size);
    SimulatedCommunity c = CommunitySimulator.simulate(config);
    store = EventStore.of(c.events());
    people = People.resolve(store);
    Affiliations.Builder b = Affiliations.builder();
    for (SimulationConfig.Company company : config.companies()) {
      b.domain(company.domain(), company.name());
    }
    absence = ContributorAbsenceFactor.chaoss(config.window());
    absenceMerged = absence.withContributionType(ContributionType.PULL_REQUEST_MERGED);
    lottery = LotteryFactor.openSauced(config.end());
    pony = PonyFactor.kibble(config.end(), 8);
    dependency = ContributorDependency.lfx(config.window()).withContributionType(ContributionType.ANY);
    elephant = ElephantFactor.chaoss(config.window(), b.build());
    onion = OnionModel.grimoireLab(config.window());
  }

  /** CHAOSS absence factor over commits. */
  @Benchmark
  public FactorResult<Actor> absenceCommits() {
    return absence.compute(store, people);
  }

  /** CHAOSS absence factor over merged pull requests (rebuilds each merge event for its author). */
  @Benchmark
  public FactorResult<Actor> absenceMergedPullRequests() {
    return absenceMerged.compute(store, people);
  }

  /** OpenSauced lottery factor: opened pull requests, last 30 days. */
  @Benchmark
  public LotteryFactorResult lottery() {
    return lottery.compute(store, people);
  }

  /** Kibble pony factor with 8 quarterly samples and meta-pony. */
  @Benchmark
  public PonyFactorResult ponyQuarterly() {
    return pony.compute(store, people);
  }

  /** LFX contributor dependency over every contribution type. */
  @Benchmark
  public ContributorDependencyResult dependencyAny() {
    return dependency.compute(store, people);
  }

  /** CHAOSS elephant factor over commits (one affiliation lookup per commit). */
  @Benchmark
  public ElephantFactorResult elephant() {
    return elephant.compute(store, people);
  }

  /** GrimoireLab onion over commits. */
  @Benchmark
  public OnionModelResult onion() {
    return onion.compute(store, people);
  }
}
