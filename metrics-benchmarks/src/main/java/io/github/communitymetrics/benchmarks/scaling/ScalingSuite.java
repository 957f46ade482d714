package io.github.communitymetrics.benchmarks.scaling;

import io.github.communitymetrics.benchmarks.Harness;
import io.github.communitymetrics.benchmarks.IngestionFootprint;
import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Time and memory against input size for ingestion, people resolution and every registered
 * metric, with a chart: the scaling suite of issues 9 and 24. A plain harness (medians of rounds,
 * same JVM), not JMH, so that one command runs everything.
 *
 * <p><b>Input.</b> Up to {@value #COMMUNITY} events, one community of {@link
 * SimulationConfig#ofApproximateSize}{@code (seed, n)}. Above, {@code n / }{@value #COMMUNITY}
 * communities of {@code ofApproximateSize(seed + k, }{@value #COMMUNITY}{@code )}, community
 * {@code k > 0} under the organisation {@code demo-org-k}: the simulator hands over a whole sorted
 * list per community (its comment ids are numbered over the sorted community), so it streams by
 * community, and no more than one community's events are alive at once. With {@code --zipf} the
 * input is instead {@link IngestionFootprint#zipf} (one GH Archive-shaped day, streamed).
 *
 * <p><b>Per size</b>, in this order, never two stores alive at once:
 *
 * <ul>
 *   <li>{@code simulate}: generating the events (time only; not ingestion);
 *   <li>{@code ingestion (store)}: {@link EventStore.Builder#add} of every generated event and
 *       {@link EventStore.Builder#build}, timed without the generation; its memory rows are the
 *       store's retained heap per event (growth of the heap used after full collections), {@link
 *       EventStore#estimatedBytes()} per event and the peak heap after any collection during
 *       ingestion per event (an upper bound of the live peak, {@link IngestionFootprint});
 *   <li>up to {@code --json-max} events: {@code gzip -dc} of the events written as gzip canonical
 *       JSON Lines (the reading limit) and {@code ingestion (gzip JSON Lines)}, reading that file
 *       into a store, the previous store dropped first;
 *   <li>{@code column scan}: one sequential pass over the store's columns (the scoring limit);
 *   <li>{@code people}: {@link People#resolve};
 *   <li>each metric of {@link MetricRegistry#standard()}, scored for every repository as {@code
 *       community-metrics score} does: {@link MetricDescriptor#measureEachRepository} on one
 *       thread, with score's default evaluation (every repository, 90 days ending one second after
 *       the last event, unmapped e-mail domains as organisations, commits counted).
 * </ul>
 *
 * <p><b>Measured per task</b>: wall time, CPU time of the measuring thread (garbage collection
 * threads not included) and bytes the thread allocated ({@code
 * com.sun.management.ThreadMXBean}), medians over the rounds; and once, after the rounds, the
 * heap the last result retains (heap used after full collections with the result held, minus
 * without it): for a metric, the measurements {@code score} keeps; for people, the resolution.
 *
 * <p><b>Rounds</b> (a run over 10 s ends the rounds after the next): below 10^6 events 5 after a
 * warm-up round (2 with {@code --quick}), below 10^7 3 after a warm-up (1 without warm-up with
 * {@code --quick}), from 10^7 one round without warm-up. A metric whose time at the previous
 * size, scaled to this size by the growth exponent of the last two sizes (at least 1), exceeds
 * {@code --budget} seconds (default 900), and any task that would start after {@code
 * --deadline}, is not run: its row says why. With {@code --quick} the prediction is the CPU time
 * at 10^5 scaled by exponent 2 (the steepest growth measured) and the budget 20 s, which leaves
 * out at 10^6 the metrics that read the whole input for each repository (and the governance
 * metrics, near the line).
 *
 * <p>Writes {@code scaling.csv} and {@code scaling.svg} ({@link ScalingChart}) to the output
 * directory after each size (after each task from 10^8 events), keeping with {@code --merge} the
 * rows of other sizes already in {@code scaling.csv}, and prints a Markdown table.
 *
 * <p>{@code --chart} only redraws {@code scaling.svg} from {@code scaling.csv}.
 *
 * <p>Usage: {@code ScalingSuite [--quick] [--merge] [--chart] [--zipf] [--out DIR] [--seed N] [--budget
 * SECONDS] [--deadline INSTANT] [--json-max N] [SIZE...]}; sizes default to 10^5, 10^6 and 10^7
 * (10^5 and 10^6 with {@code --quick}).
 */
public final class ScalingSuite {
  private ScalingSuite() {}

  /** Events per simulated community above which the input is several communities. */
  static final int COMMUNITY = 1_000_000;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /** A run longer than this (10 s) ends a task's rounds after the next one. */
  private static final long LONG_RUN_NANOS = 10_000_000_000L;

  /**
   * One task at one size. Times in milliseconds and bytes as measured (not per event); {@code
   * rounds} 0 when the task was not run, {@code note} then says why. NaN where not measured.
   *
   * @param events events in the store
   * @param source what the events are
   * @param repositories repositories in the store
   * @param task what was timed
   * @param rounds measured rounds (the warm-up not counted)
   * @param medianMs median wall time, ms
   * @param minMs fastest round, ms
   * @param maxMs slowest round, ms
   * @param cpuMs median CPU time of the measuring thread, ms
   * @param allocatedBytes median bytes the measuring thread allocated in one run
   * @param retainedBytes heap the last run's result retains, bytes
   * @param load the one-minute load average when the task ended
   * @param note why not run, or what else to know; no commas
   */
  record Row(
      long events,
      String source,
      int repositories,
      String task,
      int rounds,
      double medianMs,
      double minMs,
      double maxMs,
      double cpuMs,
      double allocatedBytes,
      double retainedBytes,
      double load,
      String note) {
    boolean measured() {
      return rounds > 0;
    }
  }

  /**
   * The store's memory at one size, bytes per event.
   *
   * @param events events in the store
   * @param source what the events are
   * @param estimatedBytesPerEvent {@link EventStore#estimatedBytes()} per event
   * @param heapBytesPerEvent the store's retained heap per event
   * @param peakBytesPerEvent the peak heap after any collection during ingestion per event
   */
  record Memory(
      long events,
      String source,
      double estimatedBytesPerEvent,
      double heapBytesPerEvent,
      double peakBytesPerEvent) {}

  /** What one run of a task returns: kept until the next run, to measure what it retains. */
  @FunctionalInterface
  interface Task {
    Object run() throws Exception;
  }

  /** The options of one run of the suite. */
  private record Options(
      boolean quick,
      boolean zipf,
      Path out,
      long seed,
      double budgetSeconds,
      Optional<Instant> deadline,
      long jsonMax,
      List<Row> kept,
      List<Memory> keptMemory) {}

  /** Runs the suite; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean quick = rest.remove("--quick");
    boolean merge = rest.remove("--merge");
    boolean zipf = rest.remove("--zipf");
    boolean chart = rest.remove("--chart");
    merge |= chart;
    Path out = Path.of(option(rest, "--out", "docs"));
    long seed = Long.parseLong(option(rest, "--seed", "42"));
    double budget = Double.parseDouble(option(rest, "--budget", quick ? "20" : "900"));
    String deadline = option(rest, "--deadline", "");
    long jsonMax = Long.parseLong(option(rest, "--json-max", "10000000").replace("_", ""));
    List<Integer> sizes = new ArrayList<>();
    for (String s : rest) {
      sizes.add(Integer.parseInt(s.replace("_", "")));
    }
    if (sizes.isEmpty()) {
      sizes = quick ? List.of(100_000, 1_000_000) : List.of(100_000, 1_000_000, 10_000_000);
    }
    List<Row> kept = new ArrayList<>();
    List<Memory> keptMemory = new ArrayList<>();
    Path csv = out.resolve("scaling.csv");
    if (merge && Files.exists(csv)) {
      ScalingCsv.read(csv, kept, keptMemory);
      List<Integer> replaced = chart ? List.of() : sizes;
      kept.removeIf(r -> replaced.contains(nominal(r.events())));
      keptMemory.removeIf(m -> replaced.contains(nominal(m.events())));
    }
    Options o = new Options(quick, zipf, out, seed, budget,
        deadline.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(deadline)), jsonMax, kept, keptMemory);
    if (chart) {
      write(o, List.of(), List.of());
      return;
    }
    long t0 = System.nanoTime();
    List<Row> rows = new ArrayList<>();
    List<Memory> memory = new ArrayList<>();
    for (int n : sizes) {
      measure(n, o, rows, memory);
      write(o, rows, memory);
    }
    printMarkdown(rows, memory);
    System.out.printf(Locale.ROOT, "wall time %.0f s; wrote %s and %s%n", (System.nanoTime() - t0) / 1e9,
        csv, out.resolve("scaling.svg"));
  }

  /** The power of ten nearest to {@code events}: the size asked for. */
  static int nominal(long events) {
    return (int) Math.round(Math.pow(10, Math.round(Math.log10(events))));
  }

  private static void write(Options o, List<Row> rows, List<Memory> memory) throws IOException {
    List<Row> allRows = new ArrayList<>(o.kept());
    allRows.addAll(rows);
    allRows.sort((a, b) -> Long.compare(a.events(), b.events()));
    List<Memory> allMemory = new ArrayList<>(o.keptMemory());
    allMemory.addAll(memory);
    allMemory.sort((a, b) -> Long.compare(a.events(), b.events()));
    Files.createDirectories(o.out());
    ScalingCsv.write(o.out().resolve("scaling.csv"), allRows, allMemory);
    String title = String.format(Locale.ROOT, "Scaling%s: %s, %d cores",
        o.quick() ? " (quick mode)" : "", Instant.now().toString().substring(0, 16) + "Z",
        Runtime.getRuntime().availableProcessors());
    ScalingChart.write(o.out().resolve("scaling.svg"), title, allRows, allMemory);
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

  /** The configuration of community {@code k} of an input of {@code n} events. */
  static SimulationConfig community(long seed, int k, int n) {
    if (n <= COMMUNITY) {
      return SimulationConfig.ofApproximateSize(seed, n);
    }
    SimulationConfig c = SimulationConfig.ofApproximateSize(seed + k, COMMUNITY);
    return k == 0 ? c : c.toBuilder().organization(c.organization() + "-" + k).build();
  }

  private static String source(Options o, int n) {
    if (o.zipf()) {
      return "zipf (one GH Archive-shaped day)";
    }
    return n <= COMMUNITY
        ? "simulator (one community)"
        : String.format(Locale.ROOT, "simulator (%d communities of 10^6)", (n + COMMUNITY - 1) / COMMUNITY);
  }

  /** Feeds the events of size {@code n} to {@code sink}, adding the generation's nanoseconds. */
  private static void generate(Options o, int n, Consumer<List<Event>> sink, long[] generationNanos) {
    if (o.zipf()) {
      int batch = 100_000;
      List<Event> chunk = new ArrayList<>(batch);
      long[] start = {System.nanoTime()};
      IngestionFootprint.zipf(n, o.seed(), e -> {
        chunk.add(e);
        if (chunk.size() == batch) {
          generationNanos[0] += System.nanoTime() - start[0];
          sink.accept(chunk);
          chunk.clear();
          start[0] = System.nanoTime();
        }
      });
      generationNanos[0] += System.nanoTime() - start[0];
      sink.accept(chunk);
      return;
    }
    int communities = n <= COMMUNITY ? 1 : (n + COMMUNITY - 1) / COMMUNITY;
    for (int k = 0; k < communities; k++) {
      long start = System.nanoTime();
      List<Event> events = CommunitySimulator.simulate(community(o.seed(), k, n)).events();
      generationNanos[0] += System.nanoTime() - start;
      sink.accept(events);
    }
  }

  private static void measure(int n, Options o, List<Row> rows, List<Memory> memory) throws Exception {
    String source = source(o, n);
    boolean json = n <= o.jsonMax();
    Path file = Files.createTempFile("scaling-", ".jsonl.gz");
    try {
      long base = heapAfterGc(n);
      IngestionFootprint.watchCollections();
      long[] generation = {0};
      long[] add = new long[3]; // wall, CPU, allocated
      EventStore[] store = {storeFrom(o, n, json ? Optional.of(file) : Optional.empty(), generation, add)};
      long peak = Math.max(IngestionFootprint.peakAfterGc(), MEMORY.getHeapMemoryUsage().getUsed()) - base;
      long heap = heapAfterGc(n) - base;
      int size = store[0].size();
      int repositories = store[0].repositories().size();
      memory.add(new Memory(size, source, (double) store[0].estimatedBytes() / size, (double) heap / size,
          (double) peak / size));
      Sized s = new Sized(size, source, repositories, n, o, rows, memory);
      s.add("simulate", 1, generation[0] / 1e6, Double.NaN, Double.NaN, Double.NaN,
          "generating the events; not ingestion");
      s.add("ingestion (store)", 1, add[0] / 1e6, add[1] / 1e6, add[2], heap,
          "EventStore.Builder add and build of generated events; retained = the store");
      System.err.printf(Locale.ROOT, "%,d events (%s), %,d repositories: generated in %.1f s, stored in %.1f s%n",
          size, source, repositories, generation[0] / 1e9, add[0] / 1e9);
      int rounds = n >= 10_000_000 ? 1 : n >= 1_000_000 ? (o.quick() ? 1 : 3) : (o.quick() ? 2 : 5);
      // From 10^7 (and at 10^6 in quick mode, after 10^5 warmed the code) a round takes long
      // enough that compilation is a small part of it.
      boolean warmUp = n < (o.quick() ? 1_000_000 : 10_000_000);
      if (json) {
        s.time("gzip -dc", rounds, warmUp, false, false, () -> new ProcessBuilder("gzip", "-dc", file.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(), "wall time of the process");
        s.time("ingestion (gzip JSON Lines)", rounds, warmUp, false, () -> {
          store[0] = null; // never two stores
          store[0] = ingest(file);
          return store[0];
        }, "");
      } else {
        for (String task : List.of("gzip -dc", "ingestion (gzip JSON Lines)")) {
          s.add(task, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
              "not run: above --json-max " + o.jsonMax() + " events the JSON Lines file is not written");
        }
      }
      Files.deleteIfExists(file);
      s.time("column scan", rounds, warmUp, false, () -> Harness.columnScan(store[0]), "");
      People[] people = {null};
      s.time("people", rounds, warmUp, true, () -> {
        people[0] = null;
        people[0] = People.resolve(store[0]);
        return people[0];
      }, "");
      Evaluation evaluation = scoreEvaluation(store[0]);
      for (MetricDescriptor<?> d : MetricRegistry.standard().metrics()) {
        s.time(d.id(), rounds, warmUp, true, () -> d.measureEachRepository(
            store[0], people[0], evaluation, ProgressListener.NONE, 1), "");
      }
      System.err.printf(Locale.ROOT, "%,d events: done (load average %s)%n", size, loadAverage());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * The store of the generated events of size {@code n}, also written to {@code json} if
   * present; adds the generation's wall nanoseconds to {@code generation[0]} and the store's
   * (adding and building) wall and CPU nanoseconds and allocated bytes to {@code add}. The
   * builder and its staging are gone when this returns.
   */
  private static EventStore storeFrom(Options o, int n, Optional<Path> json, long[] generation, long[] add)
      throws IOException {
    EventStore.Builder builder = EventStore.builder();
    try (Writer w = json.isEmpty() ? null : new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(json.get()), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      generate(o, n, events -> {
        long[] before = counters();
        builder.addAll(events);
        accumulate(add, before);
        if (w != null) {
          EventJsonLines.writeAll(events, w);
        }
      }, generation);
    }
    long[] before = counters();
    EventStore store = builder.build();
    accumulate(add, before);
    return store;
  }

  /** The evaluation of {@code community-metrics score} with its defaults (its {@code evaluation}). */
  static Evaluation scoreEvaluation(EventStore store) {
    Instant at = store.instant(store.size() - 1).plusSeconds(1);
    return new Evaluation(
        RepositoryScope.all(),
        Window.endingAt(at, Duration.ofDays(90)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT,
        Map.of());
  }

  /** The rows of one size. */
  private record Sized(
      long events, String source, int repositories, int nominal, Options o, List<Row> rows, List<Memory> memory) {
    void add(String task, int rounds, double wallMs, double cpuMs, double allocated, double retained,
        String note) {
      rows.add(new Row(events, source, repositories, task, rounds, wallMs, wallMs, wallMs, cpuMs, allocated,
          retained, load(), note));
    }

    /** Times {@code task}, unless the budget or the deadline says not to (then a row says why). */
    void time(String name, int rounds, boolean warmUp, boolean retained, Task task, String note)
        throws Exception {
      time(name, rounds, warmUp, retained, true, task, note);
    }

    /**
     * As above; {@code thread} false when the work is another process's, so that the measuring
     * thread's CPU time and allocation say nothing of it.
     */
    void time(String name, int rounds, boolean warmUp, boolean retained, boolean thread, Task task, String note)
        throws Exception {
      Optional<String> skip = skip(name);
      if (skip.isPresent()) {
        rows.add(new Row(events, source, repositories, name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, load(), skip.get()));
        System.err.printf(Locale.ROOT, "  %s: not run (%s)%n", name, skip.get());
        after();
        return;
      }
      long base = retained ? heapAfterGc(nominal) : 0;
      long[] wall = new long[rounds];
      long[] cpu = new long[rounds];
      long[] allocated = new long[rounds];
      Object last = null;
      int measured = rounds;
      for (int r = warmUp ? -1 : 0; r < measured; r++) {
        last = null;
        long[] before = counters();
        last = task.run();
        long[] used = new long[3];
        accumulate(used, before);
        if (last == null) {
          throw new IllegalStateException(name);
        }
        if (r >= 0) {
          wall[r] = used[0];
          cpu[r] = used[1];
          allocated[r] = used[2];
        }
        if (used[0] > LONG_RUN_NANOS) {
          // One run this long is measured once more at most: the suite has 35 tasks per size.
          measured = Math.min(measured, r + 2);
        }
      }
      wall = Arrays.copyOf(wall, measured);
      cpu = Arrays.copyOf(cpu, measured);
      allocated = Arrays.copyOf(allocated, measured);
      // What the last result retains: the heap with it held (by the caller's holder too, as
      // people's is) against before the rounds, when no result was held.
      double kept = retained ? heapAfterGc(nominal) - base : Double.NaN;
      last = null;
      Row row = new Row(events, source, repositories, name, measured, median(wall) / 1e6,
          Arrays.stream(wall).min().orElseThrow() / 1e6, Arrays.stream(wall).max().orElseThrow() / 1e6,
          thread ? median(cpu) / 1e6 : Double.NaN, thread ? median(allocated) : Double.NaN, kept, load(), note);
      rows.add(row);
      System.err.printf(Locale.ROOT, "  %s: %.1f ms (CPU %.1f ms), %.3g bytes allocated, %.3g retained%n",
          name, row.medianMs(), row.cpuMs(), row.allocatedBytes(), row.retainedBytes());
      after();
    }

    /** Writes the files after each task from 10^8 events: a long run leaves what it measured. */
    private void after() throws IOException {
      if (nominal >= 100_000_000) {
        ScalingSuite.write(o, rows, memory);
      }
    }

    private Optional<String> skip(String name) {
      if (o.deadline().isPresent() && Instant.now().isAfter(o.deadline().get())) {
        return Optional.of("not run: the run's deadline " + o.deadline().get() + " had passed");
      }
      if (MetricRegistry.standard().find(name).isEmpty()) {
        return Optional.empty(); // the budget is for metrics: ingestion and the limits always run
      }
      List<Row> earlier = new ArrayList<>(o.kept());
      earlier.addAll(rows);
      List<Row> smaller = earlier.stream()
          .filter(r -> r.task().equals(name) && r.measured() && r.events() < events)
          .sorted((a, b) -> Long.compare(a.events(), b.events()))
          .toList();
      if (smaller.isEmpty()) {
        return Optional.empty();
      }
      Row previous = smaller.get(smaller.size() - 1);
      // Growth at least linear; faster if the last two sizes grew faster (CPU time, steadier than
      // wall time on a shared machine): some metrics read the whole input for each repository.
      double exponent = 1;
      if (o.quick()) {
        // Quick mode has only 10^5 before 10^6: it assumes the steepest growth measured (about 2,
        // for the metrics that read the whole input for each repository) on the CPU time.
        exponent = 2;
      } else if (smaller.size() >= 2) {
        Row before = smaller.get(smaller.size() - 2);
        double a = Double.isNaN(before.cpuMs()) ? before.medianMs() : before.cpuMs();
        double b = Double.isNaN(previous.cpuMs()) ? previous.medianMs() : previous.cpuMs();
        if (a > 0 && b > 0) {
          exponent = Math.max(1, Math.log(b / a) / Math.log((double) previous.events() / before.events()));
        }
      }
      double base = o.quick() && !Double.isNaN(previous.cpuMs()) ? previous.cpuMs() : previous.medianMs();
      double predicted = base / 1e3 * Math.pow((double) events / previous.events(), exponent);
      if (predicted > o.budgetSeconds()) {
        return Optional.of(String.format(Locale.ROOT,
            "not run: %.1f s%s at %d events scaled to %d events by exponent %.2f is %.0f s (budget %.0f s)",
            base / 1e3, o.quick() ? " CPU" : "", previous.events(), events, exponent, predicted, o.budgetSeconds()));
      }
      return Optional.empty();
    }
  }

  /** Wall nanoseconds, thread CPU nanoseconds and thread allocated bytes now. */
  private static long[] counters() {
    return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadAllocatedBytes()};
  }

  /** Adds to {@code sum} what {@link #counters} grew by since {@code before}. */
  private static void accumulate(long[] sum, long[] before) {
    long[] now = counters();
    for (int i = 0; i < 3; i++) {
      sum[i] += now[i] - before[i];
    }
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

  /**
   * Heap in use after full collections (the script runs the parallel collector, where {@code
   * System.gc()} is one): the least of two, one from 10^8 events where each takes seconds.
   */
  private static long heapAfterGc(int nominal) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < (nominal >= 100_000_000 ? 1 : 2); i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
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

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void printMarkdown(List<Row> rows, List<Memory> memory) {
    System.out.println("| task | events | repositories | rounds | median ms (min-max) | CPU ms | allocated MB | retained MB | note |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %d | %.1f (%.1f-%.1f) | %.1f | %.1f | %.1f | %s |%n",
          r.task(), r.events(), r.repositories(), r.rounds(), r.medianMs(), r.minMs(), r.maxMs(), r.cpuMs(),
          r.allocatedBytes() / 1e6, r.retainedBytes() / 1e6, r.note());
    }
    System.out.println();
    System.out.println("| events | source | estimated bytes/event | heap bytes/event | ingestion peak bytes/event |");
    System.out.println("|---:|---|---:|---:|---:|");
    for (Memory m : memory) {
      System.out.printf(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.1f |%n", m.events(), m.source(),
          m.estimatedBytesPerEvent(), m.heapBytesPerEvent(), m.peakBytesPerEvent());
    }
  }
}
