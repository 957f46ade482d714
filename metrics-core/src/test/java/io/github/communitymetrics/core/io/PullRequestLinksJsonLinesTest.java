package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A pull request's head repository and closing references, and assignments, in the JSON Lines
 * format. The two keys are additive (lines without them read as unknown / none and write back
 * unchanged); the assignment is a new type, so its lines declare version 2. Expected lines are
 * written by hand from docs/events.md.
 */
class PullRequestLinksJsonLinesTest {
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  private static final Repository REPO = Repository.github("octo/hello");
  private static final Actor ALICE = Actor.github("alice");

  private static String line(String type, String rest) {
    return LabelsJsonLinesTest.line(type, rest);
  }

  @Test
  void headRepositoryAndClosesAreWrittenAfterTheLabels() {
    String pull =
        line(
            "pull_request_opened",
            "\"number\":2,\"draft\":false,\"base\":\"main\",\"labels\":[\"bug\"],"
                + "\"head_repo\":\"alice/hello\",\"closes\":[3,12]}");
    PullRequestOpened p =
        new PullRequestOpened(
            AT, REPO, ALICE, 2, false, Optional.of("main"), Optional.empty(), List.of("bug"),
            Optional.of("alice/hello"), List.of(12, 3, 12));
    assertEquals(List.of(3, 12), p.closes());
    assertTrue(p.fromOtherRepository());
    assertEquals(pull, EventJsonLines.toLine(p));
    assertEquals(p, EventJsonLines.fromLine(pull));
    // Read in any order, written in the order above.
    assertEquals(
        pull,
        EventJsonLines.toLine(
            EventJsonLines.fromLine(
                line(
                    "pull_request_opened",
                    "\"closes\":[12,3],\"head_repo\":\"alice/hello\",\"number\":2,\"draft\":false,"
                        + "\"base\":\"main\",\"labels\":[\"bug\"]}"))));
  }

  @Test
  void linesWithoutThemReadAsUnknownHeadAndNoClosesAndWriteBackUnchanged() {
    String pull = line("pull_request_opened", "\"number\":2,\"draft\":false}");
    PullRequestOpened p = (PullRequestOpened) EventJsonLines.fromLine(pull);
    assertEquals(Optional.empty(), p.headRepository());
    assertEquals(List.of(), p.closes());
    assertFalse(p.fromOtherRepository());
    assertEquals(pull, EventJsonLines.toLine(p));
    assertEquals(
        p,
        EventJsonLines.fromLine(
            line("pull_request_opened", "\"number\":2,\"draft\":false,\"head_repo\":null,\"closes\":[]}")));
    // The same repository is written too: known, and not a fork.
    String own = line("pull_request_opened", "\"number\":2,\"draft\":false,\"head_repo\":\"octo/hello\"}");
    PullRequestOpened o = (PullRequestOpened) EventJsonLines.fromLine(own);
    assertEquals(Optional.of("octo/hello"), o.headRepository());
    assertFalse(o.fromOtherRepository());
    assertEquals(own, EventJsonLines.toLine(o));
  }

  @Test
  void assignmentsAreAVersionTwoType() {
    String expected =
        line(
            "issue_assigned",
            "\"v\":2,\"number\":7,\"pull_request\":false,\"assignee\":{\"login\":\"bob\",\"bot\":false}}");
    IssueAssigned e = new IssueAssigned(AT, REPO, ALICE, 7, false, Actor.github("bob"));
    assertEquals(expected, EventJsonLines.toLine(e));
    assertEquals(e, EventJsonLines.fromLine(expected));
    IssueAssigned onPull = new IssueAssigned(AT, REPO, ALICE, 8, true, ALICE);
    assertEquals(onPull, EventJsonLines.fromLine(EventJsonLines.toLine(onPull)));
  }

  @Test
  void badValuesAreMalformedLines() {
    String pr = "\"number\":2,\"draft\":false,";
    assertMalformed(line("pull_request_opened", pr + "\"closes\":3}"), "closes");
    assertMalformed(line("pull_request_opened", pr + "\"closes\":[3,\"4\"]}"), "closes[1]");
    assertMalformed(line("pull_request_opened", pr + "\"closes\":[0]}"), "closes[0]");
    assertMalformed(line("pull_request_opened", pr + "\"closes\":[4294967296]}"), "closes[0]");
    assertMalformed(line("pull_request_opened", pr + "\"head_repo\":\" \"}"), "headRepository");
    assertMalformed(line("pull_request_opened", pr + "\"head_repo\":7}"), "head_repo");
    assertMalformed(line("issue_assigned", "\"v\":2,\"number\":7,\"pull_request\":false}"), "assignee");
    assertMalformed(
        line("issue_assigned", "\"v\":2,\"number\":7,\"assignee\":{\"login\":\"bob\",\"bot\":false}}"),
        "pull_request");
  }

  @Test
  void theModelRefusesBadValues() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PullRequestOpened(AT, REPO, ALICE, 1, false, Optional.empty(), Optional.empty(),
            List.of(), Optional.of(" a/b"), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PullRequestOpened(AT, REPO, ALICE, 1, false, Optional.empty(), Optional.empty(),
            List.of(), Optional.empty(), List.of(-1)));
  }

  private static void assertMalformed(String line, String expected) {
    MalformedEventException e =
        assertThrows(MalformedEventException.class, () -> EventJsonLines.fromLine(line));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
