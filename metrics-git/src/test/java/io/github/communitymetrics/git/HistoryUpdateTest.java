package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.metrics.truckfactor.RecencyTruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An extended saved history gives exactly the truck factor of a full read: real repositories with
 * random adds, changes, deletions, renames, re-adds, merges and several authors, checked at
 * several earlier heads per seed; and every reason to read in full is taken.
 */
class HistoryUpdateTest {
  @TempDir Path tmp;

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 8).boxed();
  }

  private static final String[][] AUTHORS = {
    {"Ann", "ann@example.org"}, {"Bob", "bob@example.org"}, {"Bobby", "bob@example.org"},
    {"Cy", "cy@example.org"}, {"Dee", "dee@example.org"}
  };

  /** A random history; returns the shas of main at several points, oldest first. */
  static List<String> randomHistory(TestRepo repo, Random rnd, int steps) {
    List<String> alive = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<String> checkpoints = new ArrayList<>();
    int[] next = {0};
    for (int step = 0; step < steps; step++) {
      if (step > 3 && rnd.nextInt(7) == 0) {
        // A topic branch with one or two commits, merged with a merge commit.
        String branch = "topic" + step;
        repo.git("checkout", "-q", "-b", branch);
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
          change(repo, rnd, alive, gone, next);
          String[] a = AUTHORS[rnd.nextInt(AUTHORS.length)];
          repo.commit(a[0], a[1], "topic work");
        }
        repo.git("checkout", "-q", "main");
        // Only a new file on main, so that the merge never conflicts.
        String path = "d" + rnd.nextInt(3) + "/m" + next[0]++ + ".txt";
        repo.write(path, content(path, rnd));
        repo.commit("Ann", "ann@example.org", "main work");
        repo.git("-c", "user.name=Merger", "-c", "user.email=m@example.org", "merge", "-q",
            "--no-ff", "-m", "merge " + branch, branch);
        // The merge's content decides what is alive.
        alive.clear();
        alive.addAll(List.of(repo.git("ls-files").strip().split("\n")));
        alive.removeIf(String::isEmpty);
        gone.removeIf(alive::contains);
      } else {
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
          change(repo, rnd, alive, gone, next);
        }
        String[] a = AUTHORS[rnd.nextInt(AUTHORS.length)];
        repo.commit(a[0], a[1], "step " + step);
      }
      if (step % 6 == 5 || step == steps - 2) {
        checkpoints.add(repo.git("rev-parse", "HEAD").strip());
      }
    }
    return checkpoints;
  }

  private static void change(TestRepo repo, Random rnd, List<String> alive, List<String> gone,
      int[] next) {
    changeUnstaged(repo, rnd, alive, gone, next);
    repo.git("add", "-A");
  }

  private static void changeUnstaged(TestRepo repo, Random rnd, List<String> alive,
      List<String> gone, int[] next) {
    int op = alive.size() < 3 ? 0 : rnd.nextInt(6);
    switch (op) {
      case 0 -> { // add
        String path = "d" + rnd.nextInt(3) + "/f" + next[0]++ + ".txt";
        repo.write(path, content(path, rnd));
        alive.add(path);
      }
      case 1, 2 -> { // modify
        String path = alive.get(rnd.nextInt(alive.size()));
        repo.write(path, read(repo, path) + "change " + rnd.nextLong() + "\n");
      }
      case 3 -> { // delete
        String path = alive.remove(rnd.nextInt(alive.size()));
        repo.git("rm", "-q", "-f", path);
        gone.add(path);
      }
      case 4 -> { // rename, sometimes a new file at the old path
        String path = alive.remove(rnd.nextInt(alive.size()));
        String to = "d" + rnd.nextInt(3) + "/r" + next[0]++ + ".txt";
        Path parent = repo.dir.resolve(to).getParent();
        parent.toFile().mkdirs();
        repo.git("mv", path, to);
        alive.add(to);
        if (rnd.nextBoolean()) {
          repo.write(path, content(path + "again", rnd));
          alive.add(path);
        } else {
          gone.add(path);
        }
      }
      default -> { // re-add a deleted path, or add
        if (gone.isEmpty()) {
          change(repo, rnd, alive, gone, next);
        } else {
          String path = gone.remove(rnd.nextInt(gone.size()));
          repo.write(path, content(path + "back", rnd));
          alive.add(path);
        }
      }
    }
  }

  private static String content(String seed, Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      b.append(seed).append(' ').append(rnd.nextLong()).append('\n');
    }
    return b.toString();
  }

  private static String read(TestRepo repo, String path) {
    try {
      return Files.readString(repo.dir.resolve(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Everything the model and the three algorithms say about a history, as text to compare. */
  static String describe(AuthorshipHistory h) {
    StringBuilder b = new StringBuilder();
    b.append(h.files()).append('\n').append(h.filesWithoutChangeRows()).append(' ')
        .append(h.commits()).append(' ').append(h.headEpochSecond()).append('\n')
        .append(h.developers()).append('\n');
    for (int f = 0; f < h.files().size(); f++) {
      b.append(h.files().get(f)).append(' ').append(h.contributions(f)).append('\n');
    }
    b.append(TruckFactor.greedy().compute(h)).append('\n');
    b.append(TruckFactor.pruned().compute(h)).append('\n');
    b.append(RecencyTruckFactor.busFactorExplorer().compute(h)).append('\n');
    b.append(TruckFactor.greedy().perDirectory(h)).append('\n');
    return b.toString();
  }

  /** The settings a replay is checked under: raw names, an alias, the identity rules, co-authors. */
  private static final List<Settings> SETTINGS = List.of(
      new Settings(UnaryOperator.identity(), IdentityRule.NAME_OR_EMAIL, false),
      new Settings(n -> n.equals("Bobby") ? "Bob" : n, IdentityRule.NAME, false),
      new Settings(UnaryOperator.identity(), IdentityRule.NAME, true));

  record Settings(UnaryOperator<String> identity, IdentityRule rule, boolean coAuthors) {}

  static String full(GitRepository repo, String revision, Settings s) {
    List<String> files = repo.listFiles(revision);
    return describe(repo.readLog(revision, in -> CommitLogAuthorship.collect(
        CommitLogReader.of(in, "git log", ReadOptions.strict()), files, s.identity(), s.rule(),
        s.coAuthors())));
  }

  static String replayed(GitRepository repo, HistoryFile h, Settings s) {
    List<String> files = repo.listFiles(h.headCommit());
    return describe(CommitLogAuthorship.collect(h.log(), files, s.identity(), s.rule(),
        s.coAuthors()));
  }

  /** Through the binary format and back. */
  static HistoryFile roundTrip(HistoryFile h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.write(out, "memory");
    return HistoryFile.read(new ByteArrayInputStream(out.toByteArray()), "memory");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void extendingASavedHistoryEqualsAFullRead(long seed) {
    System.out.println("HistoryUpdateTest seed " + seed);
    TestRepo t = new TestRepo(tmp.resolve("r" + seed));
    List<String> checkpoints = randomHistory(t, new Random(seed), 30);
    GitRepository repo = GitRepository.open(t.dir);
    for (String old : checkpoints) {
      HistoryUpdate.Result first = HistoryUpdate.update(repo, old, Optional.empty(), in -> in);
      assertFalse(first.incremental(), "seed " + seed);
      HistoryUpdate.Result next = HistoryUpdate.update(repo, "HEAD",
          Optional.of(roundTrip(first.history())), in -> in);
      assertTrue(next.incremental(), "seed " + seed + " from " + old + ": " + next.fullReadReason());
      HistoryFile saved = roundTrip(next.history());
      for (Settings s : SETTINGS) {
        assertEquals(full(repo, "HEAD", s), replayed(repo, saved, s),
            "seed " + seed + ", old head " + old + ", " + s);
      }
    }
  }

  @Test
  void aMergedBranchDatedBeforeTheSavedHeadIsReadInFull() {
    TestRepo t = new TestRepo(tmp.resolve("interleaved"));
    Random rnd = new Random(42);
    randomHistory(t, rnd, 8);
    long base = t.lastTime();
    t.git("checkout", "-q", "-b", "old-topic");
    t.write("topic.txt", content("topic", rnd));
    // Committed (and dated) before the saved head: git log lists it among the saved commits.
    t.commitAt("Eve", "eve@example.org", "topic", base + 10, base + 10);
    t.git("checkout", "-q", "main");
    t.write("main.txt", content("main", rnd));
    t.commitAt("Fay", "fay@example.org", "main", base + 20, base + 20);
    GitRepository repo = GitRepository.open(t.dir);
    String old = repo.resolveCommit("HEAD");
    t.write("later.txt", content("later", rnd));
    t.commitAt("Gus", "gus@example.org", "later", base + 30, base + 30);
    t.git("merge", "-q", "--no-ff", "-m", "merge old-topic", "old-topic");
    HistoryUpdate.Result first = HistoryUpdate.update(repo, old, Optional.empty(), in -> in);
    HistoryUpdate.Result next =
        HistoryUpdate.update(repo, "HEAD", Optional.of(first.history()), in -> in);
    assertFalse(next.incremental());
    assertTrue(next.fullReadReason().orElseThrow().contains("among the saved ones"),
        next.fullReadReason().orElseThrow());
    for (Settings s : SETTINGS) {
      assertEquals(full(repo, "HEAD", s), replayed(repo, next.history(), s));
    }
  }

  @Test
  void aRewrittenHistoryIsReadInFull() {
    TestRepo t = new TestRepo(tmp.resolve("rewritten"));
    Random rnd = new Random(7);
    randomHistory(t, rnd, 12);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryUpdate.Result first = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in);
    String old = first.history().headCommit();
    t.git("reset", "-q", "--hard", "HEAD~2");
    t.write("new.txt", content("new", rnd));
    t.commit("Ann", "ann@example.org", "after the rewrite");
    HistoryUpdate.Result next =
        HistoryUpdate.update(repo, "HEAD", Optional.of(first.history()), in -> in);
    assertFalse(next.incremental());
    assertTrue(next.fullReadReason().orElseThrow().contains("not an ancestor"),
        next.fullReadReason().orElseThrow());
    assertFalse(repo.isAncestor(old, "HEAD"));
    for (Settings s : SETTINGS) {
      assertEquals(full(repo, "HEAD", s), replayed(repo, next.history(), s));
    }
  }

  @Test
  void aChangedMailmapIsReadInFull() {
    TestRepo t = new TestRepo(tmp.resolve("mailmap"));
    Random rnd = new Random(9);
    randomHistory(t, rnd, 12);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryUpdate.Result first = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in);
    // Renames Cy in every commit, old ones included.
    t.write(".mailmap", "Cyrus Smith <cy@example.org> Cy <cy@example.org>\n");
    t.commit("Ann", "ann@example.org", "mailmap");
    HistoryUpdate.Result next =
        HistoryUpdate.update(repo, "HEAD", Optional.of(first.history()), in -> in);
    assertFalse(next.incremental());
    assertTrue(next.fullReadReason().orElseThrow().contains("mailmap"));
    for (Settings s : SETTINGS) {
      assertEquals(full(repo, "HEAD", s), replayed(repo, next.history(), s));
    }
  }

  @Test
  void otherGitLogArgumentsAreReadInFull() {
    TestRepo t = new TestRepo(tmp.resolve("args"));
    randomHistory(t, new Random(3), 8);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryFile h = HistoryUpdate.update(repo, "HEAD~1", Optional.empty(), in -> in).history();
    List<String> other = new ArrayList<>(h.logArguments());
    other.remove("--find-renames");
    HistoryUpdate.Result next = HistoryUpdate.update(repo, "HEAD",
        Optional.of(new HistoryFile(h.headCommit(), other, h.logSettings(), h.log())), in -> in);
    assertFalse(next.incremental());
    assertTrue(next.fullReadReason().orElseThrow().contains("arguments"));
  }

  @Test
  void anUpToDateHistoryIsKeptAsIs() {
    TestRepo t = new TestRepo(tmp.resolve("same"));
    randomHistory(t, new Random(5), 8);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryFile h = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in).history();
    HistoryUpdate.Result again = HistoryUpdate.update(repo, "HEAD", Optional.of(h), in -> in);
    assertTrue(again.incremental());
    assertEquals(0, again.newCommits());
  }

  @Test
  void aTruncatedOrDamagedFileIsATypedErrorNamingIt() {
    TestRepo t = new TestRepo(tmp.resolve("corrupt"));
    randomHistory(t, new Random(11), 10);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryFile h = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in).history();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.write(out, "h.bin");
    byte[] bytes = out.toByteArray();
    Random rnd = new Random(11);
    for (int i = 0; i < 200; i++) {
      byte[] bad;
      if (i % 2 == 0) {
        bad = Arrays.copyOf(bytes, rnd.nextInt(bytes.length));
      } else {
        bad = bytes.clone();
        int at = 12 + rnd.nextInt(bad.length - 12);
        bad[at] ^= (byte) (1 << rnd.nextInt(8));
      }
      HistoryFileException e = assertThrows(HistoryFileException.class,
          () -> HistoryFile.read(new ByteArrayInputStream(bad), "h.bin"), "case " + i);
      assertEquals("h.bin", e.source());
      assertTrue(e.getMessage().startsWith("h.bin: "), e.getMessage());
    }
    byte[] newer = bytes.clone();
    newer[11] = 2; // version 2
    HistoryFileException e = assertThrows(HistoryFileException.class,
        () -> HistoryFile.read(new ByteArrayInputStream(newer), "h.bin"));
    assertEquals(HistoryFileException.Reason.OTHER_VERSION, e.reason());
    HistoryFileException notOne = assertThrows(HistoryFileException.class,
        () -> HistoryFile.read(new ByteArrayInputStream("hello".getBytes()), "h.bin"));
    assertEquals(HistoryFileException.Reason.NOT_A_HISTORY, notOne.reason());
  }

  @Test
  void theFormatStartsWithItsMagicAndVersion() {
    TestRepo t = new TestRepo(tmp.resolve("magic"));
    t.write("a.txt", "a\n");
    t.commit("Ann", "ann@example.org", "a");
    GitRepository repo = GitRepository.open(t.dir);
    HistoryFile h = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in).history();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.write(out, "h.bin");
    byte[] b = out.toByteArray();
    assertEquals("CMTFHIST", new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(List.of(0, 0, 0, 1), List.of((int) b[8], (int) b[9], (int) b[10], (int) b[11]));
    assertEquals(Map.of(), Map.of());
  }
}
