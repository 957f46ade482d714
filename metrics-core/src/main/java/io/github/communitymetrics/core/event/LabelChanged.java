package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * A label was added to or removed from an issue or pull request: one of {@link
 * EventType#ISSUE_LABELED}, {@link EventType#ISSUE_UNLABELED}, {@link
 * EventType#PULL_REQUEST_LABELED} and {@link EventType#PULL_REQUEST_UNLABELED}. One record for
 * the four kinds because they carry the same facts; {@link #type()} tells them apart.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever added or removed the label
 * @param number the issue or pull request number, positive, unique within the repository
 * @param onPullRequest whether the number is a pull request's rather than an issue's
 * @param label the label's name, not blank
 * @param added true when the label was added, false when it was removed
 */
public record LabelChanged(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    boolean onPullRequest,
    String label,
    boolean added) implements NumberedEvent {

  /** Checks the components. */
  public LabelChanged {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Labels.checkName(label, "label");
  }

  /**
   * The change of that type: {@code type} must be one of the four label change types, which say
   * issue or pull request, added or removed.
   */
  public static LabelChanged of(
      EventType type, Instant at, Repository repo, Actor actor, int number, String label) {
    Checks.notNull(type, "type");
    boolean onPullRequest =
        type == EventType.PULL_REQUEST_LABELED || type == EventType.PULL_REQUEST_UNLABELED;
    boolean added = type == EventType.ISSUE_LABELED || type == EventType.PULL_REQUEST_LABELED;
    Checks.argument(
        onPullRequest || added || type == EventType.ISSUE_UNLABELED,
        "type must be a label change but was " + type);
    return new LabelChanged(at, repo, actor, number, onPullRequest, label, added);
  }

  @Override
  public EventType type() {
    if (onPullRequest) {
      return added ? EventType.PULL_REQUEST_LABELED : EventType.PULL_REQUEST_UNLABELED;
    }
    return added ? EventType.ISSUE_LABELED : EventType.ISSUE_UNLABELED;
  }
}
