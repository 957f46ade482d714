package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.time.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * rust-vmm's question: "does each merged pull request of a crate have approvals from 3
 * maintainers of different affiliations?" The core's {@code approval-rule} over the year before
 * as-of, with N = 3 approvers and K = 3 organisations among maintainers (people the events show
 * as maintainers when they approved: access granted, author association owner, member or
 * collaborator, merges); an approver's organisation is the domain of their e-mail address (no
 * address, no organisation). A crate is a repository: give {@code --repo} for each. Run: {@code
 * examples/run.sh ApprovalDiversity [--github rust-vmm/vm-memory]}; docs/governance.md.
 */
public final class ApprovalDiversity {
  private ApprovalDiversity() {}

  /** The window: a year of merges. */
  static final Duration WINDOW = Duration.ofDays(365);

  /** How many pull requests that missed the rule are listed. */
  static final int LISTED = 10;

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("Does each merged pull request have approvals from 3 maintainers of different affiliations?"));
    Evaluation e = Evaluation.of(c.scope(), Window.endingAt(c.asOf(), WINDOW))
        .withAffiliations(Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build())
        .withParameter(ApprovalRule.INSTANCE, "approvers", "3")
        .withParameter(ApprovalRule.INSTANCE, "organizations", "3");
    ApprovalRule.Result r = ApprovalRule.INSTANCE.metric(e).compute(c.store(), c.people());
    int merged = r.rule().verdicts().size();
    out.println("Merged pull requests in the 365 days: " + merged + " (left out: " + r.botAuthored() + " by bots, "
        + r.unknownAuthor() + " with an unknown author)");
    if (merged == 0) {
      out.println("Nothing merged: no data for the question.");
      return;
    }
    out.println("  approved by 3 maintainers:                    " + share(r.rustVmm()));
    out.println("  approved by 3 maintainers of 3 organisations: " + share(r.rule()));
    List<ApprovalRule.Verdict> unmet = r.rule().verdicts().stream().filter(v -> !v.met()).toList();
    if (unmet.isEmpty()) {
      out.println("Every merged pull request met the rule.");
      return;
    }
    out.println("Missed the rule (" + unmet.size() + "; the first " + Math.min(LISTED, unmet.size()) + " by merge):");
    for (ApprovalRule.Verdict v : unmet.subList(0, Math.min(LISTED, unmet.size()))) {
      out.printf(Locale.ROOT, "  %s  %d maintainers (%s) of %d organisations (%s)%n", v.pullRequest(), v.approvers().size(),
          v.approvers().stream().map(c::label).collect(Collectors.joining(", ")),
          v.organizations().size(), String.join(", ", v.organizations()));
    }
  }

  private static String share(ApprovalRule.Outcome o) {
    return String.format(Locale.ROOT, "%d of %d (%.0f%%)", o.met(), o.verdicts().size(), 100 * o.share().orElseThrow());
  }
}
