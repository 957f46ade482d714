package io.github.communitymetrics.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One output row: a metric's headline for one group, flat for Parquet and JSON Lines. Columns:
 * {@code group} (repository full name or owner login), {@code metric} (the {@link SparkMetric}'s
 * name), {@code value} (the headline number, null when the metric has none for the group) and
 * {@code evidence} (how many items it rests on; see each metric's documentation).
 *
 * <p>A Java bean because Spark's bean encoder needs one.
 */
public final class ResultRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private String group = "";
  private String metric = "";
  private Double value;
  private long evidence;

  /** For Spark's bean encoder. */
  public ResultRow() {}

  ResultRow(String group, String metric, Headline headline) {
    this.group = group;
    this.metric = metric;
    this.value = headline.value().isPresent() ? headline.value().getAsDouble() : null;
    this.evidence = headline.evidence();
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

  /** The headline number; null when the metric has none for this group. */
  public Double getValue() {
    return value;
  }

  /** For Spark's bean encoder. */
  public void setValue(Double value) {
    this.value = value;
  }

  /** How many items the headline rests on. */
  public long getEvidence() {
    return evidence;
  }

  /** For Spark's bean encoder. */
  public void setEvidence(long evidence) {
    this.evidence = evidence;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ResultRow)) {
      return false;
    }
    ResultRow r = (ResultRow) o;
    return group.equals(r.group)
        && metric.equals(r.metric)
        && Objects.equals(value, r.value)
        && evidence == r.evidence;
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, metric, value, evidence);
  }

  @Override
  public String toString() {
    return group + " " + metric + " " + value + " (" + evidence + ")";
  }
}
