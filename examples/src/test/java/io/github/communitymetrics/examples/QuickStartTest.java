package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
  @Test
  void summarisesTheDemoFile(@TempDir Path dir) throws IOException {
    List<Event> events = CommunitySimulator.simulate(SimulationConfig.demo()).events();
    Path file = dir.resolve("demo.jsonl");
    try (Writer out = Files.newBufferedWriter(file)) {
      EventJsonLines.writeAll(events, out);
    }
    // Counted here without the store: distinct events, and those inside the window by hand.
    long distinct = events.stream().distinct().count();
    Instant end = Instant.parse("2026-01-01T00:00:00Z");
    Instant start = end.minusSeconds(90L * 24 * 3600);
    long recent =
        events.stream().distinct()
            .filter(e -> !e.at().isBefore(start) && e.at().isBefore(end))
            .count();
    String line = QuickStart.summarise(file);
    assertEquals(
        distinct + " events, " + line.split(", ")[1] + ", " + recent + " events in "
            + Window.of(start, end),
        line);
    assertEquals(distinct, EventStore.of(events).size());
  }
}
