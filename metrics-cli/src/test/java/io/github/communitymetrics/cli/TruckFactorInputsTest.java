package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.communitymetrics.cli.CommunityMetricsCliTest.Run;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * truck-factor on the inputs a user actually has: lists in other encodings, shallow clones,
 * histories without recent activity, and files that are missing or are directories.
 */
class TruckFactorInputsTest {
  @TempDir Path tmp;

  private static String fixture(String name) {
    try {
      return Path.of(TruckFactorInputsTest.class.getResource("/truck-factor/" + name).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String LOG = fixture("cmlog.txt");
  private static final String LS = fixture("ls-files.txt");

  private static Run run(String... args) {
    return CommunityMetricsCliTest.run(args);
  }

  /** The paper's alias.txt: Windows-1252 names, CRLF line ends, UTF-8 lines mixed in. */
  private Path windows1252Aliases() throws IOException {
    Path file = tmp.resolve("alias.txt");
    byte[] text = ("#REPOSITORY;NAME;ALIAS\r\n"
        + "example/fixture;Jos\u00e9 Mar\u00eda;Jose Maria\r\n"
        + "example/fixture;Bob Baker;bobby\r\n").getBytes("windows-1252");
    Files.write(file, text);
    return file;
  }

  @Test
  void aWindows1252AliasListWithCrlfIsRead() throws IOException {
    Path aliases = windows1252Aliases();
    Run utf8 = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases",
        fixture("alias.txt"), "--system", "example/fixture", "--json");
    Run cp1252 = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases",
        aliases.toString(), "--system", "example/fixture", "--json");
    assertEquals(0, cp1252.status(), cp1252.err());
    // bobby joins Bob Baker exactly as with the UTF-8 list (Bob then authors 3 files).
    assertEquals(utf8.out(), cp1252.out());
    assertTrue(cp1252.out().contains("{\"name\":\"Bob Baker\",\"email\":\"bob@example.org\","
        + "\"files\":3,"), cp1252.out());
  }

  @Test
  void anUndecodableLineIsNamedWithWhatIsWrong() throws IOException {
    Path aliases = windows1252Aliases();
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases",
        aliases.toString(), "--encoding", "UTF-8");
    assertEquals(1, r.status(), r.out());
    assertEquals("community-metrics: " + aliases + ":2: byte 0xE9 at column 20 is not valid UTF-8\n",
        r.err());
  }

  @Test
  void aMalformedAliasLineIsNamed() throws IOException {
    Path aliases = tmp.resolve("alias.txt");
    Files.writeString(aliases, "a;b;c\r\nonly;two\r\n", StandardCharsets.UTF_8);
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases",
        aliases.toString());
    assertEquals(1, r.status(), r.out());
    assertEquals("community-metrics: " + aliases
        + ":2: expected 'repository;name;alias', got 'only;two'\n", r.err());
  }

  @Test
  void anUnknownEncodingIsAUsageError() {
    Run r = run("truck-factor", "--git-log", LOG, "--encoding", "no-such-charset");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--encoding must be a charset"), r.err());
  }

  @Test
  void aRecencyTruckFactorOfZeroSaysWhy() throws IOException {
    // Alice wrote a.c, b.c and c.c in 2010; Bob added d.c in 2015. Only d.c has activity within
    // the 547 days before the newest commit: 3 of 4 files are orphaned before anyone leaves.
    Path log = tmp.resolve("cmlog.txt");
    Files.writeString(log, header("b", "a", 1420070400L, "Bob Baker", "bob@example.org")
        + "\nA\td.c\n"
        + header("a", "", 1262304000L, "Alice Able", "alice@example.org")
        + "\nA\ta.c\nA\tb.c\nA\tc.c\n", StandardCharsets.UTF_8);
    Run text = run("truck-factor", "--git-log", log.toString(), "--algorithm", "recency");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("Truck factor of " + log + ": 0 (algorithm recency)\n"
        + "Why 0: 3 of 4 analysed files (75.0%) have no author with recent activity (a change"
        + " within the 547 days before the newest commit, 2015-01-01T00:00:00Z), so at least half"
        + " the files are orphaned before anyone leaves.\n"), text.out());
    Run json = run("truck-factor", "--git-log", log.toString(), "--algorithm", "recency",
        "--json");
    assertTrue(json.out().contains("\"whyZero\":\"3 of 4 analysed files (75.0%) have no author"
        + " with recent activity"), json.out());
  }

  private static String header(String sha, String parent, long time, String name, String email) {
    String id = sha.repeat(40);
    String parents = parent.isEmpty() ? "" : parent.repeat(40);
    return "commit\t" + id + "\t" + parents + "\t" + time + "\t" + name + "\t" + email + "\t"
        + time + "\t" + name + "\t" + email + "\t\n";
  }

  @Test
  void aMissingFileIsNamedWithoutJavaClassNames() {
    Path missing = tmp.resolve("missing.txt.gz");
    Run r = run("truck-factor", "--git-log", missing.toString());
    assertEquals(1, r.status(), r.out());
    assertEquals("community-metrics: no such file: " + missing + "\n", r.err());
    Run ls = run("truck-factor", "--git-log", LOG, "--ls-files", missing.toString());
    assertEquals("community-metrics: no such file: " + missing + "\n", ls.err());
    Run aliases = run("truck-factor", "--git-log", LOG, "--aliases", missing.toString());
    assertEquals("community-metrics: no such file: " + missing + "\n", aliases.err());
  }

  @Test
  void aDirectoryGivenForAFileIsAUsageErrorNamingIt() {
    for (String option : List.of("--git-log", "--ls-files", "--aliases", "--exclude")) {
      List<String> args = new ArrayList<>(List.of("truck-factor"));
      if (!option.equals("--git-log")) {
        args.addAll(List.of("--git-log", LOG));
      }
      args.addAll(List.of(option, tmp.toString()));
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.status(), option + ": " + r.err());
      assertTrue(r.err().contains(tmp + " is a directory"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
  }

  @Test
  void anOutOfRangeRevisionIsAUsageError() {
    Run r = run("truck-factor", "--git", tmp.toString(), "--revision", "--all");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith("community-metrics: --revision must be a commit"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  // --- shallow clones -------------------------------------------------------------------------

  private static boolean gitAvailable() {
    try {
      return new ProcessBuilder("git", "--version").redirectErrorStream(true).start()
          .waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Alice Able",
        "-c", "user.email=alice@example.org", "-c", "commit.gpgsign=false",
        "-c", "protocol.file.allow=always"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
        String.join(" ", command) + ": " + output);
  }

  @Test
  void aShallowCloneIsReportedWithItsCommitCount() throws Exception {
    assumeTrue(gitAvailable(), "git is not installed");
    Path origin = Files.createDirectory(tmp.resolve("origin"));
    git(origin, "init", "-q");
    for (int i = 1; i <= 3; i++) {
      Files.writeString(origin.resolve("f" + i + ".c"), "int f" + i + ";\n");
      git(origin, "add", "f" + i + ".c");
      git(origin, "commit", "-q", "-m", "commit " + i);
    }
    git(tmp, "clone", "-q", "--depth", "1", origin.toUri().toString(), "shallow");
    Path shallow = tmp.resolve("shallow");
    assertTrue(Files.exists(shallow.resolve(".git/shallow")), "git made no shallow clone");

    Run text = run("truck-factor", "--git", shallow.toString());
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().startsWith("Warning: " + shallow.toRealPath() + " is a shallow clone:"
        + " its history stops after 1 commits, so this truck factor comes from a truncated"
        + " history (run 'git fetch --unshallow' for the full one).\n"), text.out());
    Run json = run("truck-factor", "--git", shallow.toString(), "--json");
    assertTrue(json.out().contains("\"warnings\":[\"" + shallow.toRealPath()
        + " is a shallow clone: its history stops after 1 commits"), json.out());

    Run full = run("truck-factor", "--git", origin.toString());
    assertEquals(0, full.status(), full.err());
    assertFalse(full.out().contains("Warning"), full.out());
  }
}
