package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Act;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.GrantKey;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Item;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.ItemKey;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Kind;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Approval rules on merged pull requests: "at least N approvers from at least K organisations,
 * among the maintainers at the time of approval, excluding the author", for every pull request
 * merged in the window, with the share that met the rule and the pull requests that did not; and
 * OpenSSF Scorecard's Code-Review check as it is implemented.
 *
 * <p><b>Which approvals count.</b> A review with verdict approved, at or before the merge, by a
 * person (after identity resolution) other than the pull request's author, not a bot. An approval
 * stands unless the same reviewer's last verdict at or before the merge is a request for changes
 * or a dismissal (GitHub keeps only a reviewer's latest verdict as blocking; a dismissed review
 * no longer approves). With {@code maintainersOnly}, the approver must have been a maintainer at
 * the approval instant: granted access ({@code member_added}), or seen acting with author
 * association owner, member or collaborator, or merging, at or before it, or named as a maintainer
 * (parameter {@code maintainers}: a MAINTAINERS or CODEOWNERS file's logins). The approver's
 * organisation is the one the affiliations give at the approval instant; unaffiliated approvers
 * add none.
 *
 * <p><b>Which pull requests.</b> Merged in the window (first merge), before the window's end.
 * Pull requests authored by bots are left out and counted; so are pull requests whose author is
 * unknown (no opening, review or merge naming the author), since the author cannot be excluded.
 */
public final class ApprovalRule extends MetricDescriptor<ApprovalRule.Result> {

  /** The registered instance ({@code StandardMetrics.APPROVAL_RULE}). */
  public static final ApprovalRule INSTANCE = new ApprovalRule();

  private static final String SCORECARD = "scorecard-code-review";
  private static final String RUST_VMM = "rust-vmm";
  private static final String TWO_COMPANIES = "two-companies";

  private ApprovalRule() {
    super(
        "approval-rule",
        "Does each merged change carry the approvals the rule asks for?",
        "For every pull request merged in the window: did at least N people other than its author,"
            + " maintainers when they approved, from at least K organisations, approve it before the"
            + " merge? The share that did, the ones that did not, rust-vmm's three-maintainer rule and"
            + " OpenSSF Scorecard's Code-Review score.",
        "approvalRule",
        List.of(
            new Preset(TWO_COMPANIES, "Two approvals from different companies (OpenTelemetry semantic conventions)")
                .definedAt("https://github.com/open-telemetry/semantic-conventions/issues/364")
                .withGuidance("Every merged change should meet the rule: the share is 1 when it is kept."),
            new Preset(RUST_VMM, "rust-vmm: approval from at least 3 maintainers")
                .definedAt("https://github.com/rust-vmm/community")
                .withGuidance(
                    "The thread asks for approval from at least 3 maintainers and for maintainers of a"
                        + " variety of affiliations; rustVmm reads the rule as written (3 maintainers),"
                        + " rustVmmDiverse as 3 maintainers of 3 organisations."),
            new Preset(SCORECARD, "OpenSSF Scorecard Code-Review (checks/evaluation/code_review.go, probes/codeApproved)")
                .definedAt("https://github.com/ossf/scorecard/blob/main/probes/codeApproved/impl.go")
                .withGuidance("Score 0 to 10, higher is better: 10 when every changeset was approved.")),
        List.of(
            new Parameter("approvers", Parameter.Kind.INTEGER, "2", "people", "N: distinct approvers other than the author"),
            new Parameter("organizations", Parameter.Kind.INTEGER, "2", "organizations", "K: distinct organisations among those approvers"),
            new Parameter("maintainersOnly", Parameter.Kind.INTEGER, "1", "flag", "1: only maintainers' approvals count; 0: anyone's"),
            new Parameter("changesets", Parameter.Kind.INTEGER, "30", "pull requests", "Scorecard: how many of the last merged pull requests are read"),
            new Parameter("maintainers", Parameter.Kind.WORDS, "", "logins",
                "logins named as maintainers (a MAINTAINERS or CODEOWNERS file's), in addition to those the events show")),
        List.of(
            new MeasurementSpec("merged", Unit.COUNT, "pull requests merged in the window with a known author who is not a bot"),
            new MeasurementSpec("met", Unit.FRACTION, "share of them meeting the configured rule (N approvers, K organisations)"),
            new MeasurementSpec("rustVmm", Unit.FRACTION, "share approved by at least 3 maintainers"),
            new MeasurementSpec("rustVmmDiverse", Unit.FRACTION, "share approved by at least 3 maintainers of 3 organisations"),
            new MeasurementSpec("scorecardShare", Unit.FRACTION, "Scorecard: approved among the last changesets"),
            new MeasurementSpec("scorecardScore", Unit.POINTS, "Scorecard Code-Review score, floor(10 x share)")),
        Locality.HISTORY);
  }

  /**
   * What one rule asks.
   *
   * @param approvers N, at least 1
   * @param organizations K, at least 0
   * @param maintainersOnly whether only maintainers' approvals count
   */
  public record Rule(int approvers, int organizations, boolean maintainersOnly) {
    /** Checks the bounds. */
    public Rule {
      Checks.positive(approvers, "approvers");
      Checks.notNegative(organizations, "organizations");
    }
  }

  /**
   * One merged pull request under one rule.
   *
   * @param pullRequest which
   * @param author its author's person key
   * @param merged when it was first merged
   * @param approvers the approvers counted (standing approvals at or before the merge), in key order
   * @param organizations their organisations at their approvals, sorted
   * @param met whether the rule was met
   */
  public record Verdict(
      PullRequestRef pullRequest, Actor author, Instant merged, List<Actor> approvers, List<String> organizations, boolean met) {
    /** Copies the lists. */
    public Verdict {
      Checks.notNull(pullRequest, "pullRequest");
      Checks.notNull(author, "author");
      Checks.notNull(merged, "merged");
      approvers = List.copyOf(approvers);
      organizations = List.copyOf(organizations);
    }
  }

  /**
   * A rule's outcome over the window.
   *
   * @param rule the rule
   * @param verdicts every counted merged pull request, in merge order
   */
  public record Outcome(Rule rule, List<Verdict> verdicts) {
    /** Copies the verdicts. */
    public Outcome {
      Checks.notNull(rule, "rule");
      verdicts = List.copyOf(verdicts);
    }

    /** How many pull requests met the rule. */
    public int met() {
      return (int) verdicts.stream().filter(Verdict::met).count();
    }

    /** The share that met it, a fraction in [0, 1]; empty when nothing was merged (no data). */
    public OptionalDouble share() {
      return verdicts.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) met() / verdicts.size());
    }

    /** The pull requests that did not meet it, in merge order. */
    public List<PullRequestRef> unmet() {
      return verdicts.stream().filter(v -> !v.met()).map(Verdict::pullRequest).toList();
    }
  }

  /**
   * OpenSSF Scorecard's Code-Review as implemented in {@code probes/codeApproved}: of the last
   * {@code changesets} pull requests merged before the as-of instant, those approved (a review
   * with state approved by someone other than the author, at any time before as-of, bots' reviews
   * included as Scorecard includes them; an approval later dismissed by the same reviewer no
   * longer counts, as the API then reports the review dismissed); approved changesets authored by
   * bots are skipped, unapproved ones count (Scorecard issue 2450).
   *
   * @param changesets the changesets counted (after skipping)
   * @param approved how many of them were approved
   * @param unapproved those that were not, newest first
   */
  public record ScorecardCodeReview(int changesets, int approved, List<PullRequestRef> unapproved) {
    /** Checks the counts and copies the list. */
    public ScorecardCodeReview {
      Checks.notNegative(changesets, "changesets");
      Checks.argument(approved >= 0 && approved <= changesets, "approved out of range: " + approved);
      unapproved = List.copyOf(unapproved);
    }

    /** approved / changesets, a fraction; empty when there were none (Scorecard: inconclusive). */
    public OptionalDouble share() {
      return changesets == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) approved / changesets);
    }

    /** Scorecard's score, {@code floor(10 * approved / changesets)}, 0 to 10; empty when none. */
    public OptionalInt score() {
      return changesets == 0 ? OptionalInt.empty() : OptionalInt.of(Math.min(10 * approved / changesets, 10));
    }
  }

  /**
   * The result.
   *
   * @param window the window of the merges
   * @param rule the configured rule (parameters {@code approvers}, {@code organizations}, {@code
   *     maintainersOnly})
   * @param rustVmm 3 maintainers, any organisations
   * @param rustVmmDiverse 3 maintainers of 3 organisations
   * @param scorecard Scorecard's Code-Review
   * @param botAuthored merged pull requests in the window left out because a bot wrote them
   * @param unknownAuthor merged pull requests in the window left out because their author is unknown
   */
  public record Result(
      Window window,
      Outcome rule,
      Outcome rustVmm,
      Outcome rustVmmDiverse,
      ScorecardCodeReview scorecard,
      int botAuthored,
      int unknownAuthor) {
    /** Checks the components. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(rule, "rule");
      Checks.notNull(rustVmm, "rustVmm");
      Checks.notNull(rustVmmDiverse, "rustVmmDiverse");
      Checks.notNull(scorecard, "scorecard");
    }
  }

  /** Approvals of the repository's changesets by maintainers, known from its history; organizations from the people's addresses. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return new Engine(
        e.scope(), e.window(), e.affiliations(),
        new Rule(e.integer(this, "approvers"), e.integer(this, "organizations"), e.integer(this, "maintainersOnly") != 0),
        Checks.positive(e.integer(this, "changesets"), "changesets"), e.words(this, "maintainers"));
  }

  /** The algorithm over a scope and window, with affiliations. */
  public static SliceMetric<GovernanceState, Result> of(
      RepositoryScope scope, Window window, Affiliations affiliations, Rule rule, int changesets) {
    return of(scope, window, affiliations, rule, changesets, List.of());
  }

  /**
   * The algorithm over a scope and window, with affiliations and people named as maintainers.
   *
   * @param maintainerLogins logins named as maintainers (a MAINTAINERS or CODEOWNERS file's; a
   *     leading {@code @} is dropped, case ignored): maintainers at every instant, in addition to
   *     those the events show
   */
  public static SliceMetric<GovernanceState, Result> of(
      RepositoryScope scope, Window window, Affiliations affiliations, Rule rule, int changesets,
      Collection<String> maintainerLogins) {
    return new Engine(scope, window, affiliations, rule, Checks.positive(changesets, "changesets"), maintainerLogins);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    int n = r.rule().verdicts().size();
    return List.of(
        Measurement.of(id(), "merged", Unit.COUNT, n, n, TWO_COMPANIES),
        Measurement.of(id(), "met", Unit.FRACTION, r.rule().share(), n, TWO_COMPANIES),
        Measurement.of(id(), "rustVmm", Unit.FRACTION, r.rustVmm().share(), n, RUST_VMM),
        Measurement.of(id(), "rustVmmDiverse", Unit.FRACTION, r.rustVmmDiverse().share(), n, RUST_VMM),
        Measurement.of(id(), "scorecardShare", Unit.FRACTION, r.scorecard().share(), r.scorecard().changesets(), SCORECARD),
        Measurement.of(
            id(), "scorecardScore", Unit.POINTS,
            r.scorecard().score().isPresent() ? OptionalDouble.of(r.scorecard().score().getAsInt()) : OptionalDouble.empty(),
            r.scorecard().changesets(), SCORECARD));
  }

  static final class Engine extends GovernanceScan<Result> {
    private static final Rule RUST_VMM_RULE = new Rule(3, 1, true);
    private static final Rule RUST_VMM_DIVERSE_RULE = new Rule(3, 3, true);
    private final Window window;
    private final Rule rule;
    private final int changesets;

    Engine(
        RepositoryScope scope, Window window, Affiliations affiliations, Rule rule, int changesets,
        Collection<String> maintainerLogins) {
      super(scope, window.end(), affiliations, maintainerLogins);
      this.window = window;
      this.rule = Checks.notNull(rule, "rule");
      this.changesets = changesets;
    }

    @Override
    public Result finish(GovernanceState state) {
      Map<GrantKey, Instant> since = GovernanceState.maintainerSince(state);
      // Sorted by key so that the verdicts' order never depends on the merges' order.
      Map<ItemKey, Item> items = new TreeMap<>(Comparator.comparing(ItemKey::repository).thenComparingInt(ItemKey::number));
      items.putAll(state.items);
      List<Merged> merged = new ArrayList<>();
      int bots = 0;
      int unknown = 0;
      List<Merged> everMerged = new ArrayList<>();
      for (Map.Entry<ItemKey, Item> e : items.entrySet()) {
        Item item = e.getValue();
        List<Act> acts = item.sortedActs();
        Optional<Instant> mergeAt = acts.stream().filter(a -> a.kind() == Kind.MERGED).map(Act::at).findFirst();
        if (mergeAt.isEmpty()) {
          continue;
        }
        Merged m = new Merged(e.getKey(), item, acts, mergeAt.get());
        if (item.author != null) {
          everMerged.add(m);
        }
        if (!window.contains(m.at)) {
          continue;
        }
        if (item.author == null) {
          unknown++;
        } else if (item.authorBot) {
          bots++;
        } else {
          merged.add(m);
        }
      }
      Comparator<Merged> byMerge = Comparator.comparing((Merged m) -> m.at).thenComparing(m -> m.key.repository()).thenComparingInt(m -> m.key.number());
      merged.sort(byMerge);
      return new Result(
          window,
          outcome(rule, merged, since),
          outcome(RUST_VMM_RULE, merged, since),
          outcome(RUST_VMM_DIVERSE_RULE, merged, since),
          scorecard(everMerged, byMerge),
          bots,
          unknown);
    }

    private record Merged(ItemKey key, Item item, List<Act> acts, Instant at) {}

    private static Outcome outcome(Rule rule, List<Merged> merged, Map<GrantKey, Instant> since) {
      List<Verdict> verdicts = new ArrayList<>(merged.size());
      for (Merged m : merged) {
        // Each reviewer's last verdict at or before the merge; only approvals that still stand count.
        Map<Actor, Act> last = new HashMap<>();
        for (Act a : m.acts) {
          if (!a.at().isAfter(m.at) && !a.bot() && !a.person().equals(m.item.author)
              && (a.kind() == Kind.APPROVED || a.kind() == Kind.CHANGES_REQUESTED || a.kind() == Kind.DISMISSED)) {
            last.put(a.person(), a);
          }
        }
        TreeSet<Actor> approvers = new TreeSet<>();
        TreeSet<String> orgs = new TreeSet<>();
        for (Act a : last.values()) {
          if (a.kind() != Kind.APPROVED) {
            continue;
          }
          if (rule.maintainersOnly()
              && !GovernanceState.maintainerAt(since, new GrantKey(m.key.repository(), a.person()), a.at())) {
            continue;
          }
          approvers.add(a.person());
          if (a.organization() != null) {
            orgs.add(a.organization());
          }
        }
        boolean met = approvers.size() >= rule.approvers() && orgs.size() >= rule.organizations();
        verdicts.add(new Verdict(
            new PullRequestRef(m.key.repository(), m.key.number()), m.item.author, m.at,
            List.copyOf(approvers), List.copyOf(orgs), met));
      }
      return new Outcome(rule, verdicts);
    }

    private ScorecardCodeReview scorecard(List<Merged> everMerged, Comparator<Merged> byMerge) {
      List<Merged> newestFirst = new ArrayList<>(everMerged);
      newestFirst.sort(byMerge.reversed());
      int total = 0;
      int approved = 0;
      List<PullRequestRef> unapproved = new ArrayList<>();
      for (Merged m : newestFirst.subList(0, Math.min(changesets, newestFirst.size()))) {
        Map<Actor, Act> last = new HashMap<>();
        for (Act a : m.acts) {
          if (!a.person().equals(m.item.author) && (a.kind() == Kind.APPROVED || a.kind() == Kind.DISMISSED)) {
            last.put(a.person(), a);
          }
        }
        boolean ok = last.values().stream().anyMatch(a -> a.kind() == Kind.APPROVED);
        if (ok && m.item.authorBot) {
          continue; // Scorecard skips approved bot changesets (ossf/scorecard#2450)
        }
        total++;
        if (ok) {
          approved++;
        } else {
          unapproved.add(new PullRequestRef(m.key.repository(), m.key.number()));
        }
      }
      return new ScorecardCodeReview(total, approved, unapproved);
    }
  }
}
