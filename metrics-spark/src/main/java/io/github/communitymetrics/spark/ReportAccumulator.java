package io.github.communitymetrics.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.function.BinaryOperator;
import org.apache.spark.util.AccumulatorV2;

/**
 * Sums an ingestion report over Spark tasks. The report types (core and adapter records) are not
 * serializable, so the accumulator writes them with an explicit codec (see {@link Reports}).
 *
 * @param <T> the report type
 */
final class ReportAccumulator<T> extends AccumulatorV2<T, T> {
  private static final long serialVersionUID = 2L;

  /** Adds two reports; serializable since it travels with the accumulator. */
  interface Sum<T> extends BinaryOperator<T>, Serializable {}

  /** Writes a report's fields. */
  interface Writer<T> extends Serializable {
    void write(T report, DataOutputStream out) throws IOException;
  }

  /** Reads what a {@link Writer} wrote. */
  interface Reader<T> extends Serializable {
    T read(DataInputStream in) throws IOException;
  }

  private final Sum<T> sum;
  private final Writer<T> writer;
  private final Reader<T> reader;
  private transient T zero;
  private transient T value;

  ReportAccumulator(T zero, Sum<T> sum, Writer<T> writer, Reader<T> reader) {
    this.zero = zero;
    this.sum = sum;
    this.writer = writer;
    this.reader = reader;
    this.value = zero;
  }

  @Override
  public boolean isZero() {
    return value.equals(zero);
  }

  @Override
  public AccumulatorV2<T, T> copy() {
    ReportAccumulator<T> c = new ReportAccumulator<>(zero, sum, writer, reader);
    c.value = value;
    return c;
  }

  @Override
  public void reset() {
    value = zero;
  }

  @Override
  public void add(T report) {
    value = sum.apply(value, report);
  }

  @Override
  public void merge(AccumulatorV2<T, T> other) {
    add(other.value());
  }

  @Override
  public T value() {
    return value;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    writeReport(out, zero);
    writeReport(out, value);
  }

  private void writeReport(ObjectOutputStream out, T report) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(bytes)) {
      writer.write(report, data);
    }
    out.writeInt(bytes.size());
    bytes.writeTo(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    zero = readReport(in);
    value = readReport(in);
  }

  private T readReport(ObjectInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative report length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(b))) {
      return reader.read(data);
    }
  }
}
