package io.github.communitymetrics.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap and time of ingestion into an {@link EventStore} (issue 24): the retained bytes per event
 * of the finished store, the peak heap during ingestion (the most heap in use after any
 * collection while events are read and the store built, an upper bound of the live peak since a
 * young collection leaves the old generation's garbage counted) and its ratio to the store, and
 * the wall time. One run per JVM, so that peaks do not mix:
 *
 * <pre>
 * java -Xmx12g -Xmn256m -XX:+UseParallelGC -cp metrics-benchmarks/target/benchmarks.jar \
 *     io.github.communitymetrics.benchmarks.IngestionFootprint zipf 1000000 stream
 * java ... IngestionFootprint files DIR list|stream THREADS
 * java ... IngestionFootprint simulator 1000000 stream
 * </pre>
 *
 * <p>{@code list} is the path before streaming ingestion: every event collected in a list, the
 * list copied ({@code List.copyOf}, as the CLI did) and the store built from the copy. {@code
 * stream} adds each event to an {@link EventStore.Builder} as it is read. {@code zipf} is a
 * seeded GH Archive-shaped generator (a push for every other event, about one distinct actor for
 * three events, heavy-tailed activity, new actor and repository objects per event as a parser
 * makes them); {@code files} reads GH Archive hours (e.g. written by {@code
 * peer.GhArchiveAmplifier}) with the reader's threads.
 */
public final class IngestionFootprint {
  private IngestionFootprint() {}

  /** The peak heap in use after a collection, since {@link #watchCollections}. */
  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

  private static boolean watching;

  /**
   * The most heap in use (bytes) after any collection since the last {@link #watchCollections}:
   * an upper bound of the live peak, since a young collection leaves the old generation's
   * garbage counted.
   */
  public static long peakAfterGc() {
    return PEAK_AFTER_GC.get();
  }

  /**
   * Prints one CSV line: shape, size argument, mode, threads, events in the store, store
   * bytes/event (retained), estimated bytes/event, peak heap bytes/event, peak / store, seconds,
   * the load average; then a fingerprint of the store's content.
   */
  public static void main(String[] args) throws Exception {
    String shape = args[0];
    String what = args[1];
    String mode = args[2];
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    boolean list = mode.equals("list");
    long base = Harness.usedAfterGc();
    watchCollections();
    long t0 = System.nanoTime();
    EventStore store;
    switch (shape) {
      case "zipf" -> {
        int n = Integer.parseInt(what);
        store = list ? viaList(sink -> zipf(n, 42, sink)) : viaBuilder(sink -> zipf(n, 42, sink));
      }
      case "simulator" -> {
        // The simulator hands over a list of its own; only the store's part can stream here.
        int n = Integer.parseInt(what);
        List<Event> events =
            CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(42, n)).events();
        store = list ? viaList(events::forEach) : viaBuilder(events::forEach);
      }
      case "files" -> {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(what))) {
          files = s.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
        }
        GhArchiveReader reader =
            GhArchiveReader.builder().threads(threads).options(ReadOptions.skipMalformed(20)).build();
        store =
            list
                ? viaList(sink -> reader.read(files, sink))
                : viaBuilder(sink -> reader.read(files, sink));
      }
      default -> throw new IllegalArgumentException("zipf, simulator or files: " + shape);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peak = Math.max(PEAK_AFTER_GC.get(), Harness.usedAfterGc()) - base;
    long retained = Harness.usedAfterGc() - base;
    int size = store.size();
    System.out.printf(
        Locale.ROOT,
        "%s, %s, %s, %d, %d, %.1f, %.1f, %.1f, %.2f, %.2f, load %.2f%n",
        shape,
        what,
        mode,
        threads,
        size,
        (double) retained / size,
        (double) store.estimatedBytes() / size,
        (double) peak / size,
        (double) peak / retained,
        seconds,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    // After the measurements (it allocates): what the store holds, to compare two builds.
    System.out.printf(Locale.ROOT, "fingerprint %016x%n", fingerprint(store));
  }

  /**
   * A 64-bit FNV-1a hash of everything the store says: each event (its text, in store order),
   * interned indices, the actor and repository lists and the duplicates dropped.
   */
  static long fingerprint(EventStore store) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < store.size(); i++) {
      h = fnv(h, store.event(i).toString());
      h = fnv(h, store.actorIndex(i) + "," + store.repositoryIndex(i) + "," + store.secondActorIndex(i));
    }
    h = fnv(h, store.actors().toString());
    h = fnv(h, store.repositories().toString());
    return fnv(h, Long.toString(store.duplicatesDropped()));
  }

  private static long fnv(long h, String s) {
    for (int k = 0; k < s.length(); k++) {
      h = (h ^ s.charAt(k)) * 0x100000001b3L;
    }
    return (h ^ '|') * 0x100000001b3L;
  }

  private interface Source {
    void feed(Consumer<Event> sink) throws Exception;
  }

  /** The path before issue 24: a list, its copy, then the store. */
  private static EventStore viaList(Source source) throws Exception {
    List<Event> events = new ArrayList<>();
    source.feed(events::add);
    List<Event> copy = List.copyOf(events);
    events = null;
    return EventStore.of(copy);
  }

  private static EventStore viaBuilder(Source source) throws Exception {
    EventStore.Builder b = EventStore.builder();
    source.feed(b::add);
    return b.build();
  }

  /**
   * Starts recording the most heap in use after any collection ({@link #peakAfterGc}); calls
   * after the first only reset the peak to zero.
   */
  public static synchronized void watchCollections() {
    PEAK_AFTER_GC.set(0);
    if (watching) {
      return;
    }
    watching = true;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (!notification
                    .getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                  used += u.getUsed();
                }
                // Non-heap pools (metaspace, code) are small and constant here.
                PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
  }

  private static final AuthorAssociation[] ASSOCIATIONS = AuthorAssociation.values();

  /**
   * {@code n} GH Archive-shaped events over one day, in time order: about a third of the events
   * bring a new actor, a tenth a new repository, the rest pick earlier ones with a heavy tail.
   */
  public static void zipf(int n, long seed, Consumer<Event> sink) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    int actors = 0;
    int repos = 0;
    for (int i = 0; i < n; i++) {
      Instant at = start.plusSeconds(86_400L * i / n);
      int a = actors == 0 || random.nextInt(3) == 0 ? actors++ : skewed(random, actors);
      int r = repos == 0 || random.nextInt(10) == 0 ? repos++ : skewed(random, repos);
      // New objects per event, as a parser makes them.
      Actor actor = actor(a);
      Repository repo = new Repository(Forge.GITHUB, "owner" + (r % 50_000) + "/repo" + r, OptionalLong.of(r + 1L));
      int number = 1 + skewed(random, 2000);
      int dice = random.nextInt(1000);
      Optional<AuthorAssociation> association =
          Optional.of(ASSOCIATIONS[random.nextInt(ASSOCIATIONS.length)]);
      Event e;
      if (dice < 560) {
        e = new Push(at, repo, actor, random.nextInt(8) == 0 ? "refs/heads/feature-" + random.nextInt(1000) : "refs/heads/main", sha(random), 1 + random.nextInt(3));
      } else if (dice < 680) {
        e = new Star(at, repo, actor);
      } else if (dice < 710) {
        e = new Fork(at, repo, actor, Optional.of(actor.login().orElseThrow() + "/repo" + r));
      } else if (dice < 750) {
        e = new PullRequestOpened(at, repo, actor, number, false, Optional.of("main"), association);
      } else if (dice < 770) {
        e = new PullRequestClosed(at, repo, actor, number, Optional.of(actor(skewed(random, actors))));
      } else if (dice < 800) {
        e = new PullRequestMerged(at, repo, actor, number, Optional.of(actor(skewed(random, actors))), Optional.of("main"), Optional.of(sha(random)));
      } else if (dice < 880) {
        e = new IssueComment(at, repo, actor, number, random.nextBoolean(), association, OptionalLong.of(1_000_000_000L + i));
      } else if (dice < 910) {
        e = new IssueOpened(at, repo, actor, number, association);
      } else if (dice < 930) {
        e = new IssueClosed(at, repo, actor, number);
      } else if (dice < 960) {
        e = new Review(at, repo, actor, number, ReviewState.values()[random.nextInt(3)], Optional.of(actor(skewed(random, actors))), association, OptionalLong.of(2_000_000_000L + i));
      } else if (dice < 995) {
        e = new ReviewComment(at, repo, actor, number, association, OptionalLong.of(3_000_000_000L + i));
      } else {
        e = new Release(at, repo, actor, "v" + random.nextInt(100), Optional.empty(), false);
      }
      sink.accept(e);
    }
  }

  private static Actor actor(int a) {
    return new Actor(
        Forge.GITHUB,
        Optional.of("user" + a),
        OptionalLong.of(a + 1L),
        Optional.empty(),
        List.of(),
        ActorKind.USER);
  }

  /** An index in [0, size) with a heavy tail: low indices are far more likely. */
  private static int skewed(SplittableRandom random, int size) {
    return (int) (size * Math.pow(random.nextDouble(), 3));
  }

  private static String sha(SplittableRandom random) {
    return String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
  }
}
