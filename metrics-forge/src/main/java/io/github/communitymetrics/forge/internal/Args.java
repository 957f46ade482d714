package io.github.communitymetrics.forge.internal;

import java.time.Duration;

/** Argument checks for this module (core's checks live in a package core does not export). */
public final class Args {
  private Args() {}

  /** {@code value}, or a {@link NullPointerException} naming {@code name}. */
  public static <T> T notNull(T value, String name) {
    // Not requireNonNull with a lambda: allocated per call (see core's Checks.notNull).
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /** {@code value}, or an exception naming {@code name} when it is null or blank. */
  public static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** {@code value}, or an {@link IllegalArgumentException} naming {@code name} unless it is above 0. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }

  /** {@code value}, or an exception naming {@code name} when it is null or negative. */
  public static Duration notNegative(Duration value, String name) {
    notNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + value);
    }
    return value;
  }

  /** {@code value}, or an {@link IllegalArgumentException} naming {@code name} unless it is above 0. */
  public static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }

  /** {@code value}, or an exception naming {@code name} unless it is longer than zero. */
  public static Duration positive(Duration value, String name) {
    notNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }
}
