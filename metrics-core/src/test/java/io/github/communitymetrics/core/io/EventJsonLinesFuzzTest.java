package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.communitymetrics.core.event.Event;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the canonical JSON Lines reader with arbitrary bytes. Every test run replays the seed
 * inputs (and Jazzer's empty input); {@code JAZZER_FUZZ=1} fuzzes for the annotation's duration, as
 * {@code .ci/run} does. What must hold for any input: a strict read ends normally or with a
 * {@link MalformedEventException} naming a line within the input; a skipping read never throws,
 * counts every line it read, and whatever it read writes back and reads again as the same events.
 */
class EventJsonLinesFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyBytes(byte[] data) {
    long lines = 1;
    for (byte b : data) {
      if (b == '\n') {
        lines++;
      }
    }
    try (EventReader reader =
        EventJsonLines.reader(new ByteArrayInputStream(data), ReadOptions.strict().withMaxLineLength(4096))) {
      reader.forEachRemaining(e -> { });
    } catch (MalformedEventException e) {
      assertTrue(e.lineNumber() >= 1 && e.lineNumber() <= lines, e.getMessage());
    }
    List<Event> events = new ArrayList<>();
    ReadReport report;
    try (EventReader reader =
        EventJsonLines.reader(new ByteArrayInputStream(data), ReadOptions.skipMalformed(3).withMaxLineLength(4096))) {
      reader.forEachRemaining(events::add);
      report = reader.report();
    }
    assertTrue(report.eventsRead() == events.size(), report.toString());
    assertTrue(report.malformedLinesSkipped() + events.size() <= lines, report.toString());
    java.io.StringWriter out = new java.io.StringWriter();
    EventJsonLines.writeAll(events, out);
    assertEquals(events, EventJsonLines.readAll(new java.io.StringReader(out.toString())));
  }
}
