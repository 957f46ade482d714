package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.cli.CommunityMetricsCliTest.Run;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture log (src/test/resources/truck-factor) is written by hand in the real format. Its
 * authorship, worked out by hand: Alice Able creates a.c and b.c and changes both again (4
 * changes); Bob Baker creates c0.c (renamed to c.c) and d.c, and as "bobby" f.c; Carol Cole creates
 * e.c, g.c, README and vendor/lib.js; one merge. Every file has one author, its creator.
 */
class TruckFactorCommandTest {
  @TempDir Path tmp;

  private static String fixture(String name) {
    try {
      return Path.of(TruckFactorCommandTest.class.getResource("/truck-factor/" + name).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Run run(String... args) {
    return CommunityMetricsCliTest.run(args);
  }

  private static final String LOG = fixture("cmlog.txt");
  private static final String LS = fixture("ls-files.txt");
  private static final String ALIASES = fixture("alias.txt");

  @Test
  void defaultsExcludeReadmeAndVendorAndAliasesJoinBob() {
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases", ALIASES,
        "--system", "example/fixture", "--json");
    assertEquals(0, r.status(), r.err());
    // 7 files: Bob 3, Alice 2, Carol 2. Bob leaves: 4/7 covered; Alice (more changes than Carol)
    // leaves: 2/7 < 0.5.
    assertTrue(r.out().startsWith("{\"source\":\"" + LOG + "\",\"algorithm\":\"avelino\","
        + "\"truckFactor\":2,\"filesAnalyzed\":7,\"coverage\":0.2857142857142857,"
        + "\"orphanedFiles\":5,\"authors\":[{\"name\":\"Bob Baker\",\"email\":\"bob@example.org\","
        + "\"files\":3,\"share\":0.42857142857142855},{\"name\":\"Alice Able\","
        + "\"email\":\"alice@example.org\",\"files\":2,\"share\":0.2857142857142857}],"
        + "\"filesInSnapshot\":9,\"excludedFiles\":{\"vendored\":1,\"documentation\":1},"), r.out());
  }

  @Test
  void withoutAliasesBobbyIsSomeoneElse() {
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--identity", "name");
    assertEquals(0, r.status(), r.err());
    // Alice 2 files with 4 changes goes first (5/7 left), then Bob Baker (2 files; ties with
    // Carol Cole on files, wins on changes or, failing that, on name): 3/7 < 0.5.
    assertTrue(r.out().startsWith("Truck factor of " + LOG + ": 2 (algorithm avelino)\n"
        + "Files: 9 in the snapshot, 7 analysed (excluded: 1 vendored, 1 documentation)\n"
        + "Once these authors leave, 42.9% of the analysed files still have an author"
        + " (4 orphaned).\n"), r.out());
    assertTrue(Pattern.compile("(?m)^ +1 +Alice Able +alice@example\\.org +2 +28\\.6%$")
        .matcher(r.out()).find(), r.out());
    assertTrue(Pattern.compile("(?m)^ +2 +Bob Baker +bob@example\\.org +2 +28\\.6%$")
        .matcher(r.out()).find(), r.out());
  }

  @Test
  void withoutALsFilesTheSnapshotComesFromTheLog() {
    Run listed = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--json");
    Run derived = run("truck-factor", "--git-log", LOG, "--json");
    assertEquals(0, derived.status(), derived.err());
    assertEquals(listed.out(), derived.out());
  }

  @Test
  void linguistFilesListIsTheSnapshot() throws IOException {
    // The reference tool's Linguist step writes "Language;path"; the same seven .c files as the
    // default selection keeps from ls-files, so the result must equal the --ls-files run.
    Path linguist = tmp.resolve("linguist-files.txt");
    Files.writeString(linguist, "C;a.c\nC;b.c\nC;c.c\nC;d.c\nC;e.c\nC;f.c\nC;g.c\n");
    Run listed = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--json");
    Run lang = run("truck-factor", "--git-log", LOG, "--linguist-files", linguist.toString(),
        "--json");
    assertEquals(0, lang.status(), lang.err());
    // Same result; only the snapshot differs (9 listed files, 2 excluded, against 7 given).
    String result = "\"filesInSnapshot\":";
    assertEquals(listed.out().substring(0, listed.out().indexOf(result)),
        lang.out().substring(0, lang.out().indexOf(result)));
    assertTrue(lang.out().contains("\"filesInSnapshot\":7,\"excludedFiles\":{}"), lang.out());
    // Dropping one file from the list changes what is analysed.
    Files.writeString(linguist, "C;a.c\nC;b.c\nC;c.c\nC;d.c\nC;e.c\nC;f.c\n");
    Run fewer = run("truck-factor", "--git-log", LOG, "--linguist-files", linguist.toString(),
        "--json");
    assertTrue(fewer.out().contains("\"filesAnalyzed\":6,"), fewer.out());
    Files.writeString(linguist, "a.c\n");
    Run bad = run("truck-factor", "--git-log", LOG, "--linguist-files", linguist.toString());
    assertEquals(1, bad.status(), bad.out());
    Run both = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--linguist-files",
        linguist.toString());
    assertEquals(2, both.status(), both.out());
  }

  @Test
  void noDefaultExclusionsCountsCarolsReadmeAndVendoredFile() {
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases", ALIASES,
        "--system", "example/fixture", "--no-default-exclusions", "--json");
    assertEquals(0, r.status(), r.err());
    // 9 files: Carol 4, Bob 3, Alice 2. Carol leaves: 5/9; Bob leaves: 2/9 < 0.5.
    assertTrue(r.out().contains("\"truckFactor\":2,\"filesAnalyzed\":9,"
        + "\"coverage\":0.2222222222222222,\"orphanedFiles\":7,\"authors\":[{\"name\":\"Carol Cole\","
        + "\"email\":\"carol@example.org\",\"files\":4,\"share\":0.4444444444444444},"
        + "{\"name\":\"Bob Baker\",\"email\":\"bob@example.org\",\"files\":3,"
        + "\"share\":0.3333333333333333}],\"filesInSnapshot\":9,\"excludedFiles\":{},"), r.out());
  }

  @Test
  void explicitExclusionListOfTheSystemOnly() {
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases", ALIASES,
        "--exclude", fixture("filtered-files.txt"), "--system", "example/fixture", "--json");
    assertEquals(0, r.status(), r.err());
    // a.c and g.c listed (b.c belongs to another system): b (Alice), c d f (Bob), e (Carol).
    assertTrue(r.out().contains("\"truckFactor\":1,\"filesAnalyzed\":5,\"coverage\":0.4,"
        + "\"orphanedFiles\":3,\"authors\":[{\"name\":\"Bob Baker\",\"email\":\"bob@example.org\","
        + "\"files\":3,\"share\":0.6}],\"filesInSnapshot\":9,"
        + "\"excludedFiles\":{\"vendored\":1,\"documentation\":1,\"explicit\":2},"), r.out());
  }

  @Test
  void byDirectoryGivesEachDirectory() {
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--aliases", ALIASES,
        "--system", "example/fixture", "--no-default-exclusions", "--by-directory", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(",\"directories\":[{\"path\":\"\",\"truckFactor\":2,"
        + "\"filesAnalyzed\":9,"), r.out());
    assertTrue(r.out().contains("{\"path\":\"vendor\",\"truckFactor\":1,\"filesAnalyzed\":1,"
        + "\"coverage\":0.0,\"orphanedFiles\":1,\"authors\":[{\"name\":\"Carol Cole\","
        + "\"email\":\"carol@example.org\",\"files\":1,\"share\":1.0}]}]}"), r.out());
    Run text = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--no-default-exclusions",
        "--by-directory", "--identity", "name");
    assertTrue(Pattern.compile("(?m)^ +vendor +1 +1 +0\\.0% +Carol Cole$").matcher(text.out())
        .find(), text.out());
  }

  @Test
  void byDefaultASharedEmailMakesBobbyBob() {
    Run r = run("truck-factor", "--git-log", LOG, "--ls-files", LS, "--json");
    assertEquals(0, r.status(), r.err());
    // bobby and Bob Baker share bob@example.org: one developer with c.c, d.c and f.c, as with
    // the alias list, shown under the newest of the two names (bobby's commit is the newer).
    assertTrue(r.out().contains("\"truckFactor\":2,\"filesAnalyzed\":7,"
        + "\"coverage\":0.2857142857142857,\"orphanedFiles\":5,\"authors\":[{\"name\":\"bobby\","
        + "\"email\":\"bob@example.org\",\"files\":3,"), r.out());
  }

  @Test
  void recencyAndPrunedRun() {
    for (String algorithm : List.of("recency", "avelino-pruned")) {
      Run r = run("truck-factor", "--git-log", LOG, "--algorithm", algorithm, "--by-directory",
          "--json");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains("\"algorithm\":\"" + algorithm + "\",\"truckFactor\":"), r.out());
      assertTrue(r.out().contains("{\"path\":\"\",\"truckFactor\":"), r.out());
    }
  }

  @Test
  void usageErrorsExitTwo() {
    for (List<String> args : List.of(
        List.of("truck-factor"),
        List.of("truck-factor", "--git", ".", "--git-log", LOG),
        List.of("truck-factor", "--git-log", LOG, "--algorithm", "magic"),
        List.of("truck-factor", "--git", ".", "--ls-files", LS),
        List.of("truck-factor", "--git-log", LOG, "--identity", "login"))) {
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.status(), args + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
  }

  @Test
  void badInputExitsOneNamingWhere() throws IOException {
    Run missing = run("truck-factor", "--git-log", tmp.resolve("nope.txt").toString());
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("nope.txt"), missing.err());
    Path bad = tmp.resolve("bad.txt");
    Files.writeString(bad, "commit\tnot-a-sha\n");
    Run malformed = run("truck-factor", "--git-log", bad.toString(), "--ls-files", LS);
    assertEquals(1, malformed.status());
    assertTrue(malformed.err().contains("line 1"), malformed.err());
    Run notRepo = run("truck-factor", "--git", tmp.toString());
    assertEquals(1, notRepo.status());
    assertTrue(notRepo.err().contains("is not a git repository"), notRepo.err());
  }

  @Test
  void readsARealRepositoryWithItsMailmap() {
    Path repo = tmp.resolve("repo");
    git(repo, Map.of(), "init", "-q", "-b", "main");
    commit(repo, "Alice Able", "alice@example.org", 1, "x.c", "y.c");
    commit(repo, "alice old", "alice@old.example", 2, "z.c");
    commit(repo, "Bob Baker", "bob@example.org", 3, "w.c");
    write(repo, ".mailmap", "Alice Able <alice@example.org> <alice@old.example>\n");
    commit(repo, "Bob Baker", "bob@example.org", 4);
    Run r = run("truck-factor", "--git", repo.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    // Five files, four of them source (.mailmap has no Linguist language): Alice 3 (one through
    // the mailmap), Bob 1 (w.c): Alice leaves, 1/4.
    assertTrue(r.out().contains("\"algorithm\":\"avelino\",\"truckFactor\":1,\"filesAnalyzed\":4,"
        + "\"coverage\":0.25,\"orphanedFiles\":3,\"authors\":[{\"name\":\"Alice Able\","
        + "\"email\":\"alice@example.org\",\"files\":3,\"share\":0.75}],\"filesInSnapshot\":5,"
        + "\"excludedFiles\":{\"not_source\":1},"), r.out());
  }

  private static void write(Path repo, String name, String content) {
    try {
      Files.writeString(repo.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void commit(Path repo, String name, String email, int minute, String... files) {
    for (String f : files) {
      write(repo, f, f + "\n");
    }
    String date = (1_600_000_000L + 60L * minute) + " +0000";
    git(repo, Map.of(), "add", "-A");
    git(repo, Map.of("GIT_AUTHOR_NAME", name, "GIT_AUTHOR_EMAIL", email,
        "GIT_COMMITTER_NAME", name, "GIT_COMMITTER_EMAIL", email,
        "GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "commit", "-q", "-m", "c" + minute);
  }

  /** Runs git in {@code repo} (created if missing) with {@code env}; fails on a non-zero exit. */
  static void git(Path repo, Map<String, String> env, String... args) {
    try {
      Files.createDirectories(repo);
      List<String> command = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
      command.addAll(List.of(args));
      ProcessBuilder b = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
      b.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      b.environment().put("HOME", repo.toString());
      b.environment().putAll(env);
      Process p = b.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command + ": " + out);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
