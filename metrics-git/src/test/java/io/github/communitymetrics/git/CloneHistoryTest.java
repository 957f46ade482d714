package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CloneHistory} on real repositories made with the git command. */
class CloneHistoryTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      nullValues = "-",
      value = {
        "https://github.com/acme/widget.git github acme/widget",
        "https://github.com/acme/widget github acme/widget",
        "https://github.com/acme/widget/ github acme/widget",
        "git@github.com:acme/widget.git github acme/widget",
        "ssh://git@github.com:22/acme/widget.git github acme/widget",
        "https://user:s3cret@GitHub.com/acme/widget.git github acme/widget",
        "https://gitlab.com/group/sub/project.git gitlab group/sub/project",
        "git@gitlab.com:group/project.git gitlab group/project",
        "https://git.example.org/team/tool git team/tool",
        "ssh://[::1]:2222/team/tool.git git team/tool",
        "/srv/git/widget.git - -",
        "../widget - -",
        "file:///srv/git/team/tool.git - -",
        "https://git.example.org/single.git - -",
        "git.example.org:single - -",
        "https://github.com/ - -",
      })
  void remoteUrlsNameTheirRepository(String url, String forge, String fullName) {
    Optional<Repository> named = CloneHistory.fromRemoteUrl(url);
    if (forge == null) {
      assertTrue(named.isEmpty(), url + " -> " + named);
    } else {
      assertEquals(Optional.of(Repository.of(Forge.of(forge), fullName)), named, url);
    }
  }

  @Test
  void originNamesTheCloneElseItsDirectory() {
    TestRepo withOrigin = new TestRepo(tmp.resolve("checkout"));
    withOrigin.git("remote", "add", "origin", "https://ann:tok3n@github.com/acme/widget.git");
    assertEquals(Repository.github("acme/widget"), CloneHistory.repositoryOf(GitRepository.open(withOrigin.dir)));

    TestRepo local = new TestRepo(tmp.resolve("tool.git"));
    assertEquals(Repository.of(Forge.GIT, "tool"), CloneHistory.repositoryOf(GitRepository.open(local.dir)));
    // A local path as origin names nothing: the directory does.
    TestRepo cloned = new TestRepo(tmp.resolve("copy"));
    cloned.git("remote", "add", "origin", withOrigin.dir.toString());
    assertEquals(Repository.of(Forge.GIT, "copy"), CloneHistory.repositoryOf(GitRepository.open(cloned.dir)));
    assertEquals(Optional.empty(), GitRepository.open(local.dir).remoteUrl("origin"));
  }

  @Test
  void commitsAreAuthorEventsAndMergesAreLeftOutAndCounted() {
    TestRepo repo = new TestRepo(tmp.resolve("widget"));
    repo.write("a.txt", "1\n");
    String first = repo.commit("Ann Able", "ann@example.org", "first");
    long t1 = repo.lastTime();
    repo.git("checkout", "-q", "-b", "topic");
    repo.write("b.txt", "2\n");
    String topic = repo.commit("Bob Baker", "bob@example.org", "topic work");
    repo.git("checkout", "-q", "main");
    repo.write("c.txt", "3\n");
    String onMain = repo.commit("Ann Able", "ann@example.org", "main work");
    repo.git("merge", "-q", "--no-ff", "-m", "merge topic", "topic");
    repo.write("d.txt", "4\n");
    String last = repo.commit("Cy Cole", "cy@example.org", "after the merge");
    long tLast = repo.lastTime();

    List<Commit> commits = new ArrayList<>();
    Repository as = Repository.of(Forge.GIT, "widget");
    CloneHistory.Summary s = CloneHistory.read(GitRepository.open(repo.dir), "HEAD", as, commits::add);

    assertEquals(new CloneHistory.Summary(as, 4, 1, false), s);
    assertEquals(List.of(last, onMain, topic, first), commits.stream().map(Commit::sha).toList());
    Commit newest = commits.get(0);
    assertEquals(as, newest.repo());
    assertEquals(Actor.git("Cy Cole", "cy@example.org"), newest.actor());
    assertEquals(Instant.ofEpochSecond(tLast), newest.at());
    assertEquals(Instant.ofEpochSecond(t1), commits.get(3).at());
    assertEquals("d.txt", newest.files().get(0).path());
    assertFalse(commits.stream().anyMatch(Commit::isMerge));
  }

  @Test
  void mailmapAppliesToTheAuthorLine() {
    TestRepo repo = new TestRepo(tmp.resolve("mapped"));
    repo.write(".mailmap", "Ann Able <ann@example.org> <ann@old.example>\n");
    repo.commit("ann", "ann@old.example", "with the old address");
    List<Commit> commits = new ArrayList<>();
    CloneHistory.read(GitRepository.open(repo.dir), "HEAD", Repository.of(Forge.GIT, "m"), commits::add);
    assertEquals(Actor.git("Ann Able", "ann@example.org"), commits.get(0).actor());
  }

  @Test
  void aRepositoryWithoutCommitsIsAGitError() {
    TestRepo empty = new TestRepo(tmp.resolve("empty"));
    GitCommandException e = assertThrows(GitCommandException.class,
        () -> CloneHistory.read(GitRepository.open(empty.dir), "HEAD", Repository.of(Forge.GIT, "e"), c -> { }));
    assertTrue(e.getMessage().contains("HEAD"), e.getMessage());
  }
}
