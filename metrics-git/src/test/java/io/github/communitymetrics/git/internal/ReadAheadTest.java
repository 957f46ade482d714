package io.github.communitymetrics.git.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ReadAhead}: the bytes of its source in order, and the source's failure in the reader's thread. */
class ReadAheadTest {
  @Test
  void readsTheSourceInOrderAcrossChunks() throws IOException {
    long seed = 20261207L;
    byte[] bytes = new byte[10_000];
    new SplittableRandom(seed).nextBytes(bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReadAhead in = new ReadAhead(new ByteArrayInputStream(bytes), 64, 3)) {
      byte[] b = new byte[100];
      for (int n; (n = in.read(b, 0, 1 + (out.size() % 99))) >= 0; ) {
        out.write(b, 0, n);
      }
    }
    assertArrayEquals(bytes, out.toByteArray(), "seed " + seed);
  }

  @Test
  void aTruncatedSourceIsAnEofExceptionAfterItsBytes() throws IOException {
    try (ReadAhead in = failingAfterFourBytes(false)) {
      byte[] b = new byte[4];
      assertEquals(4, in.read(b, 0, 4));
      assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII), b);
      assertThrows(EOFException.class, () -> in.read(b, 0, 4));
    }
  }

  /**
   * The background thread running out of memory (a real {@link OutOfMemoryError} from the JVM:
   * an array longer than it allows) ends the reading with that error. It used to kill the
   * background thread and leave the reader waiting for its next chunk forever.
   */
  @Test
  void runningOutOfMemoryInTheBackgroundIsThrownToTheReader() throws IOException {
    try (ReadAhead in = failingAfterFourBytes(true)) {
      byte[] b = new byte[4];
      assertEquals(4, in.read(b, 0, 4));
      // A bound on a hang, not a timing assertion.
      OutOfMemoryError e =
          assertTimeoutPreemptively(
              Duration.ofMinutes(1), () -> assertThrows(OutOfMemoryError.class, () -> in.read(b, 0, 4)));
      assertEquals("Requested array size exceeds VM limit", e.getMessage());
    }
  }

  /** Four bytes ahead in chunks of four, then the source's failure. */
  private static ReadAhead failingAfterFourBytes(boolean outOfMemory) {
    byte[] bytes = "abcdefghij".getBytes(StandardCharsets.US_ASCII);
    return new ReadAhead(new Failing(new ByteArrayInputStream(bytes), outOfMemory), 4, 2);
  }

  /** Passes on its first read, then fails: a truncated stream, or the JVM out of memory. */
  private static final class Failing extends FilterInputStream {
    private final boolean outOfMemory;
    private int reads;
    static volatile long[] sink;

    Failing(InputStream in, boolean outOfMemory) {
      super(in);
      this.outOfMemory = outOfMemory;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (reads++ == 0) {
        return super.read(b, off, Math.min(len, 4));
      }
      if (outOfMemory) {
        sink = new long[Integer.MAX_VALUE];
      }
      throw new EOFException("Unexpected end of ZLIB input stream");
    }
  }
}
