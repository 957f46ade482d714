package io.github.communitymetrics.benchmarks.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.communitymetrics.simulator.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingSuiteTest {
  @Test
  void csvReadsBackWhatItWrote(@TempDir Path dir) throws Exception {
    List<ScalingSuite.Row> rows = List.of(
        new ScalingSuite.Row(997_933, "simulator (one community)", 79, "people", 3, 84.125, 82.5, 96.25, 40.5,
            4.0e7, 6.0e6, 1.25, ""),
        new ScalingSuite.Row(100_000_000, "zipf (one GH Archive-shaped day)", 10_000_000, "lockstep-stars", 0,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 2.5, "not run: too long"));
    List<ScalingSuite.Memory> memory =
        List.of(new ScalingSuite.Memory(997_933, "simulator (one community)", 122.4, 82.4, 625.3));
    Path csv = dir.resolve("scaling.csv");
    ScalingCsv.write(csv, rows, memory);
    List<ScalingSuite.Row> readRows = new ArrayList<>();
    List<ScalingSuite.Memory> readMemory = new ArrayList<>();
    ScalingCsv.read(csv, readRows, readMemory);
    assertEquals(rows, readRows);
    assertEquals(memory, readMemory);
    // The chart draws from the same rows.
    ScalingChart.write(dir.resolve("scaling.svg"), "test", readRows, readMemory);
    assertEquals(true, Files.readString(dir.resolve("scaling.svg")).contains("lockstep-stars (not run at 10^8)"));
  }

  @Test
  void communitiesAreTheSimulatorsSizeUpToAMillionAndDistinctOrganisationsAbove() {
    assertEquals(SimulationConfig.ofApproximateSize(42, 1_000_000), ScalingSuite.community(42, 0, 1_000_000));
    Set<String> organisations = new HashSet<>();
    for (int k = 0; k < 10; k++) {
      SimulationConfig c = ScalingSuite.community(42, k, 10_000_000);
      organisations.add(c.organization());
      assertEquals(42 + k, c.seed());
      assertEquals(SimulationConfig.ofApproximateSize(42, 1_000_000).repositories(), c.repositories());
    }
    assertEquals(10, organisations.size());
    assertNotEquals(ScalingSuite.community(42, 1, 10_000_000), ScalingSuite.community(43, 1, 10_000_000));
  }

  @Test
  void nominalSizeIsTheNearestPowerOfTen() {
    assertEquals(100_000, ScalingSuite.nominal(109_822));
    assertEquals(10_000_000, ScalingSuite.nominal(9_923_063));
    assertEquals(100_000_000, ScalingSuite.nominal(100_000_000));
  }
}
