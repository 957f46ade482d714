package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code forks --json} on the real GH Archive hours of {@code ../shared/data}. Every expected value
 * was read by hand in the raw files (the ForkEvent's {@code created_at}, its {@code repo.name} and
 * its {@code payload.forkee}, the PushEvents to the forkee, the PullRequestEvent's head and base),
 * not taken from the command's output.
 */
@SharedDataTest
class ForksSharedDataTest {
  private static final String KLANGNER =
      "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/2012-04-01-0.json.gz";
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/2021-07-21-few-hours.json";

  private static Object forks(String file) {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "--quiet", "forks", "--gharchive", SharedData.resolve(file).toString(), "--json");
    assertEquals(0, r.status(), r.err());
    return JsonTree.parse(r.out());
  }

  private static Object repository(Object root, String name) {
    List<?> repos = (List<?>) JsonTree.at(root, "repositories");
    return repos.stream().filter(x -> name.equals(JsonTree.at(x, "name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name));
  }

  private static Object fork(Object repo, String name) {
    List<?> forks = (List<?>) JsonTree.at(repo, "forkList");
    return forks.stream().filter(x -> name.equals(JsonTree.at(x, "fork"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + forks));
  }

  @Test
  void theForkEventsAndTheForksOwnPushesOfAnHourOf2012() {
    Object root = forks(KLANGNER);
    // The hour holds the forks' own pushes (nightpool/VoxelUpdate's, below).
    assertEquals(true, JsonTree.at(root, "forkEvents", "present"));
    // The first line's ForkEvent: heddle317 forked opscode/chef-repo at 00:00:27; nothing pushed
    // to heddle317/chef-repo in the hour.
    Object chef = fork(repository(root, "opscode/chef-repo"), "heddle317/chef-repo");
    assertEquals("2012-04-01T00:00:27Z", JsonTree.at(chef, "created"));
    assertEquals(false, JsonTree.at(chef, "changed"));
    assertNull(JsonTree.at(chef, "lastActive"));
    // voxelbox/VoxelUpdate was forked twice in the hour, by nightpool (00:13:59) and TVPT;
    // nightpool pushed to the fork at 00:17:35 and 00:21:40.
    Object voxel = repository(root, "voxelbox/VoxelUpdate");
    assertEquals(2L, JsonTree.at(voxel, "forks"));
    Object night = fork(voxel, "nightpool/VoxelUpdate");
    assertEquals("2012-04-01T00:13:59Z", JsonTree.at(night, "created"));
    assertEquals(true, JsonTree.at(night, "changed"));
    assertEquals("2012-04-01T00:21:40Z", JsonTree.at(night, "lastActive"));
    fork(voxel, "TVPT/VoxelUpdate");
  }

  @Test
  void aForkEventAndAPullRequestFromAForkOf2021() {
    Object root = forks(PINOT);
    // MirrorFork forked google/gvisor at 06:00:02.
    Object gvisor = fork(repository(root, "google/gvisor"), "MirrorFork/gvisor");
    assertEquals("2021-07-21T06:00:02Z", JsonTree.at(gvisor, "created"));
    // niranjanshk27 opened a pull request on Bhoos/react-kit from niranjanshk27/react-kit at
    // 06:00:06; no ForkEvent names that fork, so its creation is unknown (null, with the reason).
    Object kit = repository(root, "Bhoos/react-kit");
    Object fork = fork(kit, "niranjanshk27/react-kit");
    assertNull(JsonTree.at(fork, "created"));
    assertEquals(1L, JsonTree.at(fork, "pullRequestsBack"));
    assertTrue(JsonTree.at(kit, "noData", "forkList.0.created").toString().contains("no fork event"));
  }
}
