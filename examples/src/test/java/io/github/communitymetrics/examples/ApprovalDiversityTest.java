package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ApprovalDiversity} on hand-written events, whose answer is worked out in the comments, and
 * on the built-in demo's kind of community (the simulator), checked against the registry's
 * {@code approval-rule} descriptor evaluated here with the same parameters.
 */
class ApprovalDiversityTest {
  @TempDir Path dir;

  private static String output(Path events, String asOf) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ApprovalDiversity.run(Community.fromArgs("--events", events.toString(), "--as-of", asOf), out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String review(int n, String login, String domain) {
    return "{\"type\":\"review\",\"at\":\"2024-02-0" + n + "T12:00:00Z\",\"repo\":\"rust-vmm/vm-memory\",\"actor\":{\"login\":\"" + login
        + "\",\"email\":\"" + login + "@" + domain + "\",\"bot\":false},\"number\":" + n + ",\"state\":\"approved\","
        + "\"pull_request_author\":{\"login\":\"carol\",\"bot\":false},\"association\":\"COLLABORATOR\"}";
  }

  /**
   * #1 is approved by three collaborators of intel.com, amazon.com and redhat.com; #2 by ann, cy
   * and dee, ann and dee both of intel.com. Both have 3 maintainers' approvals; only #1 has 3
   * organisations, so #2 is listed as missing the rule with its 2 organisations.
   */
  @Test
  void threeMaintainersOfThreeOrganisations() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int n = 1; n <= 2; n++) {
      lines.add("{\"type\":\"pull_request_opened\",\"at\":\"2024-02-0" + n + "T00:00:00Z\",\"repo\":\"rust-vmm/vm-memory\","
          + "\"actor\":{\"login\":\"carol\",\"bot\":false},\"number\":" + n + ",\"draft\":false,\"base\":\"main\",\"association\":\"NONE\"}");
      lines.add(review(n, "ann", "intel.com"));
      lines.add(n == 1 ? review(n, "bo", "amazon.com") : review(n, "dee", "intel.com"));
      lines.add(review(n, "cy", "redhat.com"));
      lines.add("{\"type\":\"pull_request_merged\",\"at\":\"2024-02-0" + n + "T18:00:00Z\",\"repo\":\"rust-vmm/vm-memory\","
          + "\"actor\":{\"login\":\"ann\",\"email\":\"ann@intel.com\",\"bot\":false},\"number\":" + n
          + ",\"author\":{\"login\":\"carol\",\"bot\":false},\"base\":\"main\"}");
    }
    Path events = dir.resolve("vm-memory.jsonl");
    Files.writeString(events, String.join("\n", lines) + "\n");
    String out = output(events, "2024-03-01T00:00:00Z");
    assertTrue(out.contains("Merged pull requests in the 365 days: 2 (left out: 0 by bots, 0 with an unknown author)"), out);
    assertTrue(out.contains("approved by 3 maintainers:                    2 of 2 (100%)"), out);
    assertTrue(out.contains("approved by 3 maintainers of 3 organisations: 1 of 2 (50%)"), out);
    assertTrue(out.contains("rust-vmm/vm-memory#2  3 maintainers (ann, cy, dee) of 2 organisations (intel.com, redhat.com)"), out);
    assertTrue(!out.contains("rust-vmm/vm-memory#1 "), out);
  }

  @Test
  void onTheSimulatedCommunityItAgreesWithTheRegistry() throws IOException {
    var events = CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(7, 20_000)).events();
    Path file = dir.resolve("small.jsonl");
    try (Writer w = Files.newBufferedWriter(file)) {
      EventJsonLines.writeAll(events, w);
    }
    Instant asOf = Instant.parse("2025-10-01T00:00:00Z");
    String out = output(file, asOf.toString());
    EventStore store = EventStore.of(events);
    var e = io.github.communitymetrics.core.registry.Evaluation.of(
            io.github.communitymetrics.core.metrics.RepositoryScope.of(store.repositories().get(0)),
            io.github.communitymetrics.core.time.Window.endingAt(asOf, Duration.ofDays(365)))
        .withAffiliations(io.github.communitymetrics.core.identity.Affiliations.builder()
            .unmappedDomains(io.github.communitymetrics.core.identity.UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build())
        .withParameter(io.github.communitymetrics.core.registry.StandardMetrics.APPROVAL_RULE, "approvers", "3")
        .withParameter(io.github.communitymetrics.core.registry.StandardMetrics.APPROVAL_RULE, "organizations", "3");
    var r = io.github.communitymetrics.core.registry.StandardMetrics.APPROVAL_RULE.evaluate(store, People.resolve(store), e).result();
    int merged = r.rule().verdicts().size();
    assertTrue(merged > 0, "the community merges");
    assertTrue(out.contains("Merged pull requests in the 365 days: " + merged + " "), out);
    assertTrue(out.contains("3 maintainers of 3 organisations: " + r.rule().met() + " of " + merged), out);
    assertTrue(out.contains("approved by 3 maintainers:                    " + r.rustVmm().met() + " of " + merged), out);
    long unmet = merged - r.rule().met();
    if (unmet > 0) {
      assertTrue(out.contains("Missed the rule (" + unmet + "; the first " + Math.min(10, unmet) + " by merge):"), out);
    }
  }
}
