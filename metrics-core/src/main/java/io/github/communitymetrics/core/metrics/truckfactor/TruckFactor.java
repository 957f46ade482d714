package io.github.communitymetrics.core.metrics.truckfactor;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The truck factor of Avelino et al. (ICPC 2016) over an {@link AuthorshipHistory}.
 *
 * <p>A developer authors a file when their {@link DoaModel degree of authorship} divided by the
 * file's highest DOA exceeds {@link #normalizedThreshold()} and their DOA is at least {@link
 * #absoluteThreshold()} or they created the file. The truck factor removes developers, the one
 * authoring the most files first (ties: more changes first, then name), until the share of files
 * with an author left falls below {@link #coverageThreshold()}; it is the number removed. The
 * pruned variant then drops members authoring fewer files than {@link #pruneShareOfTop()} times
 * the first member's.
 *
 * <p>Immutable and thread-safe; {@code with...} methods return modified copies.
 */
public final class TruckFactor {

  private final DoaModel model;
  private final double normalizedThreshold;
  private final double absoluteThreshold;
  private final double coverageThreshold;
  private final double pruneShareOfTop;

  private TruckFactor(
      DoaModel model,
      double normalizedThreshold,
      double absoluteThreshold,
      double coverageThreshold,
      double pruneShareOfTop) {
    this.model = Checks.notNull(model, "model");
    this.normalizedThreshold = share(normalizedThreshold, "normalizedThreshold");
    if (!Double.isFinite(absoluteThreshold)) {
      throw new IllegalArgumentException("absoluteThreshold must be finite but was " + absoluteThreshold);
    }
    this.absoluteThreshold = absoluteThreshold;
    this.coverageThreshold = share(coverageThreshold, "coverageThreshold");
    this.pruneShareOfTop = share(pruneShareOfTop, "pruneShareOfTop");
  }

  static double share(double v, String name) {
    if (!(v >= 0.0 && v <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] but was " + v);
    }
    return v;
  }

  /**
   * Plain greedy, as in the paper and its published table: DOA weights of {@link
   * DoaModel#avelino2016()}, normalized threshold 0.75, absolute threshold 3.293, coverage 0.5,
   * no pruning.
   */
  public static TruckFactor greedy() {
    return new TruckFactor(DoaModel.avelino2016(), 0.75, 3.293, 0.5, 0.0);
  }

  /** {@link #greedy()} with the pruning the reference tool uses by default today: 0.1. */
  public static TruckFactor pruned() {
    return greedy().withPruneShareOfTop(0.1);
  }

  /** The degree-of-authorship model. */
  public DoaModel model() {
    return model;
  }

  /** An author's DOA divided by the file's highest must exceed this; in [0, 1]. */
  public double normalizedThreshold() {
    return normalizedThreshold;
  }

  /** An author who did not create the file needs at least this DOA. */
  public double absoluteThreshold() {
    return absoluteThreshold;
  }

  /** Removal stops once the share of files with an author left is below this; in [0, 1]. */
  public double coverageThreshold() {
    return coverageThreshold;
  }

  /** Members with fewer files than this share of the first member's are dropped; 0: none. */
  public double pruneShareOfTop() {
    return pruneShareOfTop;
  }

  /** A copy with another DOA model. */
  public TruckFactor withModel(DoaModel value) {
    return new TruckFactor(value, normalizedThreshold, absoluteThreshold, coverageThreshold, pruneShareOfTop);
  }

  /** A copy with another normalized threshold, in [0, 1]. */
  public TruckFactor withNormalizedThreshold(double value) {
    return new TruckFactor(model, value, absoluteThreshold, coverageThreshold, pruneShareOfTop);
  }

  /** A copy with another absolute DOA threshold. */
  public TruckFactor withAbsoluteThreshold(double value) {
    return new TruckFactor(model, normalizedThreshold, value, coverageThreshold, pruneShareOfTop);
  }

  /** A copy with another coverage threshold, in [0, 1]. */
  public TruckFactor withCoverageThreshold(double value) {
    return new TruckFactor(model, normalizedThreshold, absoluteThreshold, value, pruneShareOfTop);
  }

  /** A copy with another pruning share, in [0, 1]; 0 disables pruning. */
  public TruckFactor withPruneShareOfTop(double value) {
    return new TruckFactor(model, normalizedThreshold, absoluteThreshold, coverageThreshold, value);
  }

  /** The truck factor over all analysed files of the history. */
  public TruckFactorResult compute(AuthorshipHistory history) {
    return compute(history, f -> true);
  }

  /**
   * The truck factor over the analysed files that {@code files} accepts.
   *
   * @param files tests a repository-relative path
   */
  public TruckFactorResult compute(AuthorshipHistory history, Predicate<String> files) {
    Checks.notNull(history, "history");
    Checks.notNull(files, "files");
    int[][] authors = authors(history);
    List<int[]> subset = new ArrayList<>();
    for (int f = 0; f < authors.length; f++) {
      if (files.test(history.files().get(f))) {
        subset.add(authors[f]);
      }
    }
    return Greedy.run(
        subset.toArray(new int[0][]), history.developers(), changesPerDeveloper(history),
        coverageThreshold, pruneShareOfTop);
  }

  /**
   * The truck factor of every directory holding analysed files (its files at any depth), keyed
   * by the directory path without a trailing slash; the repository root is the empty string.
   * Directories with a truck factor of 1 are knowledge islands.
   */
  public SortedMap<String, TruckFactorResult> perDirectory(AuthorshipHistory history) {
    Checks.notNull(history, "history");
    return perDirectory(history, authors(history), coverageThreshold, pruneShareOfTop);
  }

  /** The greedy loop over each directory's files, for the given per-file authors. */
  static SortedMap<String, TruckFactorResult> perDirectory(
      AuthorshipHistory history, int[][] authors, double coverageThreshold, double prune) {
    TreeMap<String, List<int[]>> byDir = new TreeMap<>();
    List<String> files = history.files();
    for (int f = 0; f < authors.length; f++) {
      String p = files.get(f);
      byDir.computeIfAbsent("", k -> new ArrayList<>()).add(authors[f]);
      for (int slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) {
        byDir.computeIfAbsent(p.substring(0, slash), k -> new ArrayList<>()).add(authors[f]);
      }
    }
    long[] tieBreak = changesPerDeveloper(history);
    TreeMap<String, TruckFactorResult> out = new TreeMap<>();
    byDir.forEach(
        (dir, list) ->
            out.put(dir, Greedy.run(list.toArray(new int[0][]), history.developers(), tieBreak,
                coverageThreshold, prune)));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The authors of each analysed file, in the order of {@link AuthorshipHistory#files()}.
   */
  public List<List<Developer>> authorsByFile(AuthorshipHistory history) {
    Checks.notNull(history, "history");
    int[][] authors = authors(history);
    List<List<Developer>> out = new ArrayList<>(authors.length);
    for (int[] a : authors) {
      List<Developer> l = new ArrayList<>(a.length);
      for (int d : a) {
        l.add(history.developers().get(d));
      }
      out.add(List.copyOf(l));
    }
    return List.copyOf(out);
  }

  /**
   * The analysed files that have no author left once the named developers leave, in the order of
   * {@link AuthorshipHistory#files()}. Files that never had an author are included.
   *
   * @param leaving identity keys ({@link Developer#name()})
   */
  public List<String> orphanedFiles(AuthorshipHistory history, Collection<String> leaving) {
    Checks.notNull(history, "history");
    Set<String> gone = new HashSet<>(Checks.notNull(leaving, "leaving"));
    int[][] authors = authors(history);
    List<String> out = new ArrayList<>();
    for (int f = 0; f < authors.length; f++) {
      boolean any = false;
      for (int d : authors[f]) {
        if (!gone.contains(history.developers().get(d).name())) {
          any = true;
          break;
        }
      }
      if (!any) {
        out.add(history.files().get(f));
      }
    }
    return List.copyOf(out);
  }

  /** Per file, the developers whose DOA passes both thresholds. */
  int[][] authors(AuthorshipHistory h) {
    int n = h.files().size();
    int[][] out = new int[n][];
    double[] doa = new double[16];
    for (int f = 0; f < n; f++) {
      int[] devs = h.devs[f];
      int k = devs.length;
      if (doa.length < k) {
        doa = new double[k];
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        int own = h.changes[f][j];
        doa[j] = model.doa(h.createdAt[f][j] >= 0, own, h.totalChanges[f] - own);
        max = Math.max(max, doa[j]);
      }
      int count = 0;
      int[] a = new int[k];
      // A normalized DOA needs a positive maximum; with tens of thousands of changes by others
      // every DOA can fall below zero, and then nobody authors the file.
      for (int j = 0; j < k && max > 0; j++) {
        boolean created = h.createdAt[f][j] >= 0;
        if (doa[j] / max > normalizedThreshold && (doa[j] >= absoluteThreshold || created)) {
          a[count++] = devs[j];
        }
      }
      out[f] = Arrays.copyOf(a, count);
    }
    return out;
  }

  static long[] changesPerDeveloper(AuthorshipHistory h) {
    long[] out = new long[h.developers().size()];
    for (int f = 0; f < h.devs.length; f++) {
      for (int j = 0; j < h.devs[f].length; j++) {
        out[h.devs[f][j]] += h.changes[f][j];
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "TruckFactor[model=" + model + ", normalizedThreshold=" + normalizedThreshold
        + ", absoluteThreshold=" + absoluteThreshold + ", coverageThreshold=" + coverageThreshold
        + ", pruneShareOfTop=" + pruneShareOfTop + "]";
  }
}
