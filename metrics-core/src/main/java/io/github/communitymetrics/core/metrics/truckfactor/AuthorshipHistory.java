package io.github.communitymetrics.core.metrics.truckfactor;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Who created and changed each analysed file of a snapshot, as collected by an {@link
 * AuthorshipAccumulator}. Immutable and thread-safe.
 *
 * <p>Files are addressed by their index in {@link #files()}.
 */
public final class AuthorshipHistory {

  private final List<String> files;
  private final int filesWithoutChangeRows;
  private final List<Developer> developers;
  private final long commits;
  private final long headEpochSecond;
  // Per file i, per contributor j: developer index, number of changes, seconds before head of
  // the newest add (-1: never added by them), and the seconds before head of each change.
  final int[][] devs;
  final int[][] changes;
  final int[][] createdAt;
  final int[][][] times;
  final int[] totalChanges;

  AuthorshipHistory(
      List<String> files,
      int filesWithoutChangeRows,
      List<Developer> developers,
      long commits,
      long headEpochSecond,
      int[][] devs,
      int[][] changes,
      int[][] createdAt,
      int[][][] times) {
    this.files = files;
    this.filesWithoutChangeRows = filesWithoutChangeRows;
    this.developers = List.copyOf(developers);
    this.commits = commits;
    this.headEpochSecond = headEpochSecond;
    this.devs = devs;
    this.changes = changes;
    this.createdAt = createdAt;
    this.times = times;
    this.totalChanges = new int[files.size()];
    for (int i = 0; i < files.size(); i++) {
      int sum = 0;
      for (int c : changes[i]) {
        sum += c;
      }
      totalChanges[i] = sum;
    }
  }

  /** The analysed files: snapshot files with at least one change row, in snapshot-list order. */
  public List<String> files() {
    return files;
  }

  /**
   * Snapshot files left out because no commit row names them (they only ever arrived through
   * merge commits, or the history is shallow).
   */
  public int filesWithoutChangeRows() {
    return filesWithoutChangeRows;
  }

  /** Every developer credited by the history, in order of first appearance (newest first). */
  public List<Developer> developers() {
    return developers;
  }

  /** Commits read, merges included. */
  public long commits() {
    return commits;
  }

  /** The author time of the newest commit in seconds since the epoch; 0 for an empty history. */
  public long headEpochSecond() {
    return headEpochSecond;
  }

  /**
   * The contributors of one file.
   *
   * @param file an index into {@link #files()}
   */
  public List<Contribution> contributions(int file) {
    Checks.argument(file >= 0 && file < files.size(), "file index out of range");
    List<Contribution> out = new ArrayList<>(devs[file].length);
    for (int j = 0; j < devs[file].length; j++) {
      out.add(
          new Contribution(
              developers.get(devs[file][j]), createdAt[file][j] >= 0, changes[file][j]));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "AuthorshipHistory[files=" + files.size() + ", developers=" + developers.size()
        + ", commits=" + commits + "]";
  }

  /**
   * What one developer did to one file.
   *
   * @param developer who
   * @param created whether they added the file (first authorship; a re-add counts too)
   * @param changes how many changes (modifications, renames, type changes) they made to it
   */
  public record Contribution(Developer developer, boolean created, int changes) {
    /** Checks the components. */
    public Contribution {
      Checks.notNull(developer, "developer");
      Checks.notNegative(changes, "changes");
    }
  }
}
