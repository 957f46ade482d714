package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An issue was opened.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor the issue's author
 * @param number the issue or pull request number, positive, unique within the repository
 * @param association the actor's association with the repository, where the forge gives it
 * @param labels the names of the labels the issue had when the source saw it opened, sorted
 *     without repeats (normalized here); empty when it had none or the source does not say
 */
public record IssueOpened(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    Optional<AuthorAssociation> association,
    List<String> labels) implements NumberedEvent {

  /** Checks the components. */
  public IssueOpened {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(association, "association");
    labels = Labels.normalize(labels, "labels");
  }

  /** An issue opened without labels (or whose source does not give them). */
  public IssueOpened(
      Instant at,
      Repository repo,
      Actor actor,
      int number,
      Optional<AuthorAssociation> association) {
    this(at, repo, actor, number, association, List.of());
  }

  @Override
  public EventType type() {
    return EventType.ISSUE_OPENED;
  }

  @Override
  public boolean onPullRequest() {
    return false;
  }
}
