package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What the truck factor's hot paths allocate: garbage is what makes the JVM's young generation,
 * and so the process's peak memory, grow (docs/performance.md, "Truck factor at default flags").
 * Allocation is counted by the JVM for the test's own thread, not timed; the bounds leave several
 * times the allocation measured, and lie well below what the code allocated before (given per
 * test).
 */
class AllocationTest {

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void selectingPathsReusesTheRulesMatchers() {
    // The default rules on 5,000 paths: a fresh Matcher per rule and path allocated 43,963 bytes
    // per path; now 979 (the Linguist language lookup, mostly).
    SplittableRandom random = new SplittableRandom(24);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      paths.add(String.format(Locale.ROOT, "dir%d/sub%d/file%d.%s", random.nextInt(40),
          random.nextInt(30), i, random.nextBoolean() ? "rb" : "js"));
    }
    FileSelection selection = FileSelection.defaults();
    SelectionResult first = selection.select(paths);
    long before = allocated();
    SelectionResult second = selection.select(paths);
    long perPath = (allocated() - before) / paths.size();
    assertEquals(first.kept(), second.kept());
    assertTrue(perPath < 4_000, perPath + " bytes allocated per path");
  }

  @Test
  void readingAuthorshipBuildsNoObjectsPerCommit() {
    // 20,000 commits of 30 authors over 400 paths: with a header object per commit (ids,
    // signatures, instants, lists) reading allocated 699 bytes per commit; now 219, most of it
    // the authorship table's own growth.
    SplittableRandom random = new SplittableRandom(24);
    StringBuilder log = new StringBuilder();
    List<String> snapshot = new ArrayList<>();
    for (int f = 0; f < 400; f++) {
      snapshot.add("src/module" + f % 20 + "/File" + f + ".java");
    }
    int commits = 20_000;
    for (int c = commits; c > 0; c--) {
      int author = random.nextInt(30);
      log.append("commit\t").append(String.format(Locale.ROOT, "%040x", c)).append('\t')
          .append(String.format(Locale.ROOT, "%040x", c - 1)).append('\t')
          .append(1_500_000_000L + c * 60L).append("\tDev ").append(author).append("\tdev")
          .append(author).append("@example.org\t").append(1_500_000_000L + c * 60L)
          .append("\tDev ").append(author).append("\tdev").append(author)
          .append("@example.org\t\n\n");
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        log.append(c == 1 ? "A\t" : "M\t").append(snapshot.get(random.nextInt(400))).append('\n');
      }
    }
    byte[] text = log.toString().getBytes(StandardCharsets.UTF_8);
    read(text, snapshot); // warm up
    long before = allocated();
    AuthorshipHistory history = read(text, snapshot);
    long perCommit = (allocated() - before) / commits;
    assertEquals(commits, history.commits());
    assertTrue(perCommit < 400, perCommit + " bytes allocated per commit");
  }

  private static AuthorshipHistory read(byte[] text, List<String> snapshot) {
    try (CommitLogReader r = CommitLogReader.of(new ByteArrayInputStream(text), "test log",
        ReadOptions.strict())) {
      return CommitLogAuthorship.collect(r, snapshot, UnaryOperator.identity(),
          IdentityRule.NAME_OR_EMAIL, false);
    }
  }
}
