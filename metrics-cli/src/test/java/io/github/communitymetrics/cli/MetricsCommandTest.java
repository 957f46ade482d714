package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class MetricsCommandTest {

  /** Flattens a JSON object into dotted paths of its scalar values (arrays left out). */
  private static Map<String, String> flatten(String json) {
    Map<String, String> out = new HashMap<>();
    java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
    String name = "";
    int arrays = 0;
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.PROPERTY_NAME) {
          name = p.currentName();
        } else if (t == JsonToken.START_OBJECT) {
          path.addLast(name);
        } else if (t == JsonToken.END_OBJECT) {
          path.removeLast();
        } else if (t == JsonToken.START_ARRAY) {
          arrays++;
        } else if (t == JsonToken.END_ARRAY) {
          arrays--;
        } else if (arrays == 0) {
          StringBuilder key = new StringBuilder();
          for (String part : path) {
            if (!part.isEmpty()) {
              key.append(part).append('.');
            }
          }
          out.put(key + name, p.getString());
        }
      }
    }
    return out;
  }

  @Test
  void demoTablesAnswerEachQuestionWithItsPreset() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Will stargazers and forkers contribute? (OpenSauced)"), r.out());
    assertTrue(r.out().contains("chaoss absence factor"), r.out());
    assertTrue(r.out().contains("opensauced lottery factor"), r.out());
    assertTrue(r.out().contains("Simulated data"), r.out());
    assertTrue(r.out().contains("Of the previous quarter's contributors, how many stayed?"), r.out());
    assertTrue(r.out().contains("kaplan-meier"), r.out());
  }

  @Test
  void tableRowsCarryNumberWithUnitLevelAndPreset() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("metrics", "--as-of", "2025-07-01T00:00:00Z");
    assertEquals(0, r.status(), r.err());
    EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
    HealthSummary s =
        HealthSummary.compute(
            store, People.resolve(store), store.repositories().get(0),
            Instant.parse("2025-07-01T00:00:00Z"), Duration.ofDays(90), Duration.ofDays(90),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build());
    // Each question's row: the question, its number with unit, then (level and) preset.
    assertRow(r.out(), "How many people hold more than half the commits?",
        s.absenceFactor().factor() + " people", "chaoss absence factor");
    assertRow(r.out(), "How many people hold half the new pull requests?",
        s.lotteryFactor().factor().factor() + " people  "
            + s.lotteryFactor().level().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        "opensauced lottery factor");
    assertRow(r.out(), "How many organisations hold more than half the commits?",
        s.elephantFactor().factor().factor()
            + (s.elephantFactor().factor().factor() == 1 ? " organisation  " : " organisations  ")
            + s.elephantFactor().points().getAsInt() + " pts",
        "chaoss elephant factor");
    assertRow(r.out(), "Will stargazers and forkers contribute? (OpenSauced)",
        s.openSauced().percent() + " %  " + s.openSauced().level().name().toLowerCase(java.util.Locale.ROOT),
        "opensauced (June 2024)");
  }

  private static void assertRow(String out, String question, String answer, String preset) {
    String row = out.lines().filter(l -> l.contains(question)).findFirst().orElseThrow(
        () -> new AssertionError("no row for " + question + " in\n" + out));
    String rest = row.substring(row.indexOf(question) + question.length()).strip().replaceAll(" {2,}", "  ");
    assertTrue(rest.startsWith(answer + "  " + preset), "row: " + row + "\nexpected: " + answer + "  " + preset);
  }

  @Test
  void jsonHasTheDocumentedFieldsAndMatchesTheLibrary() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("metrics", "--json", "--as-of", "2025-07-01T00:00:00Z");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = flatten(r.out());
    for (String field :
        new String[] {
          "schemaVersion", "repo", "asOf", "contributorConfidence.opensauced",
          "cohortConfidence.rate", "cohortConfidence.low",
          "cohortConfidence.high", "absenceFactor.factor", "lotteryFactor.count",
          "lotteryFactor.level", "elephantFactor.factor", "ladder.d0", "ladder.d3"
        }) {
      assertTrue(f.containsKey(field), field + " missing in " + f.keySet());
    }
    // The same numbers straight from the library.
    EventStore store =
        EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
    People people = People.resolve(store);
    HealthSummary s =
        HealthSummary.compute(
            store, people, store.repositories().get(0), Instant.parse("2025-07-01T00:00:00Z"),
            Duration.ofDays(90), Duration.ofDays(90),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build());
    assertEquals(s.repository().fullName(), f.get("repo"));
    assertEquals("2025-07-01T00:00:00Z", f.get("asOf"));
    assertEquals(String.valueOf(s.absenceFactor().factor()), f.get("absenceFactor.factor"));
    assertEquals(String.valueOf(s.lotteryFactor().factor().factor()), f.get("lotteryFactor.count"));
    assertEquals(String.valueOf(s.elephantFactor().factor().factor()), f.get("elephantFactor.factor"));
    assertEquals(String.valueOf(s.ladder().atLeast().reached().d1()), f.get("ladder.d1"));
    assertEquals(s.openSauced().confidence(), Double.parseDouble(f.get("contributorConfidence.opensauced")));
    assertEquals(String.valueOf(s.cohort().cohort()), f.get("cohortConfidence.cohort"));
    // Retention (issue 4).
    assertEquals(String.valueOf(s.retention().repeat().size()), f.get("retention.repeat"));
    assertEquals(String.valueOf(s.retention().drifting().size()), f.get("retention.eightKnot.drifting"));
    assertEquals(String.valueOf(s.retention().departed().size()), f.get("retention.survival.departed"));
    assertEquals(
        s.retention().lastCompletePeriod().orElseThrow().period().label(),
        f.get("retention.lastCompletePeriod"));
    assertEquals(String.valueOf(s.lfx().retention().getAsInt()), f.get("retention.lfxPoints"));
  }

  @Test
  void usageErrorsExitTwo(@TempDir Path dir) {
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--window", "ninety").status());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--window", "0d").status());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--as-of", "yesterday").status());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--repo", "nobody/nothing").status());
    Path file = dir.resolve("demo.jsonl");
    assertEquals(0, CommunityMetricsCliTest.run("events", "export", "--out", file.toString()).status());
    CommunityMetricsCliTest.Run noRepo = CommunityMetricsCliTest.run("metrics", "--events", file.toString());
    assertEquals(2, noRepo.status());
    assertTrue(noRepo.err().contains("--repo"), noRepo.err());
  }

  @Test
  void jsonHasResponsivenessMatchingTheLibrary() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("metrics", "--json", "--as-of", "2025-07-01T00:00:00Z");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = flatten(r.out());
    EventStore store =
        EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
    HealthSummary s =
        HealthSummary.compute(
            store, People.resolve(store), store.repositories().get(0), Instant.parse("2025-07-01T00:00:00Z"),
            Duration.ofDays(90), Duration.ofDays(90),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build());
    var fr = s.responsiveness().firstResponse();
    assertTrue(fr.completed() > 0, "the demo answers some threads");
    assertEquals(String.valueOf(fr.completed()), f.get("responsiveness.firstResponse.completed"));
    assertEquals(String.valueOf(fr.censored()), f.get("responsiveness.firstResponse.censored"));
    assertEquals(fr.p50().get().toNanos() / 3.6e12, Double.parseDouble(f.get("responsiveness.firstResponse.p50Hours")));
    assertEquals(
        String.valueOf(s.responsiveness().reviewCoverage().numerator()),
        f.get("responsiveness.reviewCoverage.numerator"));
    assertEquals(
        String.valueOf(s.responsiveness().reviewConcentration().factor()),
        f.get("responsiveness.reviewConcentration.factor"));
    assertEquals(String.valueOf(s.responsiveness().ross().denominator()), f.get("responsiveness.ross.denominator"));
    CommunityMetricsCliTest.Run text = CommunityMetricsCliTest.run("metrics", "--as-of", "2025-07-01T00:00:00Z");
    assertTrue(text.out().contains("Median time to first response"), text.out());
  }
}
