package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One path changed by a commit.
 *
 * @param status how the path changed
 * @param path the path after the commit (for a deletion: the deleted path), relative to the
 *     repository root, {@code /}-separated, unquoted
 * @param oldPath the source path of a rename or copy; empty for other statuses
 * @param linesAdded lines added, when known ({@code --numstat}); empty for binary files or when
 *     the source does not say
 * @param linesRemoved lines removed, when known
 */
public record FileChange(
    ChangeStatus status,
    String path,
    Optional<String> oldPath,
    OptionalInt linesAdded,
    OptionalInt linesRemoved) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a rename or copy lacks its old path, another status has
   *     one, or a line count is negative
   */
  public FileChange {
    Checks.notNull(status, "status");
    Checks.notBlank(path, "path");
    Checks.notNull(oldPath, "oldPath");
    Checks.notNull(linesAdded, "linesAdded");
    Checks.notNull(linesRemoved, "linesRemoved");
    if (!(status.hasOldPath() == oldPath.isPresent())) {
      throw new IllegalArgumentException(status.hasOldPath() ? status + " of " + path + " needs the old path" : status + " of " + path + " must not have an old path");
    }
    oldPath.ifPresent(p -> Checks.notBlank(p, "oldPath"));
    linesAdded.ifPresent(n -> Checks.notNegative(n, "linesAdded"));
    linesRemoved.ifPresent(n -> Checks.notNegative(n, "linesRemoved"));
  }

  /** A change without an old path or line counts. */
  public static FileChange of(ChangeStatus status, String path) {
    return new FileChange(status, path, Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
  }

  /** A rename from {@code oldPath} to {@code path}. */
  public static FileChange renamed(String oldPath, String path) {
    return new FileChange(
        ChangeStatus.RENAMED, path, Optional.of(oldPath), OptionalInt.empty(), OptionalInt.empty());
  }
}
