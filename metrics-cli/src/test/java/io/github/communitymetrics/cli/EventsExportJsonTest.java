package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.io.ReadOptions;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class EventsExportJsonTest {

  /** Top-level scalars as text and the {@code eventsByType} object, read with the streaming API. */
  private static Map<String, String> fields(String json, Map<String, Long> byType) {
    Map<String, String> out = new TreeMap<>();
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("eventsByType")) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String type = p.currentName();
            p.nextToken();
            byType.put(type, p.getLongValue());
          }
        } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          out.put(name, "<" + t + ">");
          p.skipChildren();
        } else {
          out.put(name, p.getString());
        }
      }
      assertEquals(null, p.nextToken(), "one object and nothing after it: " + json);
    }
    return out;
  }

  @Test
  void reportsWhatWasWrittenCountedFromTheFileItself(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("demo.jsonl.gz");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("events", "export", "--out", file.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Long> byType = new TreeMap<>();
    Map<String, String> f = fields(r.out().strip(), byType);

    // Read the file back with the library's reader and count independently of the command.
    Map<String, Long> expected = new TreeMap<>();
    long events = 0;
    try (Reader in = Files2.openText(file);
        EventReader reader = EventJsonLines.reader(in, ReadOptions.strict())) {
      while (reader.hasNext()) {
        Event e = reader.next();
        expected.merge(e.type().wireName(), 1L, Long::sum);
        events++;
      }
    }
    assertTrue(events > 1000, "the demo community has thousands of events: " + events);
    assertEquals(Long.toString(events), f.get("eventsWritten"));
    assertEquals(expected, byType);
    assertEquals(file.toString(), f.get("out"));
    assertEquals("true", f.get("simulated"));
    assertTrue(f.get("source").contains("SIMULATED"), f.toString());
    assertFalse(f.containsKey("readReport"), "the simulator reads no file: " + f);
  }

  @Test
  void fromAFileCarriesItsReadReport(@TempDir Path dir) throws Exception {
    Path demo = dir.resolve("demo.jsonl");
    assertEquals(0, CommunityMetricsCliTest.run("events", "export", "--out", demo.toString()).status());
    List<String> lines = Files.readAllLines(demo);
    Path mixed = dir.resolve("mixed.jsonl");
    Files.write(mixed, List.of(lines.get(0), "", "{\"broken\":", lines.get(1), lines.get(2)));
    Path copy = dir.resolve("copy.jsonl");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "events", "export", "--events", mixed.toString(), "--skip-malformed",
        "--out", copy.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    String json = r.out().strip();
    // "{\"broken\":" ends inside the object: a line that is not JSON.
    String read =
        "{\"lines\":5,\"events\":3,\"blankLines\":1,\"malformedLines\":1,\"malformedByReason\":{\"invalid-json\":1}}";
    assertTrue(json.contains("\"readReport\":" + read), json);
    assertTrue(json.contains("\"read\":" + read), json);
    Map<String, String> f = fields(json, new TreeMap<>());
    assertEquals("3", f.get("eventsWritten"));
    assertEquals("false", f.get("simulated"));
    assertEquals(3, Files.readAllLines(copy).size());
  }

  @Test
  void refusesJsonWhenTheEventsGoToStandardOutput() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("events", "export", "--out", "-", "--json");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--json needs --out FILE"), r.err());
    assertEquals("", r.out());
  }
}
