package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.benchmarks.peer.GhArchiveShapedHours;
import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.IncrementalScores;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Re-scoring after one new GH Archive-shaped hour (issue 24): {@link #addOneHour} adds the last of
 * {@code hours} hours to an {@link IncrementalScores} of the earlier ones and moves as-of to its
 * end, for the three metrics of the end-to-end comparison (contributor confidence, lottery
 * factor, responsiveness, 90-day window); {@link #scoreAgain} does what a run without it does, in
 * the same JVM: builds the store of all the hours, resolves the people and scores every
 * repository. Their ratio is what incremental scoring saves. With contributor confidence among
 * the metrics ({@link #metricSet} {@code headline}) the update builds the store of every event
 * again; without it ({@code own}) it scores over the history's store and the new hour's.
 *
 * <p>The hours are {@link GhArchiveShapedHours}' defaults (Zipf-distributed people and
 * repositories, the real mix of types), written to a temporary directory and read once per
 * trial; the day's harness, {@code docs/perf-scripts/scoring/IncrementalDay.java}, measures the
 * same on a whole day.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class IncrementalScoresBenchmark {
  /**
   * How many hours: the earlier ones are the history, the last one the update. Eight, so that the
   * new hour is less than a quarter of the history and {@code own}'s update does not merge it
   * into the history's store at its end ({@link IncrementalScores#add}); with four it would.
   */
  @Param({"8"})
  public int hours;

  /** Threads that build the store and score. */
  @Param({"1"})
  public int threads;

  /**
   * Which metrics: {@code headline}, the three of the end-to-end comparison, contributor
   * confidence among them (it reads other repositories' events, so each update builds the store
   * of every event); {@code own}, lottery factor and responsiveness alone (each update is scored
   * over the history's store and a store of the new hour).
   */
  @Param({"headline", "own"})
  public String metricSet;

  private List<Event> history;
  private List<Event> lastHour;
  private List<MetricDescriptor<?>> metrics;
  private Evaluation before;
  private Instant end;

  /** Writes the hours and reads them into the history and the last hour. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    GhArchiveShapedHours.Config d = GhArchiveShapedHours.Config.defaults();
    GhArchiveShapedHours.Config c = new GhArchiveShapedHours.Config(hours, d.seed(), d.start(), d.eventsPerHour(),
        d.actors(), d.actorExponent(), d.actorOffset(), d.bots(), d.botShare(), d.repositories(),
        d.repositoryExponent(), d.repositoryOffset(), d.orgShare(), d.answerShare(), d.recent(), d.level(),
        d.threads(), d.mix());
    Path dir = Files.createTempDirectory("incremental-hours");
    try {
      new GhArchiveShapedHours(c).write(dir);
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.sorted(Comparator.comparing(Path::toString)).toList();
      }
      List<Event> all = new ArrayList<>();
      GhArchiveReader.builder().build().read(files, all::add);
      Instant lastStart = c.start().atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
          .plus(Duration.ofHours(hours - 1));
      end = lastStart.plus(Duration.ofHours(1));
      history = all.stream().filter(e -> e.at().isBefore(lastStart)).toList();
      lastHour = all.stream().filter(e -> !e.at().isBefore(lastStart)).toList();
      System.out.printf("%n%,d events of history, %,d in the last hour%n", history.size(), lastHour.size());
    } finally {
      try (Stream<Path> s = Files.list(dir)) {
        s.forEach(p -> p.toFile().delete());
      }
      Files.delete(dir);
    }
    MetricRegistry r = MetricRegistry.standard();
    metrics = metricSet.equals("own")
        ? List.of(r.get("lottery-factor"), r.get("responsiveness"))
        : List.of(r.get("contributor-confidence"), r.get("lottery-factor"), r.get("responsiveness"));
    before = new Evaluation(RepositoryScope.all(), Window.endingAt(end.minus(Duration.ofHours(1)), Duration.ofDays(90)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT, Map.of());
  }

  /**
   * A fresh scoring of the history for each {@link #addOneHour} (which changes it), and only for
   * it: {@link #scoreAgain} does not need one.
   */
  @State(Scope.Thread)
  public static class History {
    IncrementalScores scores;

    @Setup(Level.Invocation)
    public void score(IncrementalScoresBenchmark b) {
      scores = IncrementalScores.start(b.metrics, b.before, b.history, b.threads);
    }
  }

  /**
   * The last hour added: the store of every event rebuilt ({@code headline}) or the new hour's
   * built alone ({@code own}), people resolved, the affected repositories scored.
   */
  @Benchmark
  public IncrementalScores.Update addOneHour(History h) {
    return h.scores.add(lastHour, end);
  }

  /** Everything scored again from the events: what {@link #addOneHour} replaces. */
  @Benchmark
  public long scoreAgain() {
    EventStore store = EventStore.builder().threads(threads).addAll(history).addAll(lastHour).build();
    People people = People.resolve(store);
    Evaluation e = before.withWindow(Window.endingAt(end, Duration.ofDays(90)));
    long rows = 0;
    for (MetricDescriptor<?> d : metrics) {
      rows += d.measureEachRepository(store, people, e, ProgressListener.NONE, threads).size();
    }
    return rows;
  }
}
