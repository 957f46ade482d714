package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCheckJsonTest {
  @Test
  void reportsMalformedLinesByNumber(@TempDir Path dir) throws Exception {
    Path demo = dir.resolve("demo.jsonl");
    assertEquals(0, CommunityMetricsCliTest.run("events", "export", "--out", demo.toString()).status());
    List<String> lines = Files.readAllLines(demo);
    Path file = dir.resolve("mixed.jsonl");
    // Two good lines, then a broken one as line 3.
    Files.write(file, List.of(lines.get(0), lines.get(1), "{\"broken\":"));
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "events", "check", "--events", file.toString(), "--skip-malformed", "--json");
    assertEquals(1, r.status(), r.err());
    String json = r.out().strip();
    assertTrue(json.startsWith("{\"source\":"), json);
    assertTrue(json.contains("\"lines\":3,\"events\":2,\"blankLines\":0,\"malformedLines\":1"), json);
    assertTrue(json.contains("\"skipped\":[{\"line\":3,\"reason\":"), json);
  }
}
