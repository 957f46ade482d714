package io.github.communitymetrics.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Objects;

/**
 * Reading or writing a file, a stream or another resource failed. The {@link #getCause() cause}
 * is the {@link IOException}; the message says what was being done and where (a path, a source
 * name), never a credential.
 *
 * <p>Every I/O failure the library reports is of this type, so that one {@code catch} handles
 * them all; the subtypes say where it happened, such as {@link
 * io.github.communitymetrics.core.io.EventIoException} for an event stream.
 */
public class CommunityMetricsIoException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception that wraps an I/O failure.
   *
   * @param message what was being done and where, for a person to read
   * @param cause the I/O failure
   */
  public CommunityMetricsIoException(String message, IOException cause) {
    super(message, Objects.requireNonNull(cause, "cause"));
  }

  /**
   * An exception whose message is {@code doing} followed by why it failed in words, such as
   * {@code "cannot open /tmp/log.txt: no such file"}.
   *
   * @param doing what was being done and where, such as {@code "cannot open " + path}
   * @param cause the I/O failure
   * @return the exception, to throw
   */
  public static CommunityMetricsIoException of(String doing, IOException cause) {
    return new CommunityMetricsIoException(doing + ": " + reason(cause), cause);
  }

  /**
   * Why an I/O operation failed, in words: the JDK gives the file system's reasons as class names
   * ({@link NoSuchFileException} carries only the path), which say nothing to a reader.
   */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "I/O error" : message;
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
