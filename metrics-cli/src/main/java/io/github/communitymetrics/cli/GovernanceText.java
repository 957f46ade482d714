package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Consumers;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import io.github.communitymetrics.core.metrics.governance.Maintainers;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.report.ProfileCriteria;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text output of {@code governance}: per repository or owner, what docs/governance.md describes. */
final class GovernanceText {
  private GovernanceText() {}

  static void write(PrintWriter out, GovernanceCommand.Run run) {
    GovernanceFindings.Settings s = run.settings();
    Evaluation e = s.evaluation();
    Window w = e.window();
    out.println("Source: " + run.source());
    out.println("Window: " + w.start() + " to " + w.end() + " (merges and proposals in it; maintainers as of its end)");
    out.println("Approval rule: " + ruleText(s));
    out.println("Proposals: labels " + String.join(",", e.words(Decisions.INSTANCE, "labels"))
        + "; pull requests to " + String.join(",", e.words(Decisions.INSTANCE, "rfcRepositories"))
        + "; accepted label " + String.join(",", e.words(Decisions.INSTANCE, "acceptedLabels"))
        + "; postponed label " + String.join(",", e.words(Decisions.INSTANCE, "postponedLabels")));
    out.println("Maturity profile: thresholds " + String.join(",", e.words(MaturityProfile.INSTANCE, "thresholds"))
        + "; consumers: " + String.join(",", e.words(Consumers.INSTANCE, "consumers"))
        + " (their people: who contributes to their repositories in the input)");
    out.println("Maintainers: from the events (access granted, author association owner, member or collaborator, merges)"
        + s.file().map(f -> " and " + fileText(f)).orElse("")
        + "; inactive after " + NewcomersJson.days(s.inactiveAfter()) + " without a merge or review");
    s.file().ifPresent(f -> {
      for (var k : f.skipped()) {
        out.println("  skipped " + f.path() + ":" + k.line() + ": " + k.problem());
      }
      if (!f.teams().isEmpty()) {
        out.println("  teams not counted (the events do not say who is in them): " + String.join(", ", f.teams()));
      }
    });
    for (GovernanceFindings g : run.groups()) {
      out.println();
      group(out, g, s, run);
    }
    if (run.simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  static String ruleText(GovernanceFindings.Settings s) {
    ApprovalRule.Rule r = s.approvalRule();
    return s.rule() + ": at least " + r.approvers() + (r.maintainersOnly() ? " maintainers" : " people")
        + " other than the author approved, from at least " + r.organizations() + " organisations";
  }

  static String fileText(MaintainersFile f) {
    return "listed in " + f.path() + " (" + f.format() + ", " + f.entries().size() + " logins"
        + (f.skipped().isEmpty() ? "" : ", " + f.skipped().size() + " lines skipped") + ")";
  }

  private static void group(PrintWriter out, GovernanceFindings f, GovernanceFindings.Settings s, GovernanceCommand.Run run) {
    out.println(f.name() + String.format(Locale.ROOT, "  (%,d events)", f.events()));
    approvals(out, f.approvals(), s, run);
    decisions(out, f.decisions(), s);
    maintainers(out, f.maintainers(), s, run);
    f.listed().ifPresent(l -> listed(out, l, s));
    profile(out, f.profile());
    consumers(out, f.consumers());
  }

  /** Each criterion on its own line with its threshold and outcome, then what it means: no total. */
  private static void profile(PrintWriter out, MaturityProfile.Result r) {
    out.println("  Maturity profile (" + ProfileCriteria.thresholds(r) + "; each criterion on its own, no overall score):");
    for (MaturityProfile.Check c : r.checks()) {
      NewcomerFigure v = GovernanceFigures.criterion(r, c);
      out.println("    " + ProfileCriteria.name(c.criterion()) + ": "
          + (v.value().isPresent() ? ProfileCriteria.value(c) + ", threshold " + ProfileCriteria.threshold(c) + ": "
              + ProfileCriteria.outcome(c).toUpperCase(Locale.ROOT)
              : "no data (" + v.why() + "), threshold " + ProfileCriteria.threshold(c)));
      out.println("      " + ProfileCriteria.meaning(c.criterion()));
    }
  }

  private static void consumers(PrintWriter out, Consumers.Result r) {
    Consumers.Counts all = r.all();
    out.println("  Consumers: " + all.total() + " issues, pull requests and reviews in the window; from consumers' people: "
        + r.fromConsumers().map(c -> c.total() + " (" + GovernanceFigures.percent(GovernanceFigures.consumersShare(r)) + ")")
            .orElse("no data (" + GovernanceFigures.consumersShare(r).why() + ")"));
    for (Consumers.Consumer c : r.consumers()) {
      out.println("    " + c.name() + ": " + c.items()
          .map(i -> c.people() + " people in " + c.repositories().stream().map(x -> x.fullName()).collect(Collectors.joining(", "))
              + ", " + c.takingPart() + " taking part: " + i.issues() + " issues, " + i.pullRequests() + " pull requests, "
              + i.reviews() + " reviews, share " + GovernanceFigures.percent(GovernanceFigures.consumerShare(r, c)))
          .orElse("no data (" + GovernanceFigures.consumerShare(r, c).why() + ")"));
    }
  }

  private static void approvals(PrintWriter out, ApprovalRule.Result r, GovernanceFindings.Settings s, GovernanceCommand.Run run) {
    ApprovalRule.Outcome o = r.rule();
    int n = o.verdicts().size();
    out.println("  Approvals: " + n + " merged pull requests in the window (left out: " + r.botAuthored()
        + " by bots, " + r.unknownAuthor() + " with an unknown author)");
    out.println("    met " + s.rule() + ": " + count(o) + "; rust-vmm (3 maintainers): " + count(r.rustVmm())
        + "; rust-vmm diverse (3 maintainers, 3 organisations): " + count(r.rustVmmDiverse()));
    ApprovalRule.ScorecardCodeReview sc = r.scorecard();
    out.println("    Scorecard Code-Review: " + sc.approved() + " of the last " + sc.changesets() + " changesets approved, score "
        + GovernanceFigures.text(GovernanceFigures.scorecardScore(sc), v -> String.format(Locale.ROOT, "%.0f of 10", v)));
    List<ApprovalRule.Verdict> unmet = o.verdicts().stream().filter(v -> !v.met()).toList();
    if (unmet.isEmpty()) {
      return;
    }
    int shown = Math.min(s.list(), unmet.size());
    out.println("    did not meet " + s.rule() + ": " + unmet.size() + (shown < unmet.size() ? " (the first " + shown + " by merge)" : ""));
    for (ApprovalRule.Verdict v : unmet.subList(0, shown)) {
      out.println("      " + v.pullRequest() + "  merged " + v.merged() + "  by " + run.label().apply(v.author())
          + "; approvers: " + (v.approvers().isEmpty() ? "none"
              : v.approvers().stream().map(run.label()).collect(Collectors.joining(", ")))
          + "; organisations: " + (v.organizations().isEmpty() ? "none known" : String.join(", ", v.organizations())));
    }
  }

  private static String count(ApprovalRule.Outcome o) {
    return o.verdicts().isEmpty() ? "no data (" + GovernanceFigures.share(o).why() + ")"
        : o.met() + " of " + o.verdicts().size() + " (" + GovernanceFigures.percent(GovernanceFigures.share(o)) + ")";
  }

  private static void decisions(PrintWriter out, Decisions.Result r, GovernanceFindings.Settings s) {
    Decisions.Summary a = r.all();
    if (a.proposals().isEmpty()) {
      out.println("  Decisions: 0 proposals opened in the window: no data for acceptance, time to decision,"
          + " participation or single-organisation decisions");
      return;
    }
    {
      out.println("  Decisions: " + a.proposals().size() + " proposals opened in the window: " + outcomes(a));
      out.println("    acceptance (accepted of accepted and rejected): " + GovernanceFigures.percent(GovernanceFigures.acceptance(a)));
      out.println("    median time to decision (Kaplan-Meier, open ones censored at the end): " + days(a));
      out.println("    participants per proposal (mean): "
          + GovernanceFigures.text(GovernanceFigures.participantsMean(a), v -> String.format(Locale.ROOT, "%.1f", v))
          + "; effective organisations (mean e^H): "
          + GovernanceFigures.text(GovernanceFigures.effectiveOrganizationsMean(a), v -> String.format(Locale.ROOT, "%.2f", v))
          + "; comments from outside the maintainers: " + GovernanceFigures.percent(GovernanceFigures.outsideMaintainersShare(a)));
      out.println("    decided by one organisation: " + GovernanceFigures.percent(GovernanceFigures.singleOrganizationShare(a))
          + " (" + a.singleOrganizationKnown() + " decided with known organisations)");
    }
    String word = s.evaluation().granularity(Decisions.INSTANCE, "period").word();
    if (r.perPeriod().isEmpty()) {
      out.println("    per " + word + ": no data (no complete " + word + " inside the window)");
      return;
    }
    out.println("    per " + word + ":");
    for (Decisions.Summary p : r.perPeriod()) {
      out.println("      " + NewcomersText.label(p.window()) + "  " + (p.proposals().isEmpty() ? "0 proposals"
          : p.proposals().size() + " proposals: " + outcomes(p) + "; acceptance "
              + GovernanceFigures.percent(GovernanceFigures.acceptance(p)) + "; median time to decision " + days(p)));
    }
  }

  private static String outcomes(Decisions.Summary s) {
    StringBuilder b = new StringBuilder();
    for (Decisions.Outcome o : Decisions.Outcome.values()) {
      long n = s.proposals().stream().filter(p -> p.outcome() == o).count();
      b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(o.name().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  private static String days(Decisions.Summary s) {
    return GovernanceFigures.text(GovernanceFigures.medianDays(s), v -> String.format(Locale.ROOT, "%.1f days", v));
  }

  private static void maintainers(PrintWriter out, Maintainers.Result r, GovernanceFindings.Settings s, GovernanceCommand.Run run) {
    int n = r.maintainers().size();
    out.println("  Maintainers at the end: " + n + (n == 0 ? " (no access grant, maintainer association or merge)"
        : " (" + r.active() + " active), " + r.organizations() + " organisations; elephant factor "
            + GovernanceFigures.text(GovernanceFigures.elephant(r.elephant(), n), v -> String.format(Locale.ROOT, "%.0f", v))
            + elephantMembers(r.elephant().members())));
    String word = s.evaluation().granularity(Maintainers.INSTANCE, "period").word();
    if (!r.perPeriod().isEmpty()) {
      out.println("    per " + word + ": " + r.perPeriod().stream()
          .map(p -> NewcomersText.label(p.period()) + " " + p.maintainers() + " (" + p.active() + " active)").collect(Collectors.joining(", ")));
    }
    for (Maintainers.Maintainer m : r.maintainers()) {
      out.println("    " + run.label().apply(m.person()) + "  " + m.organization().orElse("organisation unknown")
          + "  since " + m.since() + " (" + m.evidence().name().toLowerCase(Locale.ROOT) + ")  "
          + (m.active() ? "active" : "INACTIVE") + ", last merge or review " + m.lastActivity().map(Object::toString).orElse("none"));
    }
  }

  private static void listed(PrintWriter out, GovernanceFindings.Listed l, GovernanceFindings.Settings s) {
    int n = l.maintainers().size();
    out.println("  Listed maintainers: " + n + " (" + l.active() + " active), " + l.organizations() + " organisations; elephant factor "
        + GovernanceFigures.text(GovernanceFigures.elephant(l.elephant(), n), v -> String.format(Locale.ROOT, "%.0f", v))
        + elephantMembers(l.elephant().members()));
    for (GovernanceFindings.ListedMaintainer m : l.maintainers()) {
      out.println("    " + m.login() + "  " + m.organization().orElse("organisation unknown") + "  "
          + (m.person().isEmpty() ? "INACTIVE, not in the events"
              : (m.active() ? "active" : "INACTIVE") + ", last merge or review " + m.lastActivity().map(Object::toString).orElse("none")));
    }
  }

  private static String elephantMembers(List<Ranked<String>> members) {
    return members.isEmpty() ? "" : " (" + members.stream()
        .map(r -> r.key() + String.format(Locale.ROOT, " %.0f%%", 100 * r.share())).collect(Collectors.joining(", ")) + ")";
  }
}
