package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.stars.Lockstep;
import io.github.communitymetrics.core.metrics.stars.LockstepParameters;
import java.util.Arrays;
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
 * How StarScout's lockstep (CopyCatch) detection grows with stars, on two seeded workloads, each
 * with one planted group of 60 accounts on 12 repositories per 100,000 stars. Measured: {@link
 * Lockstep#detect} with StarScout's parameters, from the arrays to the flags.
 *
 * <ul>
 *   <li>{@code denseYear}: every size is one year of stars (each account's count drawn from one
 *       Pareto law, alpha 1.2, capped at 2,000; repository popularity {@code floor(U^4 * stars /
 *       20)}). More stars means a denser year: the most starred repository gets {@code (20 /
 *       stars)^(1/4)} of them, 3.8% (376,000 stars) at 10^7, far above any real repository.
 *   <li>{@code ghArchive}: stars arrive at a fixed rate ({@link #starsPerDay}, default {@link #STARS_PER_DAY}), so more stars
 *       means more days, as GH Archive grows. Repositories come from a fixed pool of 10^6 with
 *       popularity {@code floor(U^2.5 * 10^6)}: the most starred gets 0.4% of the stars (about
 *       120 a day), the top 1% of repositories 16%. Each account stars a Pareto number (alpha 1.2,
 *       capped at 2,000) of repositories over its own half-year starting anywhere in the span, so
 *       an account's stars per detection window do not grow with the span, and heavy accounts
 *       (hundreds of stars) are as common per star at every size.
 * </ul>
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

  /**
   * The {@code ghArchive} workload's default rate of stars. Real GH Archive days may hold several
   * times more (58 of the 800 events of the shared data's 2021 hours are watch events, 7%; a day
   * has 3 to 4 million events): {@code -p starsPerDay=250000} measures that density.
   */
  static final long STARS_PER_DAY = 30_000;

  /** The {@code ghArchive} workload's rate of stars per day. */
  @Param({"30000"})
  public long starsPerDay;

  @Param({"100000", "1000000", "10000000"})
  public int stars;

  @Param({"denseYear", "ghArchive"})
  public String workload;

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
    boolean dense = switch (workload) {
      case "denseYear" -> true;
      case "ghArchive" -> false;
      default -> throw new IllegalArgumentException("unknown workload " + workload);
    };
    long span = dense ? 365 * DAY : Math.max(DAY, stars * DAY / starsPerDay);
    int repositories = dense ? Math.max(1, stars / 20) : 1_000_000;
    int groups = Math.max(1, stars / 100_000);
    int i = 0;
    for (int g = 0; g < groups && i + 720 <= stars; g++) {
      long start = T0 + random.nextLong(dense ? 300 * DAY : span);
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
    long active = 182 * DAY;
    while (i < stars) {
      int degree = (int) Math.min(2_000, Math.floor(Math.pow(1 - random.nextDouble(), -1 / 1.2)));
      long from = dense ? T0 : T0 - active + random.nextLong(span + active);
      int before = i;
      for (int k = 0; k < degree && i < stars; k++) {
        double b = random.nextDouble();
        long at = dense ? T0 + random.nextLong(365 * DAY) : from + random.nextLong(active);
        if (at < T0 || at >= T0 + span) {
          continue; // outside the recorded days
        }
        users[i] = account;
        // popularity: low ids far more popular
        repos[i] = (int) (Math.pow(b, dense ? 4 : 2.5) * repositories);
        seconds[i] = at;
        i++;
      }
      if (dense || i > before) {
        account++; // dense ids: an account with no star in the span takes none
      }
    }
    if (!dense) {
      // Dense repository ids, as callers give them (FakeStars numbers the repositories it sees):
      // a short span stars few of the pool's million.
      int[] ids = new int[repositories + groups * 12];
      Arrays.fill(ids, -1);
      int next = 0;
      for (int k = 0; k < stars; k++) {
        if (ids[repos[k]] < 0) {
          ids[repos[k]] = next++;
        }
        repos[k] = ids[repos[k]];
      }
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
