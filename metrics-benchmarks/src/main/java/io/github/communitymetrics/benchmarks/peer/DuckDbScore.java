package io.github.communitymetrics.benchmarks.peer;

import io.github.communitymetrics.benchmarks.peer.EquivalenceCheck.Confidence;
import io.github.communitymetrics.benchmarks.peer.EquivalenceCheck.FirstResponse;
import io.github.communitymetrics.benchmarks.peer.EquivalenceCheck.Lottery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * DuckDB's side of the end-to-end comparison (issue 24), meant to run in a process of its own:
 * loads GH Archive files with {@code read_ndjson_objects} and {@link EquivalenceCheck#LOAD}'s SQL,
 * then computes, for every repository, the three metrics that {@code community-metrics score
 * --metric contributor-confidence,lottery-factor,responsiveness --window 30d} computes with the
 * same definitions ({@link EquivalenceCheck#CONFIDENCE}, {@link EquivalenceCheck#LOTTERY}, {@link
 * EquivalenceCheck#FIRST_RESPONSE}: OpenSauced contributor confidence over the 30 days before
 * as-of, the OpenSauced lottery factor, CHAOSS time to first response over the 30 days before
 * as-of), and writes them to a tab-separated file that {@link EndToEndCheck} compares with ours.
 *
 * <p>Command line: {@code GLOB THREADS ASOF OUT.tsv} (THREADS 0: DuckDB's default). Prints the
 * load and query times in milliseconds on standard error.
 *
 * <p>Output lines: {@code confidence REPO STARGAZERS FORKERS STAR_WEIGHT FORK_WEIGHT}, {@code
 * lottery REPO FACTOR TOTAL}, {@code first-response REPO ITEMS ANSWERED P50_SECONDS P90_SECONDS}
 * (-1 when no item was answered); REPO is {@code owner/name#id}.
 */
public final class DuckDbScore {
  private DuckDbScore() {}

  public static void main(String[] args) throws Exception {
    String files = args[0];
    int threads = Integer.parseInt(args[1]);
    Instant asOf = Instant.parse(args[2]);
    Path out = Path.of(args[3]);
    long t0 = System.nanoTime();
    try (Connection c = EquivalenceCheck.load(files, threads)) {
      long t1 = System.nanoTime();
      Map<String, Confidence> confidence = EquivalenceCheck.duckConfidence(c, asOf);
      Map<String, Lottery> lottery = EquivalenceCheck.duckLottery(c, asOf);
      Map<String, FirstResponse> first = EquivalenceCheck.duckFirstResponse(c, asOf);
      long t2 = System.nanoTime();
      write(out, confidence, lottery, first);
      System.err.printf(Locale.ROOT, "duckdb: load %d ms, three metrics %d ms, %d/%d/%d repositories%n",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, confidence.size(), lottery.size(), first.size());
    }
  }

  static void write(Path out, Map<String, Confidence> confidence, Map<String, Lottery> lottery,
      Map<String, FirstResponse> first) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      confidence.forEach((r, v) -> w.println(String.join("\t", "confidence", r, Long.toString(v.stargazers()),
          Long.toString(v.forkers()), Double.toString(v.starWeight()), Double.toString(v.forkWeight()))));
      lottery.forEach((r, v) -> w.println(String.join("\t", "lottery", r, Integer.toString(v.factor()),
          Long.toString(v.total()))));
      first.forEach((r, v) -> w.println(String.join("\t", "first-response", r, Long.toString(v.items()),
          Long.toString(v.answered()), Long.toString(v.p50Seconds()), Long.toString(v.p90Seconds()))));
    }
  }
}
