package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import io.github.communitymetrics.git.CommitHeader;
import io.github.communitymetrics.git.CommitLogAuthorship;
import io.github.communitymetrics.git.CommitLogReader;
import io.github.communitymetrics.git.CommitLogVisitor;
import io.github.communitymetrics.git.PathList;
import io.github.communitymetrics.testkit.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
 * The truck factor on the real full histories of rails/rails (99,429 commits) and git/git (81,966)
 * from {@code ../shared/data/truck-factor/perf}: parsing the gzip log alone, parsing into the
 * authorship model, and the algorithms on a pre-parsed history. The compressed log is held in
 * memory, so disk reads are not measured. The file set is Linguist's source files (the paper's
 * filtered-files list and aliases are not applied here; the validation test does that).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class TruckFactorBenchmark {
  @Param({"rails", "git"})
  public String log;

  private byte[] gzipLog;
  private List<String> files;
  private AuthorshipHistory history;

  /** Loads the compressed log and the file list, and parses the history once. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = SharedData.resolve("truck-factor/perf/" + log);
    gzipLog = Files.readAllBytes(dir.resolve("cmlog.txt.gz"));
    files = new ArrayList<>();
    for (String line : PathList.read(dir.resolve("linguist-files.txt.gz"))) {
      files.add(line.substring(line.indexOf(';') + 1)); // "Language;path"
    }
    history = collect();
  }

  private CommitLogReader reader() {
    return CommitLogReader.of(new ByteArrayInputStream(gzipLog), log, ReadOptions.strict());
  }

  /** Decompress and parse only: a visitor that counts path lines. */
  @Benchmark
  public long parse() {
    long[] n = new long[1];
    try (CommitLogReader r = reader()) {
      r.accept(
          new CommitLogVisitor() {
            @Override
            public void commit(CommitHeader header) {
              n[0]++;
            }

            @Override
            public void change(ChangeStatus status, String path) {
              n[0]++;
            }

            @Override
            public void move(ChangeStatus status, String oldPath, String path) {
              n[0]++;
            }
          });
    }
    return n[0];
  }

  /** Decompress, parse and accumulate authorship (the reading part of the whole process). */
  @Benchmark
  public AuthorshipHistory collect() {
    try (CommitLogReader r = reader()) {
      return CommitLogAuthorship.collect(r, files, UnaryOperator.identity(),
          IdentityRule.NAME_OR_EMAIL, false);
    }
  }

  /** Plain greedy truck factor on the pre-parsed history. */
  @Benchmark
  public TruckFactorResult greedy() {
    return TruckFactor.greedy().compute(history);
  }

  /** Truck factor of every directory on the pre-parsed history. */
  @Benchmark
  public SortedMap<String, TruckFactorResult> perDirectory() {
    return TruckFactor.greedy().perDirectory(history);
  }
}
