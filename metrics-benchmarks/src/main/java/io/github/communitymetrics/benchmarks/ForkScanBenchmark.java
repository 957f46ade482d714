package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.ForkEvents;
import io.github.communitymetrics.core.metrics.forks.ForkInput;
import io.github.communitymetrics.core.metrics.forks.ForkState;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * The fork scan ({@link ForkState}, shared by {@code fork-activity} and {@code hard-fork-signals})
 * over one GH Archive-shaped UTC day of {@link #events} events, in a built store.
 *
 * <p>The day (seeded): a pool of {@code events / 4} repositories with popularity {@code
 * floor(U^2.5 * pool)} and {@code events / 3} accounts; a mix near GH Archive's, where pushes
 * dominate: 55 % pushes, 8 % stars, 2 % forks (named {@code <login>/<name>}), 5 % pull requests
 * opened (half from a fork of the day), 3 % merged or closed, 12 % issue comments, 5 % issues
 * opened, 4 % reviews, 0.5 % releases, the rest pushes; 10 % of pushes and releases go to a fork
 * created earlier that day, as GH Archive records forks' own pushes. Repositories carry numeric
 * ids, as GH Archive's do.
 *
 * <ul>
 *   <li>{@link #scanAll}: the scan with every repository in scope (a whole day's forks);
 *   <li>{@link #scanOneRepository}: the scan for the most popular repository only, which still
 *       reads every repository's pushes (a fork's own events are outside the scope);
 *   <li>{@link #computeSignalsOneRepository}: scan and finish of {@code hard-fork-signals} for it;
 *   <li>{@link #scanOneRepositorySliced}: the same scan over {@link ForkInput}'s slice (the
 *       repository's events and its forks', found from its fork events and pull requests): the
 *       same results, without reading the other repositories' events;
 *   <li>{@link #forkSectionsWhole} and {@link #forkSectionsSliced}: what {@code report --html}'s
 *       fork sections cost, one scan and both finishes for each of the {@link #SECTIONS} most
 *       popular repositories, over the whole day or over each one's slice.
 * </ul>
 *
 * <p>The setup prints the day's size and the state's: forks known, repositories with activity
 * (the price of an exact merge over arbitrary slices) and encoded bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@org.openjdk.jmh.annotations.Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ForkScanBenchmark {
  private static final Instant DAY = Instant.parse("2024-03-05T00:00:00Z");
  private static final Window WINDOW = new Window(DAY, DAY.plusSeconds(86_400));

  /** Events in the day: GH Archive days hold 3 to 4 million. */
  @Param({"1000000"})
  public int events;

  private EventStore store;
  private People people;
  private Repository top;
  private SliceMetric<ForkState, ForkActivity.Result> all;
  private SliceMetric<ForkState, ForkActivity.Result> one;
  private SliceMetric<ForkState, HardForkSignals.Result> signals;
  private List<Repository> shown;

  /** The report's default --max-repositories: at most this many fork sections. */
  static final int SECTIONS = 25;

  /** Generates the day and builds the store once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    List<Event> day = day(events, 42);
    store = EventStore.of(day);
    people = People.resolve(store);
    top = repository(0);
    all = ForkActivity.of(RepositoryScope.all(), WINDOW, Granularity.DAY, ForkEvents.AUTO);
    one = ForkActivity.of(RepositoryScope.of(top), WINDOW, Granularity.DAY, ForkEvents.AUTO);
    signals = HardForkSignals.of(RepositoryScope.of(top), WINDOW, 3, ForkEvents.AUTO);
    shown = new ArrayList<>();
    for (int i = 0; i < SECTIONS; i++) {
      shown.add(repository(i));
    }
    long t0 = System.nanoTime();
    EventStore sliced = ForkInput.of(store, RepositoryScope.of(top));
    long t1 = System.nanoTime();
    System.out.printf("%nfirst ForkInput.of (builds the name index of %,d repositories): %.1f ms; slice of %s: %,d events%n",
        store.repositories().size(), (t1 - t0) / 1e6, top.fullName(), sliced.size());
    ForkState s = all.accumulate(store, people);
    ForkState o = one.accumulate(store, people);
    System.out.printf(
        "%nfork day: %,d events, %,d repositories, %,d actors; scope all: %,d forks, %,d repositories with activity, %,d bytes encoded;"
            + " scope %s: %,d forks, %,d bytes encoded%n",
        store.size(), store.repositories().size(), store.actors().size(), s.forkCount(), s.repositoriesWithActivity(),
        all.stateCodec().encode(s).length, top.fullName(), o.forkCount(), one.stateCodec().encode(o).length);
  }

  private static Repository repository(int i) {
    return new Repository(io.github.communitymetrics.core.event.Forge.GITHUB, "org" + (i % 997) + "/project-" + i, OptionalLong.of(1_000_000L + i));
  }

  static List<Event> day(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int pool = Math.max(1, n / 4);
    Actor[] actors = new Actor[Math.max(1, n / 3)];
    for (int a = 0; a < actors.length; a++) {
      actors[a] = new Actor(io.github.communitymetrics.core.event.Forge.GITHUB, Optional.of("user" + a), OptionalLong.of(a + 1L),
          Optional.empty(), List.of(), io.github.communitymetrics.core.event.ActorKind.USER);
    }
    List<Repository> forks = new ArrayList<>();
    List<Event> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant at = DAY.plusSeconds(r.nextLong(86_400));
      int index = (int) (pool * Math.pow(r.nextDouble(), 2.5));
      Repository repo = repository(index);
      Actor actor = actors[r.nextInt(actors.length)];
      int number = 1 + r.nextInt(5_000);
      double dice = r.nextDouble() * 100;
      if (dice < 8) {
        out.add(new Star(at, repo, actor));
      } else if (dice < 10) {
        String name = actor.login().orElseThrow() + "/" + repo.fullName().substring(repo.fullName().indexOf('/') + 1);
        out.add(new Fork(at, repo, actor, Optional.of(name)));
        forks.add(Repository.github(name));
      } else if (dice < 15) {
        Optional<String> head = forks.isEmpty() || r.nextBoolean() ? Optional.of(repo.fullName())
            : Optional.of(forks.get(r.nextInt(forks.size())).fullName());
        out.add(new PullRequestOpened(at, repo, actor, number, false, Optional.of("main"),
            Optional.of(AuthorAssociation.CONTRIBUTOR), List.of(), head, List.of()));
      } else if (dice < 18) {
        out.add(r.nextBoolean()
            ? new PullRequestMerged(at, repo, actor, number, Optional.of(actor), Optional.of("main"), Optional.empty())
            : new PullRequestClosed(at, repo, actor, number, Optional.of(actor)));
      } else if (dice < 30) {
        out.add(new IssueComment(at, repo, actor, number, false, Optional.of(AuthorAssociation.NONE), OptionalLong.of(i + 1L)));
      } else if (dice < 35) {
        out.add(new IssueOpened(at, repo, actor, number, Optional.of(AuthorAssociation.NONE)));
      } else if (dice < 39) {
        out.add(new Review(at, repo, actor, number, ReviewState.APPROVED, Optional.empty(), Optional.of(AuthorAssociation.MEMBER),
            OptionalLong.of(i + 1L)));
      } else {
        Repository target = !forks.isEmpty() && r.nextInt(10) == 0 ? forks.get(r.nextInt(forks.size())) : repo;
        if (dice < 39.5) {
          out.add(new Release(at, target, actor, "v" + r.nextInt(20), Optional.empty(), false));
        } else {
          String sha = Long.toHexString(r.nextLong() | (1L << 62)) + Long.toHexString(r.nextLong() | (1L << 62));
          out.add(new Push(at, target, actor, "refs/heads/main", sha, 1 + r.nextInt(4)));
        }
      }
    }
    return out;
  }

  /** The scan with every repository in scope. */
  @Benchmark
  public ForkState scanAll() {
    return all.accumulate(store, people);
  }

  /** The scan for the most popular repository (still reading every repository's activity). */
  @Benchmark
  public ForkState scanOneRepository() {
    return one.accumulate(store, people);
  }

  /** The scan for the most popular repository over its and its forks' events ({@link ForkInput}). */
  @Benchmark
  public ForkState scanOneRepositorySliced() {
    return one.accumulate(ForkInput.of(store, RepositoryScope.of(top)), people);
  }

  /** The report's fork sections over the whole day: per shown repository, one scan and two finishes. */
  @Benchmark
  public int forkSectionsWhole() {
    return forkSections(false);
  }

  /** The report's fork sections, each scan over the repository's {@link ForkInput} slice. */
  @Benchmark
  public int forkSectionsSliced() {
    return forkSections(true);
  }

  private int forkSections(boolean sliced) {
    int forks = 0;
    for (Repository r : shown) {
      RepositoryScope scope = RepositoryScope.of(r);
      SliceMetric<ForkState, ForkActivity.Result> a = ForkActivity.of(scope, WINDOW, Granularity.DAY, ForkEvents.AUTO);
      SliceMetric<ForkState, HardForkSignals.Result> h = HardForkSignals.of(scope, WINDOW, 3, ForkEvents.AUTO);
      ForkState state = a.accumulate(sliced ? ForkInput.of(store, scope) : store, people);
      forks += a.finish(state).forks().size() + h.finish(state).withSignals().size();
    }
    return forks;
  }

  /** Scan and finish of {@code hard-fork-signals} for the most popular repository. */
  @Benchmark
  public HardForkSignals.Result computeSignalsOneRepository() {
    return signals.compute(store, people);
  }
}
