package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.cli.CommunityMetricsCli;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --engine spark} prints and writes exactly what {@code score} computes in memory:
 * the same command, the same options, on the same input, byte for byte (the source's name aside
 * where the engines read the files themselves). The Spark engine runs on this test's local session.
 */
class ScoreEngineParityTest {
  private static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The command's standard output; fails with its standard error unless it exits 0. */
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CommunityMetricsCli.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(0, status, () -> String.join(" ", args) + " failed: " + err);
    return out.toString();
  }

  private static String[] withEngine(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(1, List.of("--engine", "spark"));
    return a.toArray(String[]::new);
  }

  /**
   * Every registered metric the Spark engine computes by default: all but contributor confidence,
   * which reads other repositories' pull requests (the engine leaves it out by default, saying so),
   * and StarScout's two signals, which no per-repository score runs unless named.
   */
  private static final String SPARK_METRICS =
      "cohort-confidence,contributor-absence-factor,lottery-factor,pony-factor,contributor-dependency,"
          + "elephant-factor,onion-model,contributor-ladder,retention,responsiveness,new-contributors,"
          + "newcomer-experience,newcomer-staying,newcomer-welcomers,mentorship,good-first-issues,growth,star-trend,star-bursts,"
          + "approval-rule,decisions,maintainers,consumers,maturity-profile";

  /**
   * The same output from both engines, with {@code args} after {@code score}: the local engine
   * with {@link #SPARK_METRICS} unless the arguments name metrics, the Spark engine by default.
   */
  private static String assertSameOutput(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    if (!a.contains("--metric")) {
      a.addAll(List.of("--metric", SPARK_METRICS));
    }
    String local = run(a.toArray(String[]::new));
    String distributed = run(withEngine(args));
    assertSameLines(local, distributed);
    return local;
  }

  /** Equal texts; on failure, the first line that differs, not two walls of text. */
  private static void assertSameLines(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      assertEquals(e.get(i), a.get(i), "line " + (i + 1));
    }
    assertEquals(e.size(), a.size(), "lines");
    assertEquals(expected, actual);
  }

  @Test
  void theDemoScoresTheSameInSparkAsInMemory() {
    String json = assertSameOutput("score", "--json");
    assertTrue(json.contains("\"rows\""), json);
    // Every metric, sorted by one with no data last, the top three, as CSV; and owners.
    assertSameOutput("score", "--csv", "--sort", "lottery-factor:asc", "--top", "3");
    assertSameOutput("score", "--group-by", "owner", "--json", "--window", "365d");
    assertSameOutput("score", "--metric", "contributor-absence-factor,retention", "--as-of", "2025-03-01T00:00:00Z");
    assertSameOutput("score", "--json", "--metric", "low-activity-stars,lockstep-stars");
  }

  @Test
  void aJsonLinesFileReadBySparkScoresTheSameAsReadInMemory() throws IOException {
    Path events = dir.resolve("demo.jsonl");
    run("events", "export", "--out", events.toString());
    String json = assertSameOutput("score", "--events", events.toString(), "--json");
    assertTrue(json.contains("\"simulated\":false"), json);
    Path a = dir.resolve("local.jsonl");
    Path b = dir.resolve("spark.jsonl");
    run("score", "--events", events.toString(), "--metric", SPARK_METRICS, "--out", a.toString());
    run(withEngine("score", "--events", events.toString(), "--out", b.toString()));
    assertEquals(Files.readString(a, StandardCharsets.UTF_8), Files.readString(b, StandardCharsets.UTF_8));
    // Parquet: the same rows and footer, so the same bytes.
    Path c = dir.resolve("local.parquet");
    Path d = dir.resolve("spark.parquet");
    run("score", "--events", events.toString(), "--metric", SPARK_METRICS, "--out", c.toString());
    run(withEngine("score", "--events", events.toString(), "--out", d.toString()));
    assertTrue(Files.size(c) > 1000, "parquet bytes: " + Files.size(c));
    assertEquals(java.util.Arrays.toString(Files.readAllBytes(c)), java.util.Arrays.toString(Files.readAllBytes(d)));
  }

  @Test
  void unknownEngineIsAUsageErrorNamingTheKnownOnes() {
    StringWriter err = new StringWriter();
    int status =
        CommunityMetricsCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "score", "--engine", "flink");
    assertEquals(CommunityMetricsCli.EXIT_USAGE, status);
    assertTrue(err.toString().contains("known here: local, spark"), err.toString());
  }

  /** Real GH Archive hours, which Spark reads itself (the rows; the source's name differs). */
  @SharedDataTest
  @Test
  void realGhArchiveHoursScoreTheSameRows() throws IOException {
    Path hours = Files.createDirectories(dir.resolve("hours"));
    String klangner = "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/";
    List<String> paths = new ArrayList<>();
    for (String f : List.of(klangner + "2012-04-01-0.json.gz", klangner + "2012-10-13-0.json.gz")) {
      Path source = SharedData.resolve(f);
      paths.add(Files.copy(source, hours.resolve(source.getFileName())).toString());
    }
    List<String> local =
        new ArrayList<>(List.of("score", "--csv", "--metric", SPARK_METRICS, "--sort", "contributor-absence-factor:asc", "--gharchive"));
    local.addAll(paths);
    String a = run(local.toArray(String[]::new));
    String b = run(withEngine(local.toArray(String[]::new)));
    assertSameLines(a, b);
    assertTrue(a.lines().count() > 1000, "repositories: " + a.lines().count());
  }
}
