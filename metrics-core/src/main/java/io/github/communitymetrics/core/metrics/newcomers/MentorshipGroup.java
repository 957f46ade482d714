package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Retention and ladder climb of a group of newcomers (mentored or not), Kaplan-Meier in seconds
 * from each one's first contribution.
 *
 * <p>Retention: the time from the first to the last contribution, a departure observed when the
 * last contribution lies at least the departure gap before the end of the window; the others are
 * still active and censored at their time so far. Climb: the time to ladder rung D2 (a merged
 * pull request; 0 if they stood on it before their first contribution of the chosen type),
 * censored at the end for those who have not reached it.
 *
 * @param newcomers the people in the group
 * @param departed how many departed
 * @param reachedD2 how many reached D2 before the end
 * @param retention the Kaplan-Meier curve of the time to departure ({@code survival(t)}: the share
 *     still active at t)
 * @param climb the Kaplan-Meier curve of the time to D2 ({@code survival(t)}: the share not yet at
 *     D2 at t)
 * @param retentionTimes the retention durations in seconds, for tests between groups
 * @param departedFlags whether each departed (true) or is censored
 * @param climbTimes the climb durations in seconds
 * @param climbedFlags whether each reached D2
 */
public record MentorshipGroup(
    int newcomers,
    int departed,
    int reachedD2,
    SurvivalCurve retention,
    SurvivalCurve climb,
    long[] retentionTimes,
    boolean[] departedFlags,
    long[] climbTimes,
    boolean[] climbedFlags) {

  /** Checks the components and copies the arrays. */
  public MentorshipGroup {
    Checks.notNegative(newcomers, "newcomers");
    Checks.notNull(retention, "retention");
    Checks.notNull(climb, "climb");
    retentionTimes = retentionTimes.clone();
    departedFlags = departedFlags.clone();
    climbTimes = climbTimes.clone();
    climbedFlags = climbedFlags.clone();
    Checks.argument(
        retentionTimes.length == newcomers && departedFlags.length == newcomers
            && climbTimes.length == newcomers && climbedFlags.length == newcomers,
        "one time and flag per newcomer");
  }

  static MentorshipGroup of(List<Journey> group, Window window, Duration departureGap) {
    int n = group.size();
    long[] stay = new long[n];
    boolean[] left = new boolean[n];
    long[] up = new long[n];
    boolean[] climbed = new boolean[n];
    int departed = 0;
    int reached = 0;
    for (int i = 0; i < n; i++) {
      Journey j = group.get(i);
      Instant first = j.firstContribution();
      long observed = Duration.between(first, window.end()).getSeconds();
      left[i] = !j.lastContribution().plus(departureGap).isAfter(window.end());
      stay[i] = left[i] ? Duration.between(first, j.lastContribution()).getSeconds() : observed;
      climbed[i] = j.reachedD2().isPresent();
      up[i] = climbed[i] ? Math.max(0, Duration.between(first, j.reachedD2().get()).getSeconds()) : observed;
      departed += left[i] ? 1 : 0;
      reached += climbed[i] ? 1 : 0;
    }
    return new MentorshipGroup(
        n, departed, reached,
        SurvivalCurve.kaplanMeier(stay, left, ResponseTimes.LEVEL, BandScale.LOG_LOG),
        SurvivalCurve.kaplanMeier(up, climbed, ResponseTimes.LEVEL, BandScale.LOG_LOG),
        stay, left, up, climbed);
  }

  /** The Kaplan-Meier share still active {@code d} after arriving; empty for an empty group. */
  public OptionalDouble retainedAt(Duration d) {
    return newcomers == 0 ? OptionalDouble.empty() : OptionalDouble.of(retention.survival(d.getSeconds()));
  }

  /** The Kaplan-Meier share at D2 within {@code d} of arriving; empty for an empty group. */
  public OptionalDouble reachedD2Within(Duration d) {
    return newcomers == 0 ? OptionalDouble.empty() : OptionalDouble.of(1 - climb.survival(d.getSeconds()));
  }

  /** Equal when every count, curve and array is. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MentorshipGroup g
        && newcomers == g.newcomers && departed == g.departed && reachedD2 == g.reachedD2
        && retention.equals(g.retention) && climb.equals(g.climb)
        && java.util.Arrays.equals(retentionTimes, g.retentionTimes)
        && java.util.Arrays.equals(departedFlags, g.departedFlags)
        && java.util.Arrays.equals(climbTimes, g.climbTimes)
        && java.util.Arrays.equals(climbedFlags, g.climbedFlags);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(newcomers, departed, reachedD2, retention, climb,
        java.util.Arrays.hashCode(retentionTimes), java.util.Arrays.hashCode(climbTimes));
  }

  @Override
  public String toString() {
    return "MentorshipGroup[" + newcomers + " newcomers, " + departed + " departed, " + reachedD2 + " reached D2]";
  }

  /** The retention durations in seconds (a copy). */
  @Override
  public long[] retentionTimes() {
    return retentionTimes.clone();
  }

  /** Whether each departed (a copy). */
  @Override
  public boolean[] departedFlags() {
    return departedFlags.clone();
  }

  /** The climb durations in seconds (a copy). */
  @Override
  public long[] climbTimes() {
    return climbTimes.clone();
  }

  /** Whether each reached D2 (a copy). */
  @Override
  public boolean[] climbedFlags() {
    return climbedFlags.clone();
  }
}
