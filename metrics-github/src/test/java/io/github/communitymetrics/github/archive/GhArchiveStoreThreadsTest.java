package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.store.EventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streaming ingestion (issue 24): GH Archive files parsed in parallel straight into a store's
 * builder give the same store, position by position, whatever the number of threads, in input
 * order or as the batches come.
 */
class GhArchiveStoreThreadsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25, 26})
  void theStoreDoesNotDependOnTheThreadCount(long seed) throws IOException {
    System.out.println("GhArchiveStoreThreadsTest seed " + seed);
    List<Path> files = files(seed);
    EventStore one = read(files, 1);
    for (int threads = 2; threads <= 4; threads++) {
      assertSameStore(one, read(files, threads), "seed " + seed + ", threads " + threads);
    }
  }

  /**
   * Batches handed over as they are parsed, from several files at once, give the store and the
   * report of reading the files one after the other.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33, 34, 35, 36})
  void unorderedReadingGivesTheSameStoreAndReport(long seed) throws IOException {
    System.out.println("GhArchiveStoreThreadsTest unordered seed " + seed);
    List<Path> files = files(seed);
    EventStore.Builder inOrder = EventStore.builder();
    GhArchiveReport expected = GhArchiveReader.builder().threads(1).build().read(files, inOrder::add);
    EventStore one = inOrder.build();
    for (int threads = 2; threads <= 4; threads++) {
      EventStore.Builder builder = EventStore.builder();
      GhArchiveReport report =
          GhArchiveReader.builder().threads(threads).build().readUnordered(files, builder::add);
      String where = "seed " + seed + ", threads " + threads;
      assertEquals(expected, report, where);
      assertSameStore(one, builder.build(), where);
    }
  }

  /**
   * Under strict options the failure thrown is the first failing file's in input order, even when
   * a later file fails first: here the first bad file has its bad line after thousands of good
   * ones, the second fails on its first line.
   */
  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {2, 3, 4})
  void unorderedStrictReadingThrowsTheFirstFailingFileInInputOrder(int threads) throws IOException {
    List<String> pool = pool();
    StringBuilder late = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      late.append(pool.get(i % pool.size())).append('\n');
    }
    late.append("{not json\n");
    Path good = gz("good.json.gz", pool.get(0) + "\n");
    Path lateBad = gz("late-bad.json.gz", late.toString());
    Path earlyBad = gz("early-bad.json.gz", "{not json\n");
    GhArchiveReader reader =
        GhArchiveReader.builder()
            .threads(threads)
            .options(io.github.communitymetrics.core.io.ReadOptions.strict())
            .build();
    for (int run = 0; run < 3; run++) {
      GhArchiveException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              GhArchiveException.class,
              () -> reader.readUnordered(List.of(good, lateBad, earlyBad), event -> {}));
      assertEquals(lateBad.toString(), e.file(), "run " + run);
    }
  }

  private Path gz(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, GhArchiveReaderTest.gzip(text.getBytes(StandardCharsets.UTF_8)));
    return p;
  }

  private static List<String> pool() throws IOException {
    List<String> pool = new ArrayList<>();
    for (String name : List.of("events-api.json", "events-api-2012.json", "timeline-2012.json")) {
      pool.addAll(
          Arrays.asList(
              new String(GhArchiveReaderTest.resource(name), StandardCharsets.UTF_8).split("\n")));
    }
    return pool;
  }

  private static void assertSameStore(EventStore one, EventStore many, String where) {
    assertEquals(one.size(), many.size(), where);
    assertEquals(one.duplicatesDropped(), many.duplicatesDropped(), where);
    assertEquals(one.actors(), many.actors(), where);
    assertEquals(one.repositories(), many.repositories(), where);
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.event(i), many.event(i), where + ", position " + i);
      assertEquals(one.actorIndex(i), many.actorIndex(i), where + ", position " + i);
      assertEquals(one.repositoryIndex(i), many.repositoryIndex(i), where + ", position " + i);
    }
  }

  private List<Path> files(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> pool = pool();
    List<Path> files = new ArrayList<>();
    int nFiles = 2 + random.nextInt(6);
    for (int f = 0; f < nFiles; f++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(4000); // several batches of the parallel reader, repeated lines
      for (int i = 0; i < n; i++) {
        text.append(pool.get(random.nextInt(pool.size()))).append('\n');
      }
      Path p = dir.resolve("h" + f + ".json.gz");
      Files.write(p, GhArchiveReaderTest.gzip(text.toString().getBytes(StandardCharsets.UTF_8)));
      files.add(p);
    }
    return files;
  }

  private static EventStore read(List<Path> files, int threads) {
    EventStore.Builder builder = EventStore.builder();
    GhArchiveReader.builder().threads(threads).build().read(files, builder::add);
    return builder.build();
  }
}
