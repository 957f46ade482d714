package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.git.CommitHeader;
import io.github.communitymetrics.git.HistoryFile;
import io.github.communitymetrics.git.RecordedLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A child process for {@link TruckFactorHistoryCliTest}: saves two large histories to one file in
 * turn, forever, until it is killed.
 */
final class HistoryWriterChild {
  private HistoryWriterChild() {}

  /** A large synthetic history: {@code commits} commits of three path lines each. */
  static HistoryFile big(long seed, int commits) {
    Random rnd = new Random(seed);
    RecordedLog.Recorder r = RecordedLog.recorder();
    long t = 1_700_000_000L;
    for (int c = 0; c < commits; c++) {
      Signature author = new Signature("author" + rnd.nextInt(500), "a@example.org",
          Instant.ofEpochSecond(t - c * 60L));
      r.commit(new CommitHeader(String.format("%040x", c), List.of(), author, author, List.of(),
          c));
      for (int i = 0; i < 3; i++) {
        r.change(ChangeStatus.MODIFIED, "src/dir" + rnd.nextInt(300) + "/file"
            + rnd.nextInt(100_000) + ".c");
      }
    }
    return new HistoryFile("%040x".formatted(seed), List.of("log"), "settings", r.done());
  }

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int commits = Integer.parseInt(args[1]);
    HistoryFile[] histories = {big(1, commits), big(2, commits)};
    SavedHistories.save(file, histories[0]);
    System.out.println("ready");
    System.out.flush();
    for (int i = 1; ; i++) {
      SavedHistories.save(file, histories[i % 2]);
    }
  }
}
