package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canonical JSON Lines read on Spark (split into partitions by Spark), with malformed and blank
 * lines: the summed report equals the core reader's on the same lines, the scores equal the
 * single-machine ones, and the JSON Lines output holds their measurements.
 */
class JsonLinesSparkTest {
  @TempDir static Path dir;
  @TempDir static Path outputs;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void linesReportAndScoresEqualTheSingleMachine() throws IOException {
    long seed = 424242;
    SimulatedCommunity c =
        CommunitySimulator.simulate(SimulationConfig.builder().seed(seed).repositories(2).months(6).build());
    Random random = new Random(seed);
    List<String> all = new ArrayList<>();
    int bad = 0;
    int blank = 0;
    for (Event e : c.events()) {
      all.add(EventJsonLines.toLine(e));
      int r = random.nextInt(200);
      if (r == 0) {
        all.add("{\"type\": \"star\"");
        bad++;
      } else if (r == 1) {
        all.add("  ");
        blank++;
      }
    }
    // Two files, so Spark reads at least two partitions.
    int half = all.size() / 2;
    Files.write(dir.resolve("a.jsonl"), all.subList(0, half), StandardCharsets.UTF_8);
    Files.write(dir.resolve("b.jsonl"), all.subList(half, all.size()), StandardCharsets.UTF_8);
    ReadReport local;
    try (EventReader reader =
        EventJsonLines.reader(new StringReader(String.join("\n", all) + "\n"), ReadOptions.skipMalformed(20))) {
      reader.forEachRemaining(e -> {});
      local = reader.report();
    }
    assertEquals(c.events().size(), local.eventsRead(), "seed " + seed);
    assertEquals(bad, local.malformedLinesSkipped(), "seed " + seed);

    Ingested<ReadReport> in = SparkEventSources.jsonLines(spark, dir.toString());
    List<SparkMetric<?, ?>> metrics = SparkScorerTest.metrics(c.config());
    Scores scores = SparkScorer.builder().metrics(metrics).build().score(in.events());
    Map<String, Map<String, Object>> expected =
        LocalSpark.singleMachine(EventStore.of(c.events()), metrics, Grouping.REPOSITORY);
    Map<String, Map<String, Object>> actual = scores.collect();
    assertEquals(expected.keySet(), actual.keySet());
    for (String g : expected.keySet()) {
      for (SparkMetric<?, ?> m : metrics) {
        Structural.assertEqual(expected.get(g).get(m.name()), actual.get(g).get(m.name()), g + " " + m.name());
      }
    }

    ReadReport summed = in.report();
    assertEquals(local.linesRead(), summed.linesRead());
    assertEquals(blank, summed.blankLines());
    assertEquals(local.blankLines(), summed.blankLines());
    assertEquals(local.eventsRead(), summed.eventsRead());
    assertEquals(local.malformedLinesSkipped(), summed.malformedLinesSkipped());
    assertEquals(Math.min(bad, 20), summed.skipped().size());

    String out = outputs.resolve("rows").toString();
    scores.writeJsonLines(out);
    List<ResultRow> want = LocalSpark.rows(expected, metrics);
    List<ResultRow> got =
        new ArrayList<>(
            spark.read().schema(Encoders.bean(ResultRow.class).schema()).json(out)
                .as(Encoders.bean(ResultRow.class)).collectAsList());
    got.sort(LocalSpark.ORDER);
    assertEquals(want, got);
    scores.release();
  }

  @Test
  void theJobRefusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> ScoreGhArchive.parse(new String[] {"--input", "x"}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScoreGhArchive.parse(
                new String[] {
                  "--input", "x", "--output", "y", "--start", "2024-01-01", "--as-of", "2024-02-01T00:00:00Z"
                }));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScoreGhArchive.parse(
                new String[] {
                  "--input", "x", "--output", "y", "--start", "2024-03-01T00:00:00Z",
                  "--as-of", "2024-02-01T00:00:00Z"
                }));
    ScoreGhArchive.Options o =
        ScoreGhArchive.parse(
            new String[] {
              "--input", "x", "--output", "y", "--start", "2024-01-01T00:00:00Z",
              "--as-of", "2024-02-01T00:00:00Z", "--format", "json", "--group-by", "owner"
            });
    assertEquals(Grouping.OWNER, o.grouping());
    assertEquals(false, o.parquet());
  }
}
