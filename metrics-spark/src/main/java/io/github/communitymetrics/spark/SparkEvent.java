package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * One core {@link Event} as a row of a Spark {@code Dataset}: Spark moves it between tasks as the
 * event's canonical JSON line (the core's exact, versioned format), so any event survives a
 * shuffle or a cache unchanged. Use {@link #encoder()} for {@code Dataset<SparkEvent>}.
 *
 * <p>Immutable once built; the no-argument constructor and {@link #readExternal} exist for Java
 * serialization only.
 */
public final class SparkEvent implements Externalizable {
  private static final long serialVersionUID = 1L;

  private transient Event event;

  /** For Java serialization only: do not use. */
  public SparkEvent() {}

  private SparkEvent(Event event) {
    this.event = event;
  }

  /** The row of {@code event}. */
  public static SparkEvent of(Event event) {
    return new SparkEvent(Args.notNull(event, "event"));
  }

  /** The Spark encoder of events (Java serialization of the canonical JSON line). */
  public static Encoder<SparkEvent> encoder() {
    return Encoders.javaSerialization(SparkEvent.class);
  }

  /** The core event. */
  public Event event() {
    return event;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    byte[] line = EventJsonLines.toLine(event).getBytes(StandardCharsets.UTF_8);
    out.writeInt(line.length);
    out.write(line);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    byte[] line = new byte[in.readInt()];
    in.readFully(line);
    event = EventJsonLines.fromLine(new String(line, StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparkEvent && ((SparkEvent) o).event.equals(event);
  }

  @Override
  public int hashCode() {
    return event.hashCode();
  }

  @Override
  public String toString() {
    return "SparkEvent[" + event + "]";
  }
}
