package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.internal.Checks;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Writes events as JSON Lines, one line per event, each ending in {@code '\n'}. Output is
 * buffered: call {@link #flush()} or {@link #close()} to push it to the target.
 *
 * <p>Obtain one from {@link EventJsonLines#writer(Writer)}. Not thread-safe. After an {@link
 * EventIoException} the writer is unusable, because a line may have been cut half-way.
 */
public final class EventWriter implements AutoCloseable, Flushable {
  private final Writer target;
  private final boolean closeTarget;
  private final JsonGenerator generator;
  private long eventsWritten;
  private boolean failed;
  private boolean closed;

  EventWriter(Writer target, boolean closeTarget) {
    this.target = Checks.notNull(target, "writer");
    this.closeTarget = closeTarget;
    // One generator for the whole output: its buffer is reused for every line.
    this.generator = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), target);
  }

  /**
   * Appends one event as one line.
   *
   * @param event the event to write
   * @throws EventIoException if the target fails
   * @throws IllegalStateException if the writer is closed or an earlier write failed
   */
  public void write(Event event) {
    Checks.notNull(event, "event");
    if (closed || failed) {
      throw new IllegalStateException(
          closed ? "the event writer is closed" : "an earlier write failed");
    }
    try {
      EventEncoder.write(generator, event);
      generator.writeRaw('\n');
    } catch (JacksonException e) {
      failed = true;
      throw wrap("cannot write event " + (eventsWritten + 1), e);
    }
    eventsWritten++;
  }

  /** How many events this writer has written, including any still in its buffer. */
  public long eventsWritten() {
    return eventsWritten;
  }

  /**
   * Pushes buffered lines to the target and flushes it.
   *
   * @throws EventIoException if the target fails
   */
  @Override
  public void flush() {
    if (closed) {
      return;
    }
    try {
      generator.flush();
    } catch (JacksonException e) {
      failed = true;
      throw wrap("cannot flush events", e);
    }
  }

  /**
   * Flushes, then closes the target if this writer owns it ({@link EventJsonLines#writer(Writer)}
   * does). Closing twice does nothing.
   *
   * @throws EventIoException if the target fails
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    try {
      generator.close();
    } catch (JacksonException e) {
      failure = wrap("cannot flush events", e);
    }
    if (closeTarget) {
      try {
        target.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = new EventIoException("cannot close the event output", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Jackson reports the target's I/O failures as unchecked; unwrap them into ours. */
  private static RuntimeException wrap(String message, JacksonException e) {
    if (e instanceof JacksonIOException && e.getCause() instanceof IOException) {
      return new EventIoException(message, (IOException) e.getCause());
    }
    // Anything else is a bug in the encoder, not bad input: events are validated values.
    return new IllegalStateException(message, e);
  }
}
