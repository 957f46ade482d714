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
import io.github.communitymetrics.testkit.RandomGitHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  private static void assertSameAsFullRead(GitRepository repo, HistoryFile h) {
    for (Settings s : SETTINGS) {
      assertEquals(full(repo, "HEAD", s), replayed(repo, h, s), s.toString());
    }
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
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("r" + seed));
    List<String> checkpoints = t.grow(new Random(seed), 30);
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
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("interleaved"));
    Random rnd = new Random(42);
    t.grow(rnd, 8);
    long base = t.clock();
    t.git("checkout", "-q", "-b", "old-topic");
    t.write("topic.txt", RandomGitHistory.content("topic", rnd));
    // Committed (and dated) before the saved head: git log lists it among the saved commits.
    t.commitAt("Eve", "eve@example.org", "topic", base + 10, base + 10);
    t.git("checkout", "-q", "main");
    t.write("main.txt", RandomGitHistory.content("main", rnd));
    t.commitAt("Fay", "fay@example.org", "main", base + 20, base + 20);
    GitRepository repo = GitRepository.open(t.dir);
    String old = repo.resolveCommit("HEAD");
    t.write("later.txt", RandomGitHistory.content("later", rnd));
    t.commitAt("Gus", "gus@example.org", "later", base + 30, base + 30);
    t.git("merge", "-q", "--no-ff", "-m", "merge old-topic", "old-topic");
    HistoryUpdate.Result first = HistoryUpdate.update(repo, old, Optional.empty(), in -> in);
    HistoryUpdate.Result next =
        HistoryUpdate.update(repo, "HEAD", Optional.of(first.history()), in -> in);
    assertSameAsFullRead(repo, next.history());
    assertFalse(next.incremental());
    assertTrue(next.fullReadReason().orElseThrow().contains("not the end of the new log"),
        next.fullReadReason().orElseThrow());
  }

  @Test
  void aRewrittenHistoryIsReadInFull() {
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("rewritten"));
    Random rnd = new Random(7);
    t.grow(rnd, 12);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryUpdate.Result first = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in);
    String old = first.history().headCommit();
    t.git("reset", "-q", "--hard", "HEAD~2");
    t.write("new.txt", RandomGitHistory.content("new", rnd));
    t.commit("Ann", "ann@example.org", "after the rewrite");
    HistoryUpdate.Result next =
        HistoryUpdate.update(repo, "HEAD", Optional.of(first.history()), in -> in);
    assertSameAsFullRead(repo, next.history());
    assertFalse(next.incremental());
    assertTrue(next.fullReadReason().orElseThrow().contains("not an ancestor"),
        next.fullReadReason().orElseThrow());
    assertFalse(repo.isAncestor(old, "HEAD"));
  }

  @Test
  void aChangedMailmapIsReadInFull() {
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("mailmap"));
    Random rnd = new Random(9);
    t.grow(rnd, 12);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryUpdate.Result first = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in);
    // Renames Cy in every commit, old ones included.
    t.write(".mailmap", "Cyrus Smith <cy@example.org> Cy <cy@example.org>\n");
    t.commit("Ann", "ann@example.org", "mailmap");
    HistoryUpdate.Result next =
        HistoryUpdate.update(repo, "HEAD", Optional.of(first.history()), in -> in);
    assertSameAsFullRead(repo, next.history());
    assertFalse(next.incremental());
    assertTrue(next.fullReadReason().orElseThrow().contains("mailmap"));
  }

  @Test
  void aMailmapFileSettingIsReadInFull() throws java.io.IOException {
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("mailmap-file"));
    t.grow(new Random(10), 12);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryUpdate.Result first = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in);
    Path map = tmp.resolve("outside.mailmap");
    java.nio.file.Files.writeString(map, "Dee Dee <dee@example.org> Dee <dee@example.org>\n");
    t.git("config", "mailmap.file", map.toString());
    t.commit("Ann", "ann@example.org", "after the mailmap setting");
    HistoryUpdate.Result next =
        HistoryUpdate.update(repo, "HEAD", Optional.of(first.history()), in -> in);
    assertSameAsFullRead(repo, next.history());
    assertFalse(next.incremental());
    // The same setting with another file content is another fingerprint.
    java.nio.file.Files.writeString(map, "D <dee@example.org> Dee <dee@example.org>\n");
    HistoryUpdate.Result again =
        HistoryUpdate.update(repo, "HEAD", Optional.of(next.history()), in -> in);
    assertSameAsFullRead(repo, again.history());
    assertFalse(again.incremental());
  }

  @Test
  void otherGitLogArgumentsAreReadInFull() {
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("args"));
    t.grow(new Random(3), 8);
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
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("same"));
    t.grow(new Random(5), 8);
    GitRepository repo = GitRepository.open(t.dir);
    HistoryFile h = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in).history();
    HistoryUpdate.Result again = HistoryUpdate.update(repo, "HEAD", Optional.of(h), in -> in);
    assertTrue(again.incremental());
    assertEquals(0, again.newCommits());
  }

  @Test
  void aTruncatedOrDamagedFileIsATypedErrorNamingIt() {
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("corrupt"));
    t.grow(new Random(11), 10);
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
    RandomGitHistory t = new RandomGitHistory(tmp.resolve("magic"));
    t.write("a.txt", "a\n");
    t.commit("Ann", "ann@example.org", "a");
    GitRepository repo = GitRepository.open(t.dir);
    HistoryFile h = HistoryUpdate.update(repo, "HEAD", Optional.empty(), in -> in).history();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.write(out, "h.bin");
    byte[] b = out.toByteArray();
    assertEquals("CMTFHIST", new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(List.of(0, 0, 0, 1), List.of((int) b[8], (int) b[9], (int) b[10], (int) b[11]));
  }
}
