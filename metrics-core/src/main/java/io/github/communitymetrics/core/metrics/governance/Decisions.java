package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.Survival;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Act;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.GrantKey;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Item;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.ItemKey;
import io.github.communitymetrics.core.metrics.governance.GovernanceState.Kind;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decision processes: are proposals decided in the open, by whom, and how fast?
 *
 * <p><b>A decision item</b> is a pull request in a repository named as an RFC repository
 * (parameter {@code rfcRepositories}: names such as {@code rfcs}, or {@code owner/name}; default
 * {@code rfcs}, as in rust-lang/rfcs), or an issue or pull request that carried one of the
 * decision labels (parameter {@code labels}, default {@code rfc,kep,proposal,pep,rfe}; case
 * ignored) at its opening or by a label event before the window's end (a label removed later
 * still made it a proposal). Items opened in the window count; items whose opening lies outside
 * the events are left out.
 *
 * <p><b>Outcome</b> at the window's end: {@link Outcome#ACCEPTED} when merged, or closed while
 * carrying an accepted label (parameter {@code acceptedLabels}, default {@code accepted}: KEPs and
 * PEPs tracked as issues are closed, not merged, when accepted); {@link Outcome#POSTPONED} when
 * carrying a postponed label (parameter {@code postponedLabels}, default {@code postponed}),
 * open or closed; {@link Outcome#REJECTED} when closed otherwise; {@link Outcome#OPEN} otherwise,
 * censored at the window's end. Reopened items are open again.
 *
 * <p><b>Time to decision</b>: from the opening to the final merge or close, or to the last
 * postponed label; open items are censored at the window's end (Kaplan-Meier median).
 *
 * <p><b>Participation</b>: participants are the distinct people (bots left out) who commented or
 * reviewed; each comment and review counts for its author's organisation at its instant
 * (unaffiliated ones count for none); the effective number of organisations is {@code e^H}, {@code
 * H = -sum p ln p} over the organisations' shares of those comments. Outside maintainers: the
 * share of comments whose author was not a maintainer of the repository at that instant (see
 * {@link ApprovalRule} for who is a maintainer).
 *
 * <p><b>Decided by one organisation</b>: for a decided item, the deciders are whoever merged or
 * closed it (or added the postponed label), the approvers standing at that instant and the
 * maintainers who commented or reviewed before it; true when all of them belonged to one and the
 * same organisation at their acts, false when to several, empty when one of them is unaffiliated.
 */
public final class Decisions extends MetricDescriptor<Decisions.Result> {

  /** The registered instance ({@code StandardMetrics.DECISIONS}). */
  public static final Decisions INSTANCE = new Decisions();

  private static final String PRESET = "rfc";

  private Decisions() {
    super(
        "decisions",
        "Are proposals decided in the open, by a broad group, and how fast?",
        "Proposals (pull requests to an RFC repository, issues and pull requests labelled rfc, KEP,"
            + " proposal, PEP or RFE) opened in the window: how many were accepted, rejected or"
            + " postponed, how long decisions took, how many people and organisations took part,"
            + " and how many were decided by people of one organisation only.",
        "decisions",
        List.of(
            new Preset(PRESET, "RFC processes (Rust RFCs, Kubernetes KEPs, Python PEPs); decision breadth as e^H")
                .definedAt("https://github.com/rust-lang/rfcs")
                .withGuidance(
                    "Transparent processes decide in the open: more participants and organisations, a"
                        + " larger share of comments from outside the maintainers and fewer decisions"
                        + " taken by one organisation are better. No published levels.")),
        List.of(
            new Parameter("rfcRepositories", Parameter.Kind.WORDS, "rfcs", "repositories", "repositories whose pull requests are proposals: names or owner/name"),
            new Parameter("labels", Parameter.Kind.WORDS, "rfc,kep,proposal,pep,rfe", "labels", "labels that make an issue or pull request a proposal"),
            new Parameter("postponedLabels", Parameter.Kind.WORDS, "postponed", "labels", "labels that postpone a proposal"),
            new Parameter("acceptedLabels", Parameter.Kind.WORDS, "accepted", "labels", "labels that make a closed proposal accepted"),
            new Parameter("period", Parameter.Kind.GRANULARITY, "month", "", "proposals are counted per hour, day, week or month of opening, UTC"),
            new Parameter("maintainers", Parameter.Kind.WORDS, "", "logins",
                "logins named as maintainers (a MAINTAINERS or CODEOWNERS file's), in addition to those the events show")),
        List.of(
            new MeasurementSpec("items", Unit.COUNT, "proposals opened in the window"),
            new MeasurementSpec("acceptance", Unit.FRACTION, "accepted among accepted and rejected"),
            new MeasurementSpec("timeToDecisionMedianDays", Unit.DAYS, "Kaplan-Meier median time to decision, open items censored"),
            new MeasurementSpec("participantsMean", Unit.PEOPLE, "mean distinct commenters and reviewers per proposal"),
            new MeasurementSpec("effectiveOrganizationsMean", Unit.ORGANIZATIONS, "mean e^H over the proposals with an affiliated comment"),
            new MeasurementSpec("outsideMaintainersShare", Unit.FRACTION, "comments and reviews by people who were not maintainers then"),
            new MeasurementSpec("singleOrganizationShare", Unit.FRACTION, "decided proposals whose deciders were all of one organisation")),
        Locality.HISTORY);
  }

  /** A proposal's outcome at the window's end. */
  public enum Outcome {
    /** Merged, or closed with an accepted label. */
    ACCEPTED,
    /** Closed otherwise. */
    REJECTED,
    /** Carrying a postponed label. */
    POSTPONED,
    /** Not decided: censored. */
    OPEN
  }

  /**
   * One proposal.
   *
   * @param item which
   * @param author its author's person key, empty if unknown
   * @param opened when it was opened
   * @param outcome its outcome at the window's end
   * @param decided when it was decided; empty while open
   * @param time opening to decision, or to the window's end when open (censored)
   * @param participants distinct people who commented or reviewed (bots left out), by key
   * @param organizations distinct organisations of those comments and reviews, sorted
   * @param effectiveOrganizations e^H over the organisations' shares of the affiliated comments;
   *     empty when none was affiliated
   * @param comments comments and reviews by people (bots left out)
   * @param outsideMaintainers of them, by people who were not maintainers then
   * @param singleOrganization whether the deciders were all of one organisation (see the class
   *     comment); empty while open or when a decider is unaffiliated
   */
  public record Proposal(
      PullRequestRef item,
      Optional<Actor> author,
      Instant opened,
      Outcome outcome,
      Optional<Instant> decided,
      Duration time,
      List<Actor> participants,
      List<String> organizations,
      OptionalDouble effectiveOrganizations,
      int comments,
      int outsideMaintainers,
      Optional<Boolean> singleOrganization) {
    /** Checks the components and copies the lists. */
    public Proposal {
      Checks.notNull(item, "item");
      Checks.notNull(author, "author");
      Checks.notNull(opened, "opened");
      Checks.notNull(outcome, "outcome");
      Checks.notNull(decided, "decided");
      Checks.notNull(time, "time");
      Checks.notNull(effectiveOrganizations, "effectiveOrganizations");
      Checks.notNull(singleOrganization, "singleOrganization");
      participants = List.copyOf(participants);
      organizations = List.copyOf(organizations);
    }
  }

  /**
   * The proposals of a group (the window, or one period).
   *
   * @param window the window or period of their openings
   * @param proposals the proposals, by opening
   */
  public record Summary(Window window, List<Proposal> proposals) {
    /** Copies the list. */
    public Summary {
      Checks.notNull(window, "window");
      proposals = List.copyOf(proposals);
    }

    private long count(Outcome o) {
      return proposals.stream().filter(p -> p.outcome() == o).count();
    }

    /** Accepted among accepted and rejected, a fraction; empty when none was either. */
    public OptionalDouble acceptance() {
      long a = count(Outcome.ACCEPTED);
      long n = a + count(Outcome.REJECTED);
      return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) a / n);
    }

    /** The Kaplan-Meier median time to decision; empty if fewer than half were decided. */
    public Optional<Duration> medianTimeToDecision() {
      boolean[] decided = new boolean[proposals.size()];
      for (int i = 0; i < decided.length; i++) {
        decided[i] = proposals.get(i).outcome() != Outcome.OPEN;
      }
      return proposals.isEmpty()
          ? Optional.empty()
          : Survival.kaplanMeier(proposals.stream().map(Proposal::time).toList(), decided, 1, 2);
    }

    /** Mean participants per proposal (people); empty without proposals. */
    public OptionalDouble participantsMean() {
      return proposals.stream().mapToInt(p -> p.participants().size()).average();
    }

    /** Mean e^H over the proposals that have it (organisations). */
    public OptionalDouble effectiveOrganizationsMean() {
      return proposals.stream().filter(p -> p.effectiveOrganizations().isPresent())
          .mapToDouble(p -> p.effectiveOrganizations().getAsDouble()).average();
    }

    /** Comments and reviews, over all proposals. */
    public long comments() {
      return proposals.stream().mapToLong(Proposal::comments).sum();
    }

    /** Their share by people who were not maintainers then; empty without comments. */
    public OptionalDouble outsideMaintainersShare() {
      long n = comments();
      return n == 0 ? OptionalDouble.empty()
          : OptionalDouble.of((double) proposals.stream().mapToLong(Proposal::outsideMaintainers).sum() / n);
    }

    /** Decided proposals whose deciders are known to be of one organisation, among those known. */
    public long singleOrganizationKnown() {
      return proposals.stream().filter(p -> p.singleOrganization().isPresent()).count();
    }

    /** Their share decided by one organisation; empty when none is known. */
    public OptionalDouble singleOrganizationShare() {
      long n = singleOrganizationKnown();
      return n == 0 ? OptionalDouble.empty()
          : OptionalDouble.of((double) proposals.stream().filter(p -> p.singleOrganization().orElse(false)).count() / n);
    }
  }

  /**
   * The result.
   *
   * @param all the proposals opened in the window
   * @param perPeriod the same per complete period inside the window (parameter {@code period})
   */
  public record Result(Summary all, List<Summary> perPeriod) {
    /** Checks and copies. */
    public Result {
      Checks.notNull(all, "all");
      perPeriod = List.copyOf(perPeriod);
    }
  }

  /**
   * What makes an item a proposal and how it ends.
   *
   * @param rfcRepositories repository names or {@code owner/name}, lower case
   * @param labels decision labels, lower case
   * @param postponedLabels lower case
   * @param acceptedLabels lower case
   */
  public record Definition(List<String> rfcRepositories, List<String> labels, List<String> postponedLabels, List<String> acceptedLabels) {
    /** Lower-cases and copies the lists. */
    public Definition {
      rfcRepositories = lower(rfcRepositories);
      labels = lower(labels);
      postponedLabels = lower(postponedLabels);
      acceptedLabels = lower(acceptedLabels);
    }

    private static List<String> lower(List<String> words) {
      return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    boolean rfcRepository(Repository r) {
      return rfcRepositories.stream().anyMatch(w -> RepositoryWords.names(w, r));
    }
  }

  /** Open proposals are censored at as-of. */
  @Override
  public java.util.Set<io.github.communitymetrics.core.registry.Dependency> dependencies() {
    return java.util.Set.of(io.github.communitymetrics.core.registry.Dependency.HISTORY_EVENTS, io.github.communitymetrics.core.registry.Dependency.AS_OF, io.github.communitymetrics.core.registry.Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return of(e.scope(), e.window(), e.affiliations(), definition(e), e.granularity(this, "period"), e.words(this, "maintainers"));
  }

  /** What makes an item a proposal under {@code e}'s parameters of this metric (or their defaults). */
  public Definition definition(Evaluation e) {
    return new Definition(
        e.words(this, "rfcRepositories"), e.words(this, "labels"), e.words(this, "postponedLabels"), e.words(this, "acceptedLabels"));
  }

  /** The algorithm over a scope and window, with affiliations. */
  public static SliceMetric<GovernanceState, Result> of(
      RepositoryScope scope, Window window, Affiliations affiliations, Definition definition, Granularity period) {
    return of(scope, window, affiliations, definition, period, List.of());
  }

  /**
   * The algorithm over a scope and window, with affiliations and people named as maintainers
   * (see {@link ApprovalRule#of(RepositoryScope, Window, Affiliations, ApprovalRule.Rule, int,
   * Collection)}).
   */
  public static SliceMetric<GovernanceState, Result> of(
      RepositoryScope scope, Window window, Affiliations affiliations, Definition definition, Granularity period,
      Collection<String> maintainerLogins) {
    return new Engine(scope, window, affiliations, definition, period, maintainerLogins);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    Summary s = r.all();
    int n = s.proposals().size();
    long decided = s.proposals().stream().filter(p -> p.outcome() == Outcome.ACCEPTED || p.outcome() == Outcome.REJECTED).count();
    Optional<Duration> median = s.medianTimeToDecision();
    return List.of(
        Measurement.of(id(), "items", Unit.COUNT, n, n, PRESET),
        Measurement.of(id(), "acceptance", Unit.FRACTION, s.acceptance(), decided, PRESET),
        Measurement.of(id(), "timeToDecisionMedianDays", Unit.DAYS,
            median.isPresent() ? OptionalDouble.of(median.get().toNanos() / 86_400e9) : OptionalDouble.empty(), n, PRESET),
        Measurement.of(id(), "participantsMean", Unit.PEOPLE, s.participantsMean(), n, PRESET),
        Measurement.of(id(), "effectiveOrganizationsMean", Unit.ORGANIZATIONS, s.effectiveOrganizationsMean(), n, PRESET),
        Measurement.of(id(), "outsideMaintainersShare", Unit.FRACTION, s.outsideMaintainersShare(), s.comments(), PRESET),
        Measurement.of(id(), "singleOrganizationShare", Unit.FRACTION, s.singleOrganizationShare(), s.singleOrganizationKnown(), PRESET));
  }

  static final class Engine extends GovernanceScan<Result> {
    private final Window window;
    private final Definition definition;
    private final Granularity period;

    Engine(
        RepositoryScope scope, Window window, Affiliations affiliations, Definition definition, Granularity period,
        Collection<String> maintainerLogins) {
      super(scope, window.end(), affiliations, maintainerLogins);
      this.window = window;
      this.definition = Checks.notNull(definition, "definition");
      this.period = Checks.notNull(period, "period");
    }

    @Override
    public Result finish(GovernanceState state) {
      Map<GrantKey, Instant> since = GovernanceState.maintainerSince(state);
      Map<ItemKey, Item> items = new TreeMap<>(Comparator.comparing(ItemKey::repository).thenComparingInt(ItemKey::number));
      items.putAll(state.items);
      List<Proposal> proposals = new ArrayList<>();
      for (Map.Entry<ItemKey, Item> e : items.entrySet()) {
        Item item = e.getValue();
        if (item.opened == null || !window.contains(item.opened)) {
          continue;
        }
        List<Act> acts = item.sortedActs();
        boolean proposal = (item.pullRequest && definition.rfcRepository(e.getKey().repository()))
            || item.openingLabels.stream().anyMatch(definition.labels()::contains)
            || acts.stream().anyMatch(a -> a.kind() == Kind.LABELED && definition.labels().contains(a.label()));
        if (proposal) {
          proposals.add(proposal(e.getKey(), item, acts, since));
        }
      }
      proposals.sort(Comparator.comparing(Proposal::opened).thenComparing(Proposal::item));
      List<Summary> perPeriod = new ArrayList<>();
      for (Window p : period.periodsInside(window)) {
        perPeriod.add(new Summary(p, proposals.stream().filter(x -> p.contains(x.opened())).toList()));
      }
      return new Result(new Summary(window, proposals), perPeriod);
    }

    private Proposal proposal(ItemKey key, Item item, List<Act> acts, Map<GrantKey, Instant> since) {
      // Replay labels and transitions in time order.
      Set<String> labels = new HashSet<>(item.openingLabels);
      boolean closed = false;
      boolean merged = false;
      Act closing = null;
      Act postponing = null;
      for (Act a : acts) {
        if (a.at().isBefore(item.opened)) {
          // A close or label before the (earliest) opening is not a decision on this item (clock
          // skew, a number reused after a transfer): counting it gave a negative time to decision.
          continue;
        }
        switch (a.kind()) {
          case LABELED -> {
            labels.add(a.label());
            if (definition.postponedLabels().contains(a.label())) {
              postponing = a;
            }
          }
          case UNLABELED -> labels.remove(a.label());
          case MERGED, CLOSED -> {
            if (!closed) {
              closing = a;
            }
            closed = true;
            merged |= a.kind() == Kind.MERGED;
          }
          case REOPENED -> {
            closed = false;
            merged = false;
            closing = null;
          }
          default -> { }
        }
      }
      boolean postponed = labels.stream().anyMatch(definition.postponedLabels()::contains);
      Outcome outcome;
      Act decision;
      if (closed && (merged || labels.stream().anyMatch(definition.acceptedLabels()::contains))) {
        outcome = Outcome.ACCEPTED;
        decision = closing;
      } else if (postponed) {
        outcome = Outcome.POSTPONED;
        decision = postponing != null ? postponing : closing;
      } else if (closed) {
        outcome = Outcome.REJECTED;
        decision = closing;
      } else {
        outcome = Outcome.OPEN;
        decision = null;
      }
      Instant decidedAt = decision != null ? decision.at() : outcome == Outcome.POSTPONED ? item.opened : null;
      // Participation: comments and reviews by people.
      TreeSet<Actor> participants = new TreeSet<>();
      Map<String, Long> perOrganization = new TreeMap<>();
      int comments = 0;
      int outside = 0;
      for (Act a : acts) {
        if (a.bot() || !isComment(a.kind())) {
          continue;
        }
        participants.add(a.person());
        comments++;
        if (!GovernanceState.maintainerAt(since, new GrantKey(key.repository(), a.person()), a.at())) {
          outside++;
        }
        if (a.organization() != null) {
          perOrganization.merge(a.organization(), 1L, Long::sum);
        }
      }
      return new Proposal(
          new PullRequestRef(key.repository(), key.number()),
          Optional.ofNullable(item.author),
          item.opened,
          outcome,
          Optional.ofNullable(decidedAt),
          Duration.between(item.opened, decidedAt != null ? decidedAt : window.end()),
          List.copyOf(participants),
          List.copyOf(perOrganization.keySet()),
          effective(perOrganization),
          comments,
          outside,
          decision == null ? Optional.empty() : singleOrganization(key, acts, decision, since));
    }

    private static boolean isComment(Kind k) {
      return k == Kind.COMMENT || k == Kind.APPROVED || k == Kind.CHANGES_REQUESTED || k == Kind.REVIEWED || k == Kind.DISMISSED;
    }

    /** e^H, H = -sum p ln p over the counts' shares; empty without counts. */
    static OptionalDouble effective(Map<String, Long> counts) {
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      if (total == 0) {
        return OptionalDouble.empty();
      }
      double h = 0;
      for (long c : counts.values()) {
        double p = (double) c / total;
        h -= p * Math.log(p);
      }
      return OptionalDouble.of(Math.exp(h));
    }

    /**
     * Whether the deciders (the decision's actor, the approvals standing then, the maintainers
     * who commented or reviewed before it; bots left out) were all of one organisation.
     */
    private static Optional<Boolean> singleOrganization(ItemKey key, List<Act> acts, Act decision, Map<GrantKey, Instant> since) {
      List<Act> deciders = new ArrayList<>();
      Map<Actor, Act> verdicts = new HashMap<>();
      for (Act a : acts) {
        if (a.at().isAfter(decision.at()) || a.bot()) {
          continue;
        }
        if (a.kind() == Kind.APPROVED || a.kind() == Kind.CHANGES_REQUESTED || a.kind() == Kind.DISMISSED) {
          verdicts.put(a.person(), a);
        }
        if (isComment(a.kind()) && GovernanceState.maintainerAt(since, new GrantKey(key.repository(), a.person()), a.at())) {
          deciders.add(a);
        }
      }
      verdicts.values().stream().filter(a -> a.kind() == Kind.APPROVED).forEach(deciders::add);
      if (!decision.bot()) {
        deciders.add(decision);
      }
      if (deciders.isEmpty() || deciders.stream().anyMatch(a -> a.organization() == null)) {
        return Optional.empty();
      }
      return Optional.of(deciders.stream().map(Act::organization).distinct().count() == 1);
    }
  }
}
