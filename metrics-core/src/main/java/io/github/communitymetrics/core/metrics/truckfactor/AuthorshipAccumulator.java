package io.github.communitymetrics.core.metrics.truckfactor;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Collects who created and changed each file of a snapshot, from a history read newest first (the
 * order {@code git log} prints). Not thread-safe; use one per history.
 *
 * <p>Reading backwards from the snapshot means only the snapshot's files are tracked: memory grows
 * with those files and their developers, never with the number of commits. Semantics, chosen to
 * match the reference tool of Avelino et al. (aserg-ufmg/Truck-Factor), which walks the history
 * forwards keyed by path:
 *
 * <ul>
 *   <li>a rename {@code old -> new} is a change by its author, and the file's earlier history is
 *       the history of {@code old} (a chain of renames is followed to the first add);
 *   <li>an add credits first authorship; a path deleted and later re-added keeps its earlier
 *       history, so both the first creator and the re-adder count as creators;
 *   <li>a copy ({@code C}) creates its new path, like an add; the source keeps its own history;
 *   <li>a type change counts as a change, a deletion does not;
 *   <li>merge commits carry no paths and credit nobody; files with no change row at all (only
 *       ever arriving through merges) are left out of the analysis, as the reference tool does.
 * </ul>
 *
 * <p>Usage: for each commit, newest first, call {@link #commit(String, String, long)}, then
 * {@link #coAuthor(String, String)} for credited co-authors (when wanted), then one call per
 * path line; finally {@link #finish()}.
 */
public final class AuthorshipAccumulator {

  private final List<String> paths;
  private final List<FileSlot> slots;
  // Discovery mode (no snapshot list): every path seen so far, and which paths to analyse.
  private final Set<String> seen;
  private final Predicate<String> include;
  private final Map<String, Integer> current; // path at the point reached -> snapshot file
  private final IdentityRule identityRule;
  // Raw developers: one per (name, e-mail) pair; merged by the identity rule in finish().
  private final Map<String, Map<String, Integer>> developerIndex = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> emails = new ArrayList<>();
  private int[] credited = new int[2];
  private int creditedCount;
  private boolean started;
  private long headEpochSecond;
  private int secondsBeforeHead;
  private long commits;
  private boolean finished;

  private AuthorshipAccumulator(Collection<String> snapshotFiles, IdentityRule identityRule) {
    this.identityRule = Checks.notNull(identityRule, "identityRule");
    this.paths = new ArrayList<>(snapshotFiles.size());
    this.current = new HashMap<>(snapshotFiles.size() * 2);
    for (String p : snapshotFiles) {
      Checks.notBlank(p, "snapshot file");
      if (!current.containsKey(p)) {
        current.put(p, paths.size());
        paths.add(p);
      }
    }
    this.slots = new ArrayList<>(Collections.nCopies(paths.size(), (FileSlot) null));
    this.seen = null;
    this.include = null;
  }

  private AuthorshipAccumulator(Predicate<String> include, IdentityRule identityRule) {
    this.identityRule = Checks.notNull(identityRule, "identityRule");
    this.paths = new ArrayList<>();
    this.current = new HashMap<>();
    this.slots = new ArrayList<>();
    this.seen = new HashSet<>();
    this.include = include;
  }

  /**
   * An accumulator without a snapshot list: the files analysed are those the history itself shows
   * alive at its newest commit (a path whose newest row is not a deletion, nor the source of a
   * rename) and accepted by {@code include}. Equivalent to {@link #newestFirst(Collection,
   * IdentityRule)} with {@code git ls-files} of the newest commit, filtered, except that files no
   * row names cannot be counted in {@link AuthorshipHistory#filesWithoutChangeRows()}. Memory also
   * holds every distinct path of the history.
   *
   * @param include which of the alive paths to analyse (for example, not vendored)
   * @param identityRule which author lines are one developer
   */
  public static AuthorshipAccumulator newestFirstDiscovering(
      Predicate<String> include, IdentityRule identityRule) {
    Checks.notNull(include, "include");
    return new AuthorshipAccumulator(include, identityRule);
  }

  /**
   * In discovery mode, the first (newest) row of a path decides whether it is alive at the head:
   * track it then. {@code alive} is false for a deletion or a rename's source.
   */
  private void discover(String path, boolean alive) {
    if (seen != null && seen.add(path) && alive && include.test(path)) {
      current.put(path, paths.size());
      paths.add(path);
      slots.add(null);
    }
  }

  /**
   * An accumulator for the given files of the snapshot (the newest commit the history starts
   * from), typically {@code git ls-files} minus vendored, generated and documentation files.
   *
   * @param snapshotFiles repository-relative, unquoted, {@code /}-separated paths; duplicates are
   *     ignored
   * @param identityRule which author lines are one developer
   */
  public static AuthorshipAccumulator newestFirst(
      Collection<String> snapshotFiles, IdentityRule identityRule) {
    Checks.notNull(snapshotFiles, "snapshotFiles");
    return new AuthorshipAccumulator(snapshotFiles, identityRule);
  }

  /**
   * Starts the next (older) commit. Its author is credited with the path lines that follow.
   *
   * @param author the identity key, usually the author name after alias unification
   * @param email the author's e-mail address, kept for display
   * @param authorEpochSecond the author time in seconds since the epoch; the first commit's time
   *     is the head time the recency variant measures age from
   */
  public void commit(String author, String email, long authorEpochSecond) {
    checkOpen();
    Checks.notNull(author, "author");
    Checks.notNull(email, "email");
    if (!started) {
      started = true;
      headEpochSecond = authorEpochSecond;
    }
    long before = headEpochSecond - authorEpochSecond;
    // Clock skew makes some older commits carry later times; they count as at the head.
    secondsBeforeHead = (int) Math.max(0, Math.min(Integer.MAX_VALUE, before));
    creditedCount = 0;
    credit(developer(author, email));
    commits++;
  }

  /**
   * A commit that credits nobody, such as a merge (which carries no path lines): it counts in
   * {@link AuthorshipHistory#commits()} and, when first, sets the head time. Path lines
   * that follow it credit nobody.
   */
  public void uncredited(long authorEpochSecond) {
    checkOpen();
    if (!started) {
      started = true;
      headEpochSecond = authorEpochSecond;
    }
    creditedCount = 0;
    commits++;
  }

  /**
   * Also credits the current commit's path lines to a co-author (a {@code Co-authored-by}
   * trailer). The paper's model credits only the author; call this only for a variant that credits
   * co-authors.
   */
  public void coAuthor(String name, String email) {
    checkInCommit();
    Checks.notNull(name, "name");
    Checks.notNull(email, "email");
    int d = developer(name, email);
    for (int i = 0; i < creditedCount; i++) {
      if (credited[i] == d) {
        return;
      }
    }
    credit(d);
  }

  /** The current commit added {@code path} ({@code A}). */
  public void added(String path) {
    checkInCommit();
    discover(path, true);
    Integer f = current.get(path);
    if (f != null) {
      FileSlot s = slot(f);
      for (int i = 0; i < creditedCount; i++) {
        s.created(credited[i], secondsBeforeHead);
      }
    }
  }

  /** The current commit changed {@code path} in place ({@code M}). */
  public void modified(String path) {
    checkInCommit();
    discover(path, true);
    Integer f = current.get(path);
    if (f != null) {
      change(f);
    }
  }

  /** The current commit changed the type of {@code path} ({@code T}); counts as a change. */
  public void typeChanged(String path) {
    modified(path);
  }

  /**
   * The current commit deleted {@code path} ({@code D}). Not a change, but the path's earlier
   * history stays with a later re-add of it.
   */
  public void deleted(String path) {
    checkInCommit();
    discover(path, false);
    Integer f = current.get(path);
    if (f != null) {
      slot(f); // a change row: the file is analysed even if nothing else credits it
    }
  }

  /** The current commit renamed {@code oldPath} to {@code path} ({@code R}); counts as a change. */
  public void renamed(String oldPath, String path) {
    checkInCommit();
    discover(path, true);
    discover(oldPath, false);
    Integer f = current.remove(path);
    if (f != null) {
      change(f);
      // Earlier commits knew the file as oldPath. A snapshot file that now sits at oldPath
      // (re-created after this rename) gets no older history: forwards, the rename took it away.
      current.put(oldPath, f);
    }
  }

  /** The current commit copied {@code oldPath} to {@code path} ({@code C}); creates {@code path}. */
  public void copied(String oldPath, String path) {
    checkInCommit();
    discover(oldPath, true); // a copy keeps its source
    added(path);
  }

  /** Ends the history and returns what was collected. The accumulator cannot be used afterwards. */
  public AuthorshipHistory finish() {
    checkOpen();
    finished = true;
    List<String> analysed = new ArrayList<>();
    List<FileSlot> kept = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      if (slots.get(i) != null) {
        analysed.add(paths.get(i));
        kept.add(slots.get(i));
      }
    }
    int[] group = groups();
    List<Developer> developers = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (group[i] == developers.size()) {
        developers.add(new Developer(names.get(i), emails.get(i)));
      }
    }
    for (FileSlot s : kept) {
      s.regroup(group);
    }
    int n = kept.size();
    int[][] devs = new int[n][];
    int[][] changes = new int[n][];
    int[][] createdAt = new int[n][];
    int[][][] times = new int[n][][];
    for (int i = 0; i < n; i++) {
      FileSlot s = kept.get(i);
      devs[i] = Arrays.copyOf(s.dev, s.size);
      changes[i] = Arrays.copyOf(s.changes, s.size);
      createdAt[i] = Arrays.copyOf(s.createdAt, s.size);
      times[i] = new int[s.size][];
      for (int j = 0; j < s.size; j++) {
        times[i][j] = Arrays.copyOf(s.times[j], s.changes[j]);
      }
    }
    return new AuthorshipHistory(
        List.copyOf(analysed),
        paths.size() - n,
        developers,
        commits,
        started ? headEpochSecond : 0L,
        devs,
        changes,
        createdAt,
        times);
  }

  /**
   * Maps each raw developer to its merged developer; merged ids are numbered in order of first
   * appearance, so group[i] <= i and a group's first member names it (its newest author line).
   */
  private int[] groups() {
    int n = names.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < n; i++) {
      union(parent, i, first.computeIfAbsent("n" + names.get(i), k -> -1), first, "n" + names.get(i));
      if (identityRule == IdentityRule.NAME_OR_EMAIL && !emails.get(i).isBlank()) {
        String key = "e" + emails.get(i).strip().toLowerCase(java.util.Locale.ROOT);
        union(parent, i, first.computeIfAbsent(key, k -> -1), first, key);
      }
    }
    int[] group = new int[n];
    int[] idOfRoot = new int[n];
    java.util.Arrays.fill(idOfRoot, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int r = root(parent, i);
      if (idOfRoot[r] < 0) {
        idOfRoot[r] = next++;
      }
      group[i] = idOfRoot[r];
    }
    return group;
  }

  private static void union(int[] parent, int i, int seen, Map<String, Integer> first, String key) {
    if (seen < 0) {
      first.put(key, i);
      return;
    }
    int a = root(parent, i);
    int b = root(parent, seen);
    // The smaller index stays root, so a group is named after its first (newest) author line.
    if (a < b) {
      parent[b] = a;
    } else if (b < a) {
      parent[a] = b;
    }
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private void change(int f) {
    FileSlot s = slot(f);
    for (int i = 0; i < creditedCount; i++) {
      s.changed(credited[i], secondsBeforeHead);
    }
  }

  private FileSlot slot(int f) {
    FileSlot s = slots.get(f);
    if (s == null) {
      s = new FileSlot();
      slots.set(f, s);
    }
    return s;
  }

  private int developer(String name, String email) {
    Map<String, Integer> byEmail = developerIndex.computeIfAbsent(name, k -> new HashMap<>(2));
    Integer d = byEmail.get(email);
    if (d == null) {
      d = names.size();
      byEmail.put(email, d);
      names.add(name);
      emails.add(email);
    }
    return d;
  }

  private void credit(int d) {
    if (creditedCount == credited.length) {
      credited = Arrays.copyOf(credited, creditedCount * 2);
    }
    credited[creditedCount++] = d;
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
  }

  private void checkInCommit() {
    checkOpen();
    if (!started) {
      throw new IllegalStateException("a path line needs a commit(...) first");
    }
  }

  /** One snapshot file's contributors; arrays grow, developers found by a linear scan (few). */
  private static final class FileSlot {
    int size;
    int[] dev = new int[2];
    int[] changes = new int[2];
    int[] createdAt = {-1, -1}; // seconds before head of the newest add, -1 if never
    int[][] times = new int[2][];

    int index(int d) {
      for (int i = 0; i < size; i++) {
        if (dev[i] == d) {
          return i;
        }
      }
      if (size == dev.length) {
        int cap = size * 2;
        dev = Arrays.copyOf(dev, cap);
        changes = Arrays.copyOf(changes, cap);
        createdAt = Arrays.copyOf(createdAt, cap);
        Arrays.fill(createdAt, size, cap, -1);
        times = Arrays.copyOf(times, cap);
      }
      dev[size] = d;
      times[size] = new int[1];
      return size++;
    }

    void changed(int d, int secondsBeforeHead) {
      int i = index(d);
      int[] t = times[i];
      if (changes[i] == t.length) {
        t = Arrays.copyOf(t, t.length * 2);
        times[i] = t;
      }
      t[changes[i]++] = secondsBeforeHead;
    }

    /** Renumbers developers by group, merging the entries of one group. */
    void regroup(int[] group) {
      FileSlot merged = new FileSlot();
      for (int j = 0; j < size; j++) {
        int i = merged.index(group[dev[j]]);
        int have = merged.changes[i];
        int add = changes[j];
        int[] t = merged.times[i];
        if (t.length < have + add) {
          t = Arrays.copyOf(t, Math.max(have + add, 1));
        }
        System.arraycopy(times[j], 0, t, have, add);
        merged.times[i] = t;
        merged.changes[i] = have + add;
        if (createdAt[j] >= 0
            && (merged.createdAt[i] < 0 || createdAt[j] < merged.createdAt[i])) {
          merged.createdAt[i] = createdAt[j];
        }
      }
      size = merged.size;
      dev = merged.dev;
      changes = merged.changes;
      createdAt = merged.createdAt;
      times = merged.times;
    }

    void created(int d, int secondsBeforeHead) {
      int i = index(d);
      if (createdAt[i] < 0) {
        createdAt[i] = secondsBeforeHead;
      }
    }
  }
}
