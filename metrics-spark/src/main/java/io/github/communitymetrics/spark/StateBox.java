package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.state.StateCodec;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * One metric's merged state for one group (a repository or an organisation), as Spark carries it
 * between tasks: the state's bytes in its metric's own {@link StateCodec} (see {@link
 * io.github.communitymetrics.core.metrics.SliceMetric#stateCodec()}). A box built on an executor
 * holds the state itself and encodes it only when Spark serializes the box; a box that Spark
 * deserialized holds the bytes and decodes them once, when first asked with the codec.
 *
 * <p>Public only because Spark's Java-serialization encoder instantiates it. Mutable only while
 * Spark deserializes it (and to cache the decoded state).
 */
public final class StateBox implements Externalizable {
  private static final long serialVersionUID = 2L;

  private String group;
  private String metric;
  /** The encoded state; null until encoded, or in an empty box. */
  private byte[] bytes;
  private transient Object state;
  private transient StateCodec<Object> codec;

  /** For Java serialization only: an empty box (an aggregation's zero). */
  public StateBox() {
    this.group = "";
    this.metric = "";
  }

  private StateBox(String group, String metric, byte[] bytes, Object state, StateCodec<Object> codec) {
    this.group = group;
    this.metric = metric;
    this.bytes = bytes;
    this.state = state;
    this.codec = codec;
  }

  /** A box of a state that {@code codec} encodes when the box is serialized. */
  static StateBox of(String group, String metric, Object state, StateCodec<Object> codec) {
    return new StateBox(group, metric, null, Objects.requireNonNull(state), Objects.requireNonNull(codec));
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

  /** Whether the box is an aggregation's zero: no state yet. */
  public boolean isEmpty() {
    return bytes == null && state == null;
  }

  /**
   * The state encoded by its metric's {@link StateCodec} (a copy): decode it with the metric's
   * {@code stateCodec()}, merge it with the state of other events, or cache it.
   *
   * @throws IllegalStateException in an empty box
   */
  public byte[] stateBytes() {
    return encoded().clone();
  }

  /** The state, decoded with {@code codec} (the box's metric's) on first use. */
  Object state(StateCodec<Object> codec) {
    if (state == null) {
      if (bytes == null) {
        throw new IllegalStateException("an empty state box");
      }
      state = codec.decode(bytes);
      this.codec = codec;
    }
    return state;
  }

  private byte[] encoded() {
    if (bytes == null) {
      if (state == null) {
        throw new IllegalStateException("an empty state box");
      }
      bytes = codec.encode(state);
    }
    return bytes;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeUTF(group);
    out.writeUTF(metric);
    if (isEmpty()) {
      out.writeInt(-1);
    } else {
      byte[] b = encoded();
      out.writeInt(b.length);
      out.write(b);
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    group = in.readUTF();
    metric = in.readUTF();
    int n = in.readInt();
    if (n < -1) {
      throw new IOException("negative state length " + n);
    }
    if (n >= 0) {
      bytes = new byte[n];
      in.readFully(bytes);
    }
    state = null;
    codec = null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StateBox)) {
      return false;
    }
    StateBox b = (StateBox) o;
    return group.equals(b.group)
        && metric.equals(b.metric)
        && isEmpty() == b.isEmpty()
        && (isEmpty() || Arrays.equals(encoded(), b.encoded()));
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, metric) * 31 + (isEmpty() ? 0 : Arrays.hashCode(encoded()));
  }

  @Override
  public String toString() {
    return "StateBox[" + group + ", " + metric + (isEmpty() ? ", empty" : ", " + (state != null ? state : encoded().length + " bytes")) + "]";
  }
}
