package io.github.communitymetrics.core.event;

import java.time.Instant;

/**
 * The instants an event (or a commit signature) may carry. The metrics compute with epoch
 * nanoseconds in a {@code long} (exact durations between events), and take differences of them:
 * both the instants and any difference of two of them must fit in a signed 64-bit count of
 * nanoseconds. The range is therefore from the epoch, 1970-01-01T00:00:00Z, to the last
 * nanosecond a {@code long} of epoch nanoseconds holds, 2262-04-11T23:47:16.854775807Z (both
 * included): its length is exactly {@link Long#MAX_VALUE} nanoseconds. Git cannot record an
 * earlier time, and GitHub and GitLab are far younger; an instant outside it is bad input (a
 * year 2300 typo), not an event.
 */
public final class EventTimes {
  private EventTimes() {}

  /** The earliest supported instant, the epoch 1970-01-01T00:00:00Z. */
  public static final Instant MIN = Instant.EPOCH;

  /** The latest supported instant, 2262-04-11T23:47:16.854775807Z ({@link Long#MAX_VALUE} ns). */
  public static final Instant MAX =
      Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000_000L, Long.MAX_VALUE % 1_000_000_000L);

  /** Whether {@code t} lies in {@code [MIN, MAX]}. */
  public static boolean isSupported(Instant t) {
    return t != null && !t.isBefore(MIN) && !t.isAfter(MAX);
  }

  /**
   * Returns {@code t} if it is supported.
   *
   * @param t the instant
   * @param name the component's name, for the message
   * @throws NullPointerException if {@code t} is null
   * @throws IllegalArgumentException if {@code t} is outside {@code [MIN, MAX]}
   */
  public static Instant check(Instant t, String name) {
    if (t == null) { // not requireNonNull with a lambda: allocated per call (see Checks.notNull)
      throw new NullPointerException(name + " must not be null");
    }
    if (!isSupported(t)) {
      throw new IllegalArgumentException(
          name + " must be between " + MIN + " and " + MAX + " but was " + t);
    }
    return t;
  }
}
