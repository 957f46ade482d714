package io.github.communitymetrics.core.impact;

/**
 * The days an event covers in a {@link DailySeries}: indices into its values, inclusive at both
 * ends. A one-day event has {@code first == last}.
 *
 * @param first the index of the event's first day, not negative
 * @param last the index of its last day, at least {@code first}
 */
public record EventDays(int first, int last) {

  /** Checks the components. */
  public EventDays {
    if (!(first >= 0 && last >= first)) {
      throw new IllegalArgumentException("need 0 <= first <= last but were " + first + ", " + last);
    }
  }

  /** The number of days the event covers: {@code last - first + 1}. */
  public int length() {
    return last - first + 1;
  }

  /**
   * How many days {@code day} lies from the event: 0 from its first day through the day after its
   * last (a change in level shows as a new segment starting on either), otherwise the distance to
   * the nearer of those two days.
   */
  public int distanceTo(int day) {
    if (day < first) {
      return first - day;
    }
    return day <= last + 1 ? 0 : day - (last + 1);
  }
}
