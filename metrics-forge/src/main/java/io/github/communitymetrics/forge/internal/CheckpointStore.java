package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.CheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-resource cursors in a directory, one file per resource, written atomically: the new value
 * goes to a temporary file that is forced to disk and then moved over the old one in one step. A
 * process killed at any moment leaves either the previous cursor or the new one, never a mix.
 *
 * <p>A cursor is any text the adapter chooses (a page URL, an {@code updated_at} instant, a
 * GraphQL cursor). Resource names are limited to letters, digits, {@code . _ -} so that they map to
 * file names on every system.
 */
public final class CheckpointStore {
  private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  private static final String SUFFIX = ".cursor";

  private final Path directory;
  private final Mover mover;

  /** The last step of a write; a test replaces it to simulate a crash before the move. */
  @FunctionalInterface
  interface Mover {
    void move(Path temp, Path target) throws IOException;
  }

  private CheckpointStore(Path directory, Mover mover) {
    this.directory = directory;
    this.mover = mover;
  }

  /**
   * A store in the directory, created when missing.
   *
   * @param directory the checkpoint directory
   * @return the store
   * @throws CheckpointException when the directory cannot be created
   */
  public static CheckpointStore open(Path directory) {
    return open(directory, CheckpointStore::atomicMove);
  }

  static CheckpointStore open(Path directory, Mover mover) {
    Args.notNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new CheckpointException(
          "cannot create the directory: " + e.getMessage(), directory, e);
    }
    return new CheckpointStore(directory, mover);
  }

  /**
   * The directory.
   *
   * @return the checkpoint directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * The saved cursor of a resource.
   *
   * @param resource the resource name
   * @return the cursor, or empty when none was saved
   * @throws CheckpointException when the file cannot be read
   */
  public Optional<String> read(String resource) {
    Path file = file(resource);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CheckpointException("cannot read " + file.getFileName() + ": " + reason(e), directory, e);
    }
  }

  /**
   * Saves the cursor of a resource atomically, replacing any previous one.
   *
   * @param resource the resource name
   * @param cursor the cursor
   * @throws CheckpointException when it cannot be written; the previous cursor then stays
   */
  public void write(String resource, String cursor) {
    Args.notNull(cursor, "cursor");
    Path file = file(resource);
    Path temp = directory.resolve(resource + SUFFIX + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(cursor.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      mover.move(temp, file);
    } catch (IOException e) {
      throw new CheckpointException("cannot write " + file.getFileName() + ": " + reason(e), directory, e);
    }
  }

  /**
   * Removes the cursor of a resource (a fetch that completed and wants the next one to start
   * over).
   *
   * @param resource the resource name
   * @throws CheckpointException when it cannot be removed
   */
  public void delete(String resource) {
    try {
      Files.deleteIfExists(file(resource));
    } catch (IOException e) {
      throw new CheckpointException(
          "cannot delete " + file(resource).getFileName() + ": " + reason(e), directory, e);
    }
  }

  private static void atomicMove(Path temp, Path target) throws IOException {
    try {
      Files.move(
          temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot replace " + target + " atomically", e);
    }
  }

  /** Why an I/O operation failed, in words; {@link CheckpointException} adds the directory. */
  private static String reason(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? "I/O error" : message;
  }

  private Path file(String resource) {
    Args.notNull(resource, "resource");
    if (!RESOURCE.matcher(resource).matches()) {
      throw new IllegalArgumentException(
          "resource must be 1 to 200 of [A-Za-z0-9._-] but was '" + resource + "'");
    }
    return directory.resolve(resource + SUFFIX);
  }
}
