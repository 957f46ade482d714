package io.github.communitymetrics.spark;

import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark job that scores every repository (or owner) in a directory of GH Archive files with
 * every registered metric that runs on a group's events ({@link CoreMetrics#all(RegistrySource,
 * SparkEvaluation)} of {@link RegistrySource#discovered()}: the built-in metrics and those of any
 * {@code MetricProvider} on the class path) and writes one row per group, metric and measurement
 * ({@link ResultRow}) as Parquet or JSON Lines.
 *
 * <pre>{@code
 * spark-submit --class io.github.communitymetrics.spark.ScoreGhArchive \
 *   --jars metrics-core.jar,metrics-github.jar,jackson-core.jar,... metrics-spark.jar \
 *   --input 's3a://bucket/gharchive/2024-01-*.json.gz' --output s3a://bucket/scores \
 *   --start 2023-01-01T00:00:00Z --as-of 2024-02-01T00:00:00Z [--format parquet|json]
 *   [--group-by repository|owner] [--min-partitions N]
 * }</pre>
 *
 * <p>Prints the ingestion report (files, lines, events, bad lines) and the number of rows written.
 * Exit status 0 on success, 2 on bad arguments.
 */
public final class ScoreGhArchive {
  private ScoreGhArchive() {}

  /** The job's arguments. */
  record Options(
      String input,
      String output,
      Instant start,
      Instant asOf,
      boolean parquet,
      Grouping grouping,
      int minPartitions) {}

  /** Runs the job with a session from {@code spark-submit} (or {@code -Dspark.master=...}). */
  public static void main(String[] args) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ScoreGhArchive: " + e.getMessage());
      System.err.println(
          "usage: --input PATH --output DIR --start INSTANT --as-of INSTANT"
              + " [--format parquet|json] [--group-by repository|owner] [--min-partitions N]");
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("community-metrics-score-gharchive").getOrCreate();
    try {
      run(spark, o, System.out);
    } finally {
      spark.stop();
    }
  }

  /** The job on a given session; returns the number of rows written. */
  static long run(SparkSession spark, Options o, PrintStream out) {
    Ingested<GhArchiveReport> in = SparkEventSources.ghArchive(spark, o.input(), o.minPartitions());
    Scores scores =
        SparkScorer.builder()
            .metrics(
                CoreMetrics.all(RegistrySource.discovered(), SparkEvaluation.of(o.start(), o.asOf())))
            .grouping(o.grouping())
            .build()
            .score(in.events());
    if (o.parquet()) {
      scores.writeParquet(o.output());
    } else {
      scores.writeJsonLines(o.output());
    }
    GhArchiveReport r = in.report();
    long rows =
        o.parquet()
            ? spark.read().parquet(o.output()).count()
            : spark.read().json(o.output()).count();
    scores.release();
    out.printf(
        "files %d, lines %d, events %d, not mapped %d, unmappable %d, malformed lines %d, corrupt inputs %d%n",
        r.files(), r.lines(), r.eventsMapped(), r.eventsNotMapped(), r.eventsUnmappable(),
        r.malformedLines(), r.corruptInputs().size());
    r.malformed().forEach(p -> out.println("malformed: " + p));
    r.corruptInputs().forEach(p -> out.println("corrupt: " + p));
    out.printf("rows %d written to %s%n", rows, o.output());
    return rows;
  }

  static Options parse(String[] args) {
    String input = null;
    String output = null;
    Instant start = null;
    Instant asOf = null;
    boolean parquet = true;
    Grouping grouping = Grouping.REPOSITORY;
    int minPartitions = 1;
    List<String> a = new ArrayList<>(List.of(args));
    for (int i = 0; i < a.size(); i += 2) {
      String key = a.get(i);
      if (i + 1 >= a.size()) {
        throw new IllegalArgumentException(key + " needs a value");
      }
      String v = a.get(i + 1);
      switch (key) {
        case "--input":
          input = v;
          break;
        case "--output":
          output = v;
          break;
        case "--start":
          start = instant(key, v);
          break;
        case "--as-of":
          asOf = instant(key, v);
          break;
        case "--format":
          if (!v.equals("parquet") && !v.equals("json")) {
            throw new IllegalArgumentException("--format is parquet or json, not " + v);
          }
          parquet = v.equals("parquet");
          break;
        case "--group-by":
          if (!v.equals("repository") && !v.equals("owner")) {
            throw new IllegalArgumentException("--group-by is repository or owner, not " + v);
          }
          grouping = v.equals("owner") ? Grouping.OWNER : Grouping.REPOSITORY;
          break;
        case "--min-partitions":
          try {
            minPartitions = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--min-partitions is a number, not " + v, e);
          }
          Args.positive(minPartitions, "--min-partitions");
          break;
        default:
          throw new IllegalArgumentException("unknown option " + key);
      }
    }
    if (input == null || output == null || start == null || asOf == null) {
      throw new IllegalArgumentException("--input, --output, --start and --as-of are required");
    }
    if (!start.isBefore(asOf)) {
      throw new IllegalArgumentException("--start must be before --as-of");
    }
    return new Options(input, output, start, asOf, parquet, grouping, minPartitions);
  }

  private static Instant instant(String key, String v) {
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is an ISO-8601 instant such as 2024-01-01T00:00:00Z, not " + v, e);
    }
  }
}
