package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.Checks;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a metric with {@link Dependency#OTHER_REPOSITORIES} reads other repositories' events: the
 * actors of the repository's own events of the types {@code through} lead to their events of the
 * types {@code reads} anywhere. Contributor confidence reads the pull requests (opened, closed,
 * merged) of the actors who starred or forked the repository. {@link IncrementalScores} then
 * recomputes a repository when an actor of one of its {@code through} events has a changed
 * {@code reads} event somewhere (an event's actors are its actor and its second actor, and an
 * actor stands for every actor of the same person or login).
 *
 * @param through the types of the repository's own events whose actors are followed; not empty
 * @param reads the types of those actors' events, in any repository, the result reads; not empty
 */
public record CrossRepositoryReads(Set<EventType> through, Set<EventType> reads) {
  /** Any event leads to any event: what a metric reads unless it says otherwise. */
  public static final CrossRepositoryReads ANY =
      new CrossRepositoryReads(EnumSet.allOf(EventType.class), EnumSet.allOf(EventType.class));

  /** Checks and copies. */
  public CrossRepositoryReads {
    Checks.argument(!Checks.notNull(through, "through").isEmpty(), "through must not be empty");
    Checks.argument(!Checks.notNull(reads, "reads").isEmpty(), "reads must not be empty");
    through = Set.copyOf(through);
    reads = Set.copyOf(reads);
  }
}
