package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics --gharchive FILE --repo R} must give R the contributor confidence it has on the
 * unfiltered events: OpenSauced counts the pull requests R's stargazers and forkers opened in
 * other repositories, so the filter must not drop them.
 */
class RepoFilterConfidenceTest {
  @TempDir Path dir;

  private static String line(int second, String type, String login, long actorId, String repo,
      long repoId, String payload) {
    return "{\"id\":\"" + second + "\",\"type\":\"" + type + "\",\"actor\":{\"id\":" + actorId
        + ",\"login\":\"" + login + "\"},\"repo\":{\"id\":" + repoId + ",\"name\":\"" + repo
        + "\"},\"payload\":" + payload + ",\"public\":true,\"created_at\":\"2021-07-21T06:00:"
        + String.format("%02d", second) + "Z\"}";
  }

  private static String opened(int number, String login, long id) {
    return "{\"action\":\"opened\",\"number\":" + number + ",\"pull_request\":{\"number\":" + number
        + ",\"user\":{\"login\":\"" + login + "\",\"id\":" + id + "},\"base\":{\"ref\":\"main\"},"
        + "\"author_association\":\"NONE\"}}";
  }

  private static final String STARTED = "{\"action\":\"started\"}";

  /**
   * R = acme/widget. Stargazers alice and carol, forker bob. Alice opens pull requests in two
   * other repositories, bob one in R, carol none; dave (no star) opens one elsewhere. By the June
   * 2024 rule: alice 0.5 (pull requests in 2 repositories, none in R), carol 0, bob 1, so
   * confidence = 1/2 * (0.5 + 0) / 2 + 1/2 * 1 / 1 = 0.625. Dropping alice's pull requests (the
   * old filter) gives 0.5.
   */
  @Test
  void confidenceWithRepoEqualsTheUnfilteredComputation() throws IOException {
    List<String> lines =
        List.of(
            line(1, "WatchEvent", "alice", 1, "acme/widget", 9, STARTED),
            line(2, "WatchEvent", "carol", 3, "acme/widget", 9, STARTED),
            line(3, "ForkEvent", "bob", 2, "acme/widget", 9,
                "{\"forkee\":{\"full_name\":\"bob/widget\"}}"),
            line(4, "PullRequestEvent", "alice", 1, "other/thing", 33, opened(5, "alice", 1)),
            line(5, "PullRequestEvent", "alice", 1, "other/gizmo", 34, opened(6, "alice", 1)),
            line(6, "PullRequestEvent", "bob", 2, "acme/widget", 9, opened(7, "bob", 2)),
            line(7, "PullRequestEvent", "dave", 4, "other/thing", 33, opened(8, "dave", 4)),
            line(8, "WatchEvent", "dave", 4, "other/gizmo", 34, STARTED));
    Path file = dir.resolve("2021-07-21-6.json.gz");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
    Files.write(file, bytes.toByteArray());
    Instant asOf = Instant.parse("2021-07-21T07:00:00Z");

    // The unfiltered computation for R.
    List<Event> all = new ArrayList<>();
    GhArchiveReader.builder().build().read(List.of(file), all::add);
    EventStore store = EventStore.of(all);
    Repository widget =
        store.repositories().stream()
            .filter(r -> r.fullName().equals("acme/widget"))
            .findFirst()
            .orElseThrow();
    double unfiltered =
        OpenSaucedConfidence.openSauced(widget, asOf)
            .withRange(90)
            .compute(store, People.resolve(store))
            .confidence();
    assertEquals(0.625, unfiltered, 1e-12);

    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "metrics", "--gharchive", file.toString(), "--repo", "acme/widget",
            "--as-of", asOf.toString(), "--window", "90d", "--json");
    assertEquals(0, r.status(), r.err());
    Matcher m = Pattern.compile("\"opensauced\":([0-9.Ee-]+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertEquals(unfiltered, Double.parseDouble(m.group(1)), 1e-12, r.out());
    // Dave's pull request and star, of people who neither starred nor forked R, are still left
    // out: 4 events of R and alice's 2 pull requests are kept, of 8 lines.
    assertTrue(r.err().contains("8 lines, 6 events mapped (0 of them commits)"), r.err());
    assertTrue(r.err().contains("2 of other repositories"), r.err());
  }

  private static String push2025(int second, String login, long id, String head) {
    // The public feed since 2025: no size, no commits.
    return line(second, "PushEvent", login, id, "acme/widget", 9,
        "{\"repository_id\":9,\"push_id\":" + second + ",\"ref\":\"refs/heads/main\",\"head\":\""
            + head + "\",\"before\":\"" + head + "\"}");
  }

  /**
   * Pushes without commit lists: the commit-based metrics have no commits to count. By default
   * they fall back to pushes (the repository has no merged pull request), and the output says
   * so; {@code --commit-basis commit} keeps commits, and then the absence factor has no evidence
   * (0 contributions). Three pushes by alice and one by bob: more than half (2 of 4) is alice alone.
   */
  @Test
  void pushesWithoutCommitListsFallBackVisiblyToPushes() throws IOException {
    String h = "abcdef0123456789abcdef0123456789abcdef01";
    List<String> lines =
        List.of(
            push2025(1, "alice", 1, h), push2025(2, "alice", 1, h), push2025(3, "alice", 1, h),
            push2025(4, "bob", 2, h));
    Path file = dir.resolve("2025-07-21-6.json");
    Files.writeString(file, String.join("\n", lines));
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "metrics", "--gharchive", file.toString(), "--repo", "acme/widget", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("4 without a commit list"), r.err());
    assertTrue(r.out().contains("\"commitBasis\":\"push\""), r.out());
    assertTrue(r.out().contains("\"note\":\"the commit-based metrics count pushes instead of commits"), r.out());
    Matcher m = Pattern.compile("\"absenceFactor\":\\{[^}]*\"measurements\":\\[\\{\"name\":\"factor\",\"unit\":\"people\",\"value\":(\\d+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertEquals("1", m.group(1), r.out());
    CommunityMetricsCliTest.Run text =
        CommunityMetricsCliTest.run(
            "metrics", "--gharchive", file.toString(), "--repo", "acme/widget");
    assertTrue(text.out().contains("Note:   the commit-based metrics count pushes"), text.out());
    assertTrue(text.out().contains("chaoss absence factor, PUSHES instead of commits"), text.out());
    CommunityMetricsCliTest.Run commits =
        CommunityMetricsCliTest.run(
            "metrics", "--gharchive", file.toString(), "--repo", "acme/widget", "--json",
            "--commit-basis", "commit");
    assertTrue(commits.out().contains("\"commitBasis\":\"commit\""), commits.out());
    // The HTML report says it as well.
    Path html = dir.resolve("report.html");
    CommunityMetricsCliTest.Run report =
        CommunityMetricsCliTest.run(
            "report", "--gharchive", file.toString(), "--repo", "acme/widget", "--html", html.toString());
    assertEquals(0, report.status(), report.err());
    assertTrue(Files.readString(html).contains("Note: the commit-based metrics count pushes instead of commits"),
        "the page names the stand-in");
  }
}
