package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.util.Comparator;

/**
 * An issue or pull request by repository and number.
 *
 * @param repository its repository
 * @param number its number in the repository
 */
public record PullRequestRef(Repository repository, int number) implements Comparable<PullRequestRef> {
  private static final Comparator<PullRequestRef> ORDER =
      Comparator.comparing(PullRequestRef::repository).thenComparingInt(PullRequestRef::number);

  /** Checks the components. */
  public PullRequestRef {
    Checks.notNull(repository, "repository");
    Checks.positive(number, "number");
  }

  @Override
  public int compareTo(PullRequestRef o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return repository.fullName() + "#" + number;
  }
}
