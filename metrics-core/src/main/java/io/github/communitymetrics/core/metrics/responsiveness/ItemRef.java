package io.github.communitymetrics.core.metrics.responsiveness;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * One issue or pull request, as evidence in a result.
 *
 * @param repository its repository
 * @param number its number
 * @param pullRequest whether it is a pull request
 * @param opened when it was opened
 */
public record ItemRef(Repository repository, int number, boolean pullRequest, Instant opened)
    implements Comparable<ItemRef> {

  /** Checks the components. */
  public ItemRef {
    Checks.notNull(repository, "repository");
    Checks.notNull(opened, "opened");
  }

  /** By opening time, then repository, then number. */
  @Override
  public int compareTo(ItemRef o) {
    int c = opened.compareTo(o.opened);
    if (c == 0) {
      c = repository.compareTo(o.repository);
    }
    return c != 0 ? c : Integer.compare(number, o.number);
  }
}
