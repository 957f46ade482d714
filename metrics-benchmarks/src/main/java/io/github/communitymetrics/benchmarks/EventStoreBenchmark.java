package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Ingestion into an {@link EventStore} and a full column scan, per store size. Scores are times per
 * operation; divide by {@code size} for nanoseconds per event ({@code docs/performance.md}).
 *
 * <p>{@link #scanList} does the scan's work on the plain {@code List<Event>}, as a baseline. The
 * window is the middle half of the events' time span.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx12g"})
public class EventStoreBenchmark {
  private static final int TYPES = EventType.values().length;

  @Param({"100000", "1000000", "10000000"})
  public int size;

  /**
   * Where the events come from: {@code mix}, the GH Archive-like mix of {@link BenchmarkEvents}
   * (stars and comments dominate, exactly {@code size} events); or {@code simulator}, the testkit's
   * community simulator at about {@code size} events (commits, reviews and pushes weigh more).
   */
  @Param({"mix", "simulator"})
  public String source;

  private List<Event> events;
  private EventStore store;
  /** The middle half of the year: about half the events. */
  private Window window;

  /** Generates the input and a store once per trial, outside the measurement. */
  @Setup(Level.Trial)
  public void setUp() {
    events = BenchmarkEvents.of(source, size);
    store = EventStore.of(events);
    Window span = store.timeSpan().orElseThrow();
    Duration quarter = span.duration().dividedBy(4);
    window = Window.startingAt(span.start().plus(quarter), quarter.multipliedBy(2));
  }

  /** Builds a store from the unsorted list: interning, encoding, sorting, de-duplicating. */
  @Benchmark
  public EventStore ingest() {
    return EventStore.of(events);
  }

  /** Counts events per repository and type inside the window, reading the columns only. */
  @Benchmark
  public long[] scanStore() {
    EventStore slice = store.slice(window);
    long[] counts = new long[store.repositories().size() * TYPES];
    for (int i = 0, n = slice.size(); i < n; i++) {
      counts[slice.repositoryIndex(i) * TYPES + slice.type(i).ordinal()]++;
    }
    return counts;
  }

  /** The same counts from the unsorted {@code List<Event>}, keyed by repository. */
  @Benchmark
  public Map<Repository, long[]> scanList() {
    Map<Repository, long[]> counts = new HashMap<>();
    for (Event e : events) {
      if (window.contains(e.at())) {
        counts.computeIfAbsent(e.repo(), r -> new long[TYPES])[e.type().ordinal()]++;
      }
    }
    return counts;
  }
}
