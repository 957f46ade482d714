package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.ReadOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every I/O failure of the git adapter's public readers comes out as a {@link
 * CommunityMetricsIoException} naming the input, not as the JDK's {@code UncheckedIOException}.
 */
class IoFailureTest {
  @TempDir Path dir;

  /** Gives {@code head}, then fails: a disk or network file system that breaks mid-read. */
  private static InputStream failingAfter(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private int at;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (at >= bytes.length) {
          throw new IOException("device error");
        }
        int n = Math.min(len, bytes.length - at);
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  private static BufferedReader failingReader() {
    return new BufferedReader(
        new Reader() {
          @Override
          public int read(char[] buf, int off, int len) throws IOException {
            throw new IOException("device error");
          }

          @Override
          public void close() {}
        });
  }

  @Test
  void aMissingLogFileNamesTheFile() {
    Path missing = dir.resolve("missing.log");
    CommunityMetricsIoException e =
        assertThrows(CommunityMetricsIoException.class, () -> CommitLogReader.open(missing, ReadOptions.strict()));
    assertEquals("cannot read " + missing + ": no such file", e.getMessage());
    assertTrue(e.getCause() instanceof NoSuchFileException, String.valueOf(e.getCause()));
  }

  @Test
  void aDirectoryInsteadOfALogFile() {
    CommunityMetricsIoException e =
        assertThrows(CommunityMetricsIoException.class, () -> CommitLogReader.open(dir, ReadOptions.strict()));
    assertTrue(e.getMessage().startsWith("cannot read " + dir + ": "), e.getMessage());
  }

  @Test
  void aStreamThatFailsMidLogNamesTheSource() {
    // Part of a first line: the scanner must read on, and the read fails.
    String head = "commit ";
    CommitLogReader r = CommitLogReader.of(failingAfter(head), "broken.log", ReadOptions.strict());
    Repository repo = new Repository(Forge.GIT, "example/project", OptionalLong.empty());
    CommunityMetricsIoException e =
        assertThrows(CommunityMetricsIoException.class, () -> r.commits(repo).count());
    assertEquals("cannot read broken.log: device error", e.getMessage());
  }

  @Test
  void aStreamThatFailsAtOnce() {
    assertThrows(
        CommunityMetricsIoException.class,
        () -> CommitLogReader.of(failingAfter(""), "broken.log", ReadOptions.strict()));
  }

  @Test
  void pathListsAndTheirLinguistFormOfAMissingFile() {
    Path missing = dir.resolve("files.txt");
    assertThrows(CommunityMetricsIoException.class, () -> PathList.read(missing));
    assertThrows(CommunityMetricsIoException.class, () -> PathList.readLinguist(missing));
    assertThrows(CommunityMetricsIoException.class, () -> PathList.read(dir));
  }

  @Test
  void exclusionAndAliasListsThatFailToRead() throws IOException {
    FileSelection.Builder b = FileSelection.builder();
    CommunityMetricsIoException listed =
        assertThrows(CommunityMetricsIoException.class, () -> b.excludeListed(failingReader(), "", "filtered.csv"));
    assertEquals("cannot read filtered.csv: device error", listed.getMessage());
    assertThrows(CommunityMetricsIoException.class, () -> b.addPaperPatterns(failingReader(), "patterns.txt"));
    assertThrows(
        CommunityMetricsIoException.class,
        () -> AliasList.read(failingReader(), "", "aliases.csv"));
    Files.writeString(dir.resolve("ok.txt"), "x\n");
    assertEquals(1, PathList.read(dir.resolve("ok.txt")).size());
  }
}
