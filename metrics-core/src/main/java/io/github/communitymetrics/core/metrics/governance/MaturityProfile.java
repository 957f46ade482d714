package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Act;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Item;
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
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * A project's maturity as a profile, not a score: each criterion's value, the threshold it is held
 * to and whether it passes, fails or has no data. The thresholds are explicit parameters; a
 * preset of them ({@code thresholds}: {@code sfc} or {@code rust-vmm}) gives those not set.
 *
 * <p><b>Criteria.</b>
 *
 * <ul>
 *   <li>{@link Criterion#AGE}: days from the first event of the scope's repositories in the data to
 *       the window's end; passes when <em>more</em> than {@code minAge} (Software Freedom
 *       Conservancy: "under development for more than a year"). The data's first event stands for
 *       the project's start: a project older than its data looks younger.
 *   <li>{@link Criterion#ACTIVITY}: OpenSSF Scorecard's Maintained score as implemented ({@code
 *       checks/evaluation/maintained.go} and the probes {@code commitsInLast90Days}, {@code
 *       issueActivityByProjectMember}, {@code notCreatedInLast90Days}): 0 when the project was
 *       created in the last 90 days (here: its first event lies after the end minus 90 days); else
 *       {@code min(10, 10 * (commits + issues) / 12)} in integer arithmetic, where commits are the
 *       commits of the last 90 days, issues are the issues (not pull requests) opened or commented
 *       on in the last 90 days by someone with author association owner, member or collaborator,
 *       and 12 is Scorecard's one activity a week over 90 days ({@code 1 * 90 / 7}). Passes at
 *       {@code minMaintainedScore} or more. Not seen by the events: archival (Scorecard gives 0),
 *       the default branch (commits on any branch count).
 *   <li>{@link Criterion#MAINTAINER_ORGANIZATIONS}: distinct organisations of the maintainers at
 *       the end ({@link Maintainers}); passes at {@code minMaintainerOrganizations} (LFX Insights:
 *       3) or more; no data when no maintainer is affiliated.
 *   <li>{@link Criterion#ABSENCE_FACTOR}: the CHAOSS contributor absence (bus) factor of the
 *       window's commits ({@link ContributorAbsenceFactor}); passes at {@code minAbsenceFactor} or
 *       more.
 *   <li>{@link Criterion#ELEPHANT_FACTOR}: the CHAOSS elephant factor of the window's commits
 *       ({@link ElephantFactor}); passes at {@code minElephantFactor} or more.
 *   <li>{@link Criterion#APPROVAL_DIVERSITY}: the share of pull requests merged in the window
 *       approved by at least {@code approvers} maintainers of at least {@code
 *       approvalOrganizations} organisations ({@link ApprovalRule}); passes at {@code
 *       minApprovalShare} or more.
 *   <li>{@link Criterion#DECISION_TRANSPARENCY}: of the decided proposals opened in the window
 *       whose deciders are known ({@link Decisions}, with the evaluation's parameters of {@code
 *       decisions}: which repositories and labels make proposals), the share <em>not</em> decided
 *       by people of one organisation; passes at {@code minMultiOrganizationDecisions} or more.
 * </ul>
 *
 * <p>Exactly mergeable: the state is the governance scan's, the two factors' and the first event
 * and recent commits of the scope.
 */
public final class MaturityProfile extends MetricDescriptor<MaturityProfile.Result> {

  private static final String SFC = "sfc";
  private static final String RUST_VMM = "rust-vmm";
  private static final String SCORECARD = "scorecard-maintained";
  private static final String LFX = "lfx";
  private static final String CHAOSS = "chaoss";

  /** The registered instance ({@code StandardMetrics.MATURITY_PROFILE}). */
  public static final MaturityProfile INSTANCE = new MaturityProfile();

  private MaturityProfile() {
    super(
        "maturity-profile",
        "Is the project mature: old enough, active, diverse, reviewed and decided in the open?",
        "One profile of seven criteria, each with its value, its threshold and pass, fail or no"
            + " data: age (first event to the end), activity (OpenSSF Scorecard's Maintained score),"
            + " maintainers' organisations (LFX), the bus and elephant factors (CHAOSS), the share of"
            + " merged changes approved across organisations, and the share of decisions not taken"
            + " by one organisation. No overall score.",
        "maturityProfile",
        List.of(
            new Preset(SFC, "Software Freedom Conservancy's criteria for member projects (thresholds sfc)")
                .definedAt("https://sfconservancy.org/projects/apply/")
                .withGuidance(
                    "Read each criterion on its own: SFC asks for an existing, vibrant, diverse community"
                        + " and more than a year of development. Failing criteria say what to look at;"
                        + " no data says what the data cannot tell."),
            new Preset(RUST_VMM, "rust-vmm: 3 maintainers of a variety of affiliations approve (thresholds rust-vmm)")
                .definedAt("https://github.com/rust-vmm/community")
                .withGuidance("As sfc, with approval by 3 maintainers of at least 2 organisations."),
            new Preset(SCORECARD, "OpenSSF Scorecard Maintained (checks/evaluation/maintained.go)")
                .definedAt("https://github.com/ossf/scorecard/blob/main/checks/evaluation/maintained.go")
                .withGuidance("Score 0 to 10, higher is better: 10 is one commit or maintainer-touched issue a week."),
            new Preset(LFX, "LFX Insights maintainer organisations (3 or more)")
                .definedAt("https://github.com/linuxfoundation/insights/blob/main/frontend/docs/metrics/health-score.md")
                .withGuidance("More organisations among the maintainers is better."),
            new Preset(CHAOSS, "CHAOSS Contributor Absence Factor and Elephant Factor")
                .definedAt("https://github.com/chaoss/wg-risk/blob/main/focus-areas/business-risk/elephant-factor.md")
                .withGuidance("Higher is better: 1 means one person or one organisation holds more than half the commits.")),
        List.of(
            new Parameter("thresholds", Parameter.Kind.WORDS, SFC, "preset",
                "the threshold preset (sfc or rust-vmm) giving every threshold not set on its own"),
            new Parameter("minAge", Parameter.Kind.DURATION, "P365D", "days", "age must be more than this (sfc, rust-vmm: a year)"),
            new Parameter("minMaintainedScore", Parameter.Kind.INTEGER, "10", "points", "Scorecard Maintained score at least this (0 to 10)"),
            new Parameter("minMaintainerOrganizations", Parameter.Kind.INTEGER, "3", "organizations", "maintainers' organisations at least this (LFX: 3)"),
            new Parameter("minAbsenceFactor", Parameter.Kind.INTEGER, "2", "people", "contributor absence factor at least this"),
            new Parameter("minElephantFactor", Parameter.Kind.INTEGER, "2", "organizations", "elephant factor at least this"),
            new Parameter("approvers", Parameter.Kind.INTEGER, "2", "people", "approval diversity: maintainers approving (rust-vmm: 3)"),
            new Parameter("approvalOrganizations", Parameter.Kind.INTEGER, "2", "organizations", "approval diversity: their organisations"),
            new Parameter("minApprovalShare", Parameter.Kind.DECIMAL, "0.5", "share", "approval diversity: share of merged pull requests at least this"),
            new Parameter("minMultiOrganizationDecisions", Parameter.Kind.DECIMAL, "0.5", "share",
                "decision transparency: share of decisions not taken by one organisation at least this"),
            new Parameter("maintainers", Parameter.Kind.WORDS, "", "logins",
                "logins named as maintainers (a MAINTAINERS or CODEOWNERS file's), in addition to those the events show")),
        specs(),
        Locality.HISTORY);
  }

  private static List<MeasurementSpec> specs() {
    List<MeasurementSpec> out = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      out.add(new MeasurementSpec(c.measurement, c.unit, c.description));
      out.add(new MeasurementSpec(c.measurement + "Check", Unit.LEVEL, "pass or fail against its threshold; no data without evidence"));
    }
    return out;
  }

  /** A criterion of the profile. */
  public enum Criterion {
    /** Days from the first event to the end; more than the threshold passes. */
    AGE("ageDays", Unit.DAYS, "days from the first event of the scope in the data to the window's end", Comparison.MORE_THAN, SFC),
    /** Scorecard's Maintained score. */
    ACTIVITY("maintainedScore", Unit.POINTS, "OpenSSF Scorecard Maintained score, 0 to 10", Comparison.AT_LEAST, SCORECARD),
    /** Distinct organisations of the maintainers. */
    MAINTAINER_ORGANIZATIONS("maintainerOrganizations", Unit.ORGANIZATIONS, "distinct organisations of the maintainers at the end", Comparison.AT_LEAST, LFX),
    /** The contributor absence (bus) factor of the window's commits. */
    ABSENCE_FACTOR("absenceFactor", Unit.PEOPLE, "contributor absence (bus) factor of the window's commits", Comparison.AT_LEAST, CHAOSS),
    /** The elephant factor of the window's commits. */
    ELEPHANT_FACTOR("elephantFactor", Unit.ORGANIZATIONS, "elephant factor of the window's commits", Comparison.AT_LEAST, CHAOSS),
    /** The share of merged pull requests approved across organisations. */
    APPROVAL_DIVERSITY("approvalShare", Unit.FRACTION, "merged pull requests approved by the maintainers and organisations asked", Comparison.AT_LEAST, RUST_VMM),
    /** The share of decisions not taken by one organisation. */
    DECISION_TRANSPARENCY("multiOrganizationDecisions", Unit.FRACTION, "decided proposals not decided by one organisation", Comparison.AT_LEAST, SFC);

    final String measurement;
    final Unit unit;
    final String description;
    final Comparison comparison;
    final String preset;

    Criterion(String measurement, Unit unit, String description, Comparison comparison, String preset) {
      this.measurement = measurement;
      this.unit = unit;
      this.description = description;
      this.comparison = comparison;
      this.preset = preset;
    }

    /** The measurement's name ({@code ageDays}); its check is this name plus {@code Check}. */
    public String measurement() {
      return measurement;
    }
  }

  /** How a value is held to its threshold. */
  public enum Comparison {
    /** value &gt; threshold. */
    MORE_THAN,
    /** value &ge; threshold. */
    AT_LEAST;

    boolean passes(double value, double threshold) {
      return this == MORE_THAN ? value > threshold : value >= threshold;
    }
  }

  /** Pass or fail; no data is an empty outcome. */
  public enum Outcome {
    /** The threshold is met. */
    PASS,
    /** It is not. */
    FAIL
  }

  /**
   * The thresholds.
   *
   * @param minAge age must be more than this
   * @param minMaintainedScore Scorecard Maintained score at least this, 0 to 10
   * @param minMaintainerOrganizations maintainers' organisations at least this
   * @param minAbsenceFactor absence factor at least this
   * @param minElephantFactor elephant factor at least this
   * @param approvers approval diversity: maintainers approving, at least 1
   * @param approvalOrganizations approval diversity: their organisations, at least 0
   * @param minApprovalShare share of merged pull requests meeting that, in [0, 1]
   * @param minMultiOrganizationDecisions share of decisions not by one organisation, in [0, 1]
   */
  public record Thresholds(
      Duration minAge,
      int minMaintainedScore,
      int minMaintainerOrganizations,
      int minAbsenceFactor,
      int minElephantFactor,
      int approvers,
      int approvalOrganizations,
      double minApprovalShare,
      double minMultiOrganizationDecisions) {
    /**
     * Software Freedom Conservancy's criteria as this project reads them: more than a year of
     * development (SFC's words); an active community (Scorecard's full Maintained score, one
     * activity a week); a diverse one (maintainers of 3 organisations as LFX asks, no one person
     * and no one organisation holding more than half the commits, half the merged changes
     * approved by 2 maintainers of 2 organisations, half the decisions not taken by one
     * organisation). Only the year is SFC's number; the others are this project's readings.
     */
    public static final Thresholds SFC = new Thresholds(Duration.ofDays(365), 10, 3, 2, 2, 2, 2, 0.5, 0.5);

    /** As {@link #SFC}, with rust-vmm's approval from 3 maintainers (of at least 2 organisations). */
    public static final Thresholds RUST_VMM = new Thresholds(Duration.ofDays(365), 10, 3, 2, 2, 3, 2, 0.5, 0.5);

    /** Checks the bounds. */
    public Thresholds {
      Checks.notNull(minAge, "minAge");
      Checks.argument(!minAge.isNegative(), "minAge must not be negative");
      Checks.argument(minMaintainedScore >= 0 && minMaintainedScore <= 10, "minMaintainedScore out of 0..10: " + minMaintainedScore);
      Checks.notNegative(minMaintainerOrganizations, "minMaintainerOrganizations");
      Checks.notNegative(minAbsenceFactor, "minAbsenceFactor");
      Checks.notNegative(minElephantFactor, "minElephantFactor");
      Checks.positive(approvers, "approvers");
      Checks.notNegative(approvalOrganizations, "approvalOrganizations");
      Checks.argument(minApprovalShare >= 0 && minApprovalShare <= 1, "minApprovalShare out of [0, 1]: " + minApprovalShare);
      Checks.argument(minMultiOrganizationDecisions >= 0 && minMultiOrganizationDecisions <= 1,
          "minMultiOrganizationDecisions out of [0, 1]: " + minMultiOrganizationDecisions);
    }

    /** The preset named {@code name}: {@code sfc} or {@code rust-vmm}. */
    public static Thresholds preset(String name) {
      return switch (Checks.notNull(name, "name").toLowerCase(Locale.ROOT)) {
        case "sfc" -> SFC;
        case "rust-vmm" -> RUST_VMM;
        default -> throw new IllegalArgumentException("thresholds: no preset " + name + " (sfc or rust-vmm)");
      };
    }

    double of(Criterion c) {
      return switch (c) {
        case AGE -> minAge.toSeconds() / 86_400.0;
        case ACTIVITY -> minMaintainedScore;
        case MAINTAINER_ORGANIZATIONS -> minMaintainerOrganizations;
        case ABSENCE_FACTOR -> minAbsenceFactor;
        case ELEPHANT_FACTOR -> minElephantFactor;
        case APPROVAL_DIVERSITY -> minApprovalShare;
        case DECISION_TRANSPARENCY -> minMultiOrganizationDecisions;
      };
    }
  }

  /**
   * One criterion's line of the profile.
   *
   * @param criterion which
   * @param value its value in the criterion's unit; empty without evidence
   * @param threshold the threshold, in the same unit
   * @param comparison how the value is held to it
   * @param outcome pass or fail; empty (no data) exactly when there is no value
   * @param evidence what the value rests on: events (age), commits and issues (activity),
   *     maintainers, commits (the factors), merged pull requests, decisions with known deciders
   */
  public record Check(
      Criterion criterion, OptionalDouble value, double threshold, Comparison comparison, Optional<Outcome> outcome, long evidence) {
    /** Checks the components. */
    public Check {
      Checks.notNull(criterion, "criterion");
      Checks.argument(evidence >= 0, "evidence must not be negative");
      Checks.notNull(value, "value");
      Checks.notNull(comparison, "comparison");
      Checks.notNull(outcome, "outcome");
      Checks.argument(value.isPresent() == outcome.isPresent(), "an outcome exactly when there is a value");
    }

    static Check of(Criterion c, OptionalDouble value, long evidence, Thresholds t) {
      double threshold = t.of(c);
      Optional<Outcome> outcome = value.isPresent()
          ? Optional.of(c.comparison.passes(value.getAsDouble(), threshold) ? Outcome.PASS : Outcome.FAIL)
          : Optional.empty();
      return new Check(c, value, threshold, c.comparison, outcome, evidence);
    }
  }

  /**
   * Scorecard's Maintained, from the events.
   *
   * @param firstEvent the scope's first event in the data; empty without events
   * @param commits commits in the 90 days before the end
   * @param issues issues opened or commented on in those 90 days by owners, members or collaborators
   * @param score the score, 0 to 10; empty without events
   */
  public record Maintained(Optional<Instant> firstEvent, long commits, long issues, OptionalInt score) {
    /** Checks the components. */
    public Maintained {
      Checks.notNull(firstEvent, "firstEvent");
      Checks.notNull(score, "score");
    }
  }

  /**
   * The result.
   *
   * @param window the window
   * @param thresholds the thresholds applied
   * @param checks one per {@link Criterion}, in its order
   * @param maintained the activity criterion's evidence
   * @param maintainers the maintainers' evidence
   * @param absence the absence factor's evidence
   * @param elephant the elephant factor's evidence
   * @param approvals the approval rule's evidence (the thresholds' rule)
   * @param decisions the decisions' evidence
   */
  public record Result(
      Window window,
      Thresholds thresholds,
      List<Check> checks,
      Maintained maintained,
      Maintainers.Result maintainers,
      FactorResult<Actor> absence,
      ElephantFactorResult elephant,
      ApprovalRule.Result approvals,
      Decisions.Result decisions) {
    /** Checks and copies. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(thresholds, "thresholds");
      Checks.notNull(maintained, "maintained");
      Checks.notNull(maintainers, "maintainers");
      Checks.notNull(absence, "absence");
      Checks.notNull(elephant, "elephant");
      Checks.notNull(approvals, "approvals");
      Checks.notNull(decisions, "decisions");
      checks = List.copyOf(checks);
      Checks.argument(checks.size() == Criterion.values().length, "one check per criterion");
    }

    /** The check of {@code c}. */
    public Check check(Criterion c) {
      return checks.get(c.ordinal());
    }
  }

  /**
   * The thresholds of {@code e}: the preset named by {@code thresholds}, with every threshold
   * the evaluation sets on its own instead.
   */
  public Thresholds thresholds(Evaluation e) {
    List<String> names = e.words(this, "thresholds");
    Checks.argument(names.size() == 1, "thresholds: one preset name (sfc or rust-vmm): " + names);
    Thresholds p = Thresholds.preset(names.get(0));
    return new Thresholds(
        set(e, "minAge") ? e.duration(this, "minAge") : p.minAge(),
        set(e, "minMaintainedScore") ? e.integer(this, "minMaintainedScore") : p.minMaintainedScore(),
        set(e, "minMaintainerOrganizations") ? e.integer(this, "minMaintainerOrganizations") : p.minMaintainerOrganizations(),
        set(e, "minAbsenceFactor") ? e.integer(this, "minAbsenceFactor") : p.minAbsenceFactor(),
        set(e, "minElephantFactor") ? e.integer(this, "minElephantFactor") : p.minElephantFactor(),
        set(e, "approvers") ? e.integer(this, "approvers") : p.approvers(),
        set(e, "approvalOrganizations") ? e.integer(this, "approvalOrganizations") : p.approvalOrganizations(),
        set(e, "minApprovalShare") ? e.decimal(this, "minApprovalShare") : p.minApprovalShare(),
        set(e, "minMultiOrganizationDecisions") ? e.decimal(this, "minMultiOrganizationDecisions") : p.minMultiOrganizationDecisions());
  }

  private boolean set(Evaluation e, String name) {
    return e.parameters().containsKey(id() + "." + name);
  }

  /** The repository's age is counted to as-of. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return of(e.scope(), e.window(), e.affiliations(), e.commitBasis(), thresholds(e), Decisions.INSTANCE.definition(e),
        e.words(this, "maintainers"));
  }

  /**
   * The algorithm.
   *
   * @param commitBasis what the bus and elephant factors count
   * @param proposals what makes an item a proposal (the {@code decisions} metric's parameters)
   * @param maintainerLogins logins named as maintainers, in addition to those the events show
   */
  public static SliceMetric<State, Result> of(
      RepositoryScope scope, Window window, Affiliations affiliations, ContributionType commitBasis, Thresholds thresholds,
      Decisions.Definition proposals, Collection<String> maintainerLogins) {
    return new Engine(scope, window, affiliations, commitBasis, thresholds, proposals, maintainerLogins);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    List<Measurement> out = new ArrayList<>();
    for (Check c : r.checks()) {
      String name = c.criterion().measurement;
      out.add(Measurement.of(id(), name, c.criterion().unit, c.value(), c.evidence(), c.criterion().preset));
      out.add(Measurement.level(id(), name + "Check", c.outcome(), c.evidence(), c.criterion().preset));
    }
    return out;
  }

  @Override
  public List<String> textDetail(Result r, Evaluation e, Function<Actor, String> label) {
    List<String> lines = new ArrayList<>();
    lines.add("Maturity profile (value, threshold, outcome):");
    for (Check c : r.checks()) {
      lines.add(String.format(Locale.ROOT, "  %-28s %12s  %s %-8s %s",
          c.criterion().measurement,
          c.value().isPresent() ? String.format(Locale.ROOT, "%.3f", c.value().getAsDouble()) : "no data",
          c.comparison() == Comparison.MORE_THAN ? ">" : ">=",
          String.format(Locale.ROOT, "%.3f", c.threshold()),
          c.outcome().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse("no data")));
    }
    return lines;
  }

  @Override
  public void writeJsonDetail(Result r, Evaluation e, Function<Actor, String> label, JsonGenerator g) {
    g.writeArrayPropertyStart("criteria");
    for (Check c : r.checks()) {
      g.writeStartObject();
      g.writeStringProperty("criterion", c.criterion().measurement);
      if (c.value().isPresent()) {
        g.writeNumberProperty("value", c.value().getAsDouble());
      } else {
        g.writeNullProperty("value");
      }
      g.writeNumberProperty("threshold", c.threshold());
      g.writeStringProperty("comparison", c.comparison() == Comparison.MORE_THAN ? "more-than" : "at-least");
      g.writeStringProperty("outcome", c.outcome().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse("no-data"));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The mergeable state: the governance scan's, the two factors', the scope's first event and its
   * commits in the 90 days before the end. Immutable.
   */
  public static final class State {
    final GovernanceState governance;
    final ContributionCounts<Actor> absence;
    final ContributionCounts<Organization> elephant;
    final Optional<Instant> first;
    final long recentCommits;

    State(GovernanceState governance, ContributionCounts<Actor> absence, ContributionCounts<Organization> elephant,
        Optional<Instant> first, long recentCommits) {
      this.governance = governance;
      this.absence = absence;
      this.elephant = elephant;
      this.first = first;
      this.recentCommits = recentCommits;
    }

    @Override
    public String toString() {
      return "MaturityProfile.State[" + governance + ", first " + first + ", " + recentCommits + " recent commits]";
    }
  }

  static final class Engine implements SliceMetric<State, Result> {
    /** Scorecard's look-back ({@code lookBackDays}) and its activity target (1 a week: 90 / 7 = 12). */
    static final Duration LOOK_BACK = Duration.ofDays(90);
    static final int ACTIVITY_TARGET = 90 / 7;

    // The factors' codecs are the built-in binary ones; their layouts nest in this state's.
    @SuppressWarnings("unchecked")
    private static final BinaryStateCodec<ContributionCounts<Actor>> ACTORS =
        (BinaryStateCodec<ContributionCounts<Actor>>) ContributionCounts.actorCodec();
    @SuppressWarnings("unchecked")
    private static final BinaryStateCodec<ContributionCounts<Organization>> ORGANIZATIONS =
        (BinaryStateCodec<ContributionCounts<Organization>>) ContributionCounts.organizationCodec();
    static final BinaryStateCodec<State> CODEC =
        BinaryStateCodec.of("maturity-profile", 1, Engine::write, Engine::read);

    private final RepositoryScope scope;
    private final Window window;
    private final Thresholds thresholds;
    private final ApprovalRule.Engine approvals;
    private final Decisions.Engine decisions;
    private final Maintainers.Engine maintainers;
    private final ContributorAbsenceFactor absence;
    private final ElephantFactor elephant;

    Engine(
        RepositoryScope scope, Window window, Affiliations affiliations, ContributionType commitBasis, Thresholds thresholds,
        Decisions.Definition proposals, Collection<String> maintainerLogins) {
      this.scope = Checks.notNull(scope, "scope");
      this.window = Checks.notNull(window, "window");
      this.thresholds = Checks.notNull(thresholds, "thresholds");
      this.approvals = new ApprovalRule.Engine(scope, window, affiliations,
          new ApprovalRule.Rule(thresholds.approvers(), thresholds.approvalOrganizations(), true), 30, maintainerLogins);
      this.decisions = new Decisions.Engine(scope, window, affiliations, proposals, Granularity.of("month"), maintainerLogins);
      this.maintainers = new Maintainers.Engine(scope, window, affiliations, Duration.ofDays(180), Granularity.of("month"), maintainerLogins);
      this.absence = ContributorAbsenceFactor.chaoss(window).withContributionType(Checks.notNull(commitBasis, "commitBasis")).withScope(scope);
      this.elephant = ElephantFactor.chaoss(window, affiliations).withContributionType(commitBasis).withScope(scope);
    }

    @Override
    public State accumulate(EventStore slice, People people) {
      Checks.notNull(slice, "slice");
      Checks.notNull(people, "people");
      EventStore s = scope.restrict(slice);
      Instant end = window.end();
      Instant since = end.minus(LOOK_BACK);
      Instant first = null;
      long commits = 0;
      for (int i = 0; i < s.size(); i++) {
        Instant at = s.instant(i);
        if (!at.isBefore(end)) {
          continue;
        }
        if (first == null || at.isBefore(first)) {
          first = at;
        }
        if (s.type(i) == EventType.COMMIT && at.isAfter(since)) {
          commits++;
        }
      }
      return new State(approvals.accumulate(slice, people), absence.accumulate(slice, people),
          elephant.accumulate(slice, people), Optional.ofNullable(first), commits);
    }

    @Override
    public State merge(State a, State b) {
      Optional<Instant> first = a.first.isEmpty() ? b.first
          : b.first.isEmpty() ? a.first
          : Optional.of(a.first.get().isBefore(b.first.get()) ? a.first.get() : b.first.get());
      return new State(approvals.merge(a.governance, b.governance), absence.merge(a.absence, b.absence),
          elephant.merge(a.elephant, b.elephant), first, a.recentCommits + b.recentCommits);
    }

    @Override
    public Result finish(State state) {
      Maintained maintained = maintained(state);
      Maintainers.Result m = maintainers.finish(state.governance);
      FactorResult<Actor> bus = absence.finish(state.absence);
      ElephantFactorResult org = elephant.finish(state.elephant);
      ApprovalRule.Result approved = approvals.finish(state.governance);
      Decisions.Result decided = decisions.finish(state.governance);
      OptionalDouble single = decided.all().singleOrganizationShare();
      List<Check> checks = List.of(
          Check.of(Criterion.AGE, state.first.isEmpty() ? OptionalDouble.empty()
              : OptionalDouble.of(Duration.between(state.first.get(), window.end()).toSeconds() / 86_400.0), 1, thresholds),
          Check.of(Criterion.ACTIVITY, maintained.score().isPresent()
              ? OptionalDouble.of(maintained.score().getAsInt()) : OptionalDouble.empty(),
              maintained.commits() + maintained.issues(), thresholds),
          Check.of(Criterion.MAINTAINER_ORGANIZATIONS,
              m.elephant().total() == 0 ? OptionalDouble.empty() : OptionalDouble.of(m.organizations()),
              m.maintainers().size(), thresholds),
          Check.of(Criterion.ABSENCE_FACTOR, bus.hasEvidence() ? OptionalDouble.of(bus.factor()) : OptionalDouble.empty(),
              bus.total(), thresholds),
          Check.of(Criterion.ELEPHANT_FACTOR,
              org.factor().hasEvidence() ? OptionalDouble.of(org.factor().factor()) : OptionalDouble.empty(),
              org.factor().total(), thresholds),
          Check.of(Criterion.APPROVAL_DIVERSITY, approved.rule().share(), approved.rule().verdicts().size(), thresholds),
          Check.of(Criterion.DECISION_TRANSPARENCY,
              single.isPresent() ? OptionalDouble.of(1 - single.getAsDouble()) : OptionalDouble.empty(),
              decided.all().singleOrganizationKnown(), thresholds));
      return new Result(window, thresholds, checks, maintained, m, bus, org, approved, decided);
    }

    /** Scorecard's Maintained over the state (see the class comment). */
    private Maintained maintained(State state) {
      Instant end = window.end();
      Instant since = end.minus(LOOK_BACK);
      long issues = 0;
      for (Item item : state.governance.items.values()) {
        if (item.pullRequest) {
          continue;
        }
        // As Scorecard: an opening or a comment by owner, member or collaborator, bots not left out.
        boolean touched = item.openerMaintainer && item.opened != null && item.opened.isAfter(since);
        for (Act a : item.acts) {
          touched |= a.kind() == Kind.COMMENT && a.maintainerAssociation() && a.at().isAfter(since);
        }
        issues += touched ? 1 : 0;
      }
      if (state.first.isEmpty()) {
        return new Maintained(Optional.empty(), state.recentCommits, issues, OptionalInt.empty());
      }
      // Scorecard: created in the last 90 days scores 0, whatever the activity.
      int score = state.first.get().isAfter(since)
          ? 0
          : (int) Math.min(10, 10 * (state.recentCommits + issues) / ACTIVITY_TARGET);
      return new Maintained(state.first, state.recentCommits, issues, OptionalInt.of(score));
    }

    @Override
    public StateCodec<State> stateCodec() {
      return CODEC;
    }

    private static void write(State s, StateWriter out) {
      GovernanceState.CODEC.writeLayout(s.governance, out);
      ACTORS.writeLayout(s.absence, out);
      ORGANIZATIONS.writeLayout(s.elephant, out);
      out.bool(s.first.isPresent());
      s.first.ifPresent(out::instant);
      out.varlong(s.recentCommits);
    }

    private static State read(StateReader in) {
      GovernanceState governance = GovernanceState.CODEC.readLayout(in);
      ContributionCounts<Actor> absence = ACTORS.readLayout(in);
      ContributionCounts<Organization> elephant = ORGANIZATIONS.readLayout(in);
      Optional<Instant> first = in.bool() ? Optional.of(in.instant()) : Optional.empty();
      return new State(governance, absence, elephant, first, in.varlong());
    }
  }
}
