package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** {@code score} against the library's each-repository results on the demo community. */
class ScoreCommandTest {
  private static final String AS_OF = "2025-07-01T00:00:00Z";

  private static SortedMap<Repository, Evaluated<io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult>> lottery() {
    EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
    return StandardMetrics.LOTTERY_FACTOR.evaluateEachRepository(store, People.resolve(store), evaluation(AS_OF));
  }

  /** What {@code score --as-of asOf} evaluates with its defaults: every scope, a 90-day window. */
  static Evaluation evaluation(String asOf) {
    return new Evaluation(
        RepositoryScope.all(),
        Window.endingAt(Instant.parse(asOf), Duration.ofDays(90)),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT,
        Map.of());
  }

  @Test
  void jsonRowsAreTheLibrarysEachRepositoryMeasurementsSortedAndCut() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "score", "--metric", "lottery-factor", "--as-of", AS_OF, "--sort", "lottery-factor:desc",
            "--top", "3", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    List<Map.Entry<Repository, List<Measurement>>> expected = new ArrayList<>();
    lottery().forEach((repo, ev) -> expected.add(Map.entry(repo, ev.measurements())));
    expected.sort(
        Comparator.comparing(
                (Map.Entry<Repository, List<Measurement>> x) -> -x.getValue().get(0).value().orElse(-1))
            .thenComparing(x -> x.getKey().fullName()));
    for (int i = 0; i < 3; i++) {
      Map.Entry<Repository, List<Measurement>> want = expected.get(i);
      assertEquals(want.getKey().fullName(), f.get("rows[" + i + "].name"), r.out());
      List<Measurement> m = want.getValue();
      for (int k = 0; k < m.size(); k++) {
        String prefix = "rows[" + i + "].metrics.lottery-factor[" + k + "]";
        assertEquals(m.get(k).name(), f.get(prefix + ".name"));
        assertEquals(String.valueOf(m.get(k).evidence()), f.get(prefix + ".evidence"));
      }
    }
    assertTrue(!f.containsKey("rows[3].name"), "--top 3 keeps 3 rows");
  }

  @Test
  void textAndCsvShowEveryRepositoryAndNoDataIsAnEmptyField() {
    CommunityMetricsCliTest.Run text =
        CommunityMetricsCliTest.run("score", "--metric", "lottery-factor,onion-model", "--as-of", AS_OF);
    assertEquals(0, text.status(), text.err());
    for (Repository repo : lottery().keySet()) {
      assertTrue(text.out().contains(repo.fullName()), text.out());
    }
    // Before every event: every repository has events (in the store) but no value as of then.
    CommunityMetricsCliTest.Run csv =
        CommunityMetricsCliTest.run("score", "--metric", "onion-model", "--as-of", "2000-01-01T00:00:00Z", "--csv");
    assertEquals(0, csv.status(), csv.err());
    String[] lines = csv.out().strip().split("\n");
    assertEquals("name,events,onion-model.core", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].endsWith(","), "no data is an empty field, not 0: " + lines[i]);
    }
  }

  @Test
  void outWritesTheFormatOfItsExtension(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path csv = dir.resolve("scores.csv");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("score", "--metric", "onion-model", "--as-of", AS_OF, "--out", csv.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(
        CommunityMetricsCliTest.run("score", "--metric", "onion-model", "--as-of", AS_OF, "--csv").out(),
        java.nio.file.Files.readString(csv));
    java.nio.file.Path jsonl = dir.resolve("scores.jsonl");
    assertEquals(
        0,
        CommunityMetricsCliTest.run("score", "--metric", "onion-model", "--as-of", AS_OF, "--out", jsonl.toString())
            .status());
    List<String> lines = java.nio.file.Files.readAllLines(jsonl);
    assertEquals(lottery().size(), lines.size());
    for (String line : lines) {
      assertTrue(NoDataCliTest.flatten(line).containsKey("metrics.onion-model[0].value"), line);
    }
    assertEquals(
        2, CommunityMetricsCliTest.run("score", "--out", dir.resolve("scores.xlsx").toString()).status());
  }

  @Test
  void aMistypedCommandOrOptionNamesTheNearestOnes() {
    CommunityMetricsCliTest.Run command = CommunityMetricsCliTest.run("scor");
    assertEquals(2, command.status());
    assertTrue(command.err().contains("did you mean score"), command.err());
    CommunityMetricsCliTest.Run option = CommunityMetricsCliTest.run("score", "--sortt", "retention");
    assertEquals(2, option.status());
    assertTrue(option.err().contains("did you mean --sort?"), option.err());
  }

  @Test
  void starScoutsWholeInputAuditIsNotScoredPerRepositoryUnlessNamed() {
    CommunityMetricsCliTest.Run all = CommunityMetricsCliTest.run("score", "--csv");
    assertEquals(0, all.status(), all.err());
    String header = all.out().lines().filter(l -> l.startsWith("name,")).findFirst().orElseThrow();
    assertTrue(header.contains("growth.") && header.contains("lottery-factor."), header);
    assertTrue(!header.contains("low-activity-stars") && !header.contains("lockstep-stars"), header);
    // The other metrics that read the whole input per repository are left out the same way.
    for (String whole : List.of("fork-activity.", "hard-fork-signals.", "consumers.")) {
      assertTrue(!header.contains(whole), whole + " in " + header);
    }
    assertTrue(header.contains("maturity-profile.") && header.contains("approval-rule."), header);
    CommunityMetricsCliTest.Run named = CommunityMetricsCliTest.run("score", "--csv", "--metric", "low-activity-stars");
    assertEquals(0, named.status(), named.err());
    assertTrue(named.out().contains("low-activity-stars."), named.out());
  }

  @Test
  void ownersAndUsageErrors() {
    CommunityMetricsCliTest.Run owners =
        CommunityMetricsCliTest.run("score", "--group-by", "owner", "--metric", "onion-model", "--csv");
    assertEquals(0, owners.status(), owners.err());
    assertTrue(owners.out().contains("\ndemo-org,54892,"), owners.out());
    assertEquals(2, CommunityMetricsCliTest.run("score", "--metric", "bus-factor").status());
    assertEquals(
        2, CommunityMetricsCliTest.run("score", "--group-by", "owner", "--metric", "contributor-confidence").status());
    assertEquals(2, CommunityMetricsCliTest.run("score", "--sort", "retention:up").status());
    assertEquals(2, CommunityMetricsCliTest.run("score", "--metric", "onion-model", "--sort", "retention").status());
    assertEquals(2, CommunityMetricsCliTest.run("score", "--top", "0").status());
    assertEquals(2, CommunityMetricsCliTest.run("score", "--json", "--csv").status());
  }
}
