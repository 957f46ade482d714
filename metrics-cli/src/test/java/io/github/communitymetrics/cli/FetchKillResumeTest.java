package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.communitymetrics.core.io.EventJsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills the real {@code fetch} process with SIGKILL at seeded random moments while it reads a
 * loopback forge, runs the same command again until it completes, and compares the events with a
 * clean run's: none lost, none twice. The kill comes a random 0-25 ms after a random request
 * arrived, so it lands while the child parses a page, writes events, forces them or replaces the
 * checkpoint, as well as while it waits for an answer.
 */
class FetchKillResumeTest {
  private static final int KILLS_PER_CASE = 5;

  @TempDir Path dir;

  /**
   * GitHub and GitLab, plain and gzip, over two seeds, and every repository of a GitHub
   * organisation (three, each with cursors of its own): 5 cases of 5 kills.
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("github", ".jsonl", 11L),
        Arguments.of("github-owner", ".jsonl", 17L),
        Arguments.of("github", ".jsonl.gz", 29L),
        Arguments.of("gitlab", ".jsonl", 11L),
        Arguments.of("gitlab", ".jsonl.gz", 29L));
  }

  private static List<String> args(String forge, String url, Path checkpoint, Path out) {
    List<String> args = new ArrayList<>(List.of("fetch"));
    if (forge.equals("github")) {
      args.addAll(List.of("--github", "acme/widget", "--api-url", url, "--only", "stargazers,issues,issue_comments"));
    } else if (forge.equals("github-owner")) {
      args.addAll(List.of("--github", "acme", "--api-url", url, "--only", "stargazers"));
    } else {
      args.addAll(List.of("--gitlab", "acme/widget", "--gitlab-url", url, "--only", "starrers,issues,issue_notes"));
    }
    if (checkpoint != null) {
      args.addAll(List.of("--checkpoint", checkpoint.toString()));
    }
    args.addAll(List.of("--out", out.toString()));
    return args;
  }

  private static Process start(List<String> cliArgs, Path log) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dsun.net.httpserver.nodelay=true", "-cp", classPath));
    command.add(CommunityMetricsCli.class.getName());
    command.addAll(cliArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // No token: the child must not reach for GraphQL or send a developer's credential anywhere.
    builder.environment().keySet().removeIf(k -> k.endsWith("_TOKEN"));
    return builder.start();
  }

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @MethodSource("cases")
  void killedAtRandomMomentsAndResumedLosesAndRepeatsNothing(String forge, String suffix, long seed) throws Exception {
    try (FakeForgeServer server = new FakeForgeServer(FakeForgeServer.Order.KEPT)) {
      // The clean run, in this JVM: what the resumed runs must add up to.
      Path clean = dir.resolve("clean" + suffix);
      StringWriter cleanErr = new StringWriter();
      int status =
          CommunityMetricsCli.run(
              new PrintWriter(new StringWriter()),
              new PrintWriter(cleanErr),
              args(forge, server.url(), dir.resolve("clean-ckpt"), clean).toArray(String[]::new));
      assertEquals(0, status, cleanErr.toString());
      int requestsOfACleanRun = server.requests();
      List<String> expected = lines(clean);
      assertTrue(expected.size() > 1000, "the clean run wrote " + expected.size() + " events");
      if (forge.equals("github-owner")) {
        assertEquals(FakeForgeServer.OWNED.size() * FakeForgeServer.STARS, expected.size(), "every repository's stars");
      }

      SplittableRandom random = new SplittableRandom(seed);
      Path out = dir.resolve("resumed" + suffix);
      Path checkpoint = dir.resolve("ckpt");
      int kills = 0;
      int consumed = 0;
      List<String> history = new ArrayList<>();
      for (int run = 1; ; run++) {
        server.resetCount();
        boolean kill = kills < KILLS_PER_CASE;
        // Later runs have less left to do: aim within what is left, roughly.
        int target = 1 + random.nextInt(Math.max(2, requestsOfACleanRun - consumed));
        int delayMs = random.nextInt(26);
        Path log = dir.resolve("run-" + run + ".log");
        AtomicReference<Process> child = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger killedAt = new AtomicInteger(-1);
        server.onRequest(
            n -> {
              if (kill && n == target) {
                Thread killer =
                    new Thread(
                        () -> {
                          try {
                            started.await();
                            Thread.sleep(delayMs);
                            killedAt.set(n);
                            child.get().destroyForcibly(); // SIGKILL on Linux and macOS
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        });
                killer.setDaemon(true);
                killer.start();
              }
            });
        long began = System.nanoTime();
        Process p = start(args(forge, server.url(), checkpoint, out), log);
        child.set(p);
        started.countDown();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail("run " + run + " hung; log:\n" + Files.readString(log));
        }
        int exit = p.exitValue();
        server.onRequest(n -> {});
        history.add("run " + run + ": exit " + exit + " after " + (System.nanoTime() - began) / 1_000_000 + " ms"
            + (killedAt.get() > 0 ? ", killed " + delayMs + " ms after request " + target + " of " + server.requests() : ""));
        if (killedAt.get() > 0 && exit != 0) {
          kills++;
          consumed += Math.max(0, target - 2);
          continue;
        }
        assertEquals(0, exit, "run " + run + " (" + history + "); log:\n" + Files.readString(log));
        if (kills >= KILLS_PER_CASE) {
          break;
        }
        // It finished before the kill: start over in fresh files, so that every case kills.
        Files.delete(out);
        deleteTree(checkpoint);
        kills = 0;
        consumed = 0;
        history.add("finished before the kill: starting over");
        if (run > 40) {
          fail("could not kill " + KILLS_PER_CASE + " times: " + history);
        }
      }
      List<String> actual = lines(out);
      Map<String, Integer> missing = difference(expected, actual);
      Map<String, Integer> extra = difference(actual, expected);
      assertTrue(
          missing.isEmpty() && extra.isEmpty(),
          "seed " + seed + " " + history + ": " + missing.values().stream().mapToInt(i -> i).sum() + " lost, "
              + extra.values().stream().mapToInt(i -> i).sum() + " duplicated or foreign; e.g. lost "
              + missing.keySet().stream().limit(2).toList() + ", extra " + extra.keySet().stream().limit(2).toList());
      assertEquals(expected.size(), actual.size());
      System.out.println(forge + " " + suffix + " seed " + seed + ": " + expected.size() + " events, clean run "
          + requestsOfACleanRun + " requests; " + history);
    }
  }

  /** The events of a file, each checked by the library's reader and kept as its line. */
  static List<String> lines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(Files2.openText(file))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    }
    long events;
    try (Reader in = Files2.openText(file)) {
      AtomicInteger count = new AtomicInteger();
      EventJsonLines.reader(in).forEachRemaining(e -> count.incrementAndGet());
      events = count.get();
    }
    assertEquals(lines.size(), events, "every line of " + file + " is one whole event");
    Collections.sort(lines);
    return lines;
  }

  private static Map<String, Integer> difference(List<String> a, List<String> b) {
    Map<String, Integer> counts = new HashMap<>();
    a.forEach(l -> counts.merge(l, 1, Integer::sum));
    b.forEach(l -> counts.merge(l, -1, Integer::sum));
    counts.values().removeIf(v -> v <= 0);
    return counts;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
