package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventStoreFile;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --gharchive FILES --store STORE}: a store built in steps gives the output of reading
 * every file, byte for byte; a changed hour or a damaged store is a one-line error.
 */
class GhArchiveStoreTest {
  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 4);
  }

  private static CommunityMetricsCliTest.Run run(List<String> args) {
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  private static List<String> args(String command, List<Path> files, Path store, String... more) {
    List<String> a = new ArrayList<>(List.of(command.split(" ")));
    a.add("--gharchive");
    files.forEach(f -> a.add(f.toString()));
    if (store != null) {
      a.addAll(List.of("--store", store.toString()));
    }
    a.addAll(List.of(more));
    return a;
  }

  /** The output of a run that must succeed. */
  private static String out(List<String> args) {
    CommunityMetricsCliTest.Run r = run(args);
    assertEquals(0, r.status(), r.err());
    return r.out();
  }

  /** The events exported, and the export's JSON report (with the read report) on standard output. */
  private String exported(List<Path> files, Path store, String name) throws IOException {
    Path out = dir.resolve(name);
    String report = out(args("events export", files, store, "--out", out.toString(), "--json"));
    return Files.readString(out) + report.replace(out.toString(), "OUT");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aStoreBuiltInStepsGivesTheOutputOfReadingEveryFile(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int hours = random.nextInt(2, 6);
    List<Path> files = GhArchiveHourFixture.write(dir.resolve("hours"), seed, hours, random.nextInt(200, 600));
    int k = random.nextInt(0, hours);
    System.out.println("GhArchiveStoreTest seed " + seed + ": " + hours + " hours, the store first of " + k);
    String expectedScore = out(args("score", files, null, "--json"));
    String expectedEvents = exported(files, null, "direct.jsonl");

    Path store = dir.resolve("events.store");
    if (k > 0) {
      out(args("score", files.subList(0, k), store, "--json"));
    }
    CommunityMetricsCliTest.Run appended = run(args("score", files, store, "--json"));
    assertEquals(0, appended.status(), appended.err());
    assertEquals(expectedScore, appended.out());
    assertTrue(appended.err().contains(k + " file" + (k == 1 ? "" : "s") + " (")
        && appended.err().contains((hours - k) + " file" + (hours - k == 1 ? "" : "s") + " ("), appended.err());

    // Everything now comes from the store: the same output again, and the same events.
    CommunityMetricsCliTest.Run stored = run(args("score", files, store, "--json"));
    assertEquals(expectedScore, stored.out());
    assertTrue(stored.err().contains(hours + " files (") && stored.err().contains("0 files (0 events) read"), stored.err());
    assertEquals(expectedEvents, exported(files, store, "stored.jsonl"));

    // The store holds one segment per hour, each with that hour's events.
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(store)) {
      EventStoreFile.Contents c = EventStoreFile.read(in, store.toString(), s -> {
        names.add(s.name());
        return Optional.empty();
      });
      assertEquals(0, c.droppedTailBytes());
    }
    assertEquals(files.stream().map(f -> f.getFileName().toString()).sorted().toList(), names.stream().sorted().toList());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void simulatedEventsComeBackEqual(long seed) {
    System.out.println("GhArchiveStoreTest simulator seed " + seed);
    List<Event> events = CommunitySimulator.simulate(SimulationConfig.demo().toBuilder().seed(seed).build()).events();
    EventStoreFile.SegmentWriter w = EventStoreFile.segment();
    events.forEach(w::add);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try {
      EventStoreFile.writeHeader(file);
      file.write(w.finish("simulated", 0, 0, new ReadReport(0, 0, events.size(), 0, List.of())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<Event> back = new ArrayList<>();
    EventStoreFile.read(new ByteArrayInputStream(file.toByteArray()), "sim", s -> Optional.of(back::add));
    assertEquals(events, back);
  }

  @Test
  void aChangedHourIsAnErrorNotASecondCopy() throws IOException {
    List<Path> files = GhArchiveHourFixture.write(dir.resolve("hours"), 7, 3, 200);
    Path store = dir.resolve("events.store");
    out(args("score", files, store, "--json"));
    // Re-downloaded with other contents under the same name.
    GhArchiveHourFixture.writeHour(files.get(1), 99, java.time.Instant.parse("2024-03-04T01:00:00Z"), 200);
    CommunityMetricsCliTest.Run r = run(args("score", files, store, "--json"));
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().startsWith("community-metrics: " + store + ": byte "), r.err());
    assertTrue(r.err().contains("2024-03-04-1.json.gz") && r.err().contains("changed since it was stored"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aDamagedOrTruncatedStoreIsAOneLineError() throws IOException {
    List<Path> files = GhArchiveHourFixture.write(dir.resolve("hours"), 8, 3, 300);
    Path store = dir.resolve("events.store");
    out(args("score", files, store, "--json"));
    byte[] good = Files.readAllBytes(store);

    byte[] damaged = good.clone();
    int at = good.length / 2;
    damaged[at] ^= 0x10;
    Files.write(store, damaged);
    CommunityMetricsCliTest.Run r = run(args("score", files, store, "--json"));
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().startsWith("community-metrics: " + store + ": byte "), r.err());
    assertTrue(r.err().contains("segment damaged"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());

    Files.write(store, java.util.Arrays.copyOf(good, 7));
    r = run(args("score", files, store, "--json"));
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains(store + ": byte 7: truncated header"), r.err());

    byte[] version = good.clone();
    version[11] = 9;
    Files.write(store, version);
    r = run(args("score", files, store, "--json"));
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains(store + ": byte 8: format version 9"), r.err());
  }

  @Test
  void anInterruptedAppendIsDroppedAndCompleted() throws IOException {
    List<Path> files = GhArchiveHourFixture.write(dir.resolve("hours"), 9, 4, 300);
    String expected = out(args("score", files, null, "--json"));
    Path store = dir.resolve("events.store");
    out(args("score", files, store, "--json"));
    byte[] whole = Files.readAllBytes(store);
    List<Long> ends = new ArrayList<>();
    try (InputStream in = Files.newInputStream(store)) {
      EventStoreFile.read(in, "s", s -> {
        ends.add(s.offset() + s.length());
        return Optional.empty();
      });
    }
    // Cut inside the third segment: as a writer killed while writing it leaves the file.
    long cut = (ends.get(1) + ends.get(2)) / 2;
    Files.write(store, java.util.Arrays.copyOf(whole, (int) cut));
    CommunityMetricsCliTest.Run r = run(args("score", files, store, "--json"));
    assertEquals(0, r.status(), r.err());
    assertEquals(expected, r.out());
    assertTrue(r.err().contains(String.format("the %,d bytes of an interrupted append at byte %,d dropped",
        cut - ends.get(1), ends.get(1))), r.err());
    assertTrue(r.err().contains("2 files ("), r.err());
    assertEquals(whole.length, Files.size(store));
  }
}
