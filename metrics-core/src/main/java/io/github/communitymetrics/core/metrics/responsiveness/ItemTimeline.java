package io.github.communitymetrics.core.metrics.responsiveness;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ResponsivenessState} knows about one issue or pull request, read-only: for
 * metrics built on the responsiveness scan (the newcomer metrics) that need more than its
 * aggregates.
 *
 * @param repository its repository
 * @param number its number
 * @param pullRequest whether it is a pull request
 * @param opened the earliest opening seen; empty if the opening lies outside the events
 * @param author the author's person key; empty while unknown
 * @param authorBot whether the author is a bot
 * @param actions comments, reviews, closes, merges and reopens (bots' comments and reviews only
 *     when the scanning metric {@linkplain Responsiveness#includeBots() includes bots}), by time
 */
public record ItemTimeline(
    Repository repository,
    int number,
    boolean pullRequest,
    Optional<Instant> opened,
    Optional<Actor> author,
    boolean authorBot,
    List<Action> actions) {

  /** Checks the components and copies the actions. */
  public ItemTimeline {
    Checks.notNull(repository, "repository");
    Checks.notNull(opened, "opened");
    Checks.notNull(author, "author");
    actions = List.copyOf(actions);
  }

  /** What someone did on the item. */
  public enum Kind {
    /** An issue comment or a review comment on the diff. */
    COMMENT,
    /** A pull request review. */
    REVIEW,
    /** Reopened. */
    REOPEN,
    /** Closed without merge. */
    CLOSE,
    /** Merged. */
    MERGE
  }

  /**
   * One action.
   *
   * @param at when
   * @param person the actor's person key
   * @param bot whether that person is a bot
   * @param kind what was done
   * @param maintainer whether the act carried author association owner, member or collaborator
   *     (recorded for comments only when the scanning metric counts {@linkplain
   *     Responsiveness#maintainersOnly() maintainers only}; always for reviews)
   */
  public record Action(Instant at, Actor person, boolean bot, Kind kind, boolean maintainer) {
    /** Checks the components. */
    public Action {
      Checks.notNull(at, "at");
      Checks.notNull(person, "person");
      Checks.notNull(kind, "kind");
    }
  }
}
