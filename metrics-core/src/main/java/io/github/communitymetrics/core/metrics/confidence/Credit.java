package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.store.EventStore;

/** Who an event credits, as store actor indices. */
final class Credit {
  /** No actor is credited (the source did not name the pull request's author). */
  static final int NONE = -1;

  private Credit() {}

  /**
   * The actor index an event credits: its actor, except for closes and merges of pull requests,
   * which credit the pull request's author (their actor is whoever pressed the button): {@link
   * #NONE} when the source did not name the author.
   */
  static int actorIndex(EventStore store, int i, EventType type) {
    if (type == EventType.PULL_REQUEST_MERGED || type == EventType.PULL_REQUEST_CLOSED) {
      return store.secondActorIndex(i); // -1, which is NONE, when absent
    }
    return store.actorIndex(i);
  }

  /** Whether the event at {@code i} is before the instant given as seconds and nanoseconds. */
  static boolean before(EventStore store, int i, long second, int nano) {
    long s = store.epochSecond(i);
    return s < second || (s == second && store.nano(i) < nano);
  }
}
