package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoryTest {
  @TempDir Path tmp;
  TestRepo repo;
  GitRepository git;

  @BeforeEach
  void init() {
    repo = new TestRepo(tmp.resolve("repo"));
  }

  private GitRepository open() {
    return GitRepository.open(repo.dir);
  }

  private static String header(String sha, String parents, long time, String name, String email,
      long ctime, String cname, String cemail, String coauthors) {
    return String.join("\t", "commit", sha, parents, Long.toString(time), name, email,
        Long.toString(ctime), cname, cemail, coauthors);
  }

  private static String firstLine(java.io.InputStream in) throws IOException {
    return new BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
        .readLine();
  }

  @Test
  void logHasTheDataReadmeFormatWithPathLines() {
    repo.write("a.txt", "one\ntwo\nthree\nfour\nfive\n");
    repo.write("lib/b.rb", "puts 1\n");
    String first = repo.commit("Ann Author", "ann@example.org", "first");
    long t1 = repo.lastTime();
    repo.git("mv", "a.txt", "moved.txt");
    repo.write("lib/b.rb", "puts 2\n");
    String second = repo.commit("Bob", "bob@example.org", "second");
    long t2 = repo.lastTime();
    repo.git("rm", "-q", "lib/b.rb");
    String third = repo.commit("Bob", "bob@example.org", "delete");
    long t3 = repo.lastTime();
    repo.write("lib/b.rb", "puts 3\n");
    String fourth = repo.commit("Ann Author", "ann@example.org", "re-add");
    long t4 = repo.lastTime();

    String expected = String.join("\n",
        header(fourth, third, t4, "Ann Author", "ann@example.org", t4, "Default Person",
            "default@example.org", ""), "", "A\tlib/b.rb",
        header(third, second, t3, "Bob", "bob@example.org", t3, "Default Person",
            "default@example.org", ""), "", "D\tlib/b.rb",
        header(second, first, t2, "Bob", "bob@example.org", t2, "Default Person",
            "default@example.org", ""), "", "M\tlib/b.rb", "R100\ta.txt\tmoved.txt",
        header(first, "", t1, "Ann Author", "ann@example.org", t1, "Default Person",
            "default@example.org", ""), "", "A\ta.txt", "A\tlib/b.rb", "");
    assertEquals(expected, TestRepo.log(open()));
    assertEquals(List.of("lib/b.rb", "moved.txt"), open().listFiles("HEAD"));
    assertEquals(List.of("a.txt", "lib/b.rb"), open().listFiles(first));
  }

  @Test
  void copiesAreAddsBecauseOnlyRenamesAreDetected() {
    String body = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n";
    repo.write("src.c", body);
    repo.commit("Ann", "ann@example.org", "one");
    repo.write("copy.c", body);
    repo.commit("Ann", "ann@example.org", "copy");
    String log = TestRepo.log(open());
    assertTrue(log.contains("\n\nA\tcopy.c\n"), log);
  }

  @Test
  void mergeCommitsCarryBothParentsAndNoPathLines() {
    repo.write("a.txt", "a\n");
    String base = repo.commit("Ann", "ann@example.org", "base");
    repo.git("checkout", "-q", "-b", "side");
    repo.write("side.txt", "s\n");
    String side = repo.commit("Bob", "bob@example.org", "side");
    repo.git("checkout", "-q", "main");
    repo.write("main.txt", "m\n");
    String main = repo.commit("Ann", "ann@example.org", "main");
    repo.git("merge", "-q", "--no-ff", "--no-edit", "side");
    String merge = repo.git("rev-parse", "HEAD").strip();
    String log = TestRepo.log(open());
    String firstLine = log.substring(0, log.indexOf('\n'));
    assertEquals(merge, firstLine.split("\t")[1]);
    assertEquals(main + " " + side, firstLine.split("\t")[2]);
    // The merge header is followed directly by the next commit's header: no path lines.
    String afterMerge = log.substring(firstLine.length() + 1);
    assertTrue(afterMerge.startsWith("commit\t"), afterMerge);
    assertTrue(log.contains(base), log);
  }

  @Test
  void coAuthorTrailersAreSeparatedByUnitSeparator() {
    repo.write("a.txt", "a\n");
    repo.commit("Ann", "ann@example.org", "pair work\n\nCo-authored-by: Cy Coder <cy@example.org>\n"
        + "Co-authored-by: Dee <dee@example.org>");
    String header = TestRepo.log(open()).split("\n")[0];
    String[] fields = header.split("\t", -1);
    assertEquals(10, fields.length, header);
    assertEquals("Cy Coder <cy@example.org>\u001fDee <dee@example.org>", fields[9]);
  }

  @Test
  void mailmapAppliesToAuthorAndCommitterButNotToTrailers() {
    repo.write(".mailmap", "Ann Canonical <ann@canonical.org> <ann@old.example>\n"
        + "Default Canon <default@canon.org> Default Person <default@example.org>\n");
    repo.commit("ann old", "ann@old.example",
        "x\n\nCo-authored-by: ann old <ann@old.example>");
    String[] fields = TestRepo.log(open()).split("\n")[0].split("\t", -1);
    assertEquals("Ann Canonical", fields[4]);
    assertEquals("ann@canonical.org", fields[5]);
    assertEquals("Default Canon", fields[7]);
    assertEquals("default@canon.org", fields[8]);
    assertEquals("ann old <ann@old.example>", fields[9]);
  }

  @Test
  void oddNamesAreUnquotedUnlessTheyHoldTabsOrNewlines() {
    repo.write("with space.txt", "1\n");
    repo.write("ünïcødé/ß.rb", "2\n");
    repo.write("tab\there.txt", "3\n");
    repo.write("new\nline.txt", "4\n");
    repo.commit("Zoë Ünicode", "zoe@example.org", "odd");
    String log = TestRepo.log(open());
    assertTrue(log.contains("\tZoë Ünicode\t"), log);
    assertTrue(log.contains("\nA\twith space.txt\n"), log);
    assertTrue(log.contains("\nA\tünïcødé/ß.rb\n"), log);
    assertTrue(log.contains("\nA\t\"tab\\there.txt\"\n"), log);
    assertTrue(log.contains("\nA\t\"new\\nline.txt\"\n"), log);
    assertEquals(List.of("new\nline.txt", "tab\there.txt", "with space.txt", "ünïcødé/ß.rb"),
        open().listFiles("HEAD"));
  }

  @Test
  void aHandlerMayStopEarly() {
    for (int i = 0; i < 3; i++) {
      repo.write("f" + i, "x" + i);
      repo.commit("Ann", "ann@example.org", "c" + i);
    }
    String first = open().readLog("HEAD", in -> firstLine(in));
    assertTrue(first.startsWith("commit\t"), first);
  }

  @Test
  void missingDirectoryAndNonRepositoryAreTypedErrors() {
    NotARepositoryException missing = assertThrows(NotARepositoryException.class,
        () -> GitRepository.open(tmp.resolve("nowhere")));
    assertTrue(missing.getMessage().endsWith("nowhere is not a directory"), missing.getMessage());
    Path plain = tmp.resolve("plain");
    plain.toFile().mkdirs();
    NotARepositoryException notRepo = assertThrows(NotARepositoryException.class,
        () -> GitRepository.open(plain));
    assertTrue(notRepo.getMessage().contains("not a git repository"), notRepo.getMessage());
  }

  @Test
  void unknownRevisionIsACommandErrorWithGitsStderr() {
    repo.write("a", "a");
    repo.commit("Ann", "ann@example.org", "a");
    GitCommandException e = assertThrows(GitCommandException.class,
        () -> open().readLog("no-such-branch", TestRepo::drain));
    assertEquals(128, e.exitStatus());
    assertTrue(e.stderr().contains("no-such-branch"), e.stderr());
    assertTrue(e.getMessage().startsWith("git -c core.quotePath=false"), e.getMessage());
    assertThrows(GitCommandException.class, () -> open().listFiles("no-such-branch"));
    assertThrows(IllegalArgumentException.class, () -> open().listFiles("--all"));
  }

  @Test
  void gitMissingOrTooOldOrNotGitIsGitNotFound() throws IOException {
    GitNotFoundException missing = assertThrows(GitNotFoundException.class,
        () -> GitExecutable.at(tmp.resolve("no-git")));
    assertTrue(missing.getMessage().startsWith("cannot run " + tmp.resolve("no-git")),
        missing.getMessage());
    Path old = TestRepo.script(tmp, "old-git", "echo 'git version 2.21.9'");
    GitNotFoundException tooOld = assertThrows(GitNotFoundException.class,
        () -> GitExecutable.at(old));
    assertTrue(tooOld.getMessage().contains("needs git 2.22 or newer"), tooOld.getMessage());
    Path other = TestRepo.script(tmp, "not-git", "echo 'hello 3.0'");
    assertTrue(assertThrows(GitNotFoundException.class, () -> GitExecutable.at(other))
        .getMessage().contains("is not git"));
    Path failing = TestRepo.script(tmp, "failing-git", "echo broken >&2; exit 2");
    assertThrows(GitNotFoundException.class, () -> GitExecutable.at(failing));
    GitExecutable real = GitExecutable.onPath();
    assertTrue(real.version().matches("\\d+\\.\\d+.*"), real.version());
  }

  /** A fake git that answers --version and rev-parse, then behaves as {@code log} says. */
  private GitRepository fake(String log) throws IOException {
    Path script = TestRepo.script(tmp, "fake-git", "case \"$1\" in\n"
        + "  --version) echo 'git version 2.40.1';;\n"
        + "  rev-parse) echo .git;;\n"
        + "  *) " + log + ";;\n"
        + "esac");
    return GitRepository.open(repo.dir, GitExecutable.at(script));
  }

  @Test
  void gitKilledMidStreamIsTruncated() throws IOException {
    GitRepository killed = fake("printf 'commit\\tabc\\n'; kill -9 $$");
    TruncatedOutputException e = assertThrows(TruncatedOutputException.class,
        () -> TestRepo.log(killed));
    assertEquals(137, e.exitStatus());
    assertTrue(e.getMessage().contains("signal 9"), e.getMessage());
  }

  @Test
  void nonZeroExitCarriesStderr() throws IOException {
    GitRepository failing = fake("echo 'fatal: bad object' >&2; exit 3");
    GitCommandException e = assertThrows(GitCommandException.class, () -> TestRepo.log(failing));
    assertEquals(3, e.exitStatus());
    assertEquals("fatal: bad object\n", e.stderr());
    assertTrue(e.getMessage().endsWith("exited with status 3: fatal: bad object"), e.getMessage());
  }

  @Test
  @Timeout(120) // a guard against the deadlock this test is about, not a timing assertion
  void stderrIsDrainedWhileStdoutIsRead() throws IOException {
    GitRepository noisy = fake("head -c 2000000 /dev/zero | tr '\\\\0' x >&2; echo done");
    assertEquals("done\n", TestRepo.log(noisy));
  }

  @Test
  void earlyStopOfAnEndlessWriterIsNotAnError() throws IOException {
    GitRepository endless = fake("exec yes commit");
    assertEquals("commit", endless.readLog("HEAD", in -> firstLine(in)));
  }
}
