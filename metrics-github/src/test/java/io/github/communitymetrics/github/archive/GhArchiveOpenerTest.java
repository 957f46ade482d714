package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /**
   * A reading thread that runs out of memory (here a real {@link OutOfMemoryError} from the JVM:
   * an array longer than it allows, on the file's second read) hands the error to the caller, which
   * throws it. It used to kill the thread, whose input then never ended: the caller waited
   * forever. Both ways of reading, the second file failing after the first was read.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"read", "readUnordered"})
  void aReadingThreadOutOfMemoryIsThrownToTheCaller(String how) throws IOException {
    Path good = write("a.json", GhArchiveReaderTest.resource("events-api.json"));
    Path bad = write("b.json", GhArchiveReaderTest.resource("events-api.json"));
    GhArchiveReader reader =
        GhArchiveReader.builder()
            .threads(2)
            .opener(f -> f.equals(bad) ? new Exhausting(Files.newInputStream(f)) : Files.newInputStream(f))
            .build();
    List<Event> events = new ArrayList<>();
    // A bound on a hang, not a timing assertion: the read takes milliseconds.
    OutOfMemoryError e =
        assertTimeoutPreemptively(
            Duration.ofMinutes(1),
            () ->
                assertThrows(
                    OutOfMemoryError.class,
                    () -> {
                      List<Path> files = List.of(good, bad);
                      if (how.equals("read")) {
                        reader.read(files, events::add);
                      } else {
                        reader.readUnordered(files, events::add);
                      }
                    }));
    assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "the JVM's own error: " + e);
    assertFalse(events.isEmpty(), "the first file's events were delivered");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** Reads once, then asks for an array longer than the JVM allows, whatever its heap. */
  private static final class Exhausting extends FilterInputStream {
    private int reads;
    static volatile long[] sink;

    Exhausting(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (reads++ > 0) {
        sink = new long[Integer.MAX_VALUE]; // "Requested array size exceeds VM limit"
      }
      return super.read(b, off, len);
    }
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
