package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics --gharchive FILE --repo OWNER/NAME} on the real modern GH Archive sample. The
 * expected counts come from python over the raw file: the repository has 8 of the 800 events,
 * 4 CreateEvents and 4 PullRequestEvents (opened).
 */
@SharedDataTest
class GhArchiveSourceTest {
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
          + "2021-07-21-few-hours.json";

  @Test
  void metricsOfOneRepositoryFilteredWhileParsing() {
    String file = SharedData.resolve(PINOT).toString();
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "metrics", "--gharchive", file, "--repo", "Gabrieldonadel/pull-requests-limits");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("1 files, 800 lines, 4 events mapped (0 of them commits), 4 not used by the metrics,"
        + " 0 unmappable, 792 of other repositories, 0 malformed lines, 0 damaged files"), r.err());
    assertTrue(r.out().contains("GH Archive (1 file)"), r.out());
  }

  @Test
  void repositoryIsRequired() {
    String file = SharedData.resolve(PINOT).toString();
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--gharchive", file);
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--repo OWNER/NAME is required"), r.err());
  }
}
