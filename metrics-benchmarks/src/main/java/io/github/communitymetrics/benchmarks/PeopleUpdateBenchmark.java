package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The people of a large store and a new hour's store together, as an update of {@link
 * io.github.communitymetrics.core.registry.IncrementalScores} resolves them: every actor read
 * again ({@link IdentityResolver#resolve(EventStore, EventStore, int)}), against only the new
 * store's actors read into the large store's kept tables ({@link
 * IdentityResolver#resolve(IdentityResolver.Prepared, EventStore, int)}). The large store holds
 * 10^6 GH Archive-shaped accounts ({@link GhArchiveActors}), about a day's; the new one 10^5, half
 * of them new (an hour's share). One thread: the time per update, in milliseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class PeopleUpdateBenchmark {
  /** The base and the new hour, and the base's tables kept. */
  @State(Scope.Benchmark)
  public static class Day {
    EventStore base;
    EventStore hour;
    IdentityResolver.Prepared prepared;

    /** Builds both stores and prepares the base once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      int large = 1_000_000;
      int added = 50_000;
      List<Actor> actors = GhArchiveActors.actors(large + added, 42);
      List<Actor> old = actors.subList(0, large);
      base = EventStore.of(GhArchiveActors.events(old, 43));
      List<Actor> seen = new ArrayList<>(actors.subList(large, large + added));
      SplittableRandom r = new SplittableRandom(44);
      for (int k = 0; k < added; k++) {
        seen.add(old.get(r.nextInt(large)));
      }
      hour = EventStore.of(GhArchiveActors.events(seen, 45));
      prepared = IdentityResolver.defaults().prepare(base, 1);
    }
  }

  /** Every actor of both stores read again. */
  @Benchmark
  public Identities everyActor(Day d) {
    return IdentityResolver.defaults().resolve(d.base, d.hour, 1);
  }

  /** The new store's actors read into copies of the base's tables. */
  @Benchmark
  public Identities newActorsOnly(Day d) {
    return IdentityResolver.defaults().resolve(d.prepared, d.hour, 1);
  }
}
