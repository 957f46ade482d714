package io.github.communitymetrics.core.metrics.truckfactor;

import java.util.ArrayList;
import java.util.List;

/** The removal loop shared by the truck-factor variants. */
final class Greedy {
  private Greedy() {}

  /**
   * Removes developers, most authored files first, while the share of files with an author left
   * is at least {@code coverageThreshold}; then drops members with fewer files than
   * {@code pruneShareOfTop} times the first member's (0 keeps all).
   *
   * @param authors per file, the developer indices that author it
   * @param tieBreak per developer, larger first among equal file counts (the number of changes)
   */
  static TruckFactorResult run(
      int[][] authors,
      List<Developer> developers,
      long[] tieBreak,
      double coverageThreshold,
      double pruneShareOfTop) {
    int total = authors.length;
    int nDev = developers.size();
    int[] fileCount = new int[nDev];
    int covered = 0;
    int[] left = new int[total];
    for (int f = 0; f < total; f++) {
      left[f] = authors[f].length;
      if (left[f] > 0) {
        covered++;
      }
      for (int d : authors[f]) {
        fileCount[d]++;
      }
    }
    List<Integer> candidates = new ArrayList<>();
    for (int d = 0; d < nDev; d++) {
      if (fileCount[d] > 0) {
        candidates.add(d);
      }
    }
    candidates.sort(
        (a, b) -> {
          int c = Integer.compare(fileCount[b], fileCount[a]);
          if (c == 0) {
            c = Long.compare(tieBreak[b], tieBreak[a]);
          }
          return c != 0 ? c : developers.get(a).name().compareTo(developers.get(b).name());
        });
    // Files of each developer, to update coverage on removal.
    int[][] filesOf = new int[nDev][];
    int[] fill = new int[nDev];
    for (int d : candidates) {
      filesOf[d] = new int[fileCount[d]];
    }
    for (int f = 0; f < total; f++) {
      for (int d : authors[f]) {
        filesOf[d][fill[d]++] = f;
      }
    }
    List<Integer> removed = new ArrayList<>();
    for (int d : candidates) {
      if (total == 0 || covered < coverageThreshold * total) {
        break;
      }
      for (int f : filesOf[d]) {
        if (--left[f] == 0) {
          covered--;
        }
      }
      removed.add(d);
    }
    List<Integer> members = new ArrayList<>(removed);
    if (pruneShareOfTop > 0 && !members.isEmpty()) {
      double floor = pruneShareOfTop * fileCount[members.get(0)];
      members.removeIf(d -> fileCount[d] < floor);
    }
    int orphans = orphans(authors, members, nDev);
    List<TruckFactorAuthor> out = new ArrayList<>(members.size());
    for (int d : members) {
      Developer dev = developers.get(d);
      out.add(
          new TruckFactorAuthor(dev.name(), dev.email(), fileCount[d], (double) fileCount[d] / total));
    }
    double coverage = total == 0 ? 0.0 : (double) (total - orphans) / total;
    return new TruckFactorResult(out.size(), out, coverage, total, orphans);
  }

  /** Files all of whose authors are among {@code leaving}. */
  static int orphans(int[][] authors, List<Integer> leaving, int nDev) {
    boolean[] gone = new boolean[nDev];
    for (int d : leaving) {
      gone[d] = true;
    }
    int orphans = 0;
    for (int[] a : authors) {
      boolean any = false;
      for (int d : a) {
        if (!gone[d]) {
          any = true;
          break;
        }
      }
      if (!any) {
        orphans++;
      }
    }
    return orphans;
  }
}
