package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.stars.Lockstep;
import io.github.communitymetrics.core.metrics.stars.LockstepParameters;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * How StarScout's lockstep (CopyCatch) detection grows with stars: a seeded, GH Archive-like year
 * of stars (each account's count drawn from one Pareto law, alpha 1.2, capped at 2,000;
 * repository popularity {@code floor(U^4 * stars / 20)}, so a few repositories get most stars) with one
 * planted group of 60 accounts on 12 repositories per 100,000 stars. Measured: {@link
 * Lockstep#detect} with StarScout's parameters, from the arrays to the flags.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class LockstepBenchmark {
  private static final long DAY = 86_400L;
  private static final long T0 = 1_700_000_000L;

  @Param({"100000", "1000000", "10000000"})
  public int stars;

  private int[] users;
  private int[] repos;
  private long[] seconds;
  private int planted;

  /** Generates the stars once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    users = new int[stars];
    repos = new int[stars];
    seconds = new long[stars];
    int repositories = Math.max(1, stars / 20);
    int groups = Math.max(1, stars / 100_000);
    int i = 0;
    for (int g = 0; g < groups && i + 720 <= stars; g++) {
      long start = T0 + random.nextLong(300 * DAY);
      for (int r = 0; r < 12; r++) {
        for (int u = 0; u < 60; u++) {
          users[i] = g * 60 + u;
          repos[i] = repositories + g * 12 + r;
          seconds[i] = start + r * 5 * DAY + random.nextLong(3 * DAY);
          i++;
        }
      }
    }
    planted = i;
    // Organic accounts after the planted ones' ids; each account's star count is drawn from
    // one fixed heavy-tailed law whatever the size (Pareto, alpha 1.2, at most 2,000: mean about
    // 5), as more data means more accounts, not busier ones.
    int account = groups * 60;
    while (i < stars) {
      int degree = (int) Math.min(2_000, Math.floor(Math.pow(1 - random.nextDouble(), -1 / 1.2)));
      for (int k = 0; k < degree && i < stars; k++, i++) {
        users[i] = account;
        double b = random.nextDouble();
        repos[i] = (int) (Math.pow(b, 4) * repositories); // popularity: low ids far more popular
        seconds[i] = T0 + random.nextLong(365 * DAY);
      }
      account++;
    }
  }

  /** Detects the groups; returns the flags so the work is not eliminated. */
  @Benchmark
  public BitSet detect() {
    BitSet flags = Lockstep.detect(users, repos, seconds, LockstepParameters.STARSCOUT);
    if (flags.cardinality() < planted) {
      throw new IllegalStateException("missed planted stars: " + flags.cardinality() + " < " + planted);
    }
    return flags;
  }
}
