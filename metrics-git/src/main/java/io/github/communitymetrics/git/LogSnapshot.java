package io.github.communitymetrics.git;

import io.github.communitymetrics.core.event.ChangeStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The files present at a log's newest commit, derived from the log itself: for when a history
 * exported elsewhere comes without its {@code git ls-files} list. Reading newest first, the first
 * line that names a path decides: added, modified, type-changed or the target of a rename or copy
 * means present; deleted or the source of a rename means gone. Memory grows with the number of
 * distinct paths, not commits.
 *
 * <p>This agrees with {@code git ls-files} when the log follows the first-parent history of a
 * linear project; a path changed only on a merged side branch is decided by that branch's commit,
 * which {@code git log} lists by date among the others, so a merge that dropped it can be missed
 * (merge commits carry no path lines). Prefer a real file list when there is one.
 */
public final class LogSnapshot implements CommitLogVisitor {
  private final Set<String> decided = new HashSet<>();
  private final List<String> present = new ArrayList<>();

  /** An empty snapshot; feed it with {@link CommitLogReader#accept(CommitLogVisitor)}. */
  public LogSnapshot() {}

  /** Reads the whole log and returns the files present at its newest commit, sorted. */
  public static List<String> files(CommitLogReader reader) {
    Objects.requireNonNull(reader, "reader must not be null");
    LogSnapshot snapshot = new LogSnapshot();
    reader.accept(snapshot);
    return snapshot.files();
  }

  @Override
  public void commit(CommitHeader header) {
    // Only path lines matter.
  }

  @Override
  public void change(ChangeStatus status, String path) {
    if (decided.add(path) && status != ChangeStatus.DELETED) {
      present.add(path);
    }
  }

  @Override
  public void move(ChangeStatus status, String oldPath, String path) {
    change(ChangeStatus.ADDED, path);
    if (status == ChangeStatus.RENAMED) {
      // Renamed away and not named by any newer line: gone. A copy's source is untouched by it.
      decided.add(oldPath);
    }
  }

  /** The files found present so far, sorted. */
  public List<String> files() {
    List<String> sorted = new ArrayList<>(present);
    Collections.sort(sorted);
    return Collections.unmodifiableList(sorted);
  }
}
