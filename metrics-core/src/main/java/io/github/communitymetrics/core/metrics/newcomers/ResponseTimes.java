package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How long a group of issues or pull requests waited for a first human answer, censoring those
 * still waiting at the end of the window (Kaplan-Meier, in seconds).
 *
 * @param answered how many got an answer before the end
 * @param waiting how many had none at the end (censored at their wait so far)
 * @param curve the Kaplan-Meier curve of the time to answer, in seconds (the event is the answer;
 *     {@code survival(t)} is the share still waiting at t)
 * @param longestSeconds the longest time any item was followed, answered or not, in seconds (0
 *     with no items): the curve says nothing past it unless everyone was answered by then
 */
public record ResponseTimes(int answered, int waiting, SurvivalCurve curve, long longestSeconds) {
  /** The confidence level of the curve's bands. */
  static final double LEVEL = 0.95;

  /** Checks the components. */
  public ResponseTimes {
    Checks.notNegative(answered, "answered");
    Checks.notNegative(waiting, "waiting");
    Checks.notNull(curve, "curve");
    if (longestSeconds < 0) {
      throw new IllegalArgumentException("longestSeconds must not be negative but was " + longestSeconds);
    }
  }

  /** The times of a group: {@code seconds[i]} with {@code answered[i]} false for censored items. */
  static ResponseTimes of(long[] seconds, boolean[] answeredFlags) {
    int a = 0;
    for (boolean b : answeredFlags) {
      a += b ? 1 : 0;
    }
    long longest = 0;
    for (long x : seconds) {
      longest = Math.max(longest, x);
    }
    return new ResponseTimes(
        a, seconds.length - a, SurvivalCurve.kaplanMeier(seconds, answeredFlags, LEVEL, BandScale.LOG_LOG), longest);
  }

  /** The items in the group. */
  public int items() {
    return answered + waiting;
  }

  /** Kaplan-Meier median time to first answer; empty with no items or if over half still wait. */
  public Optional<Duration> median() {
    return items() == 0 ? Optional.empty() : curve.median().map(Duration::ofSeconds);
  }

  /**
   * The Kaplan-Meier estimate of the share answered within {@code d} ({@code 1 - S(d)}); empty
   * with no items, and empty when {@code d} is longer than any item was followed while some were
   * still waiting then (the estimate is not defined past the last follow-up: an issue watched for
   * an hour says nothing about a week, and 0 would claim nobody was answered within it).
   */
  public OptionalDouble answeredWithin(Duration d) {
    if (items() == 0) {
      return OptionalDouble.empty();
    }
    double waitingThen = curve.survival(Math.min(d.getSeconds(), longestSeconds));
    if (d.getSeconds() > longestSeconds && waitingThen > 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(1 - waitingThen);
  }
}
