package io.github.communitymetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.io.EventJsonLines;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class CommunityMetricsIoExceptionTest {
  @Test
  void theMessageSaysWhatWasDoneAndWhyInWords() {
    NoSuchFileException missing = new NoSuchFileException("/data/a.jsonl");
    CommunityMetricsIoException e = CommunityMetricsIoException.of("cannot read /data/a.jsonl", missing);
    assertEquals("cannot read /data/a.jsonl: no such file", e.getMessage());
    assertSame(missing, e.getCause());
    assertEquals(
        "cannot read /x: permission denied",
        CommunityMetricsIoException.of("cannot read /x", new AccessDeniedException("/x")).getMessage());
    assertEquals(
        "cannot read /x: Is a directory",
        CommunityMetricsIoException.of("cannot read /x", new FileSystemException("/x", null, "Is a directory"))
            .getMessage());
    assertEquals("cannot read /x: I/O error", CommunityMetricsIoException.of("cannot read /x", new IOException()).getMessage());
    assertThrows(NullPointerException.class, () -> new CommunityMetricsIoException("m", null));
  }

  @Test
  void anEventStreamFailureIsCaughtAsAnIoFailure() {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buf, int off, int len) throws IOException {
            throw new IOException("device error");
          }

          @Override
          public void close() {}
        };
    // One catch for every I/O failure: the event reader's own type is one of them.
    CommunityMetricsIoException e =
        assertThrows(CommunityMetricsIoException.class, () -> EventJsonLines.readAll(failing));
    assertEquals("device error", e.getCause().getMessage());
  }
}
