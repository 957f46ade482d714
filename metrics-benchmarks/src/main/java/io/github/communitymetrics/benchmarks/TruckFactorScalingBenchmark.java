package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import io.github.communitymetrics.git.CommitLogAuthorship;
import io.github.communitymetrics.git.CommitLogReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * How the truck factor's time grows with commits and files: a synthetic, seeded history (plain
 * text, in memory) with 500 developers of skewed activity, 1 to 4 paths per commit, adds on first
 * touch and 1% renames; measured from parsing the log to the greedy truck factor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TruckFactorScalingBenchmark {
  @Param({"10000", "100000", "1000000"})
  public int commits;

  @Param({"1000", "10000"})
  public int files;

  private byte[] log;
  private List<String> snapshot;

  /** Generates the history once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    String[] path = new String[files];
    boolean[] exists = new boolean[files];
    for (int f = 0; f < files; f++) {
      path[f] = "module" + (f % 37) + "/pkg" + (f % 11) + "/File" + f + ".java";
    }
    List<byte[]> oldestFirst = new ArrayList<>(commits);
    StringBuilder sb = new StringBuilder(256);
    for (int c = 0; c < commits; c++) {
      // Skewed activity: developer index squared-uniform, so low indices commit far more often.
      double u = random.nextDouble();
      int dev = (int) (u * u * 500);
      sb.setLength(0);
      sb.append("commit\t").append(String.format("%040x", c + 1)).append('\t')
          .append(c == 0 ? "" : String.format("%040x", c)).append('\t')
          .append(1_000_000_000L + c * 600L).append("\tDev ").append(dev).append("\tdev")
          .append(dev).append("@example.org\t").append(1_000_000_000L + c * 600L)
          .append("\tDev ").append(dev).append("\tdev").append(dev).append("@example.org\t\n\n");
      int n = 1 + random.nextInt(4);
      for (int k = 0; k < n; k++) {
        int f = random.nextInt(files);
        if (!exists[f]) {
          exists[f] = true;
          sb.append("A\t").append(path[f]).append('\n');
        } else if (random.nextInt(100) == 0) {
          String to = path[f].replace(".java", "_" + c + ".java");
          sb.append("R100\t").append(path[f]).append('\t').append(to).append('\n');
          path[f] = to;
        } else {
          sb.append("M\t").append(path[f]).append('\n');
        }
      }
      oldestFirst.add(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    long total = 0;
    for (byte[] b : oldestFirst) {
      total += b.length;
    }
    log = new byte[Math.toIntExact(total)];
    int at = 0;
    for (int c = oldestFirst.size() - 1; c >= 0; c--) {
      byte[] b = oldestFirst.set(c, null);
      System.arraycopy(b, 0, log, at, b.length);
      at += b.length;
    }
    snapshot = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      if (exists[f]) {
        snapshot.add(path[f]);
      }
    }
  }

  /** Parse, accumulate and compute the greedy truck factor. */
  @Benchmark
  public TruckFactorResult parseAndGreedy() {
    try (CommitLogReader r =
        CommitLogReader.of(new ByteArrayInputStream(log), "synthetic", ReadOptions.strict())) {
      AuthorshipHistory h = CommitLogAuthorship.collect(r, snapshot, UnaryOperator.identity(),
          IdentityRule.NAME_OR_EMAIL, false);
      return TruckFactor.greedy().compute(h);
    }
  }
}
