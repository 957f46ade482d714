package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.git.HistoryFile;
import io.github.communitymetrics.git.HistoryFileException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Reads and atomically replaces the history files of {@code truck-factor --history}. */
final class SavedHistories {
  private SavedHistories() {}

  /**
   * The history saved in {@code file}, or empty when there is none or it cannot be used (another
   * format version, truncated, damaged): then a note on {@code err} says why and that the whole
   * history is read again.
   *
   * @throws CommunityMetricsIoException if the file exists but cannot be read, naming it
   */
  static Optional<HistoryFile> load(Path file, PrintWriter err) {
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(HistoryFile.read(in, file.toString()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (HistoryFileException e) {
      err.println("Note: " + e.getMessage() + "; reading the whole history and replacing it.");
      err.flush();
      return Optional.empty();
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + file, e);
    }
  }

  /**
   * Replaces {@code file} with {@code history}: written to a new file in the same directory,
   * forced to the disk, then renamed over it in one step, so a process killed meanwhile leaves the
   * old file (and perhaps a stray temporary file), never a partial one.
   *
   * @throws CommunityMetricsIoException if writing fails, naming the file
   */
  static void save(Path file, HistoryFile history) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(
              channel), 1 << 16)) {
        history.write(out, file.toString());
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot replace " + file + " atomically", e);
      }
      temp = null;
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot write " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }
}
