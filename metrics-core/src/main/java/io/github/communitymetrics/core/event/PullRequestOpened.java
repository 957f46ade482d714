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
 * @param headRepository the full name of the repository the changes come from: a fork's ({@code
 *     alice/hello}) or the repository's own when the branch lives there; empty when the source does
 *     not say or no longer knows (GitHub gives no head repository once the fork is deleted). Not
 *     blank, no NUL, no leading or trailing white space
 * @param closes the numbers of the issues of the same repository that the pull request says it
 *     closes (GitHub's closing keywords such as {@code Fixes #12} in its title or description,
 *     GitLab's closing pattern in its description), as written when the source saw it; sorted
 *     without repeats (normalized here), each positive; empty when it names none or the source
 *     does not give its text
 */
public record PullRequestOpened(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    boolean draft,
    Optional<String> baseBranch,
    Optional<AuthorAssociation> association,
    List<String> labels,
    Optional<String> headRepository,
    List<Integer> closes) implements NumberedEvent {

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
    Checks.notNull(headRepository, "headRepository");
    headRepository.ifPresent(PullRequestOpened::checkRepositoryName);
    closes = IssueNumbers.normalize(closes, "closes");
  }

  /**
   * A pull request opened with labels, without a known head repository or closing references
   * (sources that do not give them).
   */
  public PullRequestOpened(
      Instant at,
      Repository repo,
      Actor actor,
      int number,
      boolean draft,
      Optional<String> baseBranch,
      Optional<AuthorAssociation> association,
      List<String> labels) {
    this(at, repo, actor, number, draft, baseBranch, association, labels, Optional.empty(), List.of());
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

  /**
   * Whether the head repository is known and differs from the repository: the pull request comes
   * from a fork (or another project, on GitLab).
   */
  public boolean fromOtherRepository() {
    return headRepository.isPresent() && !headRepository.get().equals(repo.fullName());
  }

  private static void checkRepositoryName(String name) {
    Checks.noNul(Checks.notBlank(name, "headRepository"), "headRepository");
    Checks.argument(
        name.strip().equals(name),
        "headRepository must not start or end with white space: '" + name + "'");
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
