package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.cli.CommunityMetricsCliTest.Run;
import io.github.communitymetrics.git.HistoryFile;
import io.github.communitymetrics.testkit.RandomGitHistory;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code truck-factor --history}: the output is byte for byte that of a run without it, whether
 * the saved history is extended, read again after a rewrite, damaged, or saved under other
 * settings; and a killed writer never leaves a partial file.
 */
class TruckFactorHistoryCliTest {
  @TempDir Path tmp;

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 4).boxed();
  }

  /** Option sets the output is compared under (the history file is shared between them). */
  private List<List<String>> optionSets() throws IOException {
    Path aliases = tmp.resolve("aliases.txt");
    Files.writeString(aliases, "x/y;Bobby;Bob\n");
    return List.of(
        List.of(),
        List.of("--json", "--by-directory"),
        List.of("--algorithm", "recency", "--by-directory"),
        List.of("--algorithm", "avelino-pruned", "--identity", "name", "--co-authors"),
        List.of("--aliases", aliases.toString(), "--no-default-exclusions", "--json"));
  }

  private static Run truckFactor(Path repo, String revision, List<String> options, Path history) {
    List<String> args = new ArrayList<>(List.of("truck-factor", "--git", repo.toString(),
        "--revision", revision));
    args.addAll(options);
    if (history != null) {
      args.addAll(List.of("--history", history.toString()));
    }
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  private static HistoryFile read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return HistoryFile.read(in, file.toString());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void outputWithAnExtendedHistoryIsByteIdentical(long seed) throws IOException {
    System.out.println("TruckFactorHistoryCliTest seed " + seed);
    RandomGitHistory repo = new RandomGitHistory(tmp.resolve("repo" + seed));
    List<String> checkpoints = repo.grow(new Random(seed), 30);
    String head = repo.git("rev-parse", "HEAD").strip();
    List<List<String>> optionSets = optionSets();
    for (int i = 0; i < checkpoints.size(); i++) {
      Path file = tmp.resolve("h" + seed + "-" + i + ".bin");
      List<String> savedWith = optionSets.get(i % optionSets.size());
      Run first = truckFactor(repo.dir, checkpoints.get(i), savedWith, file);
      assertEquals(0, first.status(), first.err());
      assertEquals(truckFactor(repo.dir, checkpoints.get(i), savedWith, null).out(), first.out());
      for (List<String> options : optionSets) {
        Run full = truckFactor(repo.dir, "HEAD", options, null);
        Run incremental = truckFactor(repo.dir, "HEAD", options, file);
        assertEquals(0, incremental.status(), incremental.err());
        assertEquals(full.out(), incremental.out(), "seed " + seed + ", " + options);
        assertFalse(incremental.err().contains("Note"), incremental.err());
        assertEquals(head, read(file).headCommit());
      }
    }
  }

  @Test
  void aDamagedFileIsNotedAndReplaced() throws IOException {
    RandomGitHistory repo = new RandomGitHistory(tmp.resolve("repo"));
    repo.grow(new Random(21), 12);
    Path file = tmp.resolve("h.bin");
    assertEquals(0, truckFactor(repo.dir, "HEAD~1", List.of(), file).status());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Run full = truckFactor(repo.dir, "HEAD", List.of(), null);
    Run r = truckFactor(repo.dir, "HEAD", List.of(), file);
    assertEquals(0, r.status(), r.err());
    assertEquals(full.out(), r.out());
    assertTrue(r.err().contains(file + ": checksum mismatch"), r.err());
    assertTrue(r.err().contains("reading the whole history"), r.err());
    assertEquals(repo.git("rev-parse", "HEAD").strip(), read(file).headCommit());
  }

  @Test
  void aRewrittenHistoryIsNotedAndReadInFull() throws IOException {
    RandomGitHistory repo = new RandomGitHistory(tmp.resolve("repo"));
    repo.grow(new Random(22), 12);
    Path file = tmp.resolve("h.bin");
    assertEquals(0, truckFactor(repo.dir, "HEAD", List.of("--json"), file).status());
    repo.git("reset", "-q", "--hard", "HEAD~2");
    repo.write("after.txt", "after\n");
    repo.commit("Dee", "dee@example.org", "after the rewrite");
    Run full = truckFactor(repo.dir, "HEAD", List.of("--json"), null);
    Run r = truckFactor(repo.dir, "HEAD", List.of("--json"), file);
    assertEquals(full.out(), r.out());
    assertTrue(r.err().contains("Note: not extending " + file), r.err());
    assertTrue(r.err().contains("not an ancestor"), r.err());
  }

  @Test
  void historyGoesWithGitOnly() throws IOException {
    Path log = tmp.resolve("log.txt");
    Files.writeString(log, "");
    Run r = CommunityMetricsCliTest.run("truck-factor", "--git-log", log.toString(), "--history",
        tmp.resolve("h.bin").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--history goes with --git"), r.err());
  }

  @Test
  void aKilledWriterLeavesAWholeFile() throws Exception {
    Path file = tmp.resolve("killed.bin");
    int commits = 60_000;
    byte[][] whole = new byte[2][];
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      HistoryWriterChild.big(i + 1, commits).write(out, "memory");
      whole[i] = out.toByteArray();
    }
    Random rnd = new Random(5);
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    for (int round = 0; round < 5; round++) {
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
          HistoryWriterChild.class.getName(), file.toString(), Integer.toString(commits))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try {
        BufferedReader out = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
        Thread.sleep(50 + rnd.nextInt(400));
      } finally {
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      }
      byte[] left = Files.readAllBytes(file);
      assertTrue(java.util.Arrays.equals(left, whole[0]) || java.util.Arrays.equals(left, whole[1]),
          "round " + round + ": " + left.length + " bytes, not one of the two whole files");
    }
  }
}
