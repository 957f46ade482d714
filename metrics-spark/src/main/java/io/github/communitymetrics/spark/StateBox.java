package io.github.communitymetrics.spark;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * A core metric state or result as Spark carries it between tasks: the value of one metric for
 * one group (a repository or an organisation). The core's states are not {@link
 * java.io.Serializable}; this box writes them with a codec that rebuilds records through their
 * canonical constructors (see the package documentation).
 *
 * <p>Public only because Spark's Java-serialization encoder instantiates it; the boxed value is
 * reached with {@link #value()}. Mutable only while Spark deserializes it.
 */
public final class StateBox implements Externalizable {
  private static final long serialVersionUID = 1L;

  private String group;
  private String metric;
  private transient Object value;

  /** For Java serialization only: an empty box. */
  public StateBox() {
    this("", "", null);
  }

  StateBox(String group, String metric, Object value) {
    this.group = group;
    this.metric = metric;
    this.value = value;
  }

  /** The Spark encoder of boxes (Java serialization of the codec's bytes). */
  public static Encoder<StateBox> encoder() {
    return Encoders.javaSerialization(StateBox.class);
  }

  /** The group (repository full name or organisation login); empty in an aggregation's zero. */
  public String group() {
    return group;
  }

  /** The metric's name; empty in an aggregation's zero. */
  public String metric() {
    return metric;
  }

  /** The state or result; empty in an aggregation's zero (no slice seen yet). */
  public Optional<Object> value() {
    return Optional.ofNullable(value);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeUTF(group);
    out.writeUTF(metric);
    byte[] bytes = StateCodec.encode(value);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    group = in.readUTF();
    metric = in.readUTF();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    value = StateCodec.decode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StateBox)) {
      return false;
    }
    StateBox b = (StateBox) o;
    return group.equals(b.group) && metric.equals(b.metric) && Objects.equals(value, b.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, metric, value);
  }

  @Override
  public String toString() {
    return "StateBox[" + group + ", " + metric + ", " + value + "]";
  }
}
