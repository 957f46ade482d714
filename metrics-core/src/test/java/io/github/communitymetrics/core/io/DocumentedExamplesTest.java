package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example lines of docs/events.md are valid, canonical, and cover every type. */
class DocumentedExamplesTest {
  @Test
  void everyExampleLineIsCanonicalAndEveryTypeHasOne() throws IOException {
    Path doc = Path.of("..", "docs", "events.md");
    assertTrue(Files.isRegularFile(doc), "tests run in metrics-core; expected " + doc.toAbsolutePath());
    List<String> examples = new ArrayList<>();
    boolean inJson = false;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (line.equals("```json")) {
        inJson = true;
      } else if (line.equals("```")) {
        inJson = false;
      } else if (inJson) {
        examples.add(line);
      }
    }
    Set<EventType> covered = EnumSet.noneOf(EventType.class);
    for (String line : examples) {
      var event = EventJsonLines.fromLine(line);
      assertEquals(line, EventJsonLines.toLine(event), "not canonical");
      covered.add(event.type());
    }
    assertEquals(EnumSet.allOf(EventType.class), covered);
  }
}
