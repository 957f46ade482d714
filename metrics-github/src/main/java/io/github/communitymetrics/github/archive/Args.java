package io.github.communitymetrics.github.archive;


/**
 * Argument checks with the same messages as core's (whose {@code Checks} is not exported to
 * adapters).
 */
final class Args {
  private Args() {}

  static <T> T notNull(T value, String name) {
    // Not requireNonNull with a lambda: allocated per call (see core's Checks.notNull).
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }

  static void argument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
