package io.github.communitymetrics.core.event;

import java.util.Optional;

/**
 * The kinds of {@link Event}, with their names in the canonical JSON Lines format
 * ({@code docs/events.md}).
 */
public enum EventType {
  /** Someone starred the repository. */
  STAR("star"),
  /** Someone forked the repository. */
  FORK("fork"),
  /** An issue was opened. */
  ISSUE_OPENED("issue_opened"),
  /** An issue was closed. */
  ISSUE_CLOSED("issue_closed"),
  /** An issue was reopened. */
  ISSUE_REOPENED("issue_reopened"),
  /** A comment on an issue, or on the conversation of a pull request. */
  ISSUE_COMMENT("issue_comment"),
  /** A pull (merge) request was opened. */
  PULL_REQUEST_OPENED("pull_request_opened"),
  /** A pull request was closed without being merged. */
  PULL_REQUEST_CLOSED("pull_request_closed"),
  /** A pull request was merged. */
  PULL_REQUEST_MERGED("pull_request_merged"),
  /** A closed pull request was reopened. */
  PULL_REQUEST_REOPENED("pull_request_reopened"),
  /** A review of a pull request was submitted. */
  REVIEW("review"),
  /** A comment on a line of a pull request's diff. */
  REVIEW_COMMENT("review_comment"),
  /** A commit, with its files. */
  COMMIT("commit"),
  /** A push to a branch or tag. */
  PUSH("push"),
  /** A release was published. */
  RELEASE("release"),
  /** Write or maintainer access was granted to someone. */
  MEMBER_ADDED("member_added"),
  /** A label was added to an issue. */
  ISSUE_LABELED("issue_labeled", 2),
  /** A label was removed from an issue. */
  ISSUE_UNLABELED("issue_unlabeled", 2),
  /** A label was added to a pull request. */
  PULL_REQUEST_LABELED("pull_request_labeled", 2),
  /** A label was removed from a pull request. */
  PULL_REQUEST_UNLABELED("pull_request_unlabeled", 2),
  /** Someone was assigned to an issue or pull request. */
  ISSUE_ASSIGNED("issue_assigned", 2);

  private static final EventType[] VALUES = values();

  private final String wireName;
  private final int sinceVersion;

  EventType(String wireName) {
    this(wireName, 1);
  }

  EventType(String wireName, int sinceVersion) {
    this.wireName = wireName;
    this.sinceVersion = sinceVersion;
  }

  /**
   * The JSON Lines schema version that introduced this type: a reader of an older version does
   * not know it, so its lines declare this version (see {@code docs/events.md}, Versioning).
   */
  public int sinceVersion() {
    return sinceVersion;
  }

  /** The name used in the JSON Lines format, such as {@code pull_request_merged}. */
  public String wireName() {
    return wireName;
  }

  /** The type with this JSON Lines name. */
  public static Optional<EventType> fromWireName(String name) {
    for (EventType t : VALUES) {
      if (t.wireName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
