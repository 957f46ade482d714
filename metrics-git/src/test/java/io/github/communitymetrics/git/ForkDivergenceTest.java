package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.Divergence.Reason;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real repositories built in the test: acme/widget with commits a and b, bob/gizmo cloned from it
 * after b and given three commits of its own, then one more commit upstream. By hand: the merge
 * base is b, the fork is 3 ahead and 1 behind.
 */
class ForkDivergenceTest {
  private static final Repository WIDGET = Repository.github("acme/widget");
  private static final Repository GIZMO = Repository.github("bob/gizmo");
  private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");

  @TempDir Path tmp;
  private TestRepo upstream;
  private TestRepo fork;
  private String mergeBase;

  @BeforeEach
  void histories() {
    upstream = new TestRepo(tmp.resolve("acme/widget"));
    upstream.write("README", "a");
    upstream.commit("Alice", "alice@example.org", "a");
    upstream.write("README", "b");
    mergeBase = upstream.commit("Alice", "alice@example.org", "b");
    upstream.git("clone", "-q", upstream.dir.toString(), tmp.resolve("bob/gizmo").toString());
    fork = new TestRepo(tmp.resolve("bob/gizmo"));
    for (String c : new String[] {"f1", "f2", "f3"}) {
      fork.write("GIZMO", c);
      fork.commit("Bob", "bob@example.org", c);
    }
    upstream.write("README", "u1");
    upstream.commit("Alice", "alice@example.org", "u1");
  }

  /** One repository with both as remotes, as a maintainer's clone often is. */
  private TestRepo both() {
    TestRepo r = new TestRepo(tmp.resolve("work"));
    r.git("remote", "add", "upstream", upstream.dir.toString());
    r.git("remote", "add", "bob", fork.dir.toString() + "/.git");
    r.git("fetch", "-q", "upstream");
    r.git("fetch", "-q", "bob");
    r.git("remote", "set-head", "upstream", "--auto");
    return r;
  }

  private static Divergence measured(String upstreamRef, String forkRef, int ahead, int behind, String base) {
    return new Divergence.Measured(GIZMO, WIDGET, NOW, Divergence.Source.GIT_HISTORY, upstreamRef, forkRef, ahead, behind,
        Optional.of(base));
  }

  @Test
  void remotesOfOneRepositoryCountThreeAheadAndOneBehind() {
    GitRepository repo = GitRepository.open(both().dir);
    assertEquals(Optional.of("upstream"), ForkDivergence.remoteOf(repo, WIDGET));
    assertEquals(Optional.of("bob"), ForkDivergence.remoteOf(repo, Repository.github("Bob/Gizmo")));
    assertEquals(Optional.empty(), ForkDivergence.remoteOf(repo, Repository.github("carol/widget")));
    assertEquals(Optional.of("upstream/main"), ForkDivergence.remoteHead(repo, "upstream"));
    // A remote added without set-head has no HEAD: the branch is not guessed.
    assertEquals(Optional.empty(), ForkDivergence.remoteHead(repo, "bob"));
    assertEquals(measured("upstream/main", "bob/main", 3, 1, mergeBase),
        ForkDivergence.compare(repo, WIDGET, "upstream/main", GIZMO, "bob/main", NOW));
  }

  @Test
  void twoClonesCountTheSameWithoutChangingEither() {
    Divergence d = ForkDivergence.compareClones(GitRepository.open(upstream.dir), WIDGET, "main",
        GitRepository.open(fork.dir), GIZMO, "HEAD", NOW);
    assertEquals(measured("main", "HEAD", 3, 1, mergeBase), d);
    // The fork's commits did not enter the upstream's clone.
    String head = fork.git("rev-parse", "HEAD").strip();
    assertThrows(IllegalStateException.class, () -> upstream.git("cat-file", "-e", head + "^{commit}"));
  }

  @Test
  void aForkEvenWithItsUpstreamIsZeroAndZeroMeasured() {
    GitRepository repo = GitRepository.open(upstream.dir);
    String b = mergeBase;
    upstream.git("branch", "copy", b);
    assertEquals(new Divergence.Measured(GIZMO, WIDGET, NOW, Divergence.Source.GIT_HISTORY, "copy", "copy", 0, 0,
        Optional.of(b)), ForkDivergence.compare(repo, WIDGET, "copy", GIZMO, "copy", NOW));
  }

  @Test
  void aBranchGoneIsBranchNotFound() {
    GitRepository repo = GitRepository.open(both().dir);
    Divergence.Unknown d = (Divergence.Unknown) ForkDivergence.compare(repo, WIDGET, "upstream/main", GIZMO, "bob/gone", NOW);
    assertEquals(Reason.BRANCH_NOT_FOUND, d.reason());
    assertEquals(Divergence.Source.GIT_HISTORY, d.source());
  }

  @Test
  void anOrphanHistoryHasNoCommonHistoryNotZero() {
    fork.git("checkout", "-q", "--orphan", "rewritten");
    fork.write("GIZMO", "new start");
    fork.commit("Bob", "bob@example.org", "start over");
    Divergence d = ForkDivergence.compareClones(GitRepository.open(upstream.dir), WIDGET, "main",
        GitRepository.open(fork.dir), GIZMO, "rewritten", NOW);
    assertEquals(new Divergence.Unknown(GIZMO, WIDGET, NOW, Divergence.Source.GIT_HISTORY, Reason.NO_COMMON_HISTORY,
        "main and rewritten share no commit"), d);
  }

  @Test
  void aShallowCloneIsNoCount() {
    upstream.git("clone", "-q", "--depth", "1", "file://" + fork.dir, tmp.resolve("shallow").toString());
    Divergence.Unknown d = (Divergence.Unknown) ForkDivergence.compareClones(GitRepository.open(upstream.dir), WIDGET, "main",
        GitRepository.open(tmp.resolve("shallow")), GIZMO, "HEAD", NOW);
    assertEquals(Reason.UNAVAILABLE, d.reason());
  }

  @Test
  void remoteUrlsNameTheirRepositoryByTheLastTwoSegments() {
    assertEquals(Optional.of("bob/gizmo"), ForkDivergence.fullName("https://github.com/bob/gizmo.git"));
    assertEquals(Optional.of("bob/gizmo"), ForkDivergence.fullName("git@github.com:Bob/gizmo"));
    assertEquals(Optional.of("bob/gizmo"), ForkDivergence.fullName("/srv/mirrors/bob/gizmo/"));
    assertEquals(Optional.empty(), ForkDivergence.fullName("gizmo"));
  }

  @Test
  void aRefLikeAnOptionIsRefused() {
    GitRepository repo = GitRepository.open(upstream.dir);
    assertThrows(IllegalArgumentException.class, () -> ForkDivergence.compare(repo, WIDGET, "--all", GIZMO, "main", NOW));
  }
}
