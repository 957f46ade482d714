package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.impact.CommunityEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * A community event (conference, hackathon, release, ...) planted in a simulation with a known
 * effect, or with none, so that the event-impact methods can be checked against the truth.
 *
 * <p>The effect span is {@code [event.start, event.end + effectDuration)}: the event itself and
 * the weeks after it in which its effect lasts. Within it:
 *
 * <ul>
 *   <li><b>Newcomer level shift.</b> Every repository gets {@link #extraNewcomersPerRepository()}
 *       more direct newcomers ({@code round(extraNewcomersPerDay * span in days)}, exactly), at
 *       uniform instants of the span, on top of the usual {@code newcomersPerMonth}. They behave
 *       as other newcomers; their first contribution is at their arrival instant.
 *   <li><b>Cohort retention.</b> Everyone who starts contributing in the span (usual newcomers,
 *       converting stargazers and the extra newcomers) leaves in each month of membership with
 *       probability {@code min(1, departureProbability * departureFactor)} instead of {@code
 *       departureProbability}: a factor below 1 plants a cohort that stays longer.
 * </ul>
 *
 * <p>An event without effect ({@code extraNewcomersPerDay == 0} and {@code departureFactor == 1},
 * see {@link #noEffect(CommunityEvent)}) changes nothing in the simulation: it only appears in the
 * planted truth, as the control a method should not flag.
 *
 * @param event the event as the event files describe it (name, kind, start, end, labels)
 * @param extraNewcomersPerDay the added direct newcomers per repository per day of the effect
 *     span, not negative; 0 for no level shift
 * @param effectDuration how long after the event's end the effect lasts, whole seconds, not
 *     negative (zero: only during the event)
 * @param departureFactor the factor on the monthly departure probability of the people who start
 *     contributing in the effect span, positive and finite; 1 for no retention effect
 */
public record PlantedEvent(
    CommunityEvent event, double extraNewcomersPerDay, Duration effectDuration, double departureFactor) {

  private static final double DAY_SECONDS = 86_400;

  /** Checks the components. */
  public PlantedEvent {
    SimChecks.notNull(event, "event");
    SimChecks.argument(
        extraNewcomersPerDay >= 0 && Double.isFinite(extraNewcomersPerDay),
        "extraNewcomersPerDay must be finite and not negative but was " + extraNewcomersPerDay);
    SimChecks.notNull(effectDuration, "effectDuration");
    SimChecks.argument(
        !effectDuration.isNegative() && effectDuration.getNano() == 0,
        "effectDuration must be a whole number of seconds, not negative, but was " + effectDuration);
    SimChecks.positive(departureFactor, "departureFactor");
  }

  /** An event the simulation does not react to: a control that no method should flag. */
  public static PlantedEvent noEffect(CommunityEvent event) {
    return new PlantedEvent(event, 0, Duration.ZERO, 1);
  }

  /** The first instant of the effect span: the event's start. */
  public Instant effectFrom() {
    return event.start();
  }

  /** The end of the effect span (exclusive): the event's end plus {@link #effectDuration()}. */
  public Instant effectTo() {
    return event.end().plus(effectDuration);
  }

  /** The effect span's length in days (fractional when it is not a whole number of days). */
  public double effectDays() {
    return (effectTo().getEpochSecond() - effectFrom().getEpochSecond()) / DAY_SECONDS;
  }

  /** The extra newcomers each repository gets: {@code round(extraNewcomersPerDay * effectDays())}. */
  public int extraNewcomersPerRepository() {
    return Math.toIntExact(Math.round(extraNewcomersPerDay * effectDays()));
  }

  /** Whether the event changes the simulation at all. */
  public boolean hasEffect() {
    return extraNewcomersPerRepository() > 0 || departureFactor != 1.0;
  }

  /** Whether {@code instant} lies in the effect span. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(effectFrom()) && instant.isBefore(effectTo());
  }
}
