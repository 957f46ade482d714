package io.github.communitymetrics.spark;

import io.github.communitymetrics.cli.CommunityMetricsCli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The main class of {@code community-metrics-spark.jar}: {@code community-metrics score} with the
 * Spark engine ({@link SparkScoreEngine}), so that
 *
 * <pre>{@code
 * spark-submit community-metrics-spark.jar --gharchive 's3a://bucket/gharchive/2024-01-*.json.gz' \
 *   --metric contributor-absence-factor --sort contributor-absence-factor:asc --out scores.parquet
 * }</pre>
 *
 * <p>takes exactly {@code score}'s options and writes the rows {@code score} writes.
 */
public final class SparkMain {
  private SparkMain() {}

  /** Runs {@code score --engine spark ARGS} and exits with its status. */
  public static void main(String[] args) {
    String[] full = new String[args.length + 3];
    full[0] = "score";
    full[1] = "--engine";
    full[2] = "spark";
    System.arraycopy(args, 0, full, 3, args.length);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(CommunityMetricsCli.run(out, err, full));
  }
}
