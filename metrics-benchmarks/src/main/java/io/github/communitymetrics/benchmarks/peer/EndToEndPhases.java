package io.github.communitymetrics.benchmarks.peer;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where {@code community-metrics score --gharchive DIR --metric ... --window 30d} spends its time,
 * phase by phase, in one JVM (issue 24): the same steps as the command's local engine, through
 * public APIs (so it measures whatever the modules hold): parse (the GH Archive reader with
 * {@code THREADS} reading threads into a sink that only counts: inflating and parsing alone),
 * read (the same reader streaming every event into an {@link EventStore.Builder}, as the command
 * does: parsing plus encoding into the store's staging columns), build ({@code build()}: sort,
 * duplicates, columns), people ({@code People.resolve}), scoring (each metric's {@code
 * evaluateEachRepository} over every repository). Each phase's wall time and the process's CPU
 * time in it (so that CPU over wall shows how many cores a phase used), and the heap in use after
 * it (after a collection requested outside the timed part). Repeated {@code REPEAT} times in the
 * same JVM: the first pass is the cold one the command pays.
 *
 * <p>Command line: {@code DIR ASOF METRIC[,METRIC...] [REPEAT [THREADS [ORDER [BUILD_THREADS]]]]};
 * {@code THREADS} defaults to what the command uses (the files or the available processors,
 * whichever is fewer), {@code ORDER} is {@code ordered} (file order, the default) or {@code
 * unordered} (each batch as it is parsed, {@link GhArchiveReader#readUnordered}), {@code
 * BUILD_THREADS} ({@link EventStore.Builder#threads}) defaults to the available processors, as
 * the command's {@code --threads}.
 */
public final class EndToEndPhases {
  private EndToEndPhases() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Instant asOf = Instant.parse(args[1]);
    List<MetricDescriptor<?>> metrics = new ArrayList<>();
    for (String id : args[2].split(",")) {
      metrics.add(MetricRegistry.standard().find(id.strip()).orElseThrow(() -> new IllegalArgumentException(id)));
    }
    int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList();
    }
    int threads = args.length > 4
        ? Integer.parseInt(args[4])
        : Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
    boolean unordered = args.length > 5 && args[5].equals("unordered");
    int buildThreads = args.length > 6 ? Integer.parseInt(args[6]) : Runtime.getRuntime().availableProcessors();
    Evaluation evaluation = new Evaluation(
        RepositoryScope.all(),
        Window.endingAt(asOf, Duration.ofDays(30)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT,
        Map.of());
    GhArchiveReader reader =
        GhArchiveReader.builder().threads(threads).options(ReadOptions.skipMalformed(20)).build();
    System.out.printf(Locale.ROOT, "%d files, %d reader threads (%s), %d build threads, %d processors, metrics %s%n",
        files.size(), threads, unordered ? "unordered" : "file order", buildThreads,
        Runtime.getRuntime().availableProcessors(), args[2]);
    for (int pass = 1; pass <= repeat; pass++) {
      Phase parse = new Phase();
      long[] count = new long[1];
      read(reader, files, unordered, e -> count[0]++);
      parse.end();
      long heapParse = heap();

      Phase read = new Phase();
      EventStore.Builder builder = EventStore.builder().threads(buildThreads);
      read(reader, files, unordered, builder::add);
      read.end();
      long heapRead = heap();

      Phase build = new Phase();
      EventStore store = builder.build();
      build.end();
      builder = null;
      long heapStore = heap();

      Phase resolve = new Phase();
      People people = People.resolve(store);
      resolve.end();
      long heapPeople = heap();

      Phase scoring = new Phase();
      StringBuilder each = new StringBuilder();
      long rows = 0;
      for (MetricDescriptor<?> d : metrics) {
        long m0 = System.nanoTime();
        rows += d.evaluateEachRepository(store, people, evaluation).size();
        each.append(String.format(Locale.ROOT, " %s %.0f ms", d.id(), (System.nanoTime() - m0) / 1e6));
      }
      scoring.end();
      System.out.printf(Locale.ROOT,
          "pass %d: %,d events parsed, %,d in the store, %,d repositories, %,d people%n"
              + "  parse only %s (heap after %,d MB)%n"
              + "  read into the builder %s (heap %,d MB)%n"
              + "  build %s (heap %,d MB)%n"
              + "  people %s (heap %,d MB, %.2f us per person)%n"
              + "  scoring %s (%,d results:%s)%n"
              + "  read + build + people + scoring: %.0f ms wall%n",
          pass, count[0], store.size(), store.repositories().size(), people.size(),
          parse, heapParse >> 20, read, heapRead >> 20, build, heapStore >> 20,
          resolve, heapPeople >> 20, resolve.wallNanos / 1e3 / Math.max(1, people.size()),
          scoring, rows, each,
          (read.wallNanos + build.wallNanos + resolve.wallNanos + scoring.wallNanos) / 1e6);
    }
  }

  private static void read(GhArchiveReader reader, List<Path> files, boolean unordered, Consumer<Event> sink) {
    if (unordered) {
      reader.readUnordered(files, sink);
    } else {
      reader.read(files, sink);
    }
  }

  /** A phase's wall time and the process's CPU time over it. */
  private static final class Phase {
    private final long wall0 = System.nanoTime();
    private final long cpu0 = cpu();
    long wallNanos;
    long cpuNanos;

    void end() {
      wallNanos = System.nanoTime() - wall0;
      cpuNanos = cpu() - cpu0;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f ms wall, %.0f ms CPU (%.2f cores)", wallNanos / 1e6, cpuNanos / 1e6,
          cpuNanos / (double) Math.max(1, wallNanos));
    }

    private static long cpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  /** Heap in use after a requested collection, in bytes. */
  private static long heap() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
