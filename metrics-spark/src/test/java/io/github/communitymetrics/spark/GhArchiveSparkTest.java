package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real GH Archive hours of {@code ../shared/data/gharchive} (two complete 2012 hours and 800
 * events of 2021), plus a file of bad lines written here: Spark gives exactly the
 * single-machine results per repository for every metric, whatever the partitioning, and the
 * summed ingestion report equals {@link GhArchiveReader}'s.
 */
@SharedDataTest
class GhArchiveSparkTest {
  private static final String KLANGNER =
      "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/";
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
          + "2021-07-21-few-hours.json";

  @TempDir static Path dir;
  @TempDir static Path outputs;
  private static SparkSession spark;
  private static List<Path> files;

  @BeforeAll
  static void start() throws IOException {
    spark = LocalSpark.start();
    // Copies in a temporary directory (never in the repository), so one directory holds them.
    files = new ArrayList<>();
    for (String f : List.of(KLANGNER + "2012-04-01-0.json.gz", KLANGNER + "2012-10-13-0.json.gz", PINOT)) {
      Path source = SharedData.resolve(f);
      files.add(Files.copy(source, dir.resolve(source.getFileName())));
    }
    // Two malformed lines (not JSON; no time) and a blank one between two real events.
    List<String> real = Files.readAllLines(files.get(2), StandardCharsets.UTF_8);
    files.add(
        Files.write(
            dir.resolve("bad.json"),
            List.of(real.get(0), "not json at all", "", "{\"type\":\"WatchEvent\"}", real.get(1)),
            StandardCharsets.UTF_8));
    singleMachine();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final Instant START = Instant.parse("2011-01-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2022-01-01T00:00:00Z");

  private static GhArchiveReport local;
  private static List<SparkMetric<?, ?>> metrics;
  private static Map<String, Map<String, Object>> expected;

  private static void singleMachine() {
    List<Event> events = new ArrayList<>();
    local = GhArchiveReader.builder().build().read(files, events::add);
    // As the job: the built-in metrics and the test's own, discovered (PullRequestAbsenceFactor).
    metrics = CoreMetrics.all(RegistrySource.discovered(), SparkEvaluation.of(START, AS_OF));
    expected = LocalSpark.singleMachine(EventStore.of(events), metrics, Grouping.REPOSITORY);
  }

  @Test
  void perRepositoryResultsAndBadLinesEqualTheSingleMachine() {
    assertEquals(2, local.malformedLines(), "the bad file's two malformed lines");
    assertTrue(expected.size() > 1500, "repositories: " + expected.size());

    Ingested<GhArchiveReport> ingested = SparkEventSources.ghArchive(spark, dir.toString(), 2);
    // 1 and 7 partitions colocated by repository; 3 scattered (partial states merged). Scattered
    // runs accumulate every repository once per partition holding it, so one is enough here.
    for (int partitions : new int[] {1, 3, 7}) {
      Scores scores =
          SparkScorer.builder()
              .metrics(metrics)
              .colocateGroups(partitions != 3)
              .partitions(partitions)
              .build()
              .score(ingested.events().repartition(partitions));
      Map<String, Map<String, Object>> actual = scores.collect();
      scores.release();
      assertEquals(expected.keySet(), actual.keySet(), partitions + " partitions");
      for (String repo : expected.keySet()) {
        for (SparkMetric<?, ?> m : metrics) {
          Structural.assertEqual(
              expected.get(repo).get(m.name()),
              actual.get(repo).get(m.name()),
              partitions + " partitions, " + repo + ", " + m.name());
        }
      }
    }

    GhArchiveReport summed = ingested.report();
    assertEquals(local.files(), summed.files());
    assertEquals(local.lines(), summed.lines());
    assertEquals(local.blankLines(), summed.blankLines());
    assertEquals(local.uncompressedBytes(), summed.uncompressedBytes());
    assertEquals(local.mapped(), summed.mapped());
    assertEquals(local.notMapped(), summed.notMapped());
    assertEquals(local.unmappable(), summed.unmappable());
    assertEquals(local.filteredOut(), summed.filteredOut());
    assertEquals(local.malformedLines(), summed.malformedLines());
    assertEquals(lineAndReason(local.malformed()), lineAndReason(summed.malformed()));
    assertEquals(local.corruptInputs().size(), summed.corruptInputs().size());
  }

  /** The example job, run on this session: its Parquet rows are the single-machine measurements. */
  @Test
  void theJobWritesTheSingleMachineMeasurements() {
    String out = outputs.resolve("scores").toString();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    long rows =
        ScoreGhArchive.run(
            spark,
            ScoreGhArchive.parse(
                new String[] {
                  "--input", dir.toString() + "/*.json*", "--output", out,
                  "--start", START.toString(), "--as-of", AS_OF.toString(), "--min-partitions", "3"
                }),
            new PrintStream(printed, true, StandardCharsets.UTF_8));
    List<ResultRow> want = LocalSpark.rows(expected, metrics);
    List<ResultRow> got =
        spark.read().parquet(out).as(Encoders.bean(ResultRow.class)).collectAsList();
    List<ResultRow> sorted = new ArrayList<>(got);
    sorted.sort(LocalSpark.ORDER);
    assertEquals(want.size(), rows);
    assertEquals(want, sorted);
    String report = printed.toString(StandardCharsets.UTF_8);
    assertTrue(
        report.contains("files 4, lines " + local.lines() + ", events " + local.eventsMapped())
            && report.contains("malformed lines 2,"),
        report);
  }

  /** Problems without the file's name (Spark names files by URI, the reader by path). */
  private static List<String> lineAndReason(List<GhArchiveReport.Problem> problems) {
    return problems.stream()
        .map(p -> Path.of(p.file().replaceFirst("^file:", "")).getFileName() + ":" + p.line() + ": " + p.reason())
        .sorted()
        .collect(Collectors.toList());
  }

}
