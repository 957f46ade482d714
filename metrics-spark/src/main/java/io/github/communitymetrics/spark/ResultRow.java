package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.registry.Measurement;
import java.io.Serializable;
import java.util.Objects;

/**
 * One output row: one measurement of one metric for one group, flat for Parquet and JSON Lines;
 * the fields of a {@link Measurement}, as the CLI's JSON writes it ({@code
 * Measurements.write}). Columns:
 *
 * <ul>
 *   <li>{@code group}: the repository's full name or the owner's login;
 *   <li>{@code metric}: the {@link SparkMetric}'s name, a registered metric's id;
 *   <li>{@code measurement}: the measurement's name within the metric ({@code factor}, {@code p50});
 *   <li>{@code unit}: what the value counts, as {@code Unit.id()} spells it ({@code people},
 *       {@code days}, {@code fraction}, {@code level});
 *   <li>{@code value}: the number, null without evidence and for the {@code level} unit;
 *   <li>{@code category}: a {@code level} measurement's category ({@code high}), else null;
 *   <li>{@code evidence}: how many observations the value rests on, 0 exactly when it has none;
 *   <li>{@code preset}: the published definition that defined it ({@code chaoss}).
 * </ul>
 *
 * <p>A Java bean because Spark's bean encoder needs one.
 */
public final class ResultRow implements Serializable {
  private static final long serialVersionUID = 2L;

  private String group = "";
  private String metric = "";
  private String measurement = "";
  private String unit = "";
  private Double value;
  private String category;
  private long evidence;
  private String preset = "";

  /** For Spark's bean encoder. */
  public ResultRow() {}

  private ResultRow(String group, String metric, Measurement m) {
    this.group = Args.notNull(group, "group");
    this.metric = Args.notNull(metric, "metric");
    this.measurement = m.name();
    this.unit = m.unit().id();
    this.value = m.value().isPresent() ? m.value().getAsDouble() : null;
    this.category = m.category().orElse(null);
    this.evidence = m.evidence();
    this.preset = m.preset();
  }

  /**
   * The row of {@code measurement} of the metric named {@code metric} for {@code group}.
   *
   * @param metric the {@link SparkMetric}'s name (usually {@code measurement.metric()})
   */
  public static ResultRow of(String group, String metric, Measurement measurement) {
    return new ResultRow(group, metric, Args.notNull(measurement, "measurement"));
  }

  /** The repository's full name or the owner's login. */
  public String getGroup() {
    return group;
  }

  /** For Spark's bean encoder. */
  public void setGroup(String group) {
    this.group = group;
  }

  /** The metric's name. */
  public String getMetric() {
    return metric;
  }

  /** For Spark's bean encoder. */
  public void setMetric(String metric) {
    this.metric = metric;
  }

  /** The measurement's name within the metric. */
  public String getMeasurement() {
    return measurement;
  }

  /** For Spark's bean encoder. */
  public void setMeasurement(String measurement) {
    this.measurement = measurement;
  }

  /** What the value counts ({@code people}, {@code days}, ...). */
  public String getUnit() {
    return unit;
  }

  /** For Spark's bean encoder. */
  public void setUnit(String unit) {
    this.unit = unit;
  }

  /** The number, in {@link #getUnit()}; null without evidence and for a {@code level}. */
  public Double getValue() {
    return value;
  }

  /** For Spark's bean encoder. */
  public void setValue(Double value) {
    this.value = value;
  }

  /** A {@code level} measurement's category; null otherwise and without evidence. */
  public String getCategory() {
    return category;
  }

  /** For Spark's bean encoder. */
  public void setCategory(String category) {
    this.category = category;
  }

  /** How many observations the value rests on; 0 exactly when there is no value. */
  public long getEvidence() {
    return evidence;
  }

  /** For Spark's bean encoder. */
  public void setEvidence(long evidence) {
    this.evidence = evidence;
  }

  /** The preset that defined the measurement. */
  public String getPreset() {
    return preset;
  }

  /** For Spark's bean encoder. */
  public void setPreset(String preset) {
    this.preset = preset;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ResultRow)) {
      return false;
    }
    ResultRow r = (ResultRow) o;
    return group.equals(r.group)
        && metric.equals(r.metric)
        && measurement.equals(r.measurement)
        && unit.equals(r.unit)
        && Objects.equals(value, r.value)
        && Objects.equals(category, r.category)
        && evidence == r.evidence
        && preset.equals(r.preset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, metric, measurement, unit, value, category, evidence, preset);
  }

  @Override
  public String toString() {
    return group + " " + metric + "." + measurement + " "
        + (category != null ? category : value) + " " + unit + " (" + evidence + ", " + preset + ")";
  }
}
