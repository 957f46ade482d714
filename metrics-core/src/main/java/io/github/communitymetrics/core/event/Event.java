package io.github.communitymetrics.core.event;

import java.time.Instant;

/**
 * Something someone did to a repository at an instant: the unit every metric consumes.
 *
 * <p>Events are immutable values: two events with equal components are the same event, which is
 * how sources that overlap (paginated APIs, archive hours) are de-duplicated. Each kind is a
 * record; {@link #type()} tells which, for a {@code switch}.
 */
public sealed interface Event
    permits Star, Fork, NumberedEvent, Commit,
        Push,
        Release,
        MemberAdded {

  /** When it happened, in UTC. For a commit: the author time. */
  Instant at();

  /** The repository it happened to. */
  Repository repo();

  /**
   * Who did it: the stargazer, the or comment's author, whoever merged or closed, the
   * reviewer, the commit's author, whoever granted access.
   */
  Actor actor();

  /** Which kind of event this is. */
  EventType type();
}
