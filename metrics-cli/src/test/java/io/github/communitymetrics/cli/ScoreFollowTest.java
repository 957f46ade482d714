package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code score --follow}: hours written into the watched directory while the command runs are
 * read, and after every update the first table with each update's rows applied (and its removed
 * names dropped) is the table {@code score} prints for every file so far, row for row; with
 * {@code --store} the hours are in the store afterwards. Real files, the command on a thread of
 * its own, the hours written in place as a download writes them.
 */
class ScoreFollowTest {
  @TempDir Path dir;

  /** Lines of each fixture hour: small enough for a few seconds a case. */
  private static final int LINES = 500;

  private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");

  @ParameterizedTest(name = "seed {0}, {1}, store {2}")
  @CsvSource({
    "1, lottery-factor;responsiveness, true",
    "2, lottery-factor;responsiveness, false",
    "3, '', true",
    "4, contributor-confidence;pony-factor, false",
  })
  void everyUpdateAppliedGivesTheTableOfEveryFileSoFar(long seed, String metrics, boolean store)
      throws Exception {
    Path hours = dir.resolve("hours");
    GhArchiveHourFixture.write(hours, seed, 3, LINES);
    List<String> args = new ArrayList<>(List.of(
        "score", "--gharchive", hours.toString(), "--json", "--follow", "--poll", "PT0.05S", "--updates", "3"));
    if (!metrics.isEmpty()) {
      args.addAll(List.of("--metric", metrics.replace(';', ',')));
    }
    Path storeFile = dir.resolve("hours.store");
    if (store) {
      args.addAll(List.of("--store", storeFile.toString()));
    }
    // Each new hour is written once the previous document is out: three updates, the second of
    // two hours at once (a directory of them moved in), one of them naming a known repository's
    // id with another name (a rename: every repository computed again, the old name removed) and
    // one a new id under a known name (two rows of one name, each named with its id); the last
    // 45 days later, so that rows change without events of their own (the lottery factor's 30
    // days of pull requests left behind).
    List<Runnable> arrivals = List.of(
        () -> hour(hours, seed, 3, Map.of()),
        () -> {
          Path together = dir.resolve("together");
          hour(together, seed, 4, Map.of());
          hour(together, seed, 5, Map.of("\"repo\":{\"id\":505,", "\"repo\":{\"id\":99505,"));
          move(together, hours.resolve("together"));
        },
        () -> hour(hours, seed, 6, Map.of("\"repo\":{\"id\":502,\"name\":\"org2/project2\"",
            "\"repo\":{\"id\":502,\"name\":\"org2/renamed2\"")));
    List<String> documents = follow(args, arrivals, 4);
    List<List<String>> expected = new ArrayList<>();
    for (int u = 1; u < documents.size(); u++) {
      // The same files read without --follow: every hour written so far.
      List<String> full = new ArrayList<>(List.of("score", "--json", "--gharchive"));
      for (int h = 0; h <= new int[] {2, 3, 5, 6}[u]; h++) {
        int hour = h;
        try (var walk = Files.walk(hours)) {
          full.add(walk.filter(f -> f.getFileName().toString().equals("2024-03-04-" + hour + ".json.gz"))
              .findFirst().orElseThrow().toString());
        }
      }
      if (!metrics.isEmpty()) {
        full.addAll(List.of("--metric", metrics.replace(';', ',')));
      }
      expected.add(full);
    }
    Map<String, Object> rows = assertEachUpdateGivesTheTable(documents, expected, "seed " + seed);
    assertTrue(rows.keySet().stream().anyMatch(n -> n.contains("(id 99505)")), "no row of two names: " + rows.keySet());
    assertTrue(rows.containsKey("org2/renamed2") && !rows.containsKey("org2/project2"), "not renamed: " + rows.keySet());
    if (store) {
      // The store holds every hour now: reading them all again reads none.
      CommunityMetricsCliTest.Run again = CommunityMetricsCliTest.run(
          "score", "--gharchive", hours.toString(), "--store", storeFile.toString(), "--json", "--metric", "lottery-factor");
      assertEquals(0, again.status(), again.err());
      assertTrue(again.err().contains("7 files (") && again.err().contains("loaded from the store, 0 files (0 events) read"),
          again.err());
    }
  }

  /**
   * Applies each update of {@code documents} (after the first) to the first's rows and checks
   * that they are then the rows of {@code score} run with the update's {@code expected}
   * arguments, row for row, at the same as-of; returns the rows after the last update.
   */
  static Map<String, Object> assertEachUpdateGivesTheTable(
      List<String> documents, List<List<String>> expected, String context) {
    Map<String, Object> rows = rows(documents.get(0));
    for (int u = 1; u < documents.size(); u++) {
      Object update = JsonTree.parse(documents.get(u));
      @SuppressWarnings("unchecked")
      List<String> removed = (List<String>) JsonTree.at(update, "removed");
      removed.forEach(rows::remove);
      rows.putAll(rows(documents.get(u)));
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(expected.get(u - 1).toArray(String[]::new));
      assertEquals(0, r.status(), r.err());
      assertEquals(JsonTree.at(JsonTree.parse(r.out()), "asOf"), JsonTree.at(update, "asOf"), context + ", update " + u);
      Map<String, Object> want = rows(r.out());
      assertEquals(want.keySet(), rows.keySet(), context + ", update " + u + ": the rows' names");
      for (String name : want.keySet()) {
        assertEquals(want.get(name), rows.get(name), context + ", update " + u + ", row " + name);
      }
    }
    return rows;
  }

  /**
   * Runs {@code args} on a thread, writing {@code arrivals}' hours one group after each document;
   * returns the {@code documents} lines of standard output.
   */
  static List<String> follow(List<String> args, List<Runnable> arrivals, int documents)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger status = new AtomicInteger(-1);
    Thread t = new Thread(() -> status.set(CommunityMetricsCli.run(new PrintWriter(out), new PrintWriter(err),
        args.toArray(String[]::new))));
    t.setDaemon(true);
    t.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    for (int seen = 1; seen <= documents; seen++) {
      while (lines(out) < seen) {
        if (!t.isAlive() && lines(out) < seen) {
          fail("ended after " + lines(out) + " documents, status " + status.get() + ": " + err);
        }
        if (System.nanoTime() > deadline) {
          t.interrupt();
          fail("no document " + seen + " in two minutes; standard error: " + err);
        }
        Thread.sleep(20);
      }
      if (seen <= arrivals.size()) {
        arrivals.get(seen - 1).run();
      }
    }
    t.join(Duration.ofMinutes(1).toMillis());
    assertEquals(0, status.get(), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(documents, lines.size(), err.toString());
    return lines;
  }

  private static long lines(StringWriter out) {
    return out.toString().chars().filter(c -> c == '\n').count();
  }

  /** A document's rows by name. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> rows(String document) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object row : (List<Object>) JsonTree.at(JsonTree.parse(document), "rows")) {
      out.put((String) JsonTree.at(row, "name"), row);
    }
    return out;
  }

  /**
   * Writes hour {@code h} of the fixture in {@code hours}, each text of {@code replace} replaced
   * in its lines, in place: first its bytes to a file elsewhere, then copied in slowly, as a
   * download would (the command must not read it half written).
   */
  private static Path hour(Path hours, long seed, int h, Map<String, String> replace) {
    try {
      Files.createDirectories(hours);
      Path staged = hours.resolveSibling("staged-" + h + ".json.gz");
      Instant start = START.plusSeconds(3600L * h).plus(Duration.ofDays(h == 6 ? 45 : 0));
      GhArchiveHourFixture.writeHour(staged, seed * 31 + h, start, LINES);
      if (!replace.isEmpty()) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(staged)), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            for (Map.Entry<String, String> e : replace.entrySet()) {
              line = line.replace(e.getKey(), e.getValue());
            }
            lines.add(line);
          }
        }
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(staged)), StandardCharsets.UTF_8)) {
          for (String line : lines) {
            w.write(line);
            w.write('\n');
          }
        }
      }
      byte[] bytes = Files.readAllBytes(staged);
      Path target = hours.resolve("2024-03-04-" + h + ".json.gz");
      try (var out = Files.newOutputStream(target)) {
        for (int at = 0; at < bytes.length; at += 4096) {
          out.write(bytes, at, Math.min(4096, bytes.length - at));
          out.flush();
          Thread.sleep(2);
        }
      }
      return target;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Moves directory {@code from} to {@code to} at once. */
  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Directories that come and go in the watched one (a download tool's temporary ones) while it
   * is listed do not stop the command: the next hour is still read.
   */
  @Test
  void directoriesComingAndGoingWhileListedAreNoError() throws Exception {
    Path hours = dir.resolve("hours");
    GhArchiveHourFixture.write(hours, 11, 1, 100);
    java.util.concurrent.atomic.AtomicBoolean churn = new java.util.concurrent.atomic.AtomicBoolean(true);
    AtomicInteger rounds = new AtomicInteger();
    Thread churner = new Thread(() -> {
      while (churn.get()) {
        try {
          Path d = hours.resolve("tmp" + rounds.get() % 3);
          Files.createDirectories(d.resolve("deeper"));
          Files.writeString(d.resolve("deeper/part.tmp"), "x");
          Files.delete(d.resolve("deeper/part.tmp"));
          Files.delete(d.resolve("deeper"));
          Files.delete(d);
          rounds.incrementAndGet();
        } catch (IOException e) {
          // raced with itself through a lingering directory: go on
        }
      }
    });
    churner.setDaemon(true);
    churner.start();
    try {
      List<String> documents = follow(
          List.of("score", "--gharchive", hours.toString(), "--json", "--follow", "--poll", "PT0.001S", "--updates", "1",
              "--metric", "lottery-factor"),
          List.of(() -> {
            // Let the listing meet the churn for a while before the hour comes.
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < until) {
              Thread.onSpinWait();
            }
            try {
              GhArchiveHourFixture.writeHour(hours.resolve("staged.json.gz.part"), 12, START.plusSeconds(3600), 100);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            move(hours.resolve("staged.json.gz.part"), hours.resolve("2024-03-04-1.json.gz"));
          }),
          2);
      assertTrue(rounds.get() > 100, "too little churn to tell: " + rounds.get());
      assertTrue(JsonTree.at(JsonTree.parse(documents.get(1)), "source").toString().contains("2024-03-04-1.json.gz"));
    } finally {
      churn.set(false);
      churner.join();
    }
  }

  @Test
  void optionsThatDoNotGoWithFollowAreUsageErrors() throws IOException {
    Path hours = dir.resolve("hours");
    List<Path> files = GhArchiveHourFixture.write(hours, 9, 1, 50);
    String d = hours.toString();
    for (List<String> bad : List.of(
        List.of("score", "--gharchive", d, "--follow", "--csv"),
        List.of("score", "--gharchive", d, "--follow", "--top", "3"),
        List.of("score", "--gharchive", d, "--follow", "--group-by", "owner"),
        List.of("score", "--gharchive", d, "--follow", "--as-of", "2024-03-05T00:00:00Z"),
        List.of("score", "--gharchive", d, "--follow", "--out", dir.resolve("x.json").toString()),
        List.of("score", "--gharchive", files.get(0).toString(), "--follow"),
        List.of("score", "--follow"),
        List.of("score", "--gharchive", d, "--follow", "--updates", "0"),
        List.of("score", "--gharchive", d, "--follow", "--poll", "soon"),
        List.of("score", "--gharchive", d, "--poll", "10s"),
        List.of("score", "--gharchive", d, "--updates", "2"))) {
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(bad.toArray(String[]::new));
      assertEquals(2, r.status(), bad + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), bad + ": " + r.err());
    }
  }
}
