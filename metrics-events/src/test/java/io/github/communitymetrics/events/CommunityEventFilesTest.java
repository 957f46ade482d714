package io.github.communitymetrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.EventKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files on disk, in each format, and what a malformed one says. */
class CommunityEventFilesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static final CommunityEvent HACK_WEEK =
      new CommunityEvent(
          "Hack Week 2025", EventKind.HACKATHON,
          Instant.parse("2025-10-06T00:00:00Z"), Instant.parse("2025-10-11T00:00:00Z"),
          Set.of("hackweek"), Set.of("alice", "bob@example.org"));

  private static final CommunityEvent TALK =
      new CommunityEvent(
          "Talk at FOSDEM", EventKind.CONFERENCE,
          Instant.parse("2026-02-01T09:00:00Z"), Instant.parse("2026-02-01T09:30:00Z"),
          Set.of(), Set.of());

  @Test
  void json() throws IOException {
    Path f =
        write(
            "events.json",
            """
            {"version": 1,
             "events": [
              {"name": "Hack Week 2025", "kind": "Hackathon", "start": "2025-10-06", "end": "2025-10-10",
               "labels": ["hackweek"], "attendees": ["alice", "bob@example.org"]},
              {"name": "Talk at FOSDEM", "kind": "conference",
               "start": "2026-02-01T10:00:00+01:00", "end": "2026-02-01T09:30:00Z"}
             ]}
            """);
    assertEquals(List.of(HACK_WEEK, TALK), CommunityEventFiles.read(f));
    // A bare array is the same file.
    Path bare = write("bare.json", "[{\"name\": \"x\", \"start\": \"2025-01-01\", \"end\": \"2025-01-01\"}]");
    CommunityEvent x = CommunityEventFiles.read(bare).get(0);
    assertEquals(EventKind.OTHER, x.kind());
    assertEquals(Instant.parse("2025-01-02T00:00:00Z"), x.end()); // a date end includes its day
  }

  @Test
  void jsonErrorsNameTheLine() throws IOException {
    assertProblem(
        write("typo.json", "[\n{\"name\": \"a\", \"start\": \"2025-01-01\", \"end\": \"2025-01-02\",\n \"attendes\": [\"x\"]}]"),
        3, "unknown member \"attendes\"");
    assertProblem(
        write("backwards.json", "[\n{\"name\": \"a\", \"start\": \"2025-01-05\", \"end\": \"2025-01-02\"}]"),
        2, "must be after start");
    assertProblem(
        write("twice.json", "[{\"name\": \"a\", \"start\": \"2025-01-01\", \"end\": \"2025-01-02\"},\n"
            + "{\"name\": \"a\", \"start\": \"2025-02-01\", \"end\": \"2025-02-02\"}]"),
        2, "a second event named \"a\"");
    assertProblem(
        write("kind.json", "[{\"name\": \"a\", \"kind\": \"party\", \"start\": \"2025-01-01\", \"end\": \"2025-01-02\"}]"),
        1, "kind \"party\" is not one of conference, hackathon");
    assertProblem(write("time.json", "[{\"name\": \"a\", \"start\": \"2025-01-01T10:00\", \"end\": \"2025-01-02\"}]"),
        1, "start \"2025-01-01T10:00\" is neither a date");
    assertProblem(write("broken.json", "[\n{\"name\": \"a\",\n"), 3, "not valid JSON");
    assertProblem(write("noend.json", "[{\"name\": \"a\", \"start\": \"2025-01-01\"}]"), 1, "the event has no \"end\"");
  }

  @Test
  void csv() throws IOException {
    Path f =
        write(
            "events.csv",
            "kind,name,start,end,labels,attendees\r\n"
                + "hackathon,Hack Week 2025,2025-10-06,2025-10-10,hackweek,alice; bob@example.org\r\n"
                + "\r\n"
                + "conference,\"Talk at FOSDEM\",2026-02-01T10:00:00+01:00,2026-02-01T09:30:00Z,,\r\n");
    assertEquals(List.of(HACK_WEEK, TALK), CommunityEventFiles.read(f));
  }

  @Test
  void csvErrorsNameTheLine() throws IOException {
    // A quoted name spanning two lines: the next row's line is still right.
    assertProblem(
        write("late.csv", "name,start,end\n\"Two\nlines\",2025-01-01,2025-01-02\nbad,2025-01-09,2025-01-02\n"),
        4, "must be after start");
    assertProblem(write("column.csv", "name,start,end,venue\na,2025-01-01,2025-01-02,x\n"), 1, "unknown column \"venue\"");
    assertProblem(write("missing.csv", "name,start\na,2025-01-01\n"), 1, "no \"end\" column");
    assertProblem(write("short.csv", "name,start,end\na,2025-01-01,2025-01-02\nb,2025-01-01\n"), 3, "2 cells where the header has 3");
  }

  private static final String ICS =
      """
      BEGIN:VCALENDAR
      VERSION:2.0
      PRODID:-//community-metrics//tests//EN
      BEGIN:VEVENT
      UID:hack-2025@example.org
      DTSTAMP:20250901T000000Z
      SUMMARY:Hack Week 2025
      DTSTART;VALUE=DATE:20251006
      DTEND;VALUE=DATE:20251011
      CATEGORIES:Hackathon,hackweek
      ATTENDEE;CN=Alice:mailto:alice
      ATTENDEE:mailto:bob@example.org
      END:VEVENT
      BEGIN:VEVENT
      UID:talk-2026@example.org
      DTSTAMP:20250901T000000Z
      SUMMARY:Talk at FOSDEM
      DTSTART;TZID=Europe/Brussels:20260201T100000
      DURATION:PT30M
      X-COMMUNITY-KIND:conference
      END:VEVENT
      BEGIN:VEVENT
      UID:release@example.org
      DTSTAMP:20250901T000000Z
      SUMMARY:Release 2.0
      DTSTART;VALUE=DATE:20251120
      CATEGORIES:release
      X-COMMUNITY-LABELS:release-2.0;announce
      END:VEVENT
      END:VCALENDAR
      """
          .replace("\n", "\r\n");

  @Test
  void iCalendar() throws IOException {
    List<CommunityEvent> events = CommunityEventFiles.read(write("events.ics", ICS));
    // Brussels is UTC+1 in February: 10:00 there is 09:00 UTC; DURATION gives the end.
    assertEquals(HACK_WEEK, events.get(0));
    assertEquals(TALK, events.get(1));
    // A date-only start without an end lasts its day (RFC 5545 3.6.1).
    assertEquals(
        new CommunityEvent(
            "Release 2.0", EventKind.RELEASE,
            Instant.parse("2025-11-20T00:00:00Z"), Instant.parse("2025-11-21T00:00:00Z"),
            Set.of("release-2.0", "announce"), Set.of()),
        events.get(2));
  }

  @Test
  void iCalendarErrors() throws IOException {
    String weekly =
        ICS.replace("X-COMMUNITY-KIND:conference\r\n", "X-COMMUNITY-KIND:conference\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n");
    assertProblem(write("weekly.ics", weekly), 0, "VEVENT 2 (UID talk-2026@example.org) \"Talk at FOSDEM\" recurs");
    assertProblem(write("noname.ics", ICS.replace("SUMMARY:Release 2.0\r\n", "")), 0, "VEVENT 3 (UID release@example.org) has no SUMMARY");
    assertProblem(
        write("instant.ics", ICS.replace("DURATION:PT30M\r\n", "")), 0, "has a start time but neither DTEND nor DURATION");
    // Cut off after line 4: ical4j reports the end of the file, on line 5.
    assertProblem(write("cut.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n"), 5,
        "not valid iCalendar: Error at line 5:Unexpected end of file");
    // Line 26 is the release's DTSTART.
    assertProblem(write("date.ics", ICS.replace("DTSTART;VALUE=DATE:20251120", "DTSTART;VALUE=DATE:2025-11-20")), 26,
        "not valid iCalendar: Error at line 26:Text '2025-11-20' could not be parsed");
  }

  @Test
  void extensionsAndMissingFiles() throws IOException {
    assertProblem(write("events.txt", "name,start,end\n"), 0, "not .json, .csv or .ics");
    CommunityMetricsIoException e =
        assertThrows(CommunityMetricsIoException.class, () -> CommunityEventFiles.read(dir.resolve("absent.json")));
    assertTrue(e.getMessage().contains("absent.json"), e.getMessage());
  }

  private static void assertProblem(Path file, int line, String problem) {
    EventFileException e = assertThrows(EventFileException.class, () -> CommunityEventFiles.read(file));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertEquals(line == 0 ? OptionalInt.empty() : OptionalInt.of(line), e.line(), e.getMessage());
  }
}
