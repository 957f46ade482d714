package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score} (and {@code metrics}) over local git clones made in the test: "which of my
 * repositories has the lowest bus factor?" in one command. Every expected factor is worked out
 * by hand below: the CHAOSS contributor absence factor is the fewest authors whose commits are
 * more than half of all commits in the window.
 */
class ScoreGitClonesTest {
  private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
  private static final String AS_OF = "2025-03-01T00:00:00Z";
  private static final String FACTOR = "contributor-absence-factor";

  @TempDir Path tmp;

  /**
   * alpha (origin git@github.com:acme/alpha.git): Ann 6 commits, Bob 2 and Cy 1 on topic
   * branches, merged by Mo in 3 merge commits. Merges are left out: 9 commits, half is 4.5, Ann's
   * 6 are more: factor 1. (Counting Mo's merges would give 12, half 6, Ann's 6 not more: 2.)
   */
  private Path alpha() {
    GitClone g = new GitClone(tmp.resolve("alpha"), START).origin("git@github.com:acme/alpha.git");
    g.commits(6, "Ann Able", "ann@example.org");
    g.mergedTopic("Bob Baker", "bob@example.org", "Mo Merger", "mo@example.org");
    g.mergedTopic("Bob Baker", "bob@example.org", "Mo Merger", "mo@example.org");
    g.mergedTopic("Cy Cole", "cy@example.org", "Mo Merger", "mo@example.org");
    return g.dir;
  }

  /**
   * beta (origin https://gitlab.com/acme/sub/beta.git, a subgroup): 3 commits each by Ann, Bob,
   * Cy and Dee: 12 commits, half 6; two authors have 6, not more; three have 9: factor 3.
   */
  private Path beta() {
    GitClone g = new GitClone(tmp.resolve("beta"), START).origin("https://gitlab.com/acme/sub/beta.git");
    g.commits(3, "Ann Able", "ann@example.org").commits(3, "Bob Baker", "bob@example.org");
    g.commits(3, "Cy Cole", "cy@example.org").commits(3, "Dee Dunn", "dee@example.org");
    return g.dir;
  }

  /**
   * gamma (no remote: named by its directory): Ann 4, Bob 3, Cy 2, Dee 1: 10 commits, half 5;
   * Ann's 4 are not more, Ann and Bob's 7 are: factor 2.
   */
  private Path gamma() {
    GitClone g = new GitClone(tmp.resolve("gamma"), START);
    g.commits(4, "Ann Able", "ann@example.org").commits(3, "Bob Baker", "bob@example.org");
    g.commits(2, "Cy Cole", "cy@example.org").commits(1, "Dee Dunn", "dee@example.org");
    return g.dir;
  }

  @Test
  void whichRepositoryHasTheLowestBusFactorIsOneCommandOverSeveralClones() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "score", "--git", alpha().toString(), "--git", beta() + "," + gamma(),
            "--metric", FACTOR, "--sort", FACTOR + ":asc", "--as-of", AS_OF, "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    String[][] expected = {{"acme/alpha", "1", "9"}, {"gamma", "2", "10"}, {"acme/sub/beta", "3", "12"}};
    for (int i = 0; i < expected.length; i++) {
      String row = "rows[" + i + "]";
      assertEquals(expected[i][0], f.get(row + ".name"), r.out());
      assertEquals(expected[i][1], f.get(row + ".metrics." + FACTOR + "[0].value"), r.out());
      // Every commit of the clone is an event, merge commits left out.
      assertEquals(expected[i][2], f.get(row + ".events"), r.out());
    }
    assertFalse(f.containsKey("rows[3].name"), r.out());
    assertTrue(r.err().contains("git: acme/alpha (" + tmp.resolve("alpha") + "): 9 commits, 3 merge commits left out"), r.err());
    assertTrue(r.err().contains("git: 3 clones, 31 commits, 3 merge commits left out"), r.err());
  }

  /**
   * Ann commits to two clones of owner acme under two spellings of her name and of her address's
   * case. acme/one: Ann 4, Bob 2; acme/two: Ann 4, Cy 5. As one person, acme has Ann 8, Cy 5, Bob
   * 2: 15 commits, half 7.5, Ann's 8 are more: factor 1. As two people (Cy 5, Ann 4, Ann 4, Bob
   * 2) it would be 2.
   */
  @Test
  void theSameEmailInTwoClonesIsOnePerson() {
    GitClone one = new GitClone(tmp.resolve("one"), START).origin("https://github.com/acme/one.git");
    one.commits(4, "Ann Able", "ann@example.org").commits(2, "Bob Baker", "bob@example.org");
    GitClone two = new GitClone(tmp.resolve("two"), START).origin("https://github.com/acme/two.git");
    two.commits(4, "A. Able", "ANN@Example.org").commits(5, "Cy Cole", "cy@example.org");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "score", "--git", one.dir + "," + two.dir, "--group-by", "owner", "--metric", FACTOR,
            "--as-of", AS_OF, "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    assertEquals("acme", f.get("rows[0].name"), r.out());
    assertEquals("1", f.get("rows[0].metrics." + FACTOR + "[0].value"), r.out());
    assertEquals("15", f.get("rows[0].events"), r.out());
  }

  @Test
  void aListFileResolvesRelativePathsSkipsCommentsAndNamesABadLine() throws IOException {
    Path a = alpha();
    gamma();
    Path lists = Files.createDirectories(tmp.resolve("lists"));
    Path list = lists.resolve("clones.txt");
    Files.writeString(list, "# my clones\n\n../gamma\n  " + a + "  \n");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "score", "--git-list", list.toString(), "--metric", FACTOR, "--as-of", AS_OF, "--csv");
    assertEquals(0, r.status(), r.err());
    assertEquals(
        "name,events," + FACTOR + ".factor\nacme/alpha,9,1\ngamma,10,2\n",
        r.out().replace("\r\n", "\n"));

    Files.writeString(list, "../gamma\n# fine so far\n../missing\n");
    CommunityMetricsCliTest.Run missing =
        CommunityMetricsCliTest.run("score", "--git-list", list.toString(), "--metric", FACTOR);
    assertEquals(1, missing.status(), missing.err());
    assertTrue(missing.err().contains(list + ":3: "), missing.err());
    assertTrue(missing.err().contains("missing is not a directory"), missing.err());

    Files.writeString(list, "../gamma\n.\n");
    CommunityMetricsCliTest.Run notRepo =
        CommunityMetricsCliTest.run("score", "--git-list", list.toString(), "--metric", FACTOR);
    assertEquals(1, notRepo.status(), notRepo.err());
    assertTrue(notRepo.err().contains(list + ":2: ") && notRepo.err().contains("is not a git repository"), notRepo.err());
  }

  @Test
  void oneRepositoryTwiceIsAUsageErrorNotDoubleCounting() {
    Path a = alpha();
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("score", "--git", a.toString(), "--git", a + "/.", "--metric", FACTOR);
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("are both repository acme/alpha"), r.err());

    CommunityMetricsCliTest.Run both =
        CommunityMetricsCliTest.run("score", "--git", a.toString(), "--events", a.resolve("x.jsonl").toString());
    assertEquals(2, both.status(), both.err());
    assertTrue(both.err().contains("give one of --events, --gharchive, --git/--git-list"), both.err());
  }

  /** The clones' commits as canonical events: one COMMIT line per commit, merges left out. */
  @Test
  void eventsExportWritesTheClonesCommits() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("events", "export", "--git", alpha() + "," + gamma(), "--out", "-");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(9 + 10, lines.size(), r.out());
    assertTrue(lines.stream().allMatch(l -> l.contains("\"type\":\"commit\"")), r.out());
    assertEquals(9, lines.stream().filter(l -> l.contains("\"acme/alpha\"")).count(), r.out());
    assertFalse(r.out().contains("Mo Merger"), r.out());
  }

  @Test
  void metricsReadsOneCloneWithoutRepo() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("metrics", "--git", gamma().toString(), "--metric", FACTOR, "--as-of", AS_OF, "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    assertEquals("gamma", f.get("repo"), r.out());
    assertTrue(r.out().contains("\"measurements\":[{\"name\":\"factor\",\"unit\":\"people\",\"value\":2"), r.out());
  }
}
