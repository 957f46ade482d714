package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code newcomers} on a real GH Archive hour (2012-04-01 00:00 to 01:00 UTC, 7,981 events), one
 * repository of it: ccampbell/rainbow. Its events, read with python from the raw file (times UTC):
 *
 * <ul>
 *   <li>00:01:45 ccampbell pushes; 00:03:10 ccampbell comments on #25 (opened before the hour).
 *   <li>00:05:43 ccampbell opens issue #26 "can't get language of an image", labelled "bug".
 *   <li>00:11:42 jfarmer comments on #25; 00:14:09 jfarmer opens pull request #27 from his fork
 *       jfarmer/rainbow (no closing keyword in its title or body); 00:14:25 he comments on it
 *       himself (the author: no answer).
 *   <li>00:21:17 jfarmer comments on #26: the first answer by someone other than its author,
 *       934 s (15 min 34 s) after its opening; he comments again at 00:23:38, 00:25:22, 00:35:53.
 *   <li>00:28:12 ccampbell merges #27 (a merge is no answer: nobody but jfarmer commented on it).
 *   <li>Otherwise: ccampbell's pushes and synchronize events, kenn's star, and at 00:56:27 a
 *       synchronize of #24 (opened before the hour) by actsasflinn.
 * </ul>
 *
 * Nothing before the hour is in the input, so the window (365 days up to one second after the
 * last event of the hour, 00:59:59) sees both ccampbell and jfarmer arrive: ccampbell's first issue
 * is #26, answered after 934 s by jfarmer, his only welcome; jfarmer's first pull request #27 was
 * merged without any human answer, so it is still waiting at the end (censored). No issue carries
 * a good-first label; with {@code --good-first-labels bug} #26 does, unclaimed and open.
 */
@SharedDataTest
class NewcomersGhArchiveSharedDataTest {
  private static final String HOUR =
      "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/2012-04-01-0.json.gz";

  private static Object rainbow(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "newcomers", "--gharchive", SharedData.resolve(HOUR).toString(), "--repo", "ccampbell/rainbow", "--json"));
    args.addAll(Arrays.asList(more));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    Object root = JsonTree.parse(r.out());
    assertEquals("ccampbell/rainbow", JsonTree.at(root, "repositories", 0, "name"));
    return JsonTree.at(root, "repositories", 0);
  }

  @Test
  void ccampbellsFirstIssueWaitedFifteenMinutesForJfarmer() {
    Object repo = rainbow();
    Object issues = JsonTree.at(repo, "firstResponse", "newcomerIssues");
    assertEquals(1L, JsonTree.at(issues, "items"));
    assertEquals(1L, JsonTree.at(issues, "answered"));
    assertEquals(934 / 3600.0, ((Number) JsonTree.at(issues, "medianHours")).doubleValue(), 1e-9);
    assertEquals(1.0, ((Number) JsonTree.at(issues, "answeredWithin1Day")).doubleValue(), 0);
    // jfarmer's pull request #27: merged, never answered, so waiting at the end.
    Object pulls = JsonTree.at(repo, "firstResponse", "newcomerPullRequests");
    assertEquals(1L, JsonTree.at(pulls, "items"));
    assertEquals(0L, JsonTree.at(pulls, "answered"));
    assertEquals(1L, JsonTree.at(pulls, "waiting"));
    assertEquals(1L, JsonTree.at(repo, "firstPullRequests", "merged", "count"));
    assertEquals(1L, JsonTree.at(repo, "firstPullRequests", "merged", "of"));
    assertEquals(0L, JsonTree.at(repo, "firstPullRequests", "closedWithoutHumanComment", "count"));
    // The only welcome: jfarmer's answer to ccampbell's first issue.
    assertEquals(1L, JsonTree.at(repo, "welcomers", "welcomes"));
    assertEquals("jfarmer", JsonTree.at(repo, "welcomers", "top", 0, "person"));
    assertEquals(1L, JsonTree.at(repo, "welcomers", "top", 0, "welcomes"));
  }

  @Test
  void goodFirstIssuesAreNoDataWithoutALabelledIssue() {
    Object repo = rainbow();
    assertEquals(0L, JsonTree.at(repo, "goodFirstIssues", "labelledIssues"));
    assertNull(JsonTree.at(repo, "goodFirstIssues", "closedByNewcomerShare"));
    assertNull(JsonTree.at(repo, "goodFirstIssues", "timeToClaimMedianHours"));
    assertEquals("no issue got one of the labels in the window",
        JsonTree.at(repo, "noData", "goodFirstIssues.openAfter90DaysShare"));
    // With "bug" as the label set, #26 counts: unclaimed, open, not 90 days old.
    Object bug = JsonTree.at(rainbow("--good-first-labels", "bug"), "goodFirstIssues");
    assertEquals(1L, JsonTree.at(bug, "labelledIssues"));
    assertEquals(0L, JsonTree.at(bug, "claimed"));
    assertEquals(1L, JsonTree.at(bug, "unclaimed"));
    assertEquals(0L, JsonTree.at(bug, "closed"));
    assertNull(JsonTree.at(bug, "timeToClaimMedianHours"));
    assertNull(JsonTree.at(bug, "closedByNewcomerShare"));
    assertNull(JsonTree.at(bug, "openAfter90DaysShare"));
    assertTrue(((Number) JsonTree.at(bug, "labelledAtLeast90DaysBefore")).longValue() == 0);
  }
}
