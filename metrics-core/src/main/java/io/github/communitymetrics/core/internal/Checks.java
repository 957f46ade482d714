package io.github.communitymetrics.core.internal;

import java.util.OptionalLong;

/** Argument checks with messages that name the argument, in the manner of Caffeine's builder. */
public final class Checks {
  private Checks() {}

  /** Checks that {@code value} is not null. */
  public static <T> T notNull(T value, String name) {
    // Not requireNonNull(value, () -> ...): the capturing lambda is allocated on every call
    // where the JIT does not remove it (issue 24: 6 % of the bytes allocated while scoring a
    // GH Archive-shaped day; every event record checks its components with this).
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /**
   * Checks that {@code value} holds no NUL character (U+0000). Identity fields refuse it: C
   * tools, databases and terminals cut strings there, so two names differing only after it
   * could become one person downstream; no real login, name, e-mail or repository has one.
   */
  public static String noNul(String value, String name) {
    // One pass (identities are checked for every event read). An unpaired surrogate (an escaped
    // "\ud800" in JSON) is no character: it cannot be written as UTF-8 and back, so it cannot
    // name anyone.
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        throw new IllegalArgumentException(name + " must not hold a NUL character (U+0000) but has one at index " + i);
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " must be well-formed Unicode but has an unpaired surrogate at index " + i);
      }
    }
    return value;
  }

  /** Checks that {@code value} is neither null nor blank. */
  public static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Checks {@code value > 0}. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }

  /** Checks that {@code value} is not null and, when present, {@code > 0}. */
  public static OptionalLong positive(OptionalLong value, String name) {
    notNull(value, name);
    if (value.isPresent() && value.getAsLong() <= 0) {
      throw new IllegalArgumentException(
          name + " must be positive but was " + value.getAsLong());
    }
    return value;
  }

  /** Checks {@code value >= 0}. */
  public static int notNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative but was " + value);
    }
    return value;
  }

  /**
   * Throws {@link IllegalArgumentException} with the message when the condition is false. Pass a
   * constant message only: a concatenated one is built even when the check passes, which on the
   * per-event paths (record constructors, readers) costs more than the check; write {@code if
   * (...) throw new IllegalArgumentException(...)} there instead.
   */
  public static void argument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
