package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.TreeSet;

/** The normal form of a set of label names, shared by the events that carry labels. */
final class Labels {
  private Labels() {}

  /**
   * The names sorted (by {@link String#compareTo}) without repeats, unmodifiable. Sorting makes
   * two events with the same labels equal values whatever order the forge listed them in.
   */
  static List<String> normalize(List<String> labels, String name) {
    Checks.notNull(labels, name);
    TreeSet<String> sorted = new TreeSet<>();
    for (String label : labels) {
      sorted.add(checkName(label, name));
    }
    return List.copyOf(sorted);
  }

  /** A label name: not blank, no NUL. */
  static String checkName(String label, String name) {
    Checks.notBlank(label, name);
    return Checks.noNul(label, name);
  }
}
