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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where {@code community-metrics score --gharchive DIR --metric ... --window 30d} spends its time,
 * phase by phase, in one JVM (issue 24): the same steps as the command's local engine, through
 * public APIs (so it measures whatever the modules hold): read (GH Archive reader, threads = min(files,
 * available processors), into a list, then its {@code List.copyOf}), store ({@code
 * EventStore.of}), people ({@code People.resolve}), scoring (each metric's {@code
 * evaluateEachRepository} over every repository). Each phase's wall time in ms, and the heap in use
 * after it (after a collection requested outside the timed part). Repeated {@code REPEAT} times in
 * the same JVM: the first pass is the cold one the command pays.
 *
 * <p>Command line: {@code DIR ASOF METRIC[,METRIC...] [REPEAT]}.
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
    int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
    Evaluation evaluation = new Evaluation(
        RepositoryScope.all(),
        Window.endingAt(asOf, Duration.ofDays(30)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT,
        Map.of());
    System.out.printf(Locale.ROOT, "%d files, %d reader threads, metrics %s%n", files.size(), threads, args[2]);
    for (int pass = 1; pass <= repeat; pass++) {
      long t0 = System.nanoTime();
      List<Event> parsed = new ArrayList<>();
      GhArchiveReader.builder().threads(threads).options(ReadOptions.skipMalformed(20)).build()
          .read(files, parsed::add);
      List<Event> events = List.copyOf(parsed);
      parsed = null;
      long t1 = System.nanoTime();
      long heapRead = heap();
      long t1b = System.nanoTime();
      EventStore store = EventStore.of(events);
      long t2 = System.nanoTime();
      events = null;
      long heapStore = heap();
      long t2b = System.nanoTime();
      People people = People.resolve(store);
      long t3 = System.nanoTime();
      long heapPeople = heap();
      long t3b = System.nanoTime();
      StringBuilder each = new StringBuilder();
      long rows = 0;
      for (MetricDescriptor<?> d : metrics) {
        long m0 = System.nanoTime();
        rows += d.evaluateEachRepository(store, people, evaluation).size();
        each.append(String.format(Locale.ROOT, " %s %.0f ms", d.id(), (System.nanoTime() - m0) / 1e6));
      }
      long t4 = System.nanoTime();
      System.out.printf(Locale.ROOT,
          "pass %d: %,d events, %,d repositories, %,d people; read (parse, list, copy) %.0f ms (heap after %,d MB), "
              + "store %.0f ms (heap %,d MB), people %.0f ms (heap %,d MB, %.2f us per person), scoring %.0f ms "
              + "(%,d results:%s)%n",
          pass, store.size(), store.repositories().size(), people.size(), (t1 - t0) / 1e6, heapRead >> 20,
          (t2 - t1b) / 1e6, heapStore >> 20, (t3 - t2b) / 1e6, heapPeople >> 20,
          (t3 - t2b) / 1e3 / Math.max(1, people.size()), (t4 - t3b) / 1e6, rows, each);
    }
  }

  /** Heap in use after a requested collection, in bytes. */
  private static long heap() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
