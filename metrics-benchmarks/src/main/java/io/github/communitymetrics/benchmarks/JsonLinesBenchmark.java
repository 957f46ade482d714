package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading and writing the canonical JSON Lines format, in memory (no disk, no gzip), so that the
 * codec alone is measured. Divide the score by the number of events for time per event; the
 * setup prints the events and characters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g"})
public class JsonLinesBenchmark {
  @Param({"mix", "simulator"})
  public String source;

  @Param({"100000"})
  public int size;

  private List<Event> events;
  private String text;

  /** Generates the events and their JSON Lines text once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    events = BenchmarkEvents.of(source, size);
    StringWriter out = new StringWriter();
    EventJsonLines.writeAll(events, out);
    text = out.toString();
    System.out.printf("%n%s: %d events, %d characters (%.1f per event)%n",
        source, events.size(), text.length(), (double) text.length() / events.size());
  }

  /** Parses every line into events. */
  @Benchmark
  public void read(Blackhole sink) {
    try (EventReader reader = EventJsonLines.reader(new StringReader(text))) {
      while (reader.hasNext()) {
        sink.consume(reader.next());
      }
    }
  }

  /** Writes every event as a line. */
  @Benchmark
  public int write() {
    StringWriter out = new StringWriter(text.length() + 16);
    EventJsonLines.writeAll(events, out);
    return out.getBuffer().length();
  }
}
