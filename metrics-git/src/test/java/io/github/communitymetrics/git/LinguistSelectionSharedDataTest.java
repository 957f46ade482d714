package io.github.communitymetrics.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The default selection on a user's repository against GitHub Linguist 7.22's own list: on every
 * shared system (the 13 snapshots and the two full histories), the files kept from {@code
 * ls-files.txt.gz} against {@code linguist-files.txt.gz} (precision, recall), and the truck factor
 * (greedy and pruned, raw names, no aliases, as a user runs {@code truck-factor --ls-files}) from
 * each list.
 */
@SharedDataTest
class LinguistSelectionSharedDataTest {

  @Test
  void defaultSelectionMatchesLinguistOnEverySystem() throws IOException {
    List<Path> systems = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(SharedData.resolve("truck-factor/repos"))) {
      dirs.filter(Files::isDirectory).sorted().forEach(systems::add);
    }
    systems.add(SharedData.resolve("truck-factor/perf/git"));
    systems.add(SharedData.resolve("truck-factor/perf/rails"));
    FileSelection selection = FileSelection.defaults();
    long keptAll = 0;
    long referenceAll = 0;
    long bothAll = 0;
    double minPrecision = 1;
    double minRecall = 1;
    List<String> differentTf = new ArrayList<>();
    System.out.println("| system | ls-files | Linguist | kept | precision | recall"
        + " | TF greedy (ours / Linguist) | TF pruned (ours / Linguist) |");
    for (Path system : systems) {
      List<String> files = PathList.read(system.resolve("ls-files.txt.gz"));
      List<String> reference = PathList.readLinguist(system.resolve("linguist-files.txt.gz"));
      Set<String> referenceSet = new HashSet<>(reference);
      List<String> kept = selection.select(files).kept();
      long both = kept.stream().filter(referenceSet::contains).count();
      double precision = (double) both / kept.size();
      double recall = (double) both / reference.size();
      AuthorshipHistory ours = history(system, kept);
      AuthorshipHistory theirs = history(system, reference);
      int oursGreedy = TruckFactor.greedy().compute(ours).truckFactor();
      int theirsGreedy = TruckFactor.greedy().compute(theirs).truckFactor();
      int oursPruned = TruckFactor.pruned().compute(ours).truckFactor();
      int theirsPruned = TruckFactor.pruned().compute(theirs).truckFactor();
      String name = system.getParent().getFileName().toString().equals("perf")
          ? system.getFileName() + " (full history)" : system.getFileName().toString();
      System.out.printf("| %s | %d | %d | %d | %.4f | %.4f | %d / %d | %d / %d |%n", name,
          files.size(), reference.size(), kept.size(), precision, recall, oursGreedy, theirsGreedy,
          oursPruned, theirsPruned);
      if (oursGreedy != theirsGreedy || oursPruned != theirsPruned) {
        differentTf.add(name);
      }
      keptAll += kept.size();
      referenceAll += reference.size();
      bothAll += both;
      minPrecision = Math.min(minPrecision, precision);
      minRecall = Math.min(minRecall, recall);
    }
    double precision = (double) bothAll / keptAll;
    double recall = (double) bothAll / referenceAll;
    System.out.printf("| all | | %d | %d | %.4f | %.4f | | |%n", referenceAll, keptAll,
        precision, recall);
    // Thresholds are what was measured (docs/truck-factor.md), rounded down to 3 decimals.
    assertTrue(precision >= 0.997, "precision " + precision);
    assertTrue(recall >= 0.990, "recall " + recall);
    assertTrue(minPrecision >= 0.983, "lowest precision of a system " + minPrecision);
    assertTrue(minRecall >= 0.969, "lowest recall of a system " + minRecall);
    assertEquals(List.of(), differentTf, "systems whose truck factor differs from Linguist's list");
  }

  private static AuthorshipHistory history(Path system, List<String> files) throws IOException {
    try (CommitLogReader reader =
        CommitLogReader.open(system.resolve("cmlog.txt.gz"), ReadOptions.strict())) {
      return CommitLogAuthorship.collect(reader, files, UnaryOperator.identity(),
          IdentityRule.NAME_OR_EMAIL, false);
    }
  }
}
