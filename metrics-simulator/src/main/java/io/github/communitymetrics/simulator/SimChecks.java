package io.github.communitymetrics.simulator;

import java.time.Duration;

/**
 * Argument checks for the simulator. The core's {@code Checks} lives in a package the core module
 * does not export, so the testkit keeps its own, with the same message style.
 */
final class SimChecks {
  private SimChecks() {}

  static <T> T notNull(T value, String name) {
    // Not requireNonNull with a lambda: allocated per call (see core's Checks.notNull).
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  static String notBlank(String value, String name) {
    notNull(value, name);
    argument(!value.isBlank(), name + " must not be blank");
    return value;
  }

  static int atLeast(int value, int min, String name) {
    argument(value >= min, name + " must be at least " + min + " but was " + value);
    return value;
  }

  static int between(int value, int min, int max, String name) {
    argument(
        value >= min && value <= max,
        name + " must be between " + min + " and " + max + " but was " + value);
    return value;
  }

  /** Checks that a probability or share lies in {@code [0, 1]} (NaN fails). */
  static double probability(double value, String name) {
    argument(value >= 0.0 && value <= 1.0, name + " must be in [0, 1] but was " + value);
    return value;
  }

  static double positive(double value, String name) {
    argument(value > 0.0 && Double.isFinite(value), name + " must be positive and finite but was " + value);
    return value;
  }

  static Duration positive(Duration value, String name) {
    notNull(value, name);
    argument(
        !value.isNegative() && !value.isZero() && value.getNano() == 0,
        name + " must be a positive whole number of seconds but was " + value);
    return value;
  }

  static void argument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
