package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.cli.CommunityMetricsCliTest.Run;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import org.junit.jupiter.api.Test;

/** The paper's own input files, as a user downloads them, through the command. */
@SharedDataTest
class TruckFactorPaperInputsTest {

  @Test
  void thePapersAliasListReadsAsIs() {
    // alias.txt is Windows-1252 with CRLF line ends and some UTF-8 lines.
    String dir = SharedData.resolve("truck-factor/repos/jashkenas__backbone").toString();
    Run r = CommunityMetricsCliTest.run("truck-factor", "--git-log", dir + "/cmlog.txt.gz",
        "--linguist-files", dir + "/linguist-files.txt.gz", "--no-default-exclusions",
        "--aliases", SharedData.resolve("truck-factor/paper-inputs/alias.txt").toString(),
        "--exclude", SharedData.resolve("truck-factor/paper-inputs/filtered-files.txt").toString(),
        "--system", "jashkenas/backbone");
    assertEquals(0, r.status(), r.err());
    // The published truck factor of backbone, with the paper's inputs.
    assertTrue(r.out().startsWith("Truck factor of " + dir + "/cmlog.txt.gz: 2 (algorithm"),
        r.out());
  }
}
