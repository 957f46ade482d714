package io.github.communitymetrics.simulator;

import java.util.Arrays;

/** Designs the module sizes that give a repository its planted truck factor. */
final class Modules {
  private Modules() {}

  /**
   * File counts of the core members' modules, owner 0 first: the first {@code truckFactor}
   * modules get {@code a} files, the others {@code filesPerModule}, with the smallest {@code a >=
   * filesPerModule} for which the first {@code truckFactor} owners exceed half of all files.
   *
   * @throws IllegalArgumentException if no such sizes give exactly that truck factor
   */
  static int[] fileCounts(int coreTeamSize, int truckFactor, int filesPerModule) {
    int others = coreTeamSize - truckFactor;
    int a = Math.max(filesPerModule, others * filesPerModule / truckFactor + 1);
    int[] counts = new int[coreTeamSize];
    for (int i = 0; i < coreTeamSize; i++) {
      counts[i] = i < truckFactor ? a : filesPerModule;
    }
    int achieved = truckFactor(counts);
    SimChecks.argument(
        achieved == truckFactor,
        "cannot design truck factor " + truckFactor + " with " + coreTeamSize
            + " core members and " + filesPerModule + " files per module (got " + achieved + ")");
    return counts;
  }

  /**
   * The smallest number of owners whose files are more than half of all files: take the largest
   * owners first.
   */
  static int truckFactor(int[] filesPerOwner) {
    int[] sorted = filesPerOwner.clone();
    Arrays.sort(sorted);
    long total = 0;
    for (int f : sorted) {
      total += f;
    }
    long covered = 0;
    int owners = 0;
    for (int i = sorted.length - 1; i >= 0; i--) {
      covered += sorted[i];
      owners++;
      if (2 * covered > total) {
        return owners;
      }
    }
    return owners;
  }
}
