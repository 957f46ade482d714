package io.github.communitymetrics.spark;

import java.io.Serializable;
import java.util.function.BinaryOperator;
import org.apache.spark.util.AccumulatorV2;

/**
 * Sums an ingestion report over Spark tasks. The report types (core and adapter records) are not
 * serializable, so the value travels in a {@link StateBox}.
 *
 * @param <T> the report type
 */
final class ReportAccumulator<T> extends AccumulatorV2<T, T> {
  private static final long serialVersionUID = 1L;

  /** Adds two reports; serializable since it travels with the accumulator. */
  interface Sum<T> extends BinaryOperator<T>, Serializable {}

  private final StateBox zero;
  private final Sum<T> sum;
  private StateBox value;

  ReportAccumulator(T zero, Sum<T> sum) {
    this.zero = new StateBox("", "report", zero);
    this.sum = sum;
    this.value = this.zero;
  }

  @Override
  public boolean isZero() {
    return value == zero || value.equals(zero);
  }

  @Override
  public AccumulatorV2<T, T> copy() {
    ReportAccumulator<T> c = new ReportAccumulator<>(get(zero), sum);
    c.value = value;
    return c;
  }

  @Override
  public void reset() {
    value = zero;
  }

  @Override
  public void add(T report) {
    value = new StateBox("", "report", sum.apply(value(), report));
  }

  @Override
  public void merge(AccumulatorV2<T, T> other) {
    add(other.value());
  }

  @Override
  public T value() {
    return get(value);
  }

  @SuppressWarnings("unchecked")
  private T get(StateBox box) {
    return (T) box.value().orElseThrow();
  }
}
