package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Measures Spark local mode against the single-machine path on the same GH Archive files (not a
 * test: run by hand, see docs/performance.md). Arguments: the directory of files, the start and
 * as-of instants, {@code colocated} or {@code scattered}, then partition counts to try. Prints wall-clock times of each path and checks
 * that both give the same number of groups and equal results.
 */
public final class SparkOverhead {
  private SparkOverhead() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Instant start = Instant.parse(args[1]);
    Instant asOf = Instant.parse(args[2]);
    List<SparkMetric<?, ?>> metrics = CoreMetrics.all(start, asOf);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().contains(".json")).sorted().collect(Collectors.toList());
    }

    long t0 = System.nanoTime();
    List<Event> events = new ArrayList<>();
    GhArchiveReport report = GhArchiveReader.builder().threads(2).build().read(files, events::add);
    long t1 = System.nanoTime();
    EventStore store = EventStore.of(events);
    events = null;
    long t2 = System.nanoTime();
    Map<String, Map<String, Object>> local = LocalSpark.singleMachine(store, metrics, Grouping.REPOSITORY);
    long t3 = System.nanoTime();
    System.out.printf(
        "single machine: %d files, %d events (%d in store), %d repositories: read %.1f s, store %.1f s, metrics %.1f s, total %.1f s%n",
        files.size(), report.eventsMapped(), store.size(), local.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
        (t3 - t2) / 1e9, (t3 - t0) / 1e9);
    long u0 = System.nanoTime();
    Map<String, Map<String, Object>> own =
        LocalSpark.singleMachinePerGroupStores(store, metrics, Grouping.REPOSITORY);
    long u1 = System.nanoTime();
    long ownDiffering = 0;
    for (String g : local.keySet()) {
      for (SparkMetric<?, ?> m : metrics) {
        if (Structural.difference(local.get(g).get(m.name()), own.get(g) == null ? null : own.get(g).get(m.name()), "r", 0) != null) {
          ownDiffering++;
        }
      }
    }
    System.out.printf(
        "single machine, a store per repository: metrics %.1f s (results differing from slices: %d)%n",
        (u1 - u0) / 1e9, ownDiffering);
    store = null;

    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("overhead")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    try {
      boolean colocate = args[3].equals("colocated");
      for (int i = 4; i < args.length; i++) {
        int partitions = Integer.parseInt(args[i]);
        long s0 = System.nanoTime();
        Ingested<GhArchiveReport> in = SparkEventSources.ghArchive(spark, dir.toString(), files.size());
        long n = in.events().count();
        long s1 = System.nanoTime();
        Scores scores =
            SparkScorer.builder()
                .metrics(metrics)
                .colocateGroups(colocate)
                .partitions(partitions)
                .build()
                .score(in.events());
        long rows = scores.rows().count();
        long s2 = System.nanoTime();
        System.out.printf(
            "spark local[2], %s, %d partitions: ingest %.1f s (%d events), score %.1f s (%d rows), total %.1f s%n",
            args[3], partitions, (s1 - s0) / 1e9, n, (s2 - s1) / 1e9, rows, (s2 - s0) / 1e9);
        if (i == 4) {
          long c0 = System.nanoTime();
          Map<String, Map<String, Object>> remote = scores.collect();
          long c1 = System.nanoTime();
          long differing = 0;
          for (String g : local.keySet()) {
            for (SparkMetric<?, ?> m : metrics) {
              if (Structural.difference(local.get(g).get(m.name()), remote.get(g) == null ? null : remote.get(g).get(m.name()), "r", 0) != null) {
                differing++;
              }
            }
          }
          System.out.printf(
              "  collected %d groups in %.1f s; results differing from the single machine: %d; groups equal: %b%n",
              remote.size(), (c1 - c0) / 1e9, differing, remote.keySet().equals(local.keySet()));
        }
        scores.release();
        in.events().unpersist();
      }
    } finally {
      spark.stop();
    }
  }
}
