package io.github.communitymetrics.core.metrics.retention;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A Kaplan-Meier estimate of a survival function with Greenwood standard errors and pointwise
 * confidence bands. The project's one Kaplan-Meier: the contributor ladder's rung-time quantiles
 * use it too.
 *
 * <p>Ties: at a time t, events happen before censorings, so someone censored at t was still at
 * risk at t (the textbook convention).
 *
 * <p>Subjects without follow-up (observed for no time at all: for contributor survival, people
 * whose first contribution lies within the departure gap before the as-of instant) are counted
 * but are in no risk set. Keeping them at risk at t = 0, the time of the one-time contributors'
 * departures, as if they had survived it, would bias S upward.
 *
 * @param subjects the number of subjects, with or without follow-up
 * @param events the number of subjects whose event was observed (the rest are censored or
 *     without follow-up)
 * @param withoutFollowUp the subjects never followed (neither an event nor a censoring time):
 *     counted in {@code subjects}, in no risk set
 * @param level the confidence level of the bands, strictly between 0 and 1
 * @param scale how the bands were built
 * @param steps one step per distinct event time, in increasing time
 */
public record SurvivalCurve(
    int subjects,
    int events,
    int withoutFollowUp,
    double level,
    BandScale scale,
    List<SurvivalStep> steps) {

  /** Checks the components and copies the steps. */
  public SurvivalCurve {
    Checks.notNegative(subjects, "subjects");
    if (!(events >= 0 && events <= subjects)) {
      throw new IllegalArgumentException("events must be between 0 and subjects but was " + events);
    }
    if (!(withoutFollowUp >= 0 && withoutFollowUp <= subjects - events)) {
      throw new IllegalArgumentException(
          "withoutFollowUp must be between 0 and subjects - events (" + (subjects - events)
              + ") but was " + withoutFollowUp);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
    Checks.notNull(scale, "scale");
    steps = List.copyOf(steps);
  }

  /**
   * The Kaplan-Meier estimate of {@code times} (durations in any one unit; the steps keep it)
   * where {@code event[i]} says whether subject i's event was observed ({@code false}: censored at
   * {@code times[i]}).
   *
   * @throws IllegalArgumentException if the arrays differ in length, a time is negative or the
   *     level is not strictly between 0 and 1
   */
  public static SurvivalCurve kaplanMeier(long[] times, boolean[] event, double level, BandScale scale) {
    return kaplanMeier(times, event, 0, level, scale);
  }

  /**
   * As {@link #kaplanMeier(long[], boolean[], double, BandScale)}, with {@code withoutFollowUp}
   * further subjects that were never followed: they count in {@link #subjects()} and {@link
   * #withoutFollowUp()} but in no risk set.
   *
   * @throws IllegalArgumentException as the other form, or if {@code withoutFollowUp} is negative
   */
  public static SurvivalCurve kaplanMeier(
      long[] times, boolean[] event, int withoutFollowUp, double level, BandScale scale) {
    Checks.notNegative(withoutFollowUp, "withoutFollowUp");
    Checks.notNull(times, "times");
    Checks.notNull(event, "event");
    Checks.notNull(scale, "scale");
    if (!(times.length == event.length)) {
      throw new IllegalArgumentException(
          "times and event differ in length: " + times.length + " and " + event.length);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
    int n = times.length;
    // Sort (time, censored?) pairs packed in one long array each: no boxing for large inputs.
    long[] eventTimes = new long[n];
    long[] censorTimes = new long[n];
    int ne = 0;
    int nc = 0;
    for (int i = 0; i < n; i++) {
      if (!(times[i] >= 0)) {
        throw new IllegalArgumentException(
            "times must not be negative but times[" + i + "] was " + times[i]);
      }
      if (event[i]) {
        eventTimes[ne++] = times[i];
      } else {
        censorTimes[nc++] = times[i];
      }
    }
    Arrays.sort(eventTimes, 0, ne);
    Arrays.sort(censorTimes, 0, nc);
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    List<SurvivalStep> steps = new ArrayList<>();
    int atRisk = n;
    double s = 1.0;
    double greenwood = 0.0;
    int e = 0;
    int c = 0;
    while (e < ne) {
      long t = eventTimes[e];
      // Censorings strictly before t leave the risk set first.
      while (c < nc && censorTimes[c] < t) {
        atRisk--;
        c++;
      }
      int d = 0;
      while (e < ne && eventTimes[e] == t) {
        d++;
        e++;
      }
      s *= (double) (atRisk - d) / atRisk;
      greenwood = d == atRisk ? Double.POSITIVE_INFINITY : greenwood + (double) d / ((double) atRisk * (atRisk - d));
      steps.add(step(t, atRisk, d, s, greenwood, z, scale));
      atRisk -= d;
    }
    if (!(withoutFollowUp <= Integer.MAX_VALUE - n)) {
      throw new IllegalArgumentException("too many subjects: " + n + " + " + withoutFollowUp);
    }
    return new SurvivalCurve(n + withoutFollowUp, ne, withoutFollowUp, level, scale, steps);
  }

  private static SurvivalStep step(
      long t, int atRisk, int d, double s, double greenwood, double z, BandScale scale) {
    if (s <= 0) {
      // Greenwood's sum has the term d / (n (n - d)) with n = d: the variance S^2 * infinity is
      // undefined, and so is any band. [0, 0] would claim certainty that the data do not give.
      return new SurvivalStep(
          t, atRisk, d, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }
    double se = s * Math.sqrt(greenwood);
    double lo;
    double hi;
    if (scale == BandScale.PLAIN) {
      lo = Math.max(0, s - z * se);
      hi = Math.min(1, s + z * se);
    } else {
      double logS = Math.log(s);
      double sd = Math.sqrt(greenwood / (logS * logS));
      lo = Math.min(s, Math.pow(s, Math.exp(z * sd)));
      hi = Math.max(s, Math.pow(s, Math.exp(-z * sd)));
    }
    return new SurvivalStep(
        t, atRisk, d, s, OptionalDouble.of(se), OptionalDouble.of(lo), OptionalDouble.of(hi));
  }

  /**
   * The last step at or before {@code time}, whose survival and band hold from its time until the
   * next step; empty before the first event (where S is 1).
   */
  public Optional<SurvivalStep> at(long time) {
    SurvivalStep found = null;
    for (SurvivalStep st : steps) {
      if (st.time() > time) {
        break;
      }
      found = st;
    }
    return Optional.ofNullable(found);
  }

  /** The subjects that were followed for some time: {@code subjects - withoutFollowUp}. */
  public int followed() {
    return subjects - withoutFollowUp;
  }

  /** S(time): 1 before the first event, then the estimate of the last step at or before it. */
  public double survival(long time) {
    return at(time).map(SurvivalStep::survival).orElse(1.0);
  }

  /** The median: the first event time at which S is at most 1/2; empty if S never gets there. */
  public Optional<Long> median() {
    for (SurvivalStep st : steps) {
      if (st.survival() <= 0.5) {
        return Optional.of(st.time());
      }
    }
    return Optional.empty();
  }
}
