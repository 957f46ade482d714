package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GhArchiveReader.Builder#opener}: every file is opened through it, once, and read to its
 * end, so a stream that counts the bytes it passes on counts every byte of every file (what the
 * command line's progress bar shows).
 */
class GhArchiveOpenerTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {1, 3})
  void everyFileIsOpenedOnceThroughTheOpenerAndReadToItsEnd(int threads) throws IOException {
    List<Path> files = new ArrayList<>();
    byte[] modern = GhArchiveReaderTest.resource("events-api.json");
    byte[] timeline = GhArchiveReaderTest.resource("timeline-2012.json");
    files.add(write("a.json.gz", GhArchiveReaderTest.gzip(modern)));
    files.add(write("b.json", timeline));
    files.add(write("c.json.gz", GhArchiveReaderTest.gzip(GhArchiveReaderTest.concat(timeline, modern))));
    long size = 0;
    for (Path f : files) {
      size += Files.size(f);
    }
    Map<Path, Integer> opened = new ConcurrentHashMap<>();
    AtomicLong counted = new AtomicLong();
    List<Event> through = new ArrayList<>();
    GhArchiveReport report =
        GhArchiveReader.builder()
            .threads(threads)
            .opener(
                file -> {
                  opened.merge(file, 1, Integer::sum);
                  return new Counting(Files.newInputStream(file), counted);
                })
            .build()
            .read(files, through::add);
    List<Event> direct = new ArrayList<>();
    GhArchiveReport expected = GhArchiveReader.builder().threads(threads).build().read(files, direct::add);
    assertEquals(Map.of(files.get(0), 1, files.get(1), 1, files.get(2), 1), opened);
    assertEquals(size, counted.get());
    assertEquals(direct, through);
    assertEquals(expected, report);
    assertTrue(report.eventsMapped() > 0, report.toString());
  }

  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {1, 2})
  void aFileTheOpenerCannotOpenIsAnExceptionNamingIt(int threads) throws IOException {
    Path file = write("a.json", GhArchiveReaderTest.resource("events-api.json"));
    GhArchiveException e =
        assertThrows(
            GhArchiveException.class,
            () ->
                GhArchiveReader.builder()
                    .threads(threads)
                    .opener(f -> {
                      throw new java.nio.file.AccessDeniedException(f.toString());
                    })
                    .build()
                    .read(List.of(file, file), x -> {}));
    assertEquals(file.toString(), e.file());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count.addAndGet(skipped);
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
