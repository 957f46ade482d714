package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.io.EventStoreFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real process killed (SIGKILL) while it builds a store: the file it leaves loads its complete
 * segments, and the next run appends the rest and prints what a run without a store prints.
 */
class GhArchiveStoreKillTest {
  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 2);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void killedWhileAppendingThenCompleted(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<Path> files = GhArchiveHourFixture.write(dir.resolve("hours"), seed, 8, 12_000);
    Path store = dir.resolve("events.store");
    // Killed once the file holds more than this many bytes: past the header, somewhere in the
    // first segments (a segment of these hours is some hundreds of kilobytes).
    long killAt = EventStoreFile.HEADER_BYTES + random.nextLong(0, 400_000);
    System.out.println("GhArchiveStoreKillTest seed " + seed + ": kill past byte " + killAt);

    List<String> cli = new ArrayList<>(List.of("score", "--json", "--store", store.toString(), "--gharchive"));
    files.forEach(f -> cli.add(f.toString()));
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath, CommunityMetricsCli.class.getName()));
    command.addAll(cli);
    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean killed = false;
    while (child.isAlive()) {
      if (Files.exists(store) && Files.size(store) > killAt) {
        child.destroyForcibly();
        killed = true;
        break;
      }
      Thread.sleep(1);
    }
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertTrue(killed, "the child finished before it was killed: " + Files.readString(log));
    assertNotEquals(0, child.exitValue());

    // The complete segments load: the first hours, in order; nothing else.
    List<String> names = new ArrayList<>();
    EventStoreFile.Contents left;
    try (InputStream in = Files.newInputStream(store)) {
      left = EventStoreFile.read(in, store.toString(), s -> {
        names.add(s.name());
        return Optional.of(e -> { });
      });
    }
    System.out.println("left " + names.size() + " complete segments, a tail of " + left.droppedTailBytes() + " bytes");
    assertTrue(names.size() < files.size(), names.toString());
    assertEquals(files.subList(0, names.size()).stream().map(f -> f.getFileName().toString()).toList(), names);

    String expected = CommunityMetricsCliTest.run(args(files, null)).out();
    CommunityMetricsCliTest.Run resumed = CommunityMetricsCliTest.run(args(files, store));
    assertEquals(0, resumed.status(), resumed.err());
    assertEquals(expected, resumed.out());
    assertTrue(resumed.err().contains(names.size() + " file" + (names.size() == 1 ? "" : "s") + " ("), resumed.err());
    if (left.droppedTailBytes() > 0) {
      assertTrue(resumed.err().contains("interrupted append"), resumed.err());
    }
    List<String> after = new ArrayList<>();
    try (InputStream in = Files.newInputStream(store)) {
      EventStoreFile.Contents c = EventStoreFile.read(in, store.toString(), s -> {
        after.add(s.name());
        return Optional.empty();
      });
      assertEquals(0, c.droppedTailBytes());
    }
    assertEquals(files.stream().map(f -> f.getFileName().toString()).toList(), after);
  }

  private static String[] args(List<Path> files, Path store) {
    List<String> a = new ArrayList<>(List.of("score", "--json", "--gharchive"));
    files.forEach(f -> a.add(f.toString()));
    if (store != null) {
      a.addAll(List.of("--store", store.toString()));
    }
    return a.toArray(String[]::new);
  }
}
