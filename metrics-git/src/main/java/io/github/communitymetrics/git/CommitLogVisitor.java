package io.github.communitymetrics.git;

import io.github.communitymetrics.core.event.ChangeStatus;

/**
 * Receives a commit log as it is read, newest commit first: {@link #commit(CommitHeader)}, then
 * one call per path line, then {@link #endCommit()}. Paths and names are unquoted and interned
 * (the same path is the same {@code String} instance), so a visitor may key maps on them cheaply.
 */
public interface CommitLogVisitor {

  /** A commit starts. */
  void commit(CommitHeader header);

  /**
   * A path line without a source path.
   *
   * @param status {@link ChangeStatus#ADDED}, {@link ChangeStatus#MODIFIED}, {@link
   *     ChangeStatus#DELETED} or {@link ChangeStatus#TYPE_CHANGED}
   * @param path the repository-relative path
   */
  void change(ChangeStatus status, String path);

  /**
   * A rename or copy line.
   *
   * @param status {@link ChangeStatus#RENAMED} or {@link ChangeStatus#COPIED}
   * @param oldPath the source path
   * @param path the new path
   */
  void move(ChangeStatus status, String oldPath, String path);

  /** The current commit has no more path lines. Does nothing by default. */
  default void endCommit() {}
}
