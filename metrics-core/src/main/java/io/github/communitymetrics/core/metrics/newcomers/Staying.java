package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether a group of newcomers came back: the time from their first to their second contribution
 * (to another item), Kaplan-Meier in seconds, those who have not come back by the end of the
 * window censored at their time so far.
 *
 * @param newcomers the people in the group
 * @param returned how many came back before the end of the window
 * @param curve the Kaplan-Meier curve of the time to the second contribution, in seconds ({@code
 *     survival(t)}: the share not yet back at t)
 * @param followed90 how many were followed for 90 days or more (first contribution at least 90
 *     days before the end): the denominator of the plain 90-day proportion
 * @param stayed90 how many of those came back within 90 days
 */
public record Staying(int newcomers, int returned, SurvivalCurve curve, int followed90, int stayed90) {
  /** The horizon of the plain proportion and of the quick-versus-slow difference. */
  public static final Duration NINETY_DAYS = Duration.ofDays(90);

  /** Checks the components. */
  public Staying {
    Checks.argument(returned >= 0 && returned <= newcomers, "returned must be within 0 and newcomers");
    Checks.notNull(curve, "curve");
    Checks.argument(stayed90 >= 0 && stayed90 <= followed90 && followed90 <= newcomers, "need 0 <= stayed90 <= followed90 <= newcomers");
  }

  /** The group's staying as of the end of {@code window}. */
  static Staying of(List<Journey> group, Window window) {
    int n = group.size();
    long[] times = new long[n];
    boolean[] back = new boolean[n];
    int returned = 0;
    int followed = 0;
    int stayed = 0;
    for (int i = 0; i < n; i++) {
      Journey j = group.get(i);
      Duration observed = Duration.between(j.firstContribution(), window.end());
      back[i] = j.secondContribution().isPresent();
      times[i] = j.timeToSecond().orElse(observed).getSeconds();
      returned += back[i] ? 1 : 0;
      if (observed.compareTo(NINETY_DAYS) >= 0) {
        followed++;
        stayed += j.timeToSecond().filter(d -> d.compareTo(NINETY_DAYS) <= 0).isPresent() ? 1 : 0;
      }
    }
    return new Staying(n, returned, SurvivalCurve.kaplanMeier(times, back, ResponseTimes.LEVEL, BandScale.LOG_LOG), followed, stayed);
  }

  /**
   * The Kaplan-Meier estimate of the share who came back within {@code d} ({@code 1 - S(d)});
   * empty for an empty group.
   */
  public OptionalDouble within(Duration d) {
    return newcomers == 0 ? OptionalDouble.empty() : OptionalDouble.of(1 - curve.survival(d.getSeconds()));
  }
}
