package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.event.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which events count as a contribution, a parameter of every people metric (CHAOSS lets the
 * absence factor run over commits, pull requests, issues, comments or reviews; OpenSauced counts
 * opened pull requests).
 *
 * <p>Credit: an event credits its actor, except {@link #PULL_REQUEST_MERGED}, which credits the
 * pull request's author (not whoever pressed merge), because having a change merged is the
 * author's contribution.
 */
public enum ContributionType {
  /** Commits (credited to the commit's author). */
  COMMIT(EnumSet.of(EventType.COMMIT)),
  /**
   * Pushes, credited to whoever pushed. Not a contribution of its own (pushes carry the commits
   * counted by {@link #COMMIT}, and are left out of {@link #ANY}), but the stand-in for commits
   * where a source lists none: GH Archive hours of the public events feed since 2025 have pushes
   * without their commits. A pusher is not always the author (a maintainer pushing others' work).
   */
  PUSH(EnumSet.of(EventType.PUSH)),
  /** Pull (merge) requests opened. */
  PULL_REQUEST_OPENED(EnumSet.of(EventType.PULL_REQUEST_OPENED)),
  /** Pull requests merged, credited to their authors. */
  PULL_REQUEST_MERGED(EnumSet.of(EventType.PULL_REQUEST_MERGED)),
  /** Issues opened. */
  ISSUE_OPENED(EnumSet.of(EventType.ISSUE_OPENED)),
  /** Comments on issues and pull requests, and review comments on diffs. */
  COMMENT(EnumSet.of(EventType.ISSUE_COMMENT, EventType.REVIEW_COMMENT)),
  /** Pull request reviews submitted. */
  REVIEW(EnumSet.of(EventType.REVIEW)),
  /**
   * Any of the above: commits, pull requests opened, issues opened, comments and reviews. Merges
   * are left out so that a merged pull request is not counted twice for its author.
   */
  ANY(
      EnumSet.of(
          EventType.COMMIT,
          EventType.PULL_REQUEST_OPENED,
          EventType.ISSUE_OPENED,
          EventType.ISSUE_COMMENT,
          EventType.REVIEW_COMMENT,
          EventType.REVIEW));

  private final Set<EventType> types;
  private final boolean[] byOrdinal = new boolean[EventType.values().length];

  ContributionType(Set<EventType> types) {
    this.types = Set.copyOf(types);
    for (EventType t : types) {
      byOrdinal[t.ordinal()] = true;
    }
  }

  /** The event types that count. */
  public Set<EventType> eventTypes() {
    return types;
  }

  /** Whether events of this type count; constant time, for column scans. */
  public boolean includes(EventType type) {
    return byOrdinal[type.ordinal()];
  }
}
