package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.PlantedTruth;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code governance} on the simulator's planted governance scenarios ({@link
 * SimulationConfig#governanceDemo()}), written to an events file: the maturity profile tells the
 * single-vendor project (6 maintainers of one organisation) from the diverse one (8 of 4). The
 * scenarios' accounts carry no e-mail address, so each scenario's organisations come as a
 * rust-vmm project gives them: a MAINTAINERS list ("login organisation" a line), written here
 * from the planted truth.
 */
class GovernanceScenariosCliTest {
  @TempDir Path dir;

  @Test
  void theProfileTellsTheSingleVendorProjectFromTheDiverseOne() throws IOException {
    Path events = dir.resolve("governance-demo.jsonl");
    SimulatedCommunity community = CommunitySimulator.simulate(SimulationConfig.governanceDemo());
    try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      EventJsonLines.writeAll(community.events(), w);
    }
    Map<String, Object> criterion = new HashMap<>();
    for (PlantedTruth.GovernanceTruth t : community.truth().governance()) {
      criterion.put(t.scenario().name(), maintainerOrganizations(events, t));
    }
    Object single = criterion.get("single-vendor");
    Object diverse = criterion.get("diverse");
    System.out.println("single-vendor: " + single + "; diverse: " + diverse);
    // 6 maintainers, all of single-vendor-org0.
    assertEquals("fail", JsonTree.at(single, "outcome"), single.toString());
    assertEquals(1.0, ((Number) JsonTree.at(single, "value")).doubleValue(), 0, single.toString());
    // 8 maintainers, maintainer i of diverse-org(i mod 4): 4 organisations, at least LFX's 3.
    assertEquals("pass", JsonTree.at(diverse, "outcome"), diverse.toString());
    assertEquals(4.0, ((Number) JsonTree.at(diverse, "value")).doubleValue(), 0, diverse.toString());
  }

  /** The maintainer-organisations criterion of the scenario's profile, with its MAINTAINERS list. */
  private Object maintainerOrganizations(Path events, PlantedTruth.GovernanceTruth t) throws IOException {
    String repo = t.repository().fullName();
    Path list = dir.resolve("MAINTAINERS-" + t.scenario().name());
    StringBuilder lines = new StringBuilder();
    t.maintainers().forEach(login -> lines.append(login).append(' ').append(t.organizations().get(login)).append('\n'));
    Files.writeString(list, lines, StandardCharsets.UTF_8);
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("--quiet", "governance", "--events", events.toString(),
        "--repo", repo, "--maintainers-file", list.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    Object group = ((List<?>) JsonTree.at(JsonTree.parse(r.out()), "repositories")).get(0);
    assertEquals(repo, JsonTree.at(group, "name"));
    for (Object c : (List<?>) JsonTree.at(group, "maturityProfile", "criteria")) {
      if ("maintainerOrganizations".equals(JsonTree.at(c, "criterion"))) {
        return c;
      }
    }
    throw new AssertionError("no maintainerOrganizations criterion for " + repo);
  }
}
