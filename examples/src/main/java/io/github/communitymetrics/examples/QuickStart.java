package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The README's embedding example, kept compiling and running: reads a JSON Lines file of events
 * (by default it first writes the simulated demo community to a temporary file), builds the store,
 * resolves identities and slices a window.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests} then {@code java -cp
 * "examples/target/classes:metrics-core/target/classes:metrics-testkit/target/classes:$(ls
 * ~/.m2/repository/tools/jackson/core/jackson-core/*\/jackson-core-*.jar | tail -1)"
 * io.github.communitymetrics.examples.QuickStart [events.jsonl]}
 */
public final class QuickStart {
  private QuickStart() {}

  /** Prints one line: events, people, and events in the last 90 days before 2026-01-01. */
  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 ? Path.of(args[0]) : demoFile();
    System.out.println(summarise(file));
  }

  static String summarise(Path file) throws IOException {
    List<Event> events;
    try (Reader in = Files.newBufferedReader(file)) {
      events = EventJsonLines.readAll(in); // docs/events.md; errors name the line
    }
    EventStore store = EventStore.of(events); // columnar, time-sorted, de-duplicated
    Identities people = IdentityResolver.defaults().resolve(store.actors());
    Window lastQuarter = Window.endingAt(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(90));
    EventStore recent = store.slice(lastQuarter);
    return String.format(
        "%d events, %d people, %d events in %s",
        store.size(), people.size(), recent.size(), lastQuarter);
  }

  private static Path demoFile() throws IOException {
    Path file = Files.createTempFile("demo-community", ".jsonl");
    file.toFile().deleteOnExit();
    try (Writer out = Files.newBufferedWriter(file)) {
      EventJsonLines.writeAll(CommunitySimulator.simulate(SimulationConfig.demo()).events(), out);
    }
    return file;
  }
}
