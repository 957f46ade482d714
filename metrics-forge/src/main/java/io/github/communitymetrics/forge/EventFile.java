package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

import io.github.communitymetrics.core.io.EventIoException;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventWriter;
import io.github.communitymetrics.forge.crawl.Checkpoint;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * A file of canonical JSON Lines events ({@code docs/events.md}) that a resumable fetch writes:
 * gzip-compressed when its name ends in {@code .gz}. {@link #sync()} pushes every event written so
 * far to the file and forces it to disk ({@link FileChannel#force}); for gzip it first finishes the
 * current gzip member, so the file up to the returned length is a complete gzip stream of complete
 * lines. A fetch saves that length with its cursors; after a crash, {@link #resume} cuts the file
 * back to it (what lies beyond was written after the last saved cursor and is fetched again) and
 * appends. Readers of concatenated gzip members ({@link java.util.zip.GZIPInputStream}, {@code
 * gzip -dc}) see one stream.
 *
 * <p>Not thread-safe.
 */
public final class EventFile implements CrawlSink, AutoCloseable {
  private static final int BUFFER = 1 << 16;

  private final Path path;
  private final boolean gzip;
  private final FileChannel channel;
  private final OutputStream file;
  private final long startLength;
  private GZIPOutputStream member;
  private EventWriter writer;
  private long written;
  private boolean unsynced;
  private boolean closed;

  private EventFile(Path path, FileChannel channel, long startLength) {
    this.path = path;
    this.gzip = path.getFileName().toString().endsWith(".gz");
    this.channel = channel;
    this.startLength = startLength;
    // The channel stays open across gzip members: closing a member must not close the file.
    this.file =
        new BufferedOutputStream(
            new FilterOutputStream(Channels.newOutputStream(channel)) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() {
                // owned by EventFile
              }
            },
            BUFFER);
  }

  /**
   * Creates the file, or empties it when it exists.
   *
   * @param path the file; gzip when its name ends in {@code .gz}
   * @return the open file, at length 0
   * @throws EventFileException when it cannot be created
   */
  public static EventFile create(Path path) {
    Args.notNull(path, "path");
    try {
      FileChannel channel =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      return new EventFile(path, channel, 0);
    } catch (NoSuchFileException e) {
      throw new EventFileException("cannot create " + path + ": its directory does not exist", path, e);
    } catch (IOException e) {
      throw new EventFileException("cannot create " + path + ": " + reason(e), path, e);
    }
  }

  /**
   * Opens a file that a fetch wrote up to {@code committedLength} bytes (the length its checkpoint
   * recorded) to append to it: whatever follows that length (events written after the last saved
   * cursor, a torn last line, an unfinished gzip member) is cut off first.
   *
   * @param path the file
   * @param committedLength the length the checkpoint recorded, not negative
   * @return the open file, positioned at its end
   * @throws CheckpointException when the file is missing or shorter than {@code committedLength}:
   *     it was changed since, and appending would lose or corrupt events
   * @throws EventFileException when it cannot be opened or cut
   */
  public static EventFile resume(Path path, long committedLength) {
    Args.notNull(path, "path");
    if (committedLength < 0) {
      throw new IllegalArgumentException("committedLength must not be negative but was " + committedLength);
    }
    if (!Files.exists(path)) {
      if (committedLength == 0) {
        return create(path);
      }
      throw new CheckpointException(
          "the output " + path + " of the interrupted fetch is missing (the checkpoint covers its first "
              + committedLength + " bytes); restore it, or fetch again with a new checkpoint directory",
          directoryOf(path),
          null);
    }
    try {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
      try {
        long size = channel.size();
        if (size < committedLength) {
          throw new CheckpointException(
              "the output " + path + " has " + size + " bytes but the checkpoint covers "
                  + committedLength + ": it was changed since; restore it, or fetch again with a new"
                  + " checkpoint directory",
              directoryOf(path),
              null);
        }
        if (size > committedLength) {
          channel.truncate(committedLength);
          channel.force(true);
        }
        channel.position(committedLength);
        return new EventFile(path, channel, committedLength);
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new EventFileException("cannot open " + path + " to append: " + reason(e), path, e);
    }
  }

  /**
   * Opens the output of a fetch that keeps its cursors in {@code checkpointDirectory}: when the
   * checkpoint recorded this file, it is reopened to append ({@link #resume}, cut back to the
   * length the checkpoint covers), whether the fetch that wrote it was interrupted or completed (a
   * later fetch then adds what is new); otherwise it is created. Running the same command again
   * after a crash is therefore all a user does.
   *
   * @param path the output file
   * @param checkpointDirectory the fetch's checkpoint directory (it need not exist yet)
   * @return the open file
   * @throws CheckpointException when the checkpoint records an interrupted fetch that wrote to
   *     another file, or this file no longer matches it
   */
  public static EventFile open(Path path, Path checkpointDirectory) {
    Args.notNull(path, "path");
    Args.notNull(checkpointDirectory, "checkpointDirectory");
    Optional<Checkpoint.Output> recorded = Checkpoint.recordedOutput(checkpointDirectory);
    if (recorded.isEmpty()) {
      return create(path);
    }
    Checkpoint.Output output = recorded.get();
    Path self = path.toAbsolutePath().normalize();
    if (output.file().isPresent() && output.file().get().equals(self) && output.length() >= 0) {
      return resume(path, output.length());
    }
    if (!output.complete()) {
      throw new CheckpointException(
          "the interrupted fetch was writing to "
              + output.file().map(Path::toString).orElse("a sink that is not a file")
              + ", not to " + self + ": resume it with the same output, or use a new checkpoint directory",
          checkpointDirectory,
          null);
    }
    return create(path);
  }

  /**
   * The file.
   *
   * @return its path
   */
  @Override
  public Optional<Path> file() {
    return Optional.of(path);
  }

  /**
   * The length the file had when opened: 0 for {@link #create}, the committed length for {@link
   * #resume}.
   *
   * @return bytes
   */
  public long startLength() {
    return startLength;
  }

  /**
   * How many events this instance wrote (not those of an earlier run it resumed).
   *
   * @return the count
   */
  public long eventsWritten() {
    return written;
  }

  /**
   * Writes one event as one line (buffered until {@link #sync()} or {@link #close()}).
   *
   * @param event the event
   * @throws EventFileException when the file cannot be written
   */
  @Override
  public void accept(Event event) {
    Args.notNull(event, "event");
    if (closed) {
      throw new IllegalStateException("the event file " + path + " is closed");
    }
    try {
      if (writer == null) {
        OutputStream target = file;
        if (gzip) {
          member = new GZIPOutputStream(file, BUFFER);
          target = member;
        }
        writer = EventJsonLines.writer(new OutputStreamWriter(target, StandardCharsets.UTF_8));
      }
      writer.write(event);
    } catch (IOException e) {
      throw new EventFileException("cannot write to " + path + ": " + reason(e), path, e);
    } catch (EventIoException e) {
      // The event writer reports its target's failures as its own; the file is what failed.
      throw new EventFileException("cannot write to " + path + ": " + reason(e.getCause()), path, e.getCause());
    }
    written++;
    unsynced = true;
  }

  /**
   * Pushes every event written to the file (finishing the gzip member) and forces it to disk.
   *
   * @return the file's length in bytes, which covers every event written so far
   * @throws EventFileException when the file cannot be written or forced
   */
  @Override
  public long sync() {
    if (closed) {
      throw new IllegalStateException("the event file " + path + " is closed");
    }
    try {
      if (writer != null) {
        writer.flush();
        if (gzip) {
          // A finished member ends with its CRC and length: a reader stops cleanly at this length.
          member.finish();
          member = null;
          writer = null;
        }
      }
      file.flush();
      if (unsynced) {
        channel.force(false);
        unsynced = false;
      }
      return channel.position();
    } catch (IOException e) {
      throw new EventFileException("cannot write to " + path + ": " + reason(e), path, e);
    } catch (EventIoException e) {
      // The event writer reports its target's failures as its own; the file is what failed.
      throw new EventFileException("cannot write to " + path + ": " + reason(e.getCause()), path, e.getCause());
    }
  }

  /**
   * Syncs and closes the file. Closing twice does nothing.
   *
   * @throws EventFileException when the last events cannot be written
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      sync();
    } finally {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        throw new EventFileException("cannot close " + path + ": " + reason(e), path, e);
      }
    }
  }

  /** Where the output lies, for a {@link CheckpointException} about it. */
  private static Path directoryOf(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? path : parent;
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  @Override
  public String toString() {
    return "EventFile[" + path + (gzip ? ", gzip" : "") + "]";
  }
}
