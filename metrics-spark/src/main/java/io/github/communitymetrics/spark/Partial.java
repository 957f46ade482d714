package io.github.communitymetrics.spark;

import java.io.Serializable;

/**
 * One metric's state for one group from one partition, as a Spark bean row: the group, the
 * metric's name and the state's bytes (see {@link StateBox}). Public only because Spark's bean
 * encoder needs it; not part of the supported API.
 */
public final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;

  private String group = "";
  private String metric = "";
  private byte[] state = new byte[0];

  /** For Spark's bean encoder. */
  public Partial() {}

  Partial(String group, String metric, byte[] state) {
    this.group = group;
    this.metric = metric;
    this.state = state;
  }

  /** The group: a repository's full name or an owner's login. */
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

  /** The encoded state (a copy). */
  public byte[] getState() {
    return state.clone();
  }

  /** For Spark's bean encoder. */
  public void setState(byte[] state) {
    this.state = state.clone();
  }

  byte[] stateBytes() {
    return state;
  }
}
