package io.github.communitymetrics.core.event;

import java.util.Locale;
import java.util.Optional;

/** The verdict of a pull request review. */
public enum ReviewState {
  /** Approved the change. */
  APPROVED,
  /** Asked for changes before it can be merged. */
  CHANGES_REQUESTED,
  /** Commented without a verdict. */
  COMMENTED,
  /** An earlier review was dismissed. */
  DISMISSED;

  /** The lower-case name used in the JSON Lines format, such as {@code changes_requested}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a JSON Lines or GitHub value, case-insensitively. */
  public static Optional<ReviewState> fromWireName(String value) {
    try {
      return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
