package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event cohort's climb up the contributor ladder: of three newcomers of a sprint, one has a
 * pull request merged within the horizon (D2), one reviews another's pull request (D3, and so at
 * least D2) and one only opens an issue. Counted by hand.
 */
class ImpactLadderCliTest {
  @TempDir Path dir;

  private static String actor(String login) {
    return "{\"login\":\"" + login + "\",\"bot\":false}";
  }

  @Test
  void theCohortsConversionToD2AndD3() throws IOException {
    String repo = "\"repo\":\"acme/widget\"";
    Path events =
        Files.write(
            dir.resolve("events.jsonl"),
            List.of(
                "{\"type\":\"issue_opened\",\"at\":\"2025-01-01T10:00:00Z\"," + repo + ",\"actor\":" + actor("maint")
                    + ",\"number\":100}",
                "{\"type\":\"pull_request_opened\",\"at\":\"2025-03-01T10:00:00Z\"," + repo + ",\"actor\":" + actor("n1")
                    + ",\"number\":1,\"draft\":false,\"base\":\"main\",\"association\":\"NONE\"}",
                "{\"type\":\"pull_request_opened\",\"at\":\"2025-03-01T11:00:00Z\"," + repo + ",\"actor\":" + actor("n2")
                    + ",\"number\":2,\"draft\":false,\"base\":\"main\",\"association\":\"NONE\"}",
                "{\"type\":\"issue_opened\",\"at\":\"2025-03-01T12:00:00Z\"," + repo + ",\"actor\":" + actor("n3")
                    + ",\"number\":3}",
                "{\"type\":\"review\",\"at\":\"2025-03-02T10:00:00Z\"," + repo + ",\"actor\":" + actor("n2")
                    + ",\"number\":1,\"state\":\"approved\",\"pull_request_author\":" + actor("n1")
                    + ",\"association\":\"NONE\",\"review_id\":1}",
                "{\"type\":\"pull_request_merged\",\"at\":\"2025-03-03T10:00:00Z\"," + repo + ",\"actor\":" + actor("maint")
                    + ",\"number\":1,\"author\":" + actor("n1") + ",\"base\":\"main\"}"),
            StandardCharsets.UTF_8);
    Path calendar =
        Files.writeString(
            dir.resolve("events.csv"), "name,kind,start,end\nSprint,sprint,2025-03-01,2025-03-01\n", StandardCharsets.UTF_8);
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "impact", "--events", events.toString(), "--event-file", calendar.toString(), "--series", "new-contributors",
            "--horizon", "30d", "--as-of", "2025-05-01T00:00:00Z", "--json", "--quiet");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> event = ImpactCommandTest.event(ImpactCommandTest.object(r.out()), "Sprint");
    Map<String, Object> cohort = ImpactCommandTest.map(event, "cohort");
    assertEquals(3, ImpactCommandTest.number(cohort, "members"), cohort.toString());
    Map<String, Object> d2 = ImpactCommandTest.map(cohort, "conversionToD2");
    Map<String, Object> d3 = ImpactCommandTest.map(cohort, "conversionToD3");
    assertEquals(3, ImpactCommandTest.number(d2, "eligible"), d2.toString());
    assertEquals(2, ImpactCommandTest.number(d2, "converted"), "n1 merged, n2 a maintainer act: " + d2);
    assertEquals(1, ImpactCommandTest.number(d3, "converted"), "n2's review of n1's pull request: " + d3);

    CommunityMetricsCliTest.Run text =
        CommunityMetricsCliTest.run(
            "impact", "--events", events.toString(), "--event-file", calendar.toString(), "--series", "new-contributors",
            "--horizon", "30d", "--as-of", "2025-05-01T00:00:00Z", "--quiet");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("reached D2 (a merged pull request of theirs) within 30 days: 2 of 3"), text.out());
    assertTrue(text.out().contains("within 30 days: 1 of 3"), text.out());
  }
}
