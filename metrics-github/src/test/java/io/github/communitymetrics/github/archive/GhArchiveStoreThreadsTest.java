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
 * builder give the same store, position by position, whatever the number of threads.
 */
class GhArchiveStoreThreadsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25, 26})
  void theStoreDoesNotDependOnTheThreadCount(long seed) throws IOException {
    System.out.println("GhArchiveStoreThreadsTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<String> pool = new ArrayList<>();
    for (String name : List.of("events-api.json", "events-api-2012.json", "timeline-2012.json")) {
      pool.addAll(
          Arrays.asList(
              new String(GhArchiveReaderTest.resource(name), StandardCharsets.UTF_8).split("\n")));
    }
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
    EventStore one = read(files, 1);
    for (int threads = 2; threads <= 4; threads++) {
      EventStore many = read(files, threads);
      String where = "seed " + seed + ", threads " + threads;
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
  }

  private static EventStore read(List<Path> files, int threads) {
    EventStore.Builder builder = EventStore.builder();
    GhArchiveReader.builder().threads(threads).build().read(files, builder::add);
    return builder.build();
  }
}
