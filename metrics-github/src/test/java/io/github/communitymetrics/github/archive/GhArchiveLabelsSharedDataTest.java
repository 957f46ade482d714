package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Labels of opened issues and pull requests in recorded GH Archive hours (2021-07-21). Expected
 * numbers from a Python script over the same file with the standard {@code json} module: for
 * each {@code opened} IssuesEvent (not about a pull request) and PullRequestEvent, the distinct
 * {@code labels[].name} of {@code payload.issue} or {@code payload.pull_request}. The hours have
 * no labeled/unlabeled actions.
 */
@SharedDataTest
class GhArchiveLabelsSharedDataTest {
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
          + "2021-07-21-few-hours.json";

  @Test
  void openedEventsCarryTheirRecordedLabels() {
    List<Event> events = new ArrayList<>();
    GhArchiveReader.builder().build().read(List.of(SharedData.resolve(PINOT)), events::add);
    int issuesLabelled = 0;
    int issueLabels = 0;
    List<String> pullRequestLabels = new ArrayList<>();
    int pullRequestsLabelled = 0;
    for (Event e : events) {
      if (e instanceof IssueOpened i && !i.labels().isEmpty()) {
        issuesLabelled++;
        issueLabels += i.labels().size();
      }
      if (e instanceof PullRequestOpened p && !p.labels().isEmpty()) {
        pullRequestsLabelled++;
        pullRequestLabels.addAll(p.labels());
      }
    }
    assertEquals(7, issuesLabelled);
    assertEquals(11, issueLabels);
    assertEquals(1, pullRequestsLabelled);
    // Sorted by code unit, non-ASCII kept as is.
    assertEquals(List.of("BE", "FE", "작업 완료"), pullRequestLabels);
  }
}
