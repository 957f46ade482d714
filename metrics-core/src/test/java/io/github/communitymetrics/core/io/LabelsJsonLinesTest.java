package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Labels in the JSON Lines format: an additive change within schema version 1, so lines written
 * before labels existed read as "no labels" and write back byte for byte. Expected lines are
 * written by hand from docs/events.md.
 */
class LabelsJsonLinesTest {
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  private static final Repository REPO = Repository.github("octo/hello");
  private static final Actor ALICE = Actor.github("alice");
  private static final String HEAD =
      "{\"type\":\"%s\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
          + "\"actor\":{\"login\":\"alice\",\"bot\":false},";

  /** A line of {@code type} by alice in octo/hello at {@link #AT}, ending in {@code rest}. */
  static String line(String type, String rest) {
    return String.format(HEAD, type) + rest;
  }

  @Test
  void linesWithoutLabelsReadAsNoLabelsAndWriteBackUnchanged() {
    String issue = line("issue_opened", "\"number\":1,\"association\":\"NONE\"}");
    String pull = line("pull_request_opened", "\"number\":2,\"draft\":false,\"base\":\"main\"}");
    IssueOpened i = (IssueOpened) EventJsonLines.fromLine(issue);
    PullRequestOpened p = (PullRequestOpened) EventJsonLines.fromLine(pull);
    assertEquals(List.of(), i.labels());
    assertEquals(List.of(), p.labels());
    assertEquals(issue, EventJsonLines.toLine(i));
    assertEquals(pull, EventJsonLines.toLine(p));
    // An explicit empty array or null is no labels too, and is not written.
    assertEquals(i, EventJsonLines.fromLine(line("issue_opened", "\"number\":1,\"association\":\"NONE\",\"labels\":[]}")));
    assertEquals(i, EventJsonLines.fromLine(line("issue_opened", "\"number\":1,\"association\":\"NONE\",\"labels\":null}")));
  }

  @Test
  void labelsAreWrittenLastSortedAndWithoutRepeats() {
    String issue =
        line("issue_opened", "\"number\":1,\"association\":\"MEMBER\",\"labels\":[\"area/io\",\"bug\"]}");
    IssueOpened i =
        new IssueOpened(
            AT, REPO, ALICE, 1, Optional.of(AuthorAssociation.MEMBER), List.of("bug", "area/io", "bug"));
    assertEquals(List.of("area/io", "bug"), i.labels());
    assertEquals(issue, EventJsonLines.toLine(i));
    assertEquals(i, EventJsonLines.fromLine(issue));
    // Read in any order, written sorted.
    assertEquals(
        issue,
        EventJsonLines.toLine(
            EventJsonLines.fromLine(
                line(
                    "issue_opened",
                    "\"labels\":[\"bug\",\"area/io\"],\"number\":1,\"association\":\"MEMBER\"}"))));

    String pull =
        line(
            "pull_request_opened",
            "\"number\":2,\"draft\":true,\"base\":\"main\",\"labels\":[\"size/S\"]}");
    PullRequestOpened p =
        new PullRequestOpened(
            AT, REPO, ALICE, 2, true, Optional.of("main"), Optional.empty(), List.of("size/S"));
    assertEquals(pull, EventJsonLines.toLine(p));
    assertEquals(p, EventJsonLines.fromLine(pull));
  }

  @Test
  void labelChangesHaveTheirOwnTypes() {
    String[][] cases = {
      {"issue_labeled", "false", "true"},
      {"issue_unlabeled", "false", "false"},
      {"pull_request_labeled", "true", "true"},
      {"pull_request_unlabeled", "true", "false"},
    };
    for (String[] c : cases) {
      // New in version 2: the line says so, right after the common fields.
      String expected = line(c[0], "\"v\":2,\"number\":7,\"label\":\"good first issue\"}");
      LabelChanged e =
          new LabelChanged(
              AT, REPO, ALICE, 7, Boolean.parseBoolean(c[1]), "good first issue",
              Boolean.parseBoolean(c[2]));
      assertEquals(EventType.fromWireName(c[0]).orElseThrow(), e.type());
      assertEquals(expected, EventJsonLines.toLine(e));
      assertEquals(e, EventJsonLines.fromLine(expected));
    }
  }

  @Test
  void versionOneTypesStillOmitTheVersionAndAnyVersionUpToTwoReads() {
    String star = String.format(HEAD, "star").replaceAll(",$", "}");
    assertEquals(star, EventJsonLines.toLine(EventJsonLines.fromLine(star)));
    assertEquals(
        star, EventJsonLines.toLine(EventJsonLines.fromLine(star.replace("}}", "},\"v\":2}"))));
  }

  @Test
  void badLabelsAreMalformedLines() {
    assertMalformed(line("issue_labeled", "\"number\":7}"), "label");
    assertMalformed(line("issue_labeled", "\"number\":7,\"label\":\" \"}"), "label");
    assertMalformed(line("issue_labeled", "\"number\":7,\"label\":3}"), "label");
    assertMalformed(line("issue_opened", "\"number\":7,\"labels\":\"bug\"}"), "labels");
    assertMalformed(line("issue_opened", "\"number\":7,\"labels\":[\"bug\",1]}"), "labels[1]");
    assertMalformed(line("issue_opened", "\"number\":7,\"labels\":[\"\"]}"), "labels");
  }

  @Test
  void theModelRefusesBlankLabels() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new IssueOpened(AT, REPO, ALICE, 1, Optional.empty(), List.of("ok", " ")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LabelChanged(AT, REPO, ALICE, 1, true, "", true));
  }

  private static void assertMalformed(String line, String expected) {
    MalformedEventException e =
        assertThrows(MalformedEventException.class, () -> EventJsonLines.fromLine(line));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
