package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.TreeSet;

/** The normal form of a set of issue numbers, such as the issues a pull request closes. */
final class IssueNumbers {
  private IssueNumbers() {}

  /**
   * The numbers ascending without repeats, unmodifiable; each must be positive. Sorting makes two
   * pull requests that name the same issues equal values whatever order their text named them in.
   */
  static List<Integer> normalize(List<Integer> numbers, String name) {
    Checks.notNull(numbers, name);
    TreeSet<Integer> sorted = new TreeSet<>();
    for (Integer n : numbers) {
      Checks.notNull(n, name);
      sorted.add(Checks.positive(n, name));
    }
    return List.copyOf(sorted);
  }
}
