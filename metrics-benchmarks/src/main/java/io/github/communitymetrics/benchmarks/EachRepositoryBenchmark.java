package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.benchmarks.peer.EquivalenceCheck;
import io.github.communitymetrics.benchmarks.peer.GhArchiveAmplifier;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.EachRepository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Every repository of a loaded store through {@link EachRepository}, one thread, for the five
 * metrics that had forms of their own for that until the driver replaced them (the first version
 * of this class in the history measured their numbers-only tables and full results beside the
 * driver; docs/performance.md, "Each repository", has the numbers). The four metrics the peer
 * comparison scores are projected onto the compared numbers ({@link
 * EquivalenceCheck#lotteryTable} and the like); the absence factor's results are kept whole.
 *
 * <p>Shapes: {@code gharchive} is the peer comparison's {@code hour} stream (the real GH Archive
 * hours of the shared data, amplified: about 79,000 events of 27,000 repositories and 26,000
 * actors, three events per repository), scored as the peer comparison scores it; {@code
 * simulator} is {@code SimulationConfig.ofApproximateSize(42, 10^6)} (79 repositories, 12,000
 * people, two years); {@code mix} is {@link BenchmarkEvents}' GH Archive-like mix of 10^6 events
 * (1,001 repositories, 50,000 actors, one year). On the last two the retention is LFX over the
 * whole history and the first response CHAOSS over 90 days, as in the scaling suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class EachRepositoryBenchmark {
  @Param({"gharchive", "simulator", "mix"})
  public String shape;

  private EventStore store;
  private People people;
  private OpenSaucedConfidence confidence;
  private LotteryFactor lottery;
  private Retention retention;
  private Responsiveness responsiveness;
  private ContributorAbsenceFactor absence;

  /** Builds and resolves the store once per trial. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Instant asOf;
    if (shape.equals("gharchive")) {
      Path file = Files.createTempFile("each-repository-", ".json.gz");
      try {
        Path data = SharedData.dataDir().orElseThrow(
            () -> new IllegalStateException("the gharchive shape needs the shared data (../shared/data)"));
        // as PeerComparison: the hour stream, seed 1, 8 identity groups, scored 30 days in
        GhArchiveAmplifier.main(new String[] {file.toString(), "hour", "1", "8", data.toString()});
        store = EquivalenceCheck.ours(file);
      } finally {
        Files.deleteIfExists(file);
      }
      asOf = Instant.parse("2024-01-31T00:00:00Z");
      retention = EquivalenceCheck.retention(asOf);
      responsiveness = EquivalenceCheck.responsiveness(asOf);
      // GH Archive hours give no commits here (EquivalenceCheck.ours leaves them out)
      absence = ContributorAbsenceFactor.chaoss(Window.endingAt(asOf, Duration.ofDays(30)))
          .withContributionType(ContributionType.ANY);
    } else {
      store = EventStore.of(BenchmarkEvents.of(shape.equals("simulator") ? "simulator" : "mix", 1_000_000));
      asOf = store.instant(store.size() - 1).plusSeconds(1);
      retention = Retention.lfx(Window.of(store.instant(0), asOf));
      responsiveness = Responsiveness.chaoss(Window.endingAt(asOf, Duration.ofDays(90)), asOf);
      absence = ContributorAbsenceFactor.chaoss(Window.endingAt(asOf, Duration.ofDays(90)));
    }
    people = People.resolve(store);
    // The repository of the preset is only a template of the parameters.
    confidence = OpenSaucedConfidence.openSauced(store.repository(0), asOf);
    lottery = LotteryFactor.openSauced(asOf);
    System.out.printf("%n%s: %d events, %d repositories, %d people%n",
        shape, store.size(), store.repositories().size(), people.size());
  }

  /** The confidence of every repository, projected onto the compared numbers. */
  @Benchmark
  public Object confidence() {
    return EquivalenceCheck.confidenceTable(store, people, confidence);
  }

  /** The lottery factor of every repository, projected onto the compared numbers. */
  @Benchmark
  public Object lottery() {
    return EquivalenceCheck.lotteryTable(store, people, lottery);
  }

  /** The retention of every repository, projected onto the compared numbers. */
  @Benchmark
  public Object retention() {
    return EquivalenceCheck.retentionTable(store, people, retention);
  }

  /** The time to first response of every repository, projected onto the compared numbers. */
  @Benchmark
  public Object firstResponse() {
    return EquivalenceCheck.firstResponseTable(store, people, responsiveness);
  }

  /** The absence factor of every repository, full results. */
  @Benchmark
  public Object absence() {
    return EachRepository.compute(store, people, r -> absence.withScope(RepositoryScope.of(r)));
  }
}
