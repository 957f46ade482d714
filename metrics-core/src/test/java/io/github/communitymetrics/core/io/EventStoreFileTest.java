package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.store.EventStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the saved store format: every event of every type comes back equal, segment by
 * segment; a file cut anywhere loads exactly its complete segments; damage is a typed error at
 * the right offset, never a partial store.
 */
class EventStoreFileTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  /** Segments of random events of every type, and the file holding them. */
  private record Written(List<List<Event>> segments, List<ReadReport> reports, byte[] file, List<Long> ends) {}

  private static Written write(long seed) throws IOException {
    System.out.println("EventStoreFileTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    RandomEvents gen = new RandomEvents(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventStoreFile.writeHeader(out);
    List<List<Event>> segments = new ArrayList<>();
    List<ReadReport> reports = new ArrayList<>();
    List<Long> ends = new ArrayList<>();
    int n = random.nextInt(1, 5);
    for (int s = 0; s < n; s++) {
      List<Event> events = new ArrayList<>(gen.someOfEveryType(random.nextInt(1, 4)));
      // Repeats: the tables must hand back the same strings, actors and repositories.
      for (int i = random.nextInt(0, 5); i > 0; i--) {
        events.add(events.get(random.nextInt(events.size())));
      }
      EventStoreFile.SegmentWriter w = EventStoreFile.segment();
      events.forEach(w::add);
      ReadReport report = new ReadReport(
          random.nextLong(0, 1L << 40), random.nextInt(0, 9), events.size(), 3,
          List.of(new ReadReport.SkippedLine(random.nextLong(1, 1000), gen.text())),
          Map.of(MalformedReason.values()[random.nextInt(MalformedReason.values().length)], 2L));
      out.write(w.finish("hour-" + s + "-" + gen.text() + ".json.gz", random.nextLong(0, Long.MAX_VALUE),
          random.nextLong(), report));
      segments.add(events);
      reports.add(report);
      ends.add((long) out.size());
    }
    return new Written(segments, reports, out.toByteArray(), ends);
  }

  private static EventStoreFile.Contents read(byte[] file, List<List<Event>> into) {
    return EventStoreFile.read(new ByteArrayInputStream(file), "test.store", s -> {
      List<Event> events = new ArrayList<>();
      into.add(events);
      return Optional.of(events::add);
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyEventComesBackEqualInItsSegment(long seed) throws IOException {
    Written w = write(seed);
    List<List<Event>> back = new ArrayList<>();
    EventStoreFile.Contents c = read(w.file(), back);
    assertEquals(w.segments(), back);
    assertEquals(w.file().length, c.completeLength());
    assertEquals(0, c.droppedTailBytes());
    for (int i = 0; i < back.size(); i++) {
      assertEquals(w.reports().get(i), c.segments().get(i).report());
      assertEquals(w.segments().get(i).size(), c.segments().get(i).events());
    }
    // Through the store builder, the same store as from the events themselves.
    EventStore.Builder b = EventStore.builder();
    EventStoreFile.read(new ByteArrayInputStream(w.file()), "test.store", s -> Optional.of(b::add));
    EventStore loaded = b.build();
    EventStore direct = EventStore.of(w.segments().stream().flatMap(List::stream).toList());
    assertEquals(direct.stream().toList(), loaded.stream().toList());
    assertEquals(direct.duplicatesDropped(), loaded.duplicatesDropped());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aFileCutAnywhereLoadsItsCompleteSegments(long seed) throws IOException {
    Written w = write(seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < 40; k++) {
      int cut = random.nextInt(EventStoreFile.HEADER_BYTES, w.file().length + 1);
      List<List<Event>> back = new ArrayList<>();
      EventStoreFile.Contents c = read(java.util.Arrays.copyOf(w.file(), cut), back);
      int complete = (int) w.ends().stream().filter(e -> e <= cut).count();
      assertEquals(w.segments().subList(0, complete), back, "cut at " + cut);
      long end = complete == 0 ? EventStoreFile.HEADER_BYTES : w.ends().get(complete - 1);
      assertEquals(end, c.completeLength(), "cut at " + cut);
      assertEquals(cut - end, c.droppedTailBytes(), "cut at " + cut);
    }
    for (int cut = 0; cut < EventStoreFile.HEADER_BYTES; cut++) {
      int at = cut;
      StoreFileException e = assertThrows(StoreFileException.class,
          () -> read(java.util.Arrays.copyOf(w.file(), at), new ArrayList<>()));
      assertEquals("test.store", e.source());
      assertTrue(e.reason().startsWith("truncated header"), e.getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aDamagedByteIsATypedErrorInItsSegment(long seed) throws IOException {
    Written w = write(seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < 40; k++) {
      int at = random.nextInt(EventStoreFile.HEADER_BYTES, w.file().length);
      byte[] damaged = w.file().clone();
      damaged[at] ^= (byte) (1 << random.nextInt(8));
      List<List<Event>> back = new ArrayList<>();
      StoreFileException e = assertThrows(StoreFileException.class, () -> read(damaged, back),
          "flipped a bit of byte " + at);
      int segment = (int) w.ends().stream().filter(end -> end <= at).count();
      long start = segment == 0 ? EventStoreFile.HEADER_BYTES : w.ends().get(segment - 1);
      assertTrue(e.offset() >= start && e.offset() <= w.ends().get(segment),
          "offset " + e.offset() + " outside the damaged segment [" + start + ", " + w.ends().get(segment) + "]");
      // No event of the damaged segment reached the sink.
      assertEquals(w.segments().subList(0, segment), back.subList(0, Math.min(back.size(), segment)));
      assertTrue(back.size() <= segment);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anotherVersionOrFormatIsATypedError(long seed) throws IOException {
    Written w = write(seed);
    byte[] other = w.file().clone();
    other[EventStoreFile.HEADER_BYTES - 1] = (byte) (EventStoreFile.VERSION + 1);
    StoreFileException e = assertThrows(StoreFileException.class, () -> read(other, new ArrayList<>()));
    assertEquals(8, e.offset());
    assertTrue(e.reason().contains("version " + (EventStoreFile.VERSION + 1)), e.getMessage());
    byte[] json = "{\"type\":\"star\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StoreFileException notStore = assertThrows(StoreFileException.class, () -> read(json, new ArrayList<>()));
    assertEquals(0, notStore.offset());
  }
}
