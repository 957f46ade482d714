package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Head repositories and closing references of the pull requests opened in recorded GH Archive
 * hours. Expected numbers from a Python script over the same files with the standard {@code json}
 * and {@code re} modules: for each {@code opened} PullRequestEvent, {@code head.repo.full_name}
 * (2012-04: {@code owner.login/name}) against the event's repository, and the numbers after
 * {@code (?i)\b(close[sd]?|fix(e[sd])?|resolve[sd]?)(\s*:\s*|\s+)(path)?#(\d+)\b} in the title
 * and body, a path other than the repository's left out. The hours have no assigned actions.
 */
@SharedDataTest
class GhArchivePullRequestLinksSharedDataTest {
  private static final String KLANGNER =
      "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/";
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
          + "2021-07-21-few-hours.json";

  /** Opened pull requests: "same", "fork", "unknown" head; the closing references by number. */
  private static Map<String, Object> tally(String file) {
    List<Event> events = new ArrayList<>();
    GhArchiveReader.builder().build().read(List.of(SharedData.resolve(file)), events::add);
    Map<String, Object> t = new TreeMap<>();
    int same = 0;
    int fork = 0;
    int unknown = 0;
    List<String> closes = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof PullRequestOpened p) {
        if (p.headRepository().isEmpty()) {
          unknown++;
        } else if (p.fromOtherRepository()) {
          fork++;
        } else {
          same++;
        }
        if (!p.closes().isEmpty()) {
          closes.add(p.repo().fullName() + "#" + p.number() + " " + p.closes());
        }
      }
    }
    t.put("same", same);
    t.put("fork", fork);
    t.put("unknown", unknown);
    t.put("closes", closes.size());
    t.put("closing", closes);
    return t;
  }

  @Test
  void modernHours() {
    Map<String, Object> t = tally(PINOT);
    assertEquals(28, t.get("same"));
    assertEquals(5, t.get("fork"));
    assertEquals(0, t.get("unknown"));
    assertEquals(
        List.of(
            "woowa-techcamp-2021/deal-7#48 [13]", "mengyunzhi/MicroCourse2021#213 [212]"),
        t.get("closing"));
  }

  @Test
  void hoursOf2012() {
    // The Events API shape, whose head repositories have no full_name.
    Map<String, Object> april = tally(KLANGNER + "2012-04-01-0.json.gz");
    assertEquals(5, april.get("same"));
    assertEquals(37, april.get("fork"));
    assertEquals(0, april.get("unknown"));
    assertEquals(2, april.get("closes"));
    // The timeline shape.
    Map<String, Object> october = tally(KLANGNER + "2012-10-13-0.json.gz");
    assertEquals(4, october.get("same"));
    assertEquals(38, october.get("fork"));
    assertEquals(0, october.get("unknown"));
    assertEquals(0, october.get("closes"));
  }
}
