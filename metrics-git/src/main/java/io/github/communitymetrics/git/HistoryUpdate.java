package io.github.communitymetrics.git;

import io.github.communitymetrics.core.io.ReadOptions;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Brings a saved truck-factor history ({@link HistoryFile}) up to a revision by reading only the
 * commits it lacks ({@code git log OLD..NEW}, with the flags of a full read), or reads the whole
 * history when the saved one cannot be extended exactly. The result's log always equals what
 * {@link GitRepository#readLog} would record for the revision, commit for commit and in the same
 * order, so the truck factor computed from it equals a full run's.
 *
 * <p>A saved history is extended only when all of these hold, and otherwise read again in full,
 * with the reason in {@link Result#fullReadReason()}:
 *
 * <ul>
 *   <li>it was read with the same {@code git log} arguments ({@link
 *       GitRepository#logArguments(String)}) and the repository's mailmap and log settings have the
 *       same fingerprint ({@link GitRepository#logSettingsFingerprint()}): otherwise the names or
 *       path lines of old commits could now be printed differently;
 *   <li>its head commit still exists and is an ancestor of the new head (not so after a
 *       force-push or a rebase);
 *   <li>{@code git rev-list NEW} lists the new commits first and then exactly the saved commits in
 *       the saved order (checked against the saved SHA-256 of the order): {@code git log} orders
 *       by committer date, so a merged branch with older dates interleaves with saved commits,
 *       and the model, which reads newest first, depends on the order.
 * </ul>
 */
public final class HistoryUpdate {
  private HistoryUpdate() {}

  /**
   * What an update did.
   *
   * @param history the history at the requested revision
   * @param newCommits commits read from git: all of them on a full read
   * @param fullReadReason why the whole history was read, or empty when the saved one was extended
   *     (or already at the revision)
   */
  public record Result(HistoryFile history, int newCommits, Optional<String> fullReadReason) {
    /** Checks the components. */
    public Result {
      Objects.requireNonNull(history, "history");
      Objects.requireNonNull(fullReadReason, "fullReadReason");
    }

    /** Whether the saved history was extended rather than read again. */
    public boolean incremental() {
      return fullReadReason.isEmpty();
    }
  }

  /**
   * The history of {@code revision}, from {@code saved} when it can be extended exactly.
   *
   * @param repo the repository
   * @param revision the snapshot commit, branch or tag
   * @param saved a history saved earlier for this repository, if any
   * @param counting wraps git's output, e.g. to count its bytes for a progress display
   * @throws GitCommandException if git failed
   * @throws CommitLogFormatException if git's log is malformed
   */
  public static Result update(GitRepository repo, String revision, Optional<HistoryFile> saved,
      UnaryOperator<InputStream> counting) {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(saved, "saved");
    Objects.requireNonNull(counting, "counting");
    String head = repo.resolveCommit(revision);
    List<String> arguments = GitRepository.logArguments("REV");
    String settings = repo.logSettingsFingerprint();
    String why = "there is no saved history";
    if (saved.isPresent()) {
      HistoryFile old = saved.get();
      if (!old.logArguments().equals(arguments)) {
        why = "it was read with other git log arguments";
      } else if (!old.logSettings().equals(settings)) {
        why = "the repository's mailmap or log settings changed since it was saved";
      } else if (old.headCommit().equals(head)) {
        return new Result(old, 0, Optional.empty());
      } else if (!repo.isAncestor(old.headCommit(), head)) {
        why = "its commit " + brief(old.headCommit()) + " is not an ancestor of "
            + brief(head) + " (a rewritten history, force-push or rebase, or another"
            + " repository's file)";
      } else {
        RecordedLog.Recorder recorder = RecordedLog.recorder();
        String range = old.headCommit() + ".." + head;
        read(repo, range, recorder, counting);
        List<String> newShas = recorder.shas();
        RecordedLog newer = recorder.done();
        List<String> all = repo.listCommits(head);
        int k = newShas.size();
        if (all.size() == k + old.log().commits()
            && all.subList(0, k).equals(newShas)
            && Arrays.equals(RecordedLog.digest(all.subList(k, all.size())),
                old.log().orderDigest)) {
          RecordedLog log = newer.followedBy(old.log(), RecordedLog.digest(all));
          return new Result(new HistoryFile(head, arguments, settings, log), k, Optional.empty());
        }
        why = "git rev-list " + brief(head) + " does not list the saved commits, in the saved"
            + " order, after the new ones (a merged branch with commits dated before saved ones"
            + " puts them among the saved ones), so the saved history is not the end of the new"
            + " log";
      }
    }
    RecordedLog.Recorder recorder = RecordedLog.recorder();
    read(repo, head, recorder, counting);
    RecordedLog log = recorder.done();
    return new Result(new HistoryFile(head, arguments, settings, log), log.commits(),
        Optional.of(why));
  }

  private static void read(GitRepository repo, String revision, RecordedLog.Recorder recorder,
      UnaryOperator<InputStream> counting) {
    repo.readLog(revision, in -> CommitLogReader.of(counting.apply(in), "git log " + revision,
        ReadOptions.strict()).accept(recorder));
  }

  private static String brief(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
