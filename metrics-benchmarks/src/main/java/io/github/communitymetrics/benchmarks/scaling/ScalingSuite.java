package io.github.communitymetrics.benchmarks.scaling;

import io.github.communitymetrics.benchmarks.Harness;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.benchmarks.peer.EquivalenceCheck;
import io.github.communitymetrics.core.metrics.EachRepository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Time and memory against input size, for ingestion and each metric of the peer comparison,
 * with a chart: the scaling suite of issue 9. A plain harness (medians of rounds after a warm-up
 * round, same JVM), not JMH, so that one command runs everything in minutes.
 *
 * <p>Per size {@code n} (events): a community from {@link SimulationConfig#ofApproximateSize} is
 * written once as gzip-compressed canonical JSON Lines to a temporary file; then, alternating in
 * each round:
 *
 * <ul>
 *   <li>{@code gzip -dc} of that file (the ingestion limit);
 *   <li>ingestion: reading the file with {@link EventJsonLines#reader} into an {@link
 *       EventStore};
 *   <li>people: {@link People#resolve} of the store;
 *   <li>the four metrics for every repository through {@link EachRepository}, as full results
 *       and projected onto the numbers the peer comparison compares: OpenSauced confidence and
 *       lottery factor as of the end of the history, LFX retention over the whole history
 *       (quarters), CHAOSS time to first response over its last 90 days;
 *   <li>one sequential pass over the store's columns (the scoring limit).
 * </ul>
 *
 * <p>Memory per event: {@link EventStore#estimatedBytes()} and the heap the store retains,
 * measured as the growth of the heap used after full collections (run with a stop-the-world
 * collector, as the script does, for stable numbers).
 *
 * <p>Writes {@code scaling.csv} and {@code scaling.svg} (two log-log panels: milliseconds and
 * bytes per event against events) to the output directory and a Markdown table to standard
 * output.
 *
 * <p>Usage: {@code ScalingSuite [--quick] [--out DIR] [--seed N] [SIZE...]}: sizes default to
 * 10^5, 10^6 and 10^7 events (10^5 and 10^6 with {@code --quick}); rounds after the warm-up: 5,
 * 3 and 2 by size (3 and 2 with {@code --quick}, 1 at 10^7).
 */
public final class ScalingSuite {
  private ScalingSuite() {}

  /** One measured task at one size: medians and extremes in milliseconds. */
  record Timing(long events, int repositories, String task, double medianMs, double minMs, double maxMs) {}

  /** Memory per event at one size. */
  record Memory(long events, double estimatedBytesPerEvent, double heapBytesPerEvent) {}

  /** Runs the suite; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean quick = rest.remove("--quick");
    Path out = Path.of(option(rest, "--out", "docs"));
    long seed = Long.parseLong(option(rest, "--seed", "42"));
    List<Integer> sizes = new ArrayList<>();
    for (String s : rest) {
      sizes.add(Integer.parseInt(s.replace("_", "")));
    }
    if (sizes.isEmpty()) {
      sizes = quick ? List.of(100_000, 1_000_000) : List.of(100_000, 1_000_000, 10_000_000);
    }
    long t0 = System.nanoTime();
    List<Timing> timings = new ArrayList<>();
    List<Memory> memory = new ArrayList<>();
    for (int n : sizes) {
      int rounds = n >= 10_000_000 ? 1 : n >= 1_000_000 ? 2 : (quick ? 3 : 5);
      if (!quick && n == 1_000_000) {
        rounds = 3;
      }
      measure(n, seed, rounds, timings, memory);
    }
    Files.createDirectories(out);
    writeCsv(out.resolve("scaling.csv"), timings, memory);
    String title = String.format(Locale.ROOT, "Scaling%s, %s, %d cores, load average %s",
        quick ? " (quick mode)" : "", Instant.now().toString().substring(0, 16) + "Z",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    ScalingChart.write(out.resolve("scaling.svg"), title, timings, memory);
    printMarkdown(timings, memory);
    System.out.printf(Locale.ROOT, "wall time %.0f s; wrote %s and %s%n",
        (System.nanoTime() - t0) / 1e9, out.resolve("scaling.csv"), out.resolve("scaling.svg"));
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    if (i < 0) {
      return fallback;
    }
    String v = args.get(i + 1);
    args.remove(i + 1);
    args.remove(i);
    return v;
  }

  private static void measure(int n, long seed, int rounds, List<Timing> timings, List<Memory> memory)
      throws Exception {
    SimulationConfig cfg = SimulationConfig.ofApproximateSize(seed, n);
    Path file = Files.createTempFile("scaling-", ".jsonl.gz");
    try {
      List<Event> events = CommunitySimulator.simulate(cfg).events();
      try (Writer w = new BufferedWriter(new OutputStreamWriter(
          new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
        EventJsonLines.writeAll(events, w);
      }
      events = null; // measure the store alone
      long base = Harness.usedAfterGc();
      EventStore store = ingest(file);
      long heap = Harness.usedAfterGc() - base;
      memory.add(new Memory(store.size(), (double) store.estimatedBytes() / store.size(),
          (double) heap / store.size()));
      People people = People.resolve(store);
      Instant asOf = cfg.end();
      Map<String, Harness.Task> tasks = new LinkedHashMap<>();
      tasks.put("gzip -dc", () -> new ProcessBuilder("gzip", "-dc", file.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
      tasks.put("ingestion", () -> ingest(file).size());
      tasks.put("people", () -> People.resolve(store).size());
      // Every repository through EachRepository: the full results, then the same projected onto
      // the numbers the peer comparison compares (one RepositoryTable each).
      OpenSaucedConfidence confidence = OpenSaucedConfidence.openSauced(store.repository(0), asOf);
      LotteryFactor lottery = LotteryFactor.openSauced(asOf);
      Retention retention = Retention.lfx(Window.of(cfg.start(), asOf));
      Responsiveness responsiveness = Responsiveness.chaoss(Window.endingAt(asOf, Duration.ofDays(90)), asOf);
      tasks.put("confidence", () -> EachRepository.compute(store, people, confidence::withRepository).size());
      tasks.put("lottery factor", () ->
          EachRepository.compute(store, people, r -> lottery.withScope(RepositoryScope.of(r))).size());
      tasks.put("retention", () ->
          EachRepository.compute(store, people, r -> retention.withScope(RepositoryScope.of(r))).size());
      tasks.put("first response", () ->
          EachRepository.compute(store, people, r -> responsiveness.withScope(RepositoryScope.of(r))).size());
      tasks.put("confidence, numbers-only", () -> EquivalenceCheck.confidenceTable(store, people, confidence).size());
      tasks.put("lottery factor, numbers-only", () -> EquivalenceCheck.lotteryTable(store, people, lottery).size());
      tasks.put("retention, numbers-only", () -> EquivalenceCheck.retentionTable(store, people, retention).size());
      tasks.put("first response, numbers-only", () ->
          EquivalenceCheck.firstResponseTable(store, people, responsiveness).size());
      tasks.put("column scan", () -> Harness.columnScan(store));
      Map<String, long[]> nanos = Harness.run(tasks, rounds);
      int repositories = store.repositories().size();
      nanos.forEach((task, v) -> timings.add(new Timing(store.size(), repositories, task,
          Harness.medianMs(v), Arrays.stream(v).min().orElseThrow() / 1e6, Arrays.stream(v).max().orElseThrow() / 1e6)));
      System.err.printf(Locale.ROOT, "%,d events, %,d repositories: done (%d rounds, load average %s)%n",
          store.size(), repositories, rounds, loadAverage());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Reads canonical JSON Lines (gzip) into a store: the ingestion measured. */
  static EventStore ingest(Path file) throws IOException {
    EventStore.Builder b = EventStore.builder();
    try (EventReader r = EventJsonLines.reader(new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16))) {
      while (r.hasNext()) {
        b.add(r.next());
      }
    }
    return b.build();
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void writeCsv(Path path, List<Timing> timings, List<Memory> memory) throws IOException {
    StringBuilder sb = new StringBuilder("events,repositories,task,median_ms,min_ms,max_ms,ns_per_event\n");
    for (Timing t : timings) {
      sb.append(String.format(Locale.ROOT, "%d,%d,%s,%.3f,%.3f,%.3f,%.1f%n", t.events(), t.repositories(),
          t.task(), t.medianMs(), t.minMs(), t.maxMs(), t.medianMs() * 1e6 / t.events()));
    }
    sb.append("\nevents,estimated_bytes_per_event,heap_bytes_per_event\n");
    for (Memory m : memory) {
      sb.append(String.format(Locale.ROOT, "%d,%.1f,%.1f%n", m.events(), m.estimatedBytesPerEvent(),
          m.heapBytesPerEvent()));
    }
    Files.writeString(path, sb.toString());
  }

  private static void printMarkdown(List<Timing> timings, List<Memory> memory) {
    System.out.println("| task | events | repositories | median ms (min-max) | ns/event |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Timing t : timings) {
      System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.1f (%.1f-%.1f) | %.0f |%n", t.task(), t.events(),
          t.repositories(), t.medianMs(), t.minMs(), t.maxMs(), t.medianMs() * 1e6 / t.events());
    }
    System.out.println();
    System.out.println("| events | estimated bytes/event | heap bytes/event |");
    System.out.println("|---:|---:|---:|");
    for (Memory m : memory) {
      System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f |%n", m.events(), m.estimatedBytesPerEvent(),
          m.heapBytesPerEvent());
    }
  }
}
