package io.github.communitymetrics.gitlab;

import java.util.Locale;

/** A kind of data a fetch reads from each project. */
public enum GitLabResource {
  /** Stars with their time ({@code starred_since}): one request per 100 starrers. */
  STARRERS,
  /** Forks with their creation time: one request per 100 forks. */
  FORKS,
  /**
   * Merge requests of every state, by update: their opening, merging (from the list) and every
   * closing and reopening (from their resource state events, GitLab 13.2 and later; on older
   * instances the list's last closing), and their label changes (from their resource label
   * events). One request per 100 merge requests plus two per merge request read (its state events
   * and its label events).
   */
  MERGE_REQUESTS,
  /**
   * The notes of each merge request: human notes as comments ({@code DiffNote}s as review
   * comments), "approved this merge request" system notes as reviews, and "reopened" system notes
   * as reopenings of merge requests that have no closings or reopenings as state events; other
   * system notes are counted and skipped. One request per merge request (and per further 100
   * notes) plus the merge-request list.
   */
  MERGE_REQUEST_NOTES,
  /**
   * Issues of every state, by update: their opening, every closing and reopening and their label
   * changes (as for merge requests). One request per 100 issues plus two per issue read (its state
   * events and its label events).
   */
  ISSUES,
  /**
   * The notes of each issue: human notes as comments, "reopened" system notes as reopenings of
   * issues without state-event closings or reopenings; other system notes are counted and skipped. One request per issue plus the issue list.
   */
  ISSUE_NOTES,
  /**
   * Direct members with their access level (developer, maintainer, owner) at the time they were
   * added; members without {@code created_at} are counted and skipped. One request per 100.
   */
  MEMBERS,
  /**
   * Releases, published by their author at {@code released_at}; upcoming ones are counted and
   * skipped. The whole list is read each time (one request per 100) and only releases whose tag
   * was not emitted before come out.
   */
  RELEASES,
  /**
   * Commits of the default branch, authored by a git identity (name and e-mail address: GitLab's
   * lists link no user). Listed newest first: one request per 100 commits, and a later fetch reads
   * only up to the newest commit an earlier one emitted.
   */
  COMMITS,
  /**
   * Pushes to branches and tags, from the project's events ({@code action=pushed}), which no
   * other list has; GitLab keeps events for three years. One request per 100 pushes.
   */
  PUSHES;

  /**
   * The name used on the command line and in checkpoint files.
   *
   * @return the lower-case name, such as {@code merge_requests}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The resource of a wire name.
   *
   * @param wireName such as {@code forks}
   * @return the resource
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static GitLabResource fromWireName(String wireName) {
    StringBuilder known = new StringBuilder();
    for (GitLabResource r : values()) {
      if (r.wireName().equals(wireName)) {
        return r;
      }
      known.append(known.length() == 0 ? "" : ", ").append(r.wireName());
    }
    throw new IllegalArgumentException(
        "unknown GitLab resource '" + wireName + "'; known: " + known);
  }
}
