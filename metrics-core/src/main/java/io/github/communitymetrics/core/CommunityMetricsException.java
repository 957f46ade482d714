package io.github.communitymetrics.core;

/**
 * The root of every exception this library throws on purpose. Unchecked, so that callers catch
 * only what they can handle: a precise subtype such as
 * {@link io.github.communitymetrics.core.io.MalformedEventException}, or this root to handle them all.
 *
 * <p>What a public method of any module throws when its input, its files or the services it
 * reads fail (a missing or unreadable file, a malformed line, a corrupt checkpoint, a forge that
 * refuses a request) is a subtype of this class, never a bare JDK exception:
 *
 * <ul>
 *   <li>every I/O failure is a {@link CommunityMetricsIoException}, whose cause is the {@link
 *       java.io.IOException} and whose message names the path or source; the modules' own I/O
 *       types (such as {@link io.github.communitymetrics.core.io.EventIoException}) extend it, so
 *       that one {@code catch} handles them all, the way Jackson's {@code JacksonIOException}
 *       sits below its {@code JacksonException};
 *   <li>input that cannot be used has its own subtype per module (malformed events, a corrupt or
 *       foreign checkpoint, a git command that failed, a forge's refusal).
 * </ul>
 *
 * <p>The JDK's exceptions remain for programming errors only, which a caller fixes in the code
 * rather than catches: {@link IllegalArgumentException} and {@link NullPointerException} for
 * argument checks on public methods, and {@link IllegalStateException} for a call the object's
 * state does not allow (an API used in the wrong order, such as a reader read twice, a closed
 * writer written to, a builder configured inconsistently) or an internal invariant that only a
 * bug in this library can break.
 *
 * <p>Messages never contain credentials.
 */
public class CommunityMetricsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for a person to read
   */
  public CommunityMetricsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying failure
   */
  public CommunityMetricsException(String message, Throwable cause) {
    super(message, cause);
  }
}
