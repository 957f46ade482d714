package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.git.CommitLogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Commit logs read with their progress shown: the file's bytes counted into a task. */
final class CommitLogs {
  private CommitLogs() {}

  /**
   * Opens a commit log file, plain or gzip, strictly, as {@link CommitLogReader#open} does, with
   * the file's bytes counted into {@code task}.
   *
   * @throws CommunityMetricsIoException if the file cannot be opened, naming it
   */
  static CommitLogReader open(Path file, ProgressTask task) {
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + file, e);
    }
    return CommitLogReader.of(task.counting(raw), file.toString(), ReadOptions.strict());
  }

  /** The task of reading a whole log file: its bytes, "reading cmlog.txt.gz". */
  static ProgressTask reading(Progress progress, String what, Path file) {
    return progress.bytes(what + " " + file.getFileName(), Files2.size(file));
  }
}
