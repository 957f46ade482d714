package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
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
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who governs: the maintainers of the scope's repositories over time, their organisations, the
 * elephant factor of the maintainer group, LFX Insights' "maintainers from 3 or more
 * organisations" check, and who of them is still active.
 *
 * <p><b>Who is a maintainer</b>: a person granted access to a repository of the scope ({@code
 * member_added}), or seen acting with author association owner, member or collaborator, or merging
 * a pull request (only people with write access merge: the ladder's D3 merges), from the first
 * such act on; and a person named as one (parameter {@code maintainers}: the logins of a
 * MAINTAINERS or CODEOWNERS file, which the caller reads), from their first act in the events
 * ({@link Evidence#FILE}). A named login the events never show is listed in {@link
 * Result#unseen()} and counted nowhere: the events give neither its person nor its organisation. Reviews alone do not
 * make a maintainer: anyone may review. Bots are never maintainers. Maintainership is not revoked:
 * the events carry no removal, so a departed maintainer shows as inactive.
 *
 * <p><b>Active</b>: a merge or a review (any verdict) in the {@code inactiveAfter} (parameter,
 * default 180 days) before the window's end. <b>Organisation</b>: the affiliation just before the
 * window's end; unaffiliated maintainers count in the group and in no organisation.
 */
public final class Maintainers extends MetricDescriptor<Maintainers.Result> {

  /** The registered instance ({@code StandardMetrics.MAINTAINERS}). */
  public static final Maintainers INSTANCE = new Maintainers();

  private Maintainers() {
    super(
        "maintainers",
        "Who governs, for which organisations, and are they still there?",
        "The people with maintainer rights (granted access, acting as owner, member or collaborator,"
            + " or merging), how many organisations they work for, how few organisations hold more"
            + " than half of them, and how many merged or reviewed in the last six months.",
        "maintainers",
        List.of(
            new Preset("lfx", "LFX Insights maintainer organisations (3 or more earn full points)")
                .definedAt("https://github.com/linuxfoundation/insights/blob/main/frontend/docs/metrics/health-score.md")
                .withGuidance("More organisations among the maintainers is better; LFX gives full points from 3."),
            new Preset("chaoss", "CHAOSS Elephant Factor, over the maintainer group")
                .definedAt("https://github.com/chaoss/wg-risk/blob/main/focus-areas/business-risk/elephant-factor.md")
                .withGuidance("The fewest organisations holding more than half of the maintainers; higher is better.")),
        List.of(
            new Parameter("inactiveAfter", Parameter.Kind.DURATION, "P180D", "days",
                "a maintainer with no merge or review in this long before the end is inactive"),
            new Parameter("period", Parameter.Kind.GRANULARITY, "month", "", "maintainers are counted at the end of each hour, day, week or month"),
            new Parameter("maintainers", Parameter.Kind.WORDS, "", "logins",
                "logins named as maintainers (a MAINTAINERS or CODEOWNERS file's), in addition to those the events show")),
        List.of(
            new MeasurementSpec("maintainers", Unit.PEOPLE, "maintainers at the window's end"),
            new MeasurementSpec("active", Unit.PEOPLE, "of them, those who merged or reviewed within inactiveAfter"),
            new MeasurementSpec("organizations", Unit.ORGANIZATIONS, "distinct organisations of the maintainers"),
            new MeasurementSpec("elephantFactor", Unit.ORGANIZATIONS, "fewest organisations holding more than half the affiliated maintainers"),
            new MeasurementSpec("lfxThreeOrganizations", Unit.LEVEL, "LFX: pass when the maintainers come from 3 or more organisations")),
        Locality.HISTORY);
  }

  /** Pass or fail of a threshold check. */
  public enum Check {
    /** The threshold is met. */
    PASS,
    /** It is not. */
    FAIL
  }

  /** How a person first showed to be a maintainer. */
  public enum Evidence {
    /** Granted access ({@code member_added}). */
    GRANT,
    /** Acted with author association owner, member or collaborator. */
    ASSOCIATION,
    /** Merged a pull request. */
    MERGE,
    /** Named as a maintainer (parameter {@code maintainers}); since is the first act seen. */
    FILE
  }

  /**
   * One maintainer.
   *
   * @param person the person key
   * @param since when the person first showed to be a maintainer of a repository in scope
   * @param evidence how
   * @param organization the affiliation just before the window's end; empty when unaffiliated
   * @param lastActivity the last merge or review before the window's end; empty if none
   * @param active whether {@code lastActivity} lies within {@code inactiveAfter} of the end
   */
  public record Maintainer(
      Actor person, Instant since, Evidence evidence, Optional<String> organization, Optional<Instant> lastActivity, boolean active) {
    /** Checks the components. */
    public Maintainer {
      Checks.notNull(person, "person");
      Checks.notNull(since, "since");
      Checks.notNull(evidence, "evidence");
      Checks.notNull(organization, "organization");
      Checks.notNull(lastActivity, "lastActivity");
    }
  }

  /**
   * Maintainers at the end of one period.
   *
   * @param period the period
   * @param maintainers how many were maintainers at its end
   * @param active how many of them merged or reviewed within {@code inactiveAfter} before its end
   */
  public record PeriodCount(Window period, int maintainers, int active) {
    /** Checks the components. */
    public PeriodCount {
      Checks.notNull(period, "period");
    }
  }

  /**
   * The result.
   *
   * @param window the window; maintainers are those of its end
   * @param maintainers every maintainer at the end, by person key
   * @param elephant the fewest organisations holding more than half the affiliated maintainers
   *     (factor 0 when none is affiliated)
   * @param perPeriod maintainers at the end of each complete period inside the window
   * @param unseen the logins named as maintainers that no event before the end shows, lower
   *     case, sorted: not counted
   */
  public record Result(
      Window window, List<Maintainer> maintainers, Concentration<String> elephant, List<PeriodCount> perPeriod,
      List<String> unseen) {
    /** Checks the components and copies the lists. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(elephant, "elephant");
      maintainers = List.copyOf(maintainers);
      perPeriod = List.copyOf(perPeriod);
      unseen = List.copyOf(unseen);
    }

    /** How many maintainers are active. */
    public int active() {
      return (int) maintainers.stream().filter(Maintainer::active).count();
    }

    /** The distinct organisations of the maintainers. */
    public int organizations() {
      return (int) maintainers.stream().flatMap(m -> m.organization().stream()).distinct().count();
    }

    /** LFX's check, empty without maintainers. */
    public Optional<Check> lfxThreeOrganizations() {
      return maintainers.isEmpty() ? Optional.empty() : Optional.of(organizations() >= 3 ? Check.PASS : Check.FAIL);
    }
  }

  /** A maintainer is active with a merge or review in the 180 days before as-of. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return of(e.scope(), e.window(), e.affiliations(), e.duration(this, "inactiveAfter"), e.granularity(this, "period"),
        e.words(this, "maintainers"));
  }

  /** The algorithm over a scope and window, with affiliations. */
  public static SliceMetric<GovernanceState, Result> of(
      RepositoryScope scope, Window window, Affiliations affiliations, Duration inactiveAfter, Granularity period) {
    return of(scope, window, affiliations, inactiveAfter, period, List.of());
  }

  /**
   * The algorithm over a scope and window, with affiliations and people named as maintainers.
   *
   * @param maintainerLogins logins named as maintainers (a MAINTAINERS or CODEOWNERS file's; a
   *     leading {@code @} is dropped, case ignored), in addition to those the events show
   */
  public static SliceMetric<GovernanceState, Result> of(
      RepositoryScope scope, Window window, Affiliations affiliations, Duration inactiveAfter, Granularity period,
      Collection<String> maintainerLogins) {
    return new Engine(scope, window, affiliations, inactiveAfter, period, maintainerLogins);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    int n = r.maintainers().size();
    long affiliated = r.elephant().total();
    return List.of(
        Measurement.of(id(), "maintainers", Unit.PEOPLE, n, n, "lfx"),
        Measurement.of(id(), "active", Unit.PEOPLE, r.active(), n, "lfx"),
        Measurement.of(id(), "organizations", Unit.ORGANIZATIONS, r.organizations(), n, "lfx"),
        Measurement.of(id(), "elephantFactor", Unit.ORGANIZATIONS, r.elephant().factor(), affiliated, "chaoss"),
        Measurement.level(id(), "lfxThreeOrganizations", r.lfxThreeOrganizations(), n, "lfx"));
  }

  static final class Engine extends GovernanceScan<Result> {
    private final Window window;
    private final Duration inactiveAfter;
    private final Granularity period;

    Engine(
        RepositoryScope scope, Window window, Affiliations affiliations, Duration inactiveAfter, Granularity period,
        Collection<String> maintainerLogins) {
      super(scope, window.end(), affiliations, maintainerLogins);
      this.window = window;
      this.inactiveAfter = Checks.notNull(inactiveAfter, "inactiveAfter");
      this.period = Checks.notNull(period, "period");
    }

    private record First(Instant at, Evidence evidence) {}

    @Override
    public Result finish(GovernanceState state) {
      // Each person's first evidence in any repository of the scope, and their merges and reviews.
      Map<Actor, First> first = new HashMap<>();
      Map<Actor, List<Instant>> activity = new HashMap<>();
      Map<Actor, Instant> firstSeen = new HashMap<>();
      state.grants.forEach((k, at) -> first.merge(k.person(), new First(at, Evidence.GRANT), Engine::earlier));
      for (Map.Entry<GovernanceState.ItemKey, Item> e : state.items.entrySet()) {
        Item item = e.getValue();
        if (item.openerMaintainer && item.author != null && !item.authorBot && item.opened != null) {
          first.merge(item.author, new First(item.opened, Evidence.ASSOCIATION), Engine::earlier);
        }
        if (item.author != null && item.opened != null) {
          firstSeen.merge(item.author, item.opened, (x, y) -> x.isBefore(y) ? x : y);
        }
        for (Act a : item.acts) {
          if (a.bot()) {
            continue;
          }
          firstSeen.merge(a.person(), a.at(), (x, y) -> x.isBefore(y) ? x : y);
          if (a.kind() == Kind.MERGED) {
            first.merge(a.person(), new First(a.at(), Evidence.MERGE), Engine::earlier);
          } else if (a.maintainerAssociation()) {
            first.merge(a.person(), new First(a.at(), Evidence.ASSOCIATION), Engine::earlier);
          }
          if (a.kind() == Kind.MERGED || a.kind() == Kind.APPROVED || a.kind() == Kind.CHANGES_REQUESTED
              || a.kind() == Kind.REVIEWED || a.kind() == Kind.DISMISSED) {
            activity.computeIfAbsent(a.person(), k -> new ArrayList<>()).add(a.at());
          }
        }
      }
      for (Actor person : state.named.values()) {
        Instant seen = firstSeen.get(person);
        if (seen != null) {
          first.merge(person, new First(seen, Evidence.FILE), Engine::earlier);
        }
      }
      List<String> unseen = new ArrayList<>();
      for (String login : maintainerLogins) {
        Actor person = state.named.get(login);
        if (person == null || !first.containsKey(person)) {
          unseen.add(login);
        }
      }
      activity.values().forEach(l -> l.sort(Comparator.naturalOrder()));
      List<Maintainer> maintainers = new ArrayList<>();
      Map<String, Long> perOrganization = new TreeMap<>();
      new TreeMap<>(first).forEach((person, f) -> {
        Optional<Instant> last = lastBefore(activity.get(person), window.end());
        Optional<String> org = Optional.ofNullable(state.organizationAtEnd.get(person));
        maintainers.add(new Maintainer(person, f.at(), f.evidence(), org, last, active(last, window.end())));
        org.ifPresent(o -> perOrganization.merge(o, 1L, Long::sum));
      });
      List<PeriodCount> perPeriod = new ArrayList<>();
      for (Window p : period.periodsInside(window)) {
        int count = 0;
        int active = 0;
        for (Map.Entry<Actor, First> e : first.entrySet()) {
          if (e.getValue().at().isBefore(p.end())) {
            count++;
            active += active(lastBefore(activity.get(e.getKey()), p.end()), p.end()) ? 1 : 0;
          }
        }
        perPeriod.add(new PeriodCount(p, count, active));
      }
      return new Result(
          window, maintainers, Concentration.of(perOrganization, ShareRule.MORE_THAN_HALF, Comparator.naturalOrder()), perPeriod,
          unseen);
    }

    private boolean active(Optional<Instant> last, Instant end) {
      return last.isPresent() && !last.get().isBefore(end.minus(inactiveAfter));
    }

    private static Optional<Instant> lastBefore(List<Instant> sorted, Instant end) {
      Optional<Instant> last = Optional.empty();
      if (sorted != null) {
        for (Instant t : sorted) {
          if (t.isBefore(end)) {
            last = Optional.of(t);
          }
        }
      }
      return last;
    }

    private static First earlier(First x, First y) {
      return y.at().isBefore(x.at()) || (y.at().equals(x.at()) && y.evidence().compareTo(x.evidence()) < 0) ? y : x;
    }
  }
}
