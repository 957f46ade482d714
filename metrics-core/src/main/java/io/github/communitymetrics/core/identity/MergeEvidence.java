package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.Comparator;

/**
 * One reason to consider two actors the same person.
 *
 * @param rule the rule that produced it
 * @param first the smaller of the two actors in {@link Actor}'s order
 * @param second the other actor
 * @param key what they have in common, in the form the rule documents
 */
public record MergeEvidence(MergeRule rule, Actor first, Actor second, String key)
    implements Comparable<MergeEvidence> {

  private static final Comparator<MergeEvidence> ORDER =
      Comparator.comparing(MergeEvidence::rule)
          .thenComparing(MergeEvidence::key)
          .thenComparing(MergeEvidence::first, Normalize.ACTOR_ORDER)
          .thenComparing(MergeEvidence::second, Normalize.ACTOR_ORDER);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the actors are equal or out of order, or the key is blank
   */
  public MergeEvidence {
    Checks.notNull(rule, "rule");
    Checks.notNull(first, "first");
    Checks.notNull(second, "second");
    Checks.notBlank(key, "key");
    if (!(Normalize.ACTOR_ORDER.compare(first, second) < 0)) {
      throw new IllegalArgumentException("first must come before second in actor order: " + first + ", " + second);
    }
  }

  /** Orders by rule, key, then the actors. */
  @Override
  public int compareTo(MergeEvidence other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return rule + "(" + key + "): " + first.label() + " = " + second.label();
  }
}
