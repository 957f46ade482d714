package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.store.EventStore;
import java.util.Optional;

/** Who an event credits, as store actor indices. */
final class Credit {
  /** No actor is credited (the source did not name the pull request's author). */
  static final int NONE = -1;

  private Credit() {}

  /**
   * The actor index an event credits: its actor, except for closes and merges of pull requests,
   * which credit the pull request's author (their actor is whoever pressed the button). Only
   * closes and merges allocate (the author is not a column), and they are a small share of
   * events.
   */
  static int actorIndex(EventStore store, int i, EventType type) {
    Optional<Actor> author;
    if (type == EventType.PULL_REQUEST_MERGED) {
      author = ((PullRequestMerged) store.event(i)).author();
    } else if (type == EventType.PULL_REQUEST_CLOSED) {
      author = ((PullRequestClosed) store.event(i)).author();
    } else {
      return store.actorIndex(i);
    }
    // The store interns pull request authors too, so the lookup always succeeds when present.
    return author.isPresent() ? store.indexOf(author.get()).orElse(NONE) : NONE;
  }

  /** Whether the event at {@code i} is before the instant given as seconds and nanoseconds. */
  static boolean before(EventStore store, int i, long second, int nano) {
    long s = store.epochSecond(i);
    return s < second || (s == second && store.nano(i) < nano);
  }
}
