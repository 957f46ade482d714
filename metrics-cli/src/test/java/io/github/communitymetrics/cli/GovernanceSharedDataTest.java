package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code governance} on real GitHub events: Apache Pinot's recording of four GH Archive hours of
 * 2021-07-21 (800 events of 530 repositories, with pull request merges and reviews). Nobody
 * published governance numbers for them, so the test checks the command against the raw file read
 * here independently: the merged pull requests per repository, the bot-authored ones, each
 * maintainer's evidence in the file, and "no data" wherever nothing was merged.
 */
@SharedDataTest
class GovernanceSharedDataTest {
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/2021-07-21-few-hours.json";
  private static final Set<String> MAINTAINER_LIKE = Set.of("OWNER", "MEMBER", "COLLABORATOR");

  @Test
  void mergesAndMaintainersMatchTheRawEvents() throws IOException {
    Path file = SharedData.resolve(PINOT);
    // From the raw events: merged pull requests (by number), those whose author GitHub marks as
    // a Bot, and each repository's people with maintainer evidence (a merge, an act with author
    // association owner, member or collaborator, a member added).
    Map<String, Set<Object>> merged = new HashMap<>();
    Map<String, Set<Object>> botTyped = new HashMap<>();
    Map<String, Set<Object>> evidence = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Object e = JsonTree.parse(line);
      String repo = (String) JsonTree.at(e, "repo", "name");
      String actor = (String) JsonTree.at(e, "actor", "login");
      String type = (String) JsonTree.at(e, "type");
      Map<?, ?> payload = (Map<?, ?>) JsonTree.at(e, "payload");
      if (type.equals("PullRequestEvent") && "closed".equals(payload.get("action"))
          && Boolean.TRUE.equals(JsonTree.at(payload, "pull_request", "merged"))) {
        Object number = JsonTree.at(payload, "pull_request", "number");
        merged.computeIfAbsent(repo, k -> new HashSet<>()).add(number);
        if ("Bot".equals(JsonTree.at(payload, "pull_request", "user", "type"))) {
          botTyped.computeIfAbsent(repo, k -> new HashSet<>()).add(number);
        }
        evidence.computeIfAbsent(repo, k -> new HashSet<>()).add(actor);
      }
      for (String k : List.of("comment", "review", "issue", "pull_request")) {
        if (payload.get(k) instanceof Map<?, ?> m && MAINTAINER_LIKE.contains(m.get("author_association"))
            && (k.equals("comment") || k.equals("review") || actor.equals(JsonTree.at(m, "user", "login")))) {
          evidence.computeIfAbsent(repo, x -> new HashSet<>()).add(actor);
        }
      }
      if (type.equals("MemberEvent")) {
        evidence.computeIfAbsent(repo, x -> new HashSet<>()).add(JsonTree.at(payload, "member", "login"));
      }
    }
    int allMerged = merged.values().stream().mapToInt(Set::size).sum();
    assertTrue(allMerged >= 20, "the recording has merges: " + allMerged);

    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "--quiet", "governance", "--gharchive", file.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    List<?> repos = (List<?>) JsonTree.at(JsonTree.parse(r.out()), "repositories");
    int counted = 0;
    int maintainers = 0;
    for (Object repo : repos) {
      String name = (String) JsonTree.at(repo, "name");
      Object a = JsonTree.at(repo, "approvals");
      long human = (Long) JsonTree.at(a, "merged");
      long bots = (Long) JsonTree.at(a, "botAuthored");
      long unknown = (Long) JsonTree.at(a, "unknownAuthor");
      // Every merge is counted once: by a human, a bot or an unknown author.
      assertEquals(merged.getOrDefault(name, Set.of()).size(), human + bots + unknown, name);
      // GitHub's Bot accounts are bots for the command too (it may know more bots by name).
      assertTrue(bots >= botTyped.getOrDefault(name, Set.of()).size(), name);
      counted += (int) (human + bots + unknown);
      if (human == 0) {
        // No merge by a known human: no data, never 0.
        assertNull(JsonTree.at(a, "rule", "share"), name);
        assertNotNull(JsonTree.at(repo, "noData", "approvals.rule.share"), name);
      }
      for (Object m : (List<?>) JsonTree.at(repo, "maintainers", "people")) {
        assertTrue(evidence.getOrDefault(name, Set.of()).contains(JsonTree.at(m, "name")), name + ": " + m);
        maintainers++;
      }
      // Nobody proposed anything in these hours under the default labels.
      assertEquals(0L, JsonTree.at(repo, "decisions", "items"), name);
      assertNull(JsonTree.at(repo, "decisions", "acceptance"), name);
    }
    assertEquals(allMerged, counted);
    assertTrue(maintainers > 0, "some maintainers show in the events");
  }
}
