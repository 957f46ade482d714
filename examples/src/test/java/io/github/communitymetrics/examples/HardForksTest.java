package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.ForkScenario;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link HardForks} prints what the planted fork scenario holds: every expectation comes from the
 * scenario's planted truth (the same demo community and scenario), not from the metrics.
 */
class HardForksTest {
  @Test
  void printsThePlantedHardForkWithItsSignalsAndMovers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      HardForks.run(out);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    ForkScenario.ForkedCommunity planted =
        ForkScenario.demo().plant(CommunitySimulator.simulate(SimulationConfig.demo()));
    assertTrue(text.startsWith("Is a fork splitting off, and who goes with it?\n" + planted.upstream().fullName() + ", "), text);
    for (ForkScenario.PlantedFork p : planted.forks()) {
      String header = p.fork().fullName() + ": ";
      switch (p.kind()) {
        case HARD -> {
          // Renamed, own releases, own people, months of pushes, movers; no pull request back.
          assertTrue(text.contains(header + "5 of 5 signals, 0 pull requests back\n"), text);
          for (String login : p.movers()) {
            String still = p.stillUpstream().contains(login) ? ", still acts upstream" : ", no act upstream since";
            assertTrue(text.contains("  moved: " + login + " on "), login + " in\n" + text);
            assertTrue(text.lines().anyMatch(l -> l.startsWith("  moved: " + login + " on ") && l.endsWith(still)), login + still);
          }
          assertTrue(text.contains("    " + p.created().toString().substring(0, 10) + "  forked by "), text);
        }
        // A social fork never changes and keeps the upstream's name: no signal at all.
        case SOCIAL -> assertFalse(text.contains("\n" + header), text);
        case CONTRIBUTING -> assertFalse(text.contains("\n" + header + "5 of 5"), text);
      }
    }
    assertTrue(text.contains("community-metrics forks --gharchive DIR"), text);
  }
}
