package io.github.communitymetrics.report;

import io.github.communitymetrics.core.metrics.governance.ApprovalRule;
import io.github.communitymetrics.core.metrics.governance.Decisions;
import io.github.communitymetrics.core.metrics.governance.Maintainers;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.registry.Evaluated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * "Are decisions open and approvals diverse?": one repository's governance drawn from the results
 * the portfolio already holds ({@code approval-rule}, {@code decisions}, {@code maintainers}), so
 * the section costs no second computation. Its charts: how many merged pull requests met each
 * approval rule, the proposals' outcomes, and the maintainers per organisation.
 */
public final class GovernanceSection {
  /** The section's question. */
  public static final String QUESTION = "Are decisions open and approvals diverse?";

  /** How many organisations get a bar of their own; the others share one. */
  static final int ORGANIZATION_BARS = 8;

  private GovernanceSection() {}

  /**
   * The section of one repository's results, or empty when the results lack one of the three
   * metrics (a registry without them).
   *
   * @param results the repository's evaluated metrics (a {@link Portfolio.Entry}'s)
   */
  public static Optional<Section> of(List<Evaluated<?>> results) {
    Optional<ApprovalRule.Result> a = find(results, ApprovalRule.Result.class);
    Optional<Decisions.Result> d = find(results, Decisions.Result.class);
    Optional<Maintainers.Result> m = find(results, Maintainers.Result.class);
    if (a.isEmpty() || d.isEmpty() || m.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(section(a.get(), d.get(), m.get()));
  }

  /**
   * The repository's {@code maturity-profile}, which the section shows as a table of its
   * criteria; empty when the results lack it.
   */
  public static Optional<MaturityProfile.Result> profile(List<Evaluated<?>> results) {
    return find(results, MaturityProfile.Result.class);
  }

  private static <R> Optional<R> find(List<Evaluated<?>> results, Class<R> type) {
    return results.stream().map(Evaluated::result).filter(type::isInstance).map(type::cast).findFirst();
  }

  static Section section(ApprovalRule.Result a, Decisions.Result d, Maintainers.Result m) {
    List<Chart> charts = new ArrayList<>();
    if (!a.rule().verdicts().isEmpty()) {
      charts.add(rules(a));
    }
    if (!d.all().proposals().isEmpty()) {
      charts.add(outcomes(d.all()));
    }
    if (!m.maintainers().isEmpty()) {
      charts.add(organizations(m));
    }
    return new Section(QUESTION, answer(a, d, m), "", preset(a), charts);
  }

  private static String preset(ApprovalRule.Result a) {
    ApprovalRule.Rule r = a.rule().rule();
    return "approval-rule: " + r.approvers() + " approvers of " + r.organizations() + " organisations"
        + (r.maintainersOnly() ? ", maintainers only" : "") + "; rust-vmm: 3 maintainers (diverse: of 3 organisations);"
        + " decisions: RFC processes; maintainers: CHAOSS elephant factor; no published levels";
  }

  /** The headline: approvals, decisions, maintainers; "no data" where there is no evidence. */
  static String answer(ApprovalRule.Result a, Decisions.Result d, Maintainers.Result m) {
    int merged = a.rule().verdicts().size();
    String approvals = merged == 0 ? "no merged pull request in the window: approvals have no data"
        : merged + " merged pull requests: " + percent(a.rule().share()) + " met the rule ("
            + a.rule().rule().approvers() + " approvers of " + a.rule().rule().organizations() + " organisations), "
            + percent(a.rustVmm().share()) + " had 3 maintainers' approvals, "
            + percent(a.rustVmmDiverse().share()) + " 3 maintainers of 3 organisations";
    Decisions.Summary all = d.all();
    String decisions = all.proposals().isEmpty() ? "no proposal opened in the window: decisions have no data"
        : all.proposals().size() + " proposals: acceptance " + percent(all.acceptance()) + ", median time to decision "
            + all.medianTimeToDecision().map(GovernanceSection::days).orElse("no data (fewer than half decided)")
            + ", decided by one organisation " + percent(all.singleOrganizationShare());
    int n = m.maintainers().size();
    String maintainers = n == 0 ? "no maintainer in the events"
        : n + " maintainers (" + (n - m.active()) + " inactive) from " + m.organizations() + " organisations, elephant factor "
            + (m.elephant().total() == 0 ? "no data (no maintainer with a known organisation)" : String.valueOf(m.elephant().factor()));
    return approvals + "; " + decisions + "; " + maintainers;
  }

  private static String days(Duration t) {
    return String.format(Locale.ROOT, "%.1f days", t.toNanos() / 86_400e9);
  }

  private static String percent(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * v.getAsDouble()) : "no data";
  }

  /** Merged pull requests meeting each rule. */
  static BarChart rules(ApprovalRule.Result a) {
    int n = a.rule().verdicts().size();
    ApprovalRule.Rule r = a.rule().rule();
    return new BarChart("Merged pull requests (" + n + ") that met each approval rule", "pull requests",
        List.of(
            new Bar("merged: " + n, n),
            new Bar(r.approvers() + " approvers, " + r.organizations() + " orgs: " + a.rule().met(), a.rule().met()),
            new Bar("3 maintainers: " + a.rustVmm().met(), a.rustVmm().met()),
            new Bar("3 maintainers, 3 orgs: " + a.rustVmmDiverse().met(), a.rustVmmDiverse().met())));
  }

  /** The proposals by outcome. */
  static BarChart outcomes(Decisions.Summary s) {
    List<Bar> bars = new ArrayList<>();
    for (Decisions.Outcome o : Decisions.Outcome.values()) {
      long c = s.proposals().stream().filter(p -> p.outcome() == o).count();
      bars.add(new Bar(o.name().toLowerCase(Locale.ROOT) + ": " + c, c));
    }
    return new BarChart("Proposals opened in the window, by outcome at its end", "proposals", bars);
  }

  /** Maintainers per organisation, the largest first; unaffiliated ones last. */
  static BarChart organizations(Maintainers.Result m) {
    Map<String, Long> per = new TreeMap<>();
    long unknown = 0;
    for (Maintainers.Maintainer x : m.maintainers()) {
      if (x.organization().isPresent()) {
        per.merge(x.organization().get(), 1L, Long::sum);
      } else {
        unknown++;
      }
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(per.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    List<Bar> bars = new ArrayList<>();
    long rest = 0;
    int others = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (i < ORGANIZATION_BARS) {
        bars.add(new Bar(sorted.get(i).getKey(), sorted.get(i).getValue()));
      } else {
        rest += sorted.get(i).getValue();
        others++;
      }
    }
    if (others > 0) {
      bars.add(new Bar(others + " other organisations", rest));
    }
    if (unknown > 0) {
      bars.add(new Bar("organisation unknown", unknown));
    }
    return new BarChart("Maintainers at the end of the window, by organisation (elephant factor "
        + (m.elephant().total() == 0 ? "no data" : m.elephant().factor()) + ")", "maintainers", bars);
  }
}
