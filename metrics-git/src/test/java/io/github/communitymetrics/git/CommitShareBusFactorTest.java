package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The commit-share bus factor (CHAOSS absence factor) from the same commit log. */
class CommitShareBusFactorTest {

  @Test
  void absenceFactorOverTheLogsCommits() {
    StringBuilder log = new StringBuilder();
    String[] authors = {"Ann", "Bob", "Ann", "Ann"}; // newest first
    for (int i = 0; i < authors.length; i++) {
      String sha = String.valueOf((char) ('a' + i)).repeat(40);
      String parent = i + 1 < authors.length ? String.valueOf((char) ('b' + i)).repeat(40) : "";
      long at = 1_400_000_000L - 1000L * i;
      log.append("commit\t").append(sha).append('\t').append(parent).append('\t').append(at)
          .append('\t').append(authors[i]).append('\t').append(authors[i].toLowerCase())
          .append("@example.org\t").append(at).append("\tC\tc@example.org\t\n\nM\tf.txt\n");
    }
    Repository repo = new Repository(Forge.GIT, "example/project", OptionalLong.empty());
    List<Commit> commits;
    try (CommitLogReader r = CommitLogReader.of(
        new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), "log",
        ReadOptions.strict())) {
      commits = r.commits(repo).collect(Collectors.toList());
    }
    EventStore store = EventStore.of(commits);
    Window all = Window.of(Instant.ofEpochSecond(1_300_000_000L), Instant.ofEpochSecond(1_500_000_000L));
    FactorResult<Actor> r = ContributorAbsenceFactor.chaoss(all).compute(store, People.resolve(store));
    // Ann made 3 of 4 commits: 75% > 50% alone, so the factor is 1.
    assertEquals(1, r.factor());
    assertEquals(4, r.total());
    assertEquals(Actor.git("Ann", "ann@example.org"), r.members().get(0).key());
    assertEquals(1, r.members().size());
    assertEquals(3, r.members().get(0).count());
  }
}
