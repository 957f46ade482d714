package io.github.communitymetrics.benchmarks.peer;

import io.github.communitymetrics.benchmarks.Harness;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain timing harness, same JVM, same run: ours against DuckDB on the same amplified GH Archive
 * file, alternating, medians of N rounds, with the four metrics of {@link EquivalenceCheck}
 * (OpenSauced confidence, lottery factor, LFX period-over-period retention, time to first
 * response) for every repository. Measured per round:
 *
 * <ul>
 *   <li>{@code gzip -dc} of the file to /dev/null (the ingestion limit);
 *   <li>ours parse only (GH Archive reader into a store) and DuckDB load only ({@code
 *       read_ndjson_objects} into a table);
 *   <li>ours end to end: read + store + people + the four metrics of every repository through
 *       {@link io.github.communitymetrics.core.metrics.EachRepository}, each projected onto the
 *       compared numbers (a {@code RepositoryTable});
 *   <li>DuckDB end to end: load + the four SQL queries;
 *   <li>scoring only, in total and per metric: ours on the store already built (people already
 *       resolved; resolving them is timed apart), projected onto the numbers and, as a second row,
 *       as the full results (with their evidence) turned into the compared records; DuckDB on the
 *       table already loaded;
 *   <li>one sequential pass over the store's columns (the scoring limit).
 * </ul>
 *
 * <p>Usage: {@code PeerComparison [--quick] [size] [seed]}: size as for {@link
 * GhArchiveAmplifier} ({@code hour} by default, about 170 thousand events; 24000 events, three
 * copies in one hour, with {@code --quick}); quick = 3 rounds, else 7. The file is written to the
 * temp directory and deleted at the end.
 */
public final class PeerComparison {
  private PeerComparison() {}

  /** Our four metrics of every repository on a built store; a checksum of the result sizes. */
  static int ourScoring(EventStore store, People people, Instant asOf) {
    return EquivalenceCheck.ourConfidence(store, people, asOf).size()
        + EquivalenceCheck.ourLottery(store, people, asOf).size()
        + EquivalenceCheck.ourRetention(store, people, asOf).size()
        + EquivalenceCheck.ourFirstResponse(store, people, asOf).size();
  }

  /** Our four metrics of every repository projected onto their numbers; a checksum of the table sizes. */
  static int numbersScoring(EventStore store, People people, Instant asOf) {
    return EquivalenceCheck.numbersConfidenceTable(store, people, asOf).size()
        + EquivalenceCheck.numbersLotteryTable(store, people, asOf).size()
        + EquivalenceCheck.numbersRetentionTable(store, people, asOf).size()
        + EquivalenceCheck.numbersFirstResponseTable(store, people, asOf).size();
  }

  /** DuckDB's four queries on the loaded table; a checksum of the result sizes. */
  static int duckScoring(Connection duck, Instant asOf) throws java.sql.SQLException {
    return EquivalenceCheck.duckConfidence(duck, asOf).size()
        + EquivalenceCheck.duckLottery(duck, asOf).size()
        + EquivalenceCheck.duckRetention(duck, asOf).size()
        + EquivalenceCheck.duckFirstResponse(duck, asOf).size();
  }

  /** Runs the comparison; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean quick = rest.remove("--quick");
    String size = rest.isEmpty() ? (quick ? "24000" : "hour") : rest.get(0);
    long seed = rest.size() > 1 ? Long.parseLong(rest.get(1)) : 1L;
    int rounds = quick ? 3 : 7;
    Path file = Files.createTempFile("peer-", ".json.gz");
    try {
      GhArchiveAmplifier.main(new String[] {file.toString(), size, Long.toString(seed), "8"});
      // every copy lies in [2024-01-01, 2024-01-01 + span); score at the end of the first 30 days
      Instant asOf = Instant.parse("2024-01-31T00:00:00Z");
      EventStore store = EquivalenceCheck.ours(file);
      People people = People.resolve(store);
      Connection duck = EquivalenceCheck.load(file);
      System.out.printf("events in store: %d, repositories: %d, file: %.1f MB, cores: %d%n",
          store.size(), store.repositories().size(), Files.size(file) / 1e6,
          Runtime.getRuntime().availableProcessors());

      Map<String, Harness.Task> tasks = new LinkedHashMap<>();
      tasks.put("gzip -dc", () -> new ProcessBuilder("gzip", "-dc", file.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
      tasks.put("ours parse only", () -> EquivalenceCheck.ours(file).size());
      tasks.put("duckdb load only", () -> {
        try (Connection c = EquivalenceCheck.load(file)) {
          return c;
        }
      });
      tasks.put("ours end to end", () -> {
        EventStore s = EquivalenceCheck.ours(file);
        return numbersScoring(s, People.resolve(s), asOf);
      });
      tasks.put("duckdb end to end", () -> {
        try (Connection c = EquivalenceCheck.load(file)) {
          return duckScoring(c, asOf);
        }
      });
      tasks.put("ours scoring", () -> numbersScoring(store, people, asOf));
      tasks.put("ours scoring, evidence", () -> ourScoring(store, people, asOf));
      tasks.put("duckdb scoring", () -> duckScoring(duck, asOf));
      tasks.put("ours people", () -> People.resolve(store));
      tasks.put("ours confidence", () -> EquivalenceCheck.numbersConfidenceTable(store, people, asOf).size());
      tasks.put("ours confidence, evidence", () -> EquivalenceCheck.ourConfidence(store, people, asOf).size());
      tasks.put("duckdb confidence", () -> EquivalenceCheck.duckConfidence(duck, asOf).size());
      tasks.put("ours lottery", () -> EquivalenceCheck.numbersLotteryTable(store, people, asOf).size());
      tasks.put("ours lottery, evidence", () -> EquivalenceCheck.ourLottery(store, people, asOf).size());
      tasks.put("duckdb lottery", () -> EquivalenceCheck.duckLottery(duck, asOf).size());
      tasks.put("ours retention", () -> EquivalenceCheck.numbersRetentionTable(store, people, asOf).size());
      tasks.put("ours retention, evidence", () -> EquivalenceCheck.ourRetention(store, people, asOf).size());
      tasks.put("duckdb retention", () -> EquivalenceCheck.duckRetention(duck, asOf).size());
      tasks.put("ours first response", () -> EquivalenceCheck.numbersFirstResponseTable(store, people, asOf).size());
      tasks.put("ours first response, evidence",
          () -> EquivalenceCheck.ourFirstResponse(store, people, asOf).size());
      tasks.put("duckdb first response", () -> EquivalenceCheck.duckFirstResponse(duck, asOf).size());
      tasks.put("column scan", () -> Harness.columnScan(store));

      Map<String, long[]> nanos = Harness.run(tasks, rounds);
      duck.close();
      Map<String, Double> median = new LinkedHashMap<>();
      nanos.forEach((k, v) -> median.put(k, Harness.medianMs(v)));
      System.out.printf("%d rounds, medians (ms):%n", rounds);
      median.forEach((k, v) -> System.out.printf("  %-32s %10.2f%n", k, v));
      System.out.println("people resolution (People.resolve) is in neither scoring row (the store and its people"
          + " are built once, as DuckDB's table is loaded once); it is timed apart as 'ours people' and is part"
          + " of 'ours end to end'. 'ours ...' rows are EachRepository's results projected onto the"
          + " numbers (a RepositoryTable each); '..., evidence' rows the same results turned into the"
          + " compared records. DuckDB's rows include"
          + " reading its results over JDBC into Java maps.");
      for (String m : List.of("confidence", "lottery", "retention", "first response")) {
        System.out.printf("  %-15s duckdb/ours %.2f, duckdb/evidence %.2f, ours/column scan %.2f%n", m,
            median.get("duckdb " + m) / median.get("ours " + m),
            median.get("duckdb " + m) / median.get("ours " + m + ", evidence"),
            median.get("ours " + m) / median.get("column scan"));
      }
      System.out.printf(
          "ratios: end to end duckdb/ours %.2f; scoring duckdb/ours %.2f (evidence forms %.2f); "
              + "scoring with people duckdb/ours %.2f; "
              + "ours end to end / gzip -dc %.2f; ours parse / gzip -dc %.2f; ours scoring / column scan %.1f%n",
          median.get("duckdb end to end") / median.get("ours end to end"),
          median.get("duckdb scoring") / median.get("ours scoring"),
          median.get("duckdb scoring") / median.get("ours scoring, evidence"),
          median.get("duckdb scoring") / (median.get("ours scoring") + median.get("ours people")),
          median.get("ours end to end") / median.get("gzip -dc"),
          median.get("ours parse only") / median.get("gzip -dc"),
          median.get("ours scoring") / median.get("column scan"));
      System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim()
          + " (at " + Instant.now() + ", window " + Duration.ofDays(30) + " to " + asOf + ")");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
