package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * A test of an event's effect that {@link Placebo} can repeat at dates without an event: it says
 * which days around an event it reads and gives a two-sided p-value.
 */
public interface ImpactPValue {

  /** The days the test reads before the event's first day. */
  int daysBefore();

  /** The days the test reads after the event's last day. */
  int daysAfter();

  /**
   * The test's p-value for an event on {@code days} of {@code series}; empty when the test has no
   * result there (such runs count in no rate).
   *
   * @param seed the seed for any random choice the test makes
   */
  OptionalDouble pValue(DailySeries series, EventDays days, long seed);

  /**
   * {@link Lift}'s p-value for the difference of means, with the given parameters except the
   * seed, which each placebo run sets.
   */
  static ImpactPValue lift(BootstrapParameters parameters) {
    Checks.notNull(parameters, "parameters");
    return new ImpactPValue() {
      @Override
      public int daysBefore() {
        return parameters.window();
      }

      @Override
      public int daysAfter() {
        return parameters.window();
      }

      @Override
      public OptionalDouble pValue(DailySeries series, EventDays days, long seed) {
        return OptionalDouble.of(Lift.estimate(series, days, parameters.withSeed(seed)).difference().pValue());
      }

      @Override
      public String toString() {
        return "lift " + parameters;
      }
    };
  }

  /** {@link InterruptedTimeSeries}' p-value for the level change; empty where it has none. */
  static ImpactPValue levelChange(ItsParameters parameters) {
    Checks.notNull(parameters, "parameters");
    return new ImpactPValue() {
      @Override
      public int daysBefore() {
        return parameters.before();
      }

      @Override
      public int daysAfter() {
        return parameters.after();
      }

      @Override
      public OptionalDouble pValue(DailySeries series, EventDays days, long seed) {
        return InterruptedTimeSeries.fit(series, days, parameters)
            .levelChange()
            .map(c -> OptionalDouble.of(c.pValue()))
            .orElse(OptionalDouble.empty());
      }

      @Override
      public String toString() {
        return "level change " + parameters;
      }
    };
  }
}
