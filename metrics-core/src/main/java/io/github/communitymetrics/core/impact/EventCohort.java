package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.confidence.IntervalMethod;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The people whose first contribution fell within a window, usually an event's: did the event
 * bring newcomers who stayed?
 *
 * <p>Survival follows the project's contributor survival ({@link
 * io.github.communitymetrics.core.metrics.retention.Retention}): only contributions up to the
 * as-of instant count; a person departed (the event) if their last contribution is at least the
 * inactivity gap before the as-of instant, after a duration from their first to their last
 * contribution; everyone else is censored at {@code asOf - gap - first}, the longest duration
 * whose departure could already have been seen; people whose first contribution is less than the
 * gap before the as-of instant have no follow-up and are in no risk set. Durations are in seconds.
 *
 * @param from the window's start (inclusive)
 * @param to the window's end (exclusive), after {@code from}
 * @param members the people whose first contribution is in {@code [from, to)}, in the order given
 */
public record EventCohort(Instant from, Instant to, List<PersonContributions> members) {

  /** Checks the components and copies the list. */
  public EventCohort {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
    }
    members = List.copyOf(members);
    for (PersonContributions p : members) {
      if (p.first().isBefore(from) || !p.first().isBefore(to)) {
        throw new IllegalArgumentException(
            p.person() + "'s first contribution (" + p.first() + ") is not in [" + from + ", " + to + ")");
      }
    }
  }

  /** The people of {@code people} whose first contribution lies in {@code [from, to)}. */
  public static EventCohort of(Collection<PersonContributions> people, Instant from, Instant to) {
    Checks.notNull(people, "people");
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    List<PersonContributions> members = new ArrayList<>();
    for (PersonContributions p : people) {
      Checks.notNull(p, "people element");
      if (!p.first().isBefore(from) && p.first().isBefore(to)) {
        members.add(p);
      }
    }
    return new EventCohort(from, to, members);
  }

  /** The people of {@code people} whose first contribution lies within {@code event}. */
  public static EventCohort of(Collection<PersonContributions> people, CommunityEvent event) {
    Checks.notNull(event, "event");
    return of(people, event.start(), event.end());
  }

  /** The number of members. */
  public int size() {
    return members.size();
  }

  /**
   * Conversion: who made a second contribution, strictly after the first and at most {@code
   * horizon} after it, among those whose horizon had passed by {@code asOf}.
   *
   * @param method how the rate's interval is computed
   * @param level its confidence level, strictly between 0 and 1
   * @throws IllegalArgumentException if the horizon is not positive or {@code asOf} is before the
   *     window's end (the cohort would not be complete)
   */
  public CohortConversion conversion(Duration horizon, Instant asOf, IntervalMethod method, double level) {
    return converted(horizon, asOf, method, level, (p, deadline) -> {
      for (Instant c : p.contributions()) {
        if (c.isAfter(deadline)) {
          return false;
        }
        if (c.isAfter(p.first())) {
          return true;
        }
      }
      return false;
    });
  }

  /**
   * The members' conversion to a rung of the contributor ladder: of the members whose horizon had
   * passed by {@code asOf} ({@code first + horizon <= asOf}), those who reached the rung no later
   * than {@code first + horizon} (earlier counts too: someone whose first contribution in the scope
   * is a merged pull request reaches D2 with it).
   *
   * @param reachedAt when each person first reached the rung, by person name ({@link
   *     ImpactSeries#reached}); people absent never did
   * @param horizon the time after a member's first contribution within which it counts; positive
   * @param asOf when the data ends; not before the window's end
   * @param method the interval's method
   * @param level its confidence level, strictly between 0 and 1
   * @throws IllegalArgumentException if the horizon is not positive or {@code asOf} is before the
   *     window's end
   */
  public CohortConversion reaching(
      Map<String, Instant> reachedAt, Duration horizon, Instant asOf, IntervalMethod method, double level) {
    Checks.notNull(reachedAt, "reachedAt");
    return converted(horizon, asOf, method, level, (p, deadline) -> {
      Instant reached = reachedAt.get(p.person());
      return reached != null && !reached.isAfter(deadline);
    });
  }

  /** Of the members whose horizon has passed by {@code asOf}, those {@code converted} says. */
  private CohortConversion converted(
      Duration horizon, Instant asOf, IntervalMethod method, double level,
      BiPredicate<PersonContributions, Instant> converted) {
    Checks.notNull(horizon, "horizon");
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive but was " + horizon);
    }
    checkAsOf(asOf);
    Checks.notNull(method, "method");
    int eligible = 0;
    int yes = 0;
    for (PersonContributions p : members) {
      Instant deadline = p.first().plus(horizon);
      if (deadline.isAfter(asOf)) {
        continue;
      }
      eligible++;
      if (converted.test(p, deadline)) {
        yes++;
      }
    }
    Optional<ProportionInterval> rate =
        eligible == 0 ? Optional.empty() : Optional.of(ProportionInterval.of(method, yes, eligible, level));
    return new CohortConversion(members.size(), eligible, yes, horizon, rate);
  }


  /**
   * The Kaplan-Meier curve of time to departure, in seconds, with Greenwood bands.
   *
   * @param gap the inactivity after a last contribution that makes a departure; positive
   * @throws IllegalArgumentException if the gap is not positive, {@code asOf} is before the
   *     window's end or the level is not strictly between 0 and 1
   */
  public SurvivalCurve survival(Duration gap, Instant asOf, double level, BandScale scale) {
    Durations d = durations(gap, asOf);
    return SurvivalCurve.kaplanMeier(d.seconds, d.departed, d.withoutFollowUp, level, scale);
  }

  /**
   * The log-rank test of this cohort's departures against {@code other}'s (a comparison cohort:
   * newcomers of other periods without an event), both as of {@code asOf} with the same gap.
   * People without follow-up are in neither group.
   *
   * @return empty when neither cohort has a departure at a time both have people at risk
   */
  public Optional<LogRank> logRank(EventCohort other, Duration gap, Instant asOf) {
    Checks.notNull(other, "other");
    Durations mine = durations(gap, asOf);
    Durations theirs = other.durations(gap, asOf);
    return LogRank.test(mine.seconds, mine.departed, theirs.seconds, theirs.departed);
  }

  private void checkAsOf(Instant asOf) {
    Checks.notNull(asOf, "asOf");
    if (asOf.isBefore(to)) {
      throw new IllegalArgumentException("asOf (" + asOf + ") must not be before the window's end (" + to + ")");
    }
  }

  /** The followed members' durations (seconds) and whether each departed. */
  private record Durations(long[] seconds, boolean[] departed, int withoutFollowUp) {}

  private Durations durations(Duration gap, Instant asOf) {
    Checks.notNull(gap, "gap");
    if (gap.isNegative() || gap.isZero()) {
      throw new IllegalArgumentException("gap must be positive but was " + gap);
    }
    checkAsOf(asOf);
    long[] seconds = new long[members.size()];
    boolean[] departed = new boolean[members.size()];
    int followed = 0;
    int without = 0;
    long asOfS = asOf.getEpochSecond();
    long gapS = gap.getSeconds();
    for (PersonContributions p : members) {
      long first = p.first().getEpochSecond();
      long last = first;
      for (Instant c : p.contributions()) {
        if (c.isAfter(asOf)) {
          break; // not yet seen as of asOf
        }
        last = c.getEpochSecond();
      }
      if (asOfS - last >= gapS) {
        seconds[followed] = last - first;
        departed[followed++] = true;
      } else if (asOfS - gapS - first >= 0) {
        seconds[followed] = asOfS - gapS - first;
        departed[followed++] = false;
      } else {
        without++;
      }
    }
    return new Durations(
        java.util.Arrays.copyOf(seconds, followed), java.util.Arrays.copyOf(departed, followed), without);
  }
}
