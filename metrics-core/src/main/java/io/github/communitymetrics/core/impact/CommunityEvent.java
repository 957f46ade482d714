package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Set;

/**
 * Something that happened to or for a community at a known time, whose impact is to be measured.
 *
 * @param name what the event is called, for people to read; not blank
 * @param kind what kind of event it was
 * @param start when it began (inclusive)
 * @param end when it ended (exclusive); strictly after {@code start}. A release is an instant, so
 *     give it a short span such as one second or its UTC day
 * @param labels the issue and pull request labels that mark the event's contributions (such as
 *     {@code hacktoberfest}): a contribution under one of them would belong to the event whenever
 *     it was made. Not used yet: core events carry no labels, so no method can tell such
 *     contributions apart, and {@code community-metrics impact} says so when an event has labels.
 *     May be empty, no blank element
 * @param attendees the identities of the people who took part: logins or e-mail addresses, in the
 *     form the event data uses; may be empty (unknown or not recorded), no blank element
 */
public record CommunityEvent(
    String name, EventKind kind, Instant start, Instant end, Set<String> labels, Set<String> attendees) {

  /** Checks the components and copies the sets. */
  public CommunityEvent {
    Checks.notBlank(name, "name");
    Checks.noNul(name, "name");
    Checks.notNull(kind, "kind");
    Checks.notNull(start, "start");
    Checks.notNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "end (" + end + ") must be after start (" + start + ") for event " + name);
    }
    labels = copy(labels, "labels");
    attendees = copy(attendees, "attendees");
  }

  private static Set<String> copy(Set<String> values, String what) {
    Checks.notNull(values, what);
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(what + " must not hold a null or blank element");
      }
      Checks.noNul(v, what);
    }
    return Set.copyOf(values);
  }
}
