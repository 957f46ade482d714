package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A pull (merge) request was opened.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor the pull request's author
 * @param number the issue or pull request number, positive, unique within the repository
 * @param draft whether it was opened as a draft
 * @param baseBranch the branch it asks to merge into, when known
 * @param association the actor's association with the repository, where the forge gives it
 * @param labels the names of the labels the pull request had when the source saw it opened,
 *     sorted without repeats (normalized here); empty when it had none or the source does not say
 */
public record PullRequestOpened(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    boolean draft,
    Optional<String> baseBranch,
    Optional<AuthorAssociation> association,
    List<String> labels) implements NumberedEvent {

  /** Checks the components. */
  public PullRequestOpened {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(baseBranch, "baseBranch");
    Checks.notNull(association, "association");
    baseBranch.ifPresent(b -> Checks.notBlank(b, "baseBranch"));
    labels = Labels.normalize(labels, "labels");
  }

  /** A pull request opened without labels (or whose source does not give them). */
  public PullRequestOpened(
      Instant at,
      Repository repo,
      Actor actor,
      int number,
      boolean draft,
      Optional<String> baseBranch,
      Optional<AuthorAssociation> association) {
    this(at, repo, actor, number, draft, baseBranch, association, List.of());
  }

  @Override
  public EventType type() {
    return EventType.PULL_REQUEST_OPENED;
  }

  @Override
  public boolean onPullRequest() {
    return true;
  }
}
