package io.github.communitymetrics.git;

import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the truck-factor model reads of a commit log, kept in memory in compact columns so that it
 * can be saved ({@link HistoryFile}), extended with newer commits and fed again to {@link
 * CommitLogAuthorship} without running {@code git log} again. Immutable.
 *
 * <p>Per commit, newest first as the log printed it: whether it is a merge, the author's name,
 * e-mail address and time, the committer time (which orders {@code git log}), the {@code
 * Co-authored-by} names and addresses, and the path lines in log order. Names, addresses and
 * paths are held once each, in a string table. Commit ids are not kept: replaying needs none.
 *
 * <p>Replaying the recording into {@link CommitLogAuthorship} makes exactly the calls reading the
 * log did, so the authorship it gives equals a direct read's, whatever the file selection,
 * aliases, identity rule or co-author setting of the replay.
 */
public final class RecordedLog {
  private static final ChangeStatus[] STATUSES = ChangeStatus.values();

  final List<String> strings;
  final int commits;
  final boolean[] merge;
  final int[] authorName;
  final int[] authorEmail;
  final long[] authorTime;
  final long[] committerTime;
  final int[] coStart; // commits + 1 offsets into coName / coEmail
  final int[] coName;
  final int[] coEmail;
  final int[] rowStart; // commits + 1 offsets into the row columns
  final byte[] rowStatus; // ChangeStatus ordinal
  final int[] rowOld; // -1 without a source path
  final int[] rowPath;
  final byte[] orderDigest;

  RecordedLog(byte[] orderDigest, List<String> strings, int commits, boolean[] merge, int[] authorName,
      int[] authorEmail, long[] authorTime, long[] committerTime, int[] coStart, int[] coName,
      int[] coEmail, int[] rowStart, byte[] rowStatus, int[] rowOld, int[] rowPath) {
    this.orderDigest = orderDigest.clone();
    this.strings = List.copyOf(strings);
    this.commits = commits;
    this.merge = merge;
    this.authorName = authorName;
    this.authorEmail = authorEmail;
    this.authorTime = authorTime;
    this.committerTime = committerTime;
    this.coStart = coStart;
    this.coName = coName;
    this.coEmail = coEmail;
    this.rowStart = rowStart;
    this.rowStatus = rowStatus;
    this.rowOld = rowOld;
    this.rowPath = rowPath;
  }

  /** An empty recording, to be filled by a {@link CommitLogReader}. */
  public static Recorder recorder() {
    return new Recorder();
  }

  /** Commits recorded, merges included. */
  public int commits() {
    return commits;
  }

  /** Path lines recorded. */
  public int rows() {
    return rowStart[commits];
  }

  /** Distinct names, e-mail addresses and paths. */
  public int distinctStrings() {
    return strings.size();
  }

  /**
   * The latest committer time of any recorded commit, in seconds since the epoch ({@code
   * Long.MIN_VALUE} when empty). {@code git log} lists commits by committer time, so newer commits
   * read later can only be put before these when every one of them is later than this.
   */
  public long latestCommitterTime() {
    long max = Long.MIN_VALUE;
    for (long t : committerTime) {
      max = Math.max(max, t);
    }
    return max;
  }

  /** The earliest committer time of any recorded commit ({@code Long.MAX_VALUE} when empty). */
  public long earliestCommitterTime() {
    long min = Long.MAX_VALUE;
    for (long t : committerTime) {
      min = Math.min(min, t);
    }
    return min;
  }

  /**
   * The SHA-256 digest of the recorded commits' ids in log order (each as 40 hex digits and a
   * line feed): what {@code git rev-list} must print for a saved log to still be the log's tail.
   */
  public byte[] orderDigest() {
    return orderDigest.clone();
  }

  /**
   * This log's commits followed by {@code older}'s: the log of a newer head whose commits not in
   * {@code older} are this recording.
   *
   * @param orderDigest the {@link #orderDigest()} of the whole new log, as {@code git rev-list}
   *     prints it
   */
  RecordedLog followedBy(RecordedLog older, byte[] orderDigest) {
    Objects.requireNonNull(older, "older");
    Recorder r = new Recorder();
    r.append(this);
    r.append(older);
    return r.done(orderDigest);
  }

  /** The digest of commit ids in order, as {@link #orderDigest()} defines it. */
  static byte[] digest(List<String> shas) {
    MessageDigest d = sha256();
    for (String sha : shas) {
      d.update((sha + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    return d.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Feeds the recorded commits to {@code v}, newest first, as {@link CommitLogReader} would. */
  void replay(CommitLogAuthorship v) {
    List<String> noNames = List.of();
    for (int c = 0; c < commits; c++) {
      List<String> names = noNames;
      List<String> emails = noNames;
      int co0 = coStart[c];
      int co1 = coStart[c + 1];
      if (co1 > co0) {
        names = new ArrayList<>(co1 - co0);
        emails = new ArrayList<>(co1 - co0);
        for (int i = co0; i < co1; i++) {
          names.add(strings.get(coName[i]));
          emails.add(strings.get(coEmail[i]));
        }
      }
      v.commit(merge[c], strings.get(authorName[c]), strings.get(authorEmail[c]), authorTime[c],
          names, emails);
      for (int i = rowStart[c]; i < rowStart[c + 1]; i++) {
        ChangeStatus status = STATUSES[rowStatus[i]];
        if (rowOld[i] < 0) {
          v.change(status, strings.get(rowPath[i]));
        } else {
          v.move(status, strings.get(rowOld[i]), strings.get(rowPath[i]));
        }
      }
      v.endCommit();
    }
  }

  @Override
  public String toString() {
    return "RecordedLog[commits=" + commits + ", rows=" + rows() + ", strings=" + strings.size()
        + "]";
  }

  /**
   * Records a log as a {@link CommitLogReader} reads it: pass it to {@link
   * CommitLogReader#accept(CommitLogVisitor)}, then call {@link #done()}. Not thread-safe.
   */
  public static final class Recorder implements CommitLogVisitor {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private int commits;
    private boolean[] merge = new boolean[16];
    private int[] authorName = new int[16];
    private int[] authorEmail = new int[16];
    private long[] authorTime = new long[16];
    private long[] committerTime = new long[16];
    private int[] coStart = new int[17];
    private int coCount;
    private int[] coName = new int[4];
    private int[] coEmail = new int[4];
    private int[] rowStart = new int[17];
    private int rowCount;
    private byte[] rowStatus = new byte[64];
    private int[] rowOld = new int[64];
    private int[] rowPath = new int[64];
    private final List<String> shas = new ArrayList<>();
    private boolean done;

    private Recorder() {}

    /** The ids of the commits recorded so far, in log order. */
    public List<String> shas() {
      return List.copyOf(shas);
    }

    int id(String s) {
      Integer id = ids.get(s);
      if (id == null) {
        id = strings.size();
        ids.put(s, id);
        strings.add(s);
      }
      return id;
    }

    /** Starts a commit; its path lines follow. */
    void startCommit(String sha, boolean isMerge, String name, String email, long authorSeconds,
        long committerSeconds) {
      check();
      if (sha != null) {
        shas.add(sha);
      }
      if (commits == merge.length) {
        int cap = commits * 2;
        merge = Arrays.copyOf(merge, cap);
        authorName = Arrays.copyOf(authorName, cap);
        authorEmail = Arrays.copyOf(authorEmail, cap);
        authorTime = Arrays.copyOf(authorTime, cap);
        committerTime = Arrays.copyOf(committerTime, cap);
        coStart = Arrays.copyOf(coStart, cap + 1);
        rowStart = Arrays.copyOf(rowStart, cap + 1);
      }
      merge[commits] = isMerge;
      authorName[commits] = id(name);
      authorEmail[commits] = id(email);
      authorTime[commits] = authorSeconds;
      committerTime[commits] = committerSeconds;
      commits++;
      coStart[commits] = coCount;
      rowStart[commits] = rowCount;
    }

    void coAuthor(String name, String email) {
      if (coCount == coName.length) {
        coName = Arrays.copyOf(coName, coCount * 2);
        coEmail = Arrays.copyOf(coEmail, coCount * 2);
      }
      coName[coCount] = id(name);
      coEmail[coCount] = id(email);
      coCount++;
      coStart[commits] = coCount;
    }

    void row(ChangeStatus status, String oldPath, String path) {
      if (commits == 0) {
        throw new IllegalStateException("a path line needs a commit first");
      }
      if (rowCount == rowStatus.length) {
        int cap = rowCount * 2;
        rowStatus = Arrays.copyOf(rowStatus, cap);
        rowOld = Arrays.copyOf(rowOld, cap);
        rowPath = Arrays.copyOf(rowPath, cap);
      }
      rowStatus[rowCount] = (byte) status.ordinal();
      rowOld[rowCount] = oldPath == null ? -1 : id(oldPath);
      rowPath[rowCount] = id(path);
      rowCount++;
      rowStart[commits] = rowCount;
    }

    private void append(RecordedLog log) {
      for (int c = 0; c < log.commits; c++) {
        startCommit(null, log.merge[c], log.strings.get(log.authorName[c]),
            log.strings.get(log.authorEmail[c]), log.authorTime[c], log.committerTime[c]);
        for (int i = log.coStart[c]; i < log.coStart[c + 1]; i++) {
          coAuthor(log.strings.get(log.coName[i]), log.strings.get(log.coEmail[i]));
        }
        for (int i = log.rowStart[c]; i < log.rowStart[c + 1]; i++) {
          row(STATUSES[log.rowStatus[i]], log.rowOld[i] < 0 ? null : log.strings.get(log.rowOld[i]),
              log.strings.get(log.rowPath[i]));
        }
      }
    }

    @Override
    public void commit(CommitHeader header) {
      startCommit(header.sha(), header.isMerge(), header.author().name(), header.author().email(),
          header.author().time().getEpochSecond(), header.committer().time().getEpochSecond());
      for (CoAuthor c : header.coAuthors()) {
        coAuthor(c.name(), c.email());
      }
    }

    @Override
    public void change(ChangeStatus status, String path) {
      row(status, null, path);
    }

    @Override
    public void move(ChangeStatus status, String oldPath, String path) {
      row(status, Objects.requireNonNull(oldPath, "oldPath"), path);
    }

    /** The recording; the recorder cannot be used afterwards. */
    public RecordedLog done() {
      return done(digest(shas));
    }

    RecordedLog done(byte[] orderDigest) {
      check();
      done = true;
      return new RecordedLog(orderDigest, strings, commits, Arrays.copyOf(merge, commits),
          Arrays.copyOf(authorName, commits), Arrays.copyOf(authorEmail, commits),
          Arrays.copyOf(authorTime, commits), Arrays.copyOf(committerTime, commits),
          Arrays.copyOf(coStart, commits + 1), Arrays.copyOf(coName, coCount),
          Arrays.copyOf(coEmail, coCount), Arrays.copyOf(rowStart, commits + 1),
          Arrays.copyOf(rowStatus, rowCount), Arrays.copyOf(rowOld, rowCount),
          Arrays.copyOf(rowPath, rowCount));
    }

    private void check() {
      if (done) {
        throw new IllegalStateException("done() was already called");
      }
    }
  }
}
