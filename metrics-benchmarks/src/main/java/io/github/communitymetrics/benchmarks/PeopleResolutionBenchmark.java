package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * People resolution ({@link People#resolve}: identity resolution with the default rules, bot
 * detection, and the store's actor-to-person arrays) over a store of GH Archive-shaped actors
 * ({@link GhArchiveActors}): 10^5 and 10^6 distinct accounts, Zipf-distributed activity.
 *
 * <p>The score is per actor: one invocation resolves every actor, and {@code
 * OperationsPerInvocation} is the store's number of distinct actors, so JMH divides by it. With {@code -prof gc}, {@code gc.alloc.rate.norm} is then bytes
 * allocated per actor. Issue 24's goal is well under a microsecond per actor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class PeopleResolutionBenchmark {
  /** 4 hours of GH Archive hold about 1.4 x 10^5 distinct actors. */
  static final int SMALL = 100_000;
  /** A day of GH Archive holds about 10^6 distinct actors. */
  static final int LARGE = 1_000_000;

  /** A store with {@link #SMALL} distinct actors. */
  @State(Scope.Benchmark)
  public static class Small {
    EventStore store;

    /** Builds the store once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      store = store(SMALL);
    }
  }

  /** A store with {@link #LARGE} distinct actors. */
  @State(Scope.Benchmark)
  public static class Large {
    EventStore store;

    /** Builds the store once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      store = store(LARGE);
    }
  }

  static EventStore store(int actors) {
    EventStore store = EventStore.of(GhArchiveActors.events(GhArchiveActors.actors(actors, 42), 43));
    if (store.actors().size() != actors) {
      throw new IllegalStateException("expected " + actors + " distinct actors, got " + store.actors().size());
    }
    return store;
  }

  /** Resolves the {@link #SMALL} actors; the score is per actor. */
  @Benchmark
  @OperationsPerInvocation(SMALL)
  public People resolve100k(Small s) {
    return People.resolve(s.store);
  }

  /** Resolves the {@link #LARGE} actors; the score is per actor. */
  @Benchmark
  @OperationsPerInvocation(LARGE)
  public People resolve1m(Large s) {
    return People.resolve(s.store);
  }
}
