package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.MetricSeries;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A 24-month monthly series ({@link MetricSeries}) against one evaluation of the same metric
 * over a 90-day window, for one repository and for every repository of the store: what {@code
 * metrics --every month --since ...} costs. {@code metric} is a registry id, or {@code all} for
 * every built-in metric. Window-local metrics build their series from per-month states of store
 * slices; the others evaluate each point on the whole store, so their ratio is about the number
 * of points.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g"})
public class SeriesBenchmark {
  @Param({"300000"})
  public int size;

  @Param({
    "all", "contributor-confidence", "cohort-confidence", "contributor-absence-factor",
    "lottery-factor", "pony-factor", "contributor-dependency", "elephant-factor", "onion-model",
    "contributor-ladder", "retention", "responsiveness"
  })
  public String metric;

  private EventStore store;
  private People people;
  private Repository repository;
  private List<MetricDescriptor<?>> metrics;
  private Evaluation evaluation;
  private SeriesSpec spec;

  /** Simulates, loads and resolves once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, size)).events());
    people = People.resolve(store);
    repository = store.repositories().get(0);
    Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
    MetricRegistry standard = MetricRegistry.standard();
    metrics = metric.equals("all") ? standard.metrics() : List.of(standard.get(metric));
    evaluation =
        new Evaluation(
            RepositoryScope.of(repository),
            Window.endingAt(asOf, Duration.ofDays(90)),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
            ContributionType.COMMIT,
            Map.of());
    Instant since = asOf.atZone(ZoneOffset.UTC).minusMonths(24).toInstant();
    spec = SeriesSpec.calendar(PeriodUnit.MONTH, ZoneOffset.UTC, since, asOf);
    System.out.printf(
        "%n%d events, %d repositories, %d events in %s, %d points%n",
        store.size(), store.repositories().size(), store.slice(repository).size(),
        repository.fullName(), spec.periods().size());
  }

  /** One evaluation of the metric(s), 90-day window, one repository. */
  @Benchmark
  public List<Object> oneEvaluation() {
    List<Object> out = new ArrayList<>();
    for (MetricDescriptor<?> d : metrics) {
      out.add(d.evaluate(store, people, evaluation));
    }
    return out;
  }

  /** The 24-month monthly series of the metric(s), one repository. */
  @Benchmark
  public List<MetricSeries> monthlySeriesOneRepository() {
    List<MetricSeries> out = new ArrayList<>();
    for (MetricDescriptor<?> d : metrics) {
      out.add(MetricSeries.compute(d, store, people, evaluation, spec));
    }
    return out;
  }

  /** The 24-month monthly series of the metric(s) for every repository of the store. */
  @Benchmark
  public List<MetricSeries> monthlySeriesEveryRepository() {
    List<MetricSeries> out = new ArrayList<>();
    for (Repository r : store.repositories()) {
      Evaluation e = evaluation.withScope(RepositoryScope.of(r));
      for (MetricDescriptor<?> d : metrics) {
        out.add(MetricSeries.compute(d, store, people, e, spec));
      }
    }
    return out;
  }
}
