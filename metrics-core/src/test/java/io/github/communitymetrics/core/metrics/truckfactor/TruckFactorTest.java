package io.github.communitymetrics.core.metrics.truckfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TruckFactorTest {

  private static final long T0 = 1_400_000_000L;
  private static final long DAY = 86_400L;

  private static List<String> names(List<Developer> devs) {
    return devs.stream().map(Developer::name).collect(Collectors.toList());
  }

  @Test
  void doaFormula() {
    // 3.293 + 1.098 + 0.164*2 - 0.321*ln(2) = 4.719 - 0.321*0.693147 = 4.719 - 0.222500 = 4.496500
    assertEquals(4.496500, DoaModel.avelino2016().doa(true, 2, 1), 1e-6);
    // 3.293 + 0 + 0 - 0.321*ln(1) = 3.293
    assertEquals(3.293, DoaModel.avelino2016().doa(false, 0, 0), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> DoaModel.avelino2016().doa(false, -1, 0));
  }

  /**
   * Oldest first: alice adds a.txt, bob changes it twice, carol renames it to b.txt. Total
   * changes 3 (bob 2, carol's rename 1; the add is not a change).
   * alice: 3.293 + 1.098 - 0.321*ln(4) = 4.391 - 0.445000 = 3.946000 (max)
   * bob: 3.293 + 0.328 - 0.321*ln(2) = 3.621 - 0.222500 = 3.398500; /max = 0.861 > 0.75 and >= 3.293
   * carol: 3.293 + 0.164 - 0.321*ln(3) = 3.457 - 0.352650 = 3.104350; /max = 0.787 > 0.75 but
   * below 3.293 and not the creator: not an author.
   */
  @Test
  void renameChainAndHandComputedAuthors() {
    AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(List.of("b.txt"), IdentityRule.NAME);
    acc.commit("carol", "c@x", T0 + 4);
    acc.renamed("a.txt", "b.txt");
    acc.commit("bob", "b@x", T0 + 3);
    acc.modified("a.txt");
    acc.commit("bob", "b@x", T0 + 2);
    acc.modified("a.txt");
    acc.commit("alice", "a@x", T0 + 1);
    acc.added("a.txt");
    AuthorshipHistory h = acc.finish();
    assertEquals(List.of("b.txt"), h.files());
    assertEquals(4, h.commits());
    assertEquals(
        List.of(
            new AuthorshipHistory.Contribution(new Developer("carol", "c@x"), false, 1),
            new AuthorshipHistory.Contribution(new Developer("bob", "b@x"), false, 2),
            new AuthorshipHistory.Contribution(new Developer("alice", "a@x"), true, 0)),
        h.contributions(0));
    assertEquals(List.of(List.of("bob", "alice")), TruckFactor.greedy().authorsByFile(h).stream()
        .map(TruckFactorTest::names).collect(Collectors.toList()));
  }

  @Test
  void reAddedPathKeepsEarlierHistoryAndBothCreatorsCount() {
    // Oldest first: alice adds f, bob deletes f, carol adds f again.
    AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(List.of("f"), IdentityRule.NAME);
    acc.commit("carol", "", T0 + 3);
    acc.added("f");
    acc.commit("bob", "", T0 + 2);
    acc.deleted("f");
    acc.commit("alice", "", T0 + 1);
    acc.added("f");
    AuthorshipHistory h = acc.finish();
    // Both creators: 3.293 + 1.098 = 4.391 each; bob made no change (a deletion is none).
    assertEquals(List.of(true, true), h.contributions(0).stream()
        .filter(c -> !c.developer().name().equals("bob"))
        .map(AuthorshipHistory.Contribution::created).collect(Collectors.toList()));
    assertEquals(List.of("carol", "alice"), names(TruckFactor.greedy().authorsByFile(h).get(0)));
  }

  @Test
  void pathRecreatedAfterBeingRenamedAwayStartsFresh() {
    // Oldest first: alice adds a, bob renames a -> b, carol adds a new a.
    AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(List.of("a", "b"), IdentityRule.NAME);
    acc.commit("carol", "", T0 + 3);
    acc.added("a");
    acc.commit("bob", "", T0 + 2);
    acc.renamed("a", "b");
    acc.commit("alice", "", T0 + 1);
    acc.added("a");
    AuthorshipHistory h = acc.finish();
    assertEquals(List.of("a", "b"), h.files());
    assertEquals(List.of(new AuthorshipHistory.Contribution(new Developer("carol", ""), true, 0)),
        h.contributions(0));
    assertEquals(2, h.contributions(1).size());
  }

  @Test
  void copyCreatesOnlyTheNewPathAndUntouchedFilesAreLeftOut() {
    AuthorshipAccumulator acc =
        AuthorshipAccumulator.newestFirst(List.of("src", "copy", "merged-only"), IdentityRule.NAME);
    acc.commit("bob", "", T0 + 2);
    acc.copied("src", "copy");
    acc.commit("alice", "", T0 + 1);
    acc.added("src");
    AuthorshipHistory h = acc.finish();
    assertEquals(List.of("src", "copy"), h.files());
    assertEquals(1, h.filesWithoutChangeRows());
    assertEquals(List.of(new AuthorshipHistory.Contribution(new Developer("alice", ""), true, 0)),
        h.contributions(0));
    assertEquals(List.of(new AuthorshipHistory.Contribution(new Developer("bob", ""), true, 0)),
        h.contributions(1));
  }

  @Test
  void coAuthorsAreCreditedOnlyWhenAdded() {
    AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(List.of("f"), IdentityRule.NAME);
    acc.commit("alice", "", T0);
    acc.coAuthor("bob", "");
    acc.coAuthor("alice", ""); // the author again: no double credit
    acc.added("f");
    AuthorshipHistory h = acc.finish();
    assertEquals(2, h.contributions(0).size());
    assertTrue(h.contributions(0).stream().allMatch(AuthorshipHistory.Contribution::created));
  }

  @Test
  void withoutASnapshotListTheLogShowsWhichFilesAreAlive() {
    // Oldest first: alice adds a, b, c; bob renames a -> x; carol deletes b; dave changes c and
    // adds d, which the filter excludes. Alive at the head and included: c, x (in order of
    // discovery, newest first).
    AuthorshipAccumulator acc =
        AuthorshipAccumulator.newestFirstDiscovering(p -> !p.equals("d"), IdentityRule.NAME);
    acc.commit("dave", "", T0 + 4);
    acc.modified("c");
    acc.added("d");
    acc.commit("carol", "", T0 + 3);
    acc.deleted("b");
    acc.commit("bob", "", T0 + 2);
    acc.renamed("a", "x");
    acc.commit("alice", "", T0 + 1);
    acc.added("a");
    acc.added("b");
    acc.added("c");
    AuthorshipHistory h = acc.finish();
    assertEquals(List.of("c", "x"), h.files());
    assertEquals(0, h.filesWithoutChangeRows());
    assertEquals(List.of(new AuthorshipHistory.Contribution(new Developer("dave", ""), false, 1),
        new AuthorshipHistory.Contribution(new Developer("alice", ""), true, 0)), h.contributions(0));
    assertEquals(List.of(new AuthorshipHistory.Contribution(new Developer("bob", ""), false, 1),
        new AuthorshipHistory.Contribution(new Developer("alice", ""), true, 0)), h.contributions(1));
  }

  @Test
  void identityRules() {
    for (IdentityRule rule : IdentityRule.values()) {
      AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(List.of("f"), rule);
      acc.commit("TJ", "tj@x", T0 + 3);
      acc.modified("f");
      acc.commit("tj", "TJ@x", T0 + 2); // same address, other case: one person by e-mail
      acc.modified("f");
      acc.commit("TJ", "old@x", T0 + 1); // same name, other address
      acc.added("f");
      AuthorshipHistory h = acc.finish();
      if (rule == IdentityRule.NAME) {
        assertEquals(List.of(new Developer("TJ", "tj@x"), new Developer("tj", "TJ@x")), h.developers());
        assertEquals(List.of(
            new AuthorshipHistory.Contribution(new Developer("TJ", "tj@x"), true, 1),
            new AuthorshipHistory.Contribution(new Developer("tj", "TJ@x"), false, 1)),
            h.contributions(0));
      } else {
        assertEquals(List.of(new Developer("TJ", "tj@x")), h.developers());
        assertEquals(List.of(new AuthorshipHistory.Contribution(new Developer("TJ", "tj@x"), true, 2)),
            h.contributions(0));
      }
    }
  }

  @Test
  void misuseIsRejected() {
    AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(List.of("f"), IdentityRule.NAME);
    assertThrows(IllegalStateException.class, () -> acc.added("f"));
    acc.finish();
    assertThrows(IllegalStateException.class, () -> acc.commit("a", "", 0));
    assertThrows(IllegalArgumentException.class, () -> TruckFactor.greedy().withCoverageThreshold(1.5));
  }

  private static List<Developer> devs(int n) {
    List<Developer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Developer("d" + (char) ('a' + i), ""));
    }
    return out;
  }

  @Test
  void greedyRemovesTopAuthorsUntilHalfTheFilesAreOrphaned() {
    // Files 0-9 authored by da and db, 10-11 by dc. 12 files. Removing da leaves all covered;
    // removing db leaves 2/12 < 0.5: TF 2. da before db: same file count, more changes.
    int[][] authors = new int[12][];
    for (int f = 0; f < 10; f++) {
      authors[f] = new int[] {0, 1};
    }
    authors[10] = new int[] {2};
    authors[11] = new int[] {2};
    TruckFactorResult r = Greedy.run(authors, devs(3), new long[] {5, 3, 1}, 0.5, 0.0);
    assertEquals(2, r.truckFactor());
    assertEquals(List.of("da", "db"),
        r.authors().stream().map(TruckFactorAuthor::name).collect(Collectors.toList()));
    assertEquals(10, r.authors().get(0).files());
    assertEquals(10.0 / 12, r.authors().get(0).share(), 1e-12);
    assertEquals(2.0 / 12, r.coverage(), 1e-12);
    assertEquals(10, r.orphanedFiles());
  }

  @Test
  void prunedDropsMembersBelowATenthOfTheTop() {
    // 40 files: da alone on 20, then one file each for 20 other developers. Removing da leaves
    // exactly 20/40 = 0.5 covered, not below 0.5, so one more (1 file) goes: greedy TF 2. Pruned:
    // 1 < 0.1 * 20 = 2, dropped: TF 1.
    int[][] authors = new int[40][];
    for (int f = 0; f < 20; f++) {
      authors[f] = new int[] {0};
      authors[20 + f] = new int[] {1 + f};
    }
    long[] changes = new long[21];
    changes[7] = 3; // the most changes among the one-file developers: removed first
    TruckFactorResult greedy = Greedy.run(authors, devs(21), changes, 0.5, 0.0);
    assertEquals(2, greedy.truckFactor());
    assertEquals("dh", greedy.authors().get(1).name());
    assertEquals(19.0 / 40, greedy.coverage(), 1e-12);
    TruckFactorResult pruned = Greedy.run(authors, devs(21), changes, 0.5, 0.1);
    assertEquals(1, pruned.truckFactor());
    assertEquals(0.5, pruned.coverage(), 1e-12);
  }

  @Test
  void noFilesNoTruckFactor() {
    TruckFactorResult r = Greedy.run(new int[0][], devs(1), new long[1], 0.5, 0.0);
    assertEquals(new TruckFactorResult(0, List.of(), 0.0, 0, 0), r);
  }

  private static AuthorshipHistory islands() {
    // a/x, a/y created by alice; b/z created by bob; alice also changes b/z once.
    AuthorshipAccumulator acc =
        AuthorshipAccumulator.newestFirst(List.of("a/x", "a/y", "b/z"), IdentityRule.NAME);
    acc.commit("alice", "", T0 + 3);
    acc.modified("b/z");
    acc.commit("bob", "", T0 + 2);
    acc.added("b/z");
    acc.commit("alice", "", T0 + 1);
    acc.added("a/x");
    acc.added("a/y");
    return acc.finish();
  }

  @Test
  void perDirectoryAndOrphans() {
    AuthorshipHistory h = islands();
    // b/z: bob 3.293 + 1.098 - 0.321*ln(2) = 4.168500; alice 3.293 + 0.164 = 3.457, /max = 0.829
    // and >= 3.293: both author b/z.
    SortedMap<String, TruckFactorResult> dirs = TruckFactor.greedy().perDirectory(h);
    assertEquals(List.of("", "a", "b"), new ArrayList<>(dirs.keySet()));
    assertEquals(1, dirs.get("a").truckFactor());
    assertEquals(2, dirs.get("b").truckFactor());
    // Root: alice authors 3 of 3; removing her leaves 0/3: TF 1.
    assertEquals(1, dirs.get("").truckFactor());
    assertEquals(List.of("a/x", "a/y"), TruckFactor.greedy().orphanedFiles(h, List.of("alice")));
    assertEquals(List.of("a/x", "a/y", "b/z"),
        TruckFactor.greedy().orphanedFiles(h, List.of("alice", "bob")));
    assertEquals(List.of(), TruckFactor.greedy().orphanedFiles(h, List.of("bob")));
    // All commits are within seconds of the head, weights ~1. b/z: bob own 1, C 0; alice C 1.
    // C_all = 1. bob: 3 + 2.4*ln 2 - 2.4*ln 2 = 3 (max); alice: 1 + 2.4*ln 2 - 0 = 2.663553,
    // /max = 0.888 > 0.75: both. a/x, a/y: alice own 1, C 0, C_all 0: A = 3: alice alone.
    SortedMap<String, TruckFactorResult> recent =
        RecencyTruckFactor.busFactorExplorer().perDirectory(h);
    assertEquals(List.of("", "a", "b"), new ArrayList<>(recent.keySet()));
    assertEquals(1, recent.get("a").truckFactor());
    assertEquals(2, recent.get("b").truckFactor());
  }

  /**
   * Head: alice changes f (weight 1). 90 days earlier bob changes f (weight e^-1 = 0.367879).
   * 600 days earlier carol created f: outside the 547-day window.
   * C_all = 1.367879; ln(1 + C_all) = 0.861983.
   * alice: 1 + 2.4*(0.861983 - ln(1.367879) = 0.313262) = 1 + 1.316930 = 2.316930 (max)
   * bob: 0.367879 + 2.4*(0.861983 - ln 2 = 0.168836) = 0.367879 + 0.405206 = 0.773085;
   * /max = 0.334: not an author. carol: 0. So alice alone authors f: TF 1.
   */
  @Test
  void recencyVariant() {
    AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(List.of("f"), IdentityRule.NAME);
    acc.commit("alice", "", T0);
    acc.modified("f");
    acc.commit("bob", "", T0 - 90 * DAY);
    acc.modified("f");
    acc.commit("carol", "", T0 - 600 * DAY);
    acc.added("f");
    AuthorshipHistory h = acc.finish();
    RecencyTruckFactor bfe = RecencyTruckFactor.busFactorExplorer();
    int[][] authors = bfe.authors(h);
    assertEquals(1, authors[0].length);
    assertEquals("alice", h.developers().get(authors[0][0]).name());
    TruckFactorResult r = bfe.compute(h);
    assertEquals(1, r.truckFactor());
    // With a 1000-day window carol's add counts: own = e^(-600/90) = 0.001273, C = 0, and
    // A = 3*0.001273 + 2.4*ln(1+C_all) - 2.4*ln(1+C_all) = 0.003820 >= 0.001 but /max < 0.75.
    assertEquals(1, bfe.withWindow(Duration.ofDays(1000)).authors(h)[0].length);
    // Plain greedy on the same file: carol created it (4.391 - 0.321*ln 3 = 4.038350, max);
    // alice and bob: 3.293 + 0.164 - 0.321*ln 2 = 3.234500 < 3.293: only carol.
    assertEquals(List.of("carol"), names(TruckFactor.greedy().authorsByFile(h).get(0)));
  }
}
