package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.forks.ForkScan.View;
import io.github.communitymetrics.core.metrics.forks.ForkState.Activity;
import io.github.communitymetrics.core.metrics.forks.ForkState.Pull;
import io.github.communitymetrics.core.metrics.forks.ForkState.ReleaseRecord;
import io.github.communitymetrics.core.metrics.forks.ForkState.Span;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Signals that a fork of the scope's repositories became a hard fork (Zhou, Vasilescu and
 * Kastner, ICSE 2020: "splitting off an independent development branch", as opposed to the social
 * forks made to contribute), each with its evidence and a dated timeline, and never a verdict:
 * the reader weighs them.
 *
 * <ul>
 *   <li>{@link Kind#NEW_NAME}: the fork's repository name (the part after the last {@code /})
 *       differs from the upstream's, ignoring case (hard forks often take a new name; a social
 *       fork keeps the upstream's);
 *   <li>{@link Kind#OWN_RELEASES}: releases published in the fork;
 *   <li>{@link Kind#OWN_CONTRIBUTORS}: people who pushed, committed, released, opened or merged a
 *       pull request or reviewed in the fork and never did any of these in the upstream before
 *       the window's end;
 *   <li>{@link Kind#SUSTAINED_WITHOUT_RETURN}: pushes or commits of its own after its creation in
 *       at least {@code sustainedMonths} distinct UTC months, and no pull request back;
 *   <li>{@link Kind#PEOPLE_FROM_UPSTREAM}: people whose first act in the upstream came before
 *       their first in the fork (who moved, when, and whether they acted upstream again after).
 * </ul>
 *
 * <p>All but the first need the fork's own events (GH Archive holds them; a REST read of the
 * upstream does not): without them they are listed as unknown, not absent. Commits ahead of or
 * behind the upstream (the divergence of the two histories) need the compare API or both git
 * histories and are not read.
 */
public final class HardForkSignals extends MetricDescriptor<HardForkSignals.Result> {

  /** The registered instance ({@code StandardMetrics.HARD_FORK_SIGNALS}). */
  public static final HardForkSignals INSTANCE = new HardForkSignals();

  private HardForkSignals() {
    super(
        "hard-fork-signals",
        "Is a fork splitting off, and who goes with it?",
        "For each fork: whether it took a new name, publishes its own releases, has contributors who"
            + " never worked upstream, keeps changing for months without sending anything back, and"
            + " which upstream people moved to it and when. Signals with evidence, not a verdict.",
        "hardForkSignals",
        List.of(
            new Preset("zhou-2020", "Zhou, Vasilescu and Kastner, How Has Forking Changed in the Last 20 Years? (ICSE 2020): hard and social forks")
                .definedAt("https://doi.org/10.1145/3377811.3380412")
                .withGuidance("Several signals on one fork, above all people moving from the upstream, suggest a hard fork;"
                    + " a fork with none is a social fork. Hard forks are not bad in themselves."),
            new Preset("chaoss", "CHAOSS Technical Fork")
                .definedAt("https://chaoss.community/kb/metric-technical-fork/")
                .withGuidance("A fork that contributes back is a contributing fork, whatever its other signals.")),
        List.of(
            new Parameter("sustainedMonths", Parameter.Kind.INTEGER, "3", "months",
                "a fork changing in at least this many distinct UTC months, with no pull request back, shows sustained work"),
            new Parameter("forkEvents", Parameter.Kind.WORDS, "auto", "",
                "whether the data holds the forks' own events: auto (present when any fork has one), present or absent")),
        List.of(
            new MeasurementSpec("forks", Unit.COUNT, "forks evaluated (known before the window's end)"),
            new MeasurementSpec("forksWithSignals", Unit.COUNT, "forks showing at least one signal"),
            new MeasurementSpec("mostSignals", Unit.COUNT, "the most signals shown by one fork (of 5)"),
            new MeasurementSpec("peopleMoved", Unit.PEOPLE, "distinct people who acted upstream before acting in a fork")),
        Locality.STORE);
  }

  /** A signal. */
  public enum Kind {
    /** The fork's name differs from the upstream's. */
    NEW_NAME,
    /** The fork publishes releases. */
    OWN_RELEASES,
    /** People work in the fork who never worked upstream. */
    OWN_CONTRIBUTORS,
    /** Changes in many months, no pull request back. */
    SUSTAINED_WITHOUT_RETURN,
    /** Upstream people moved to the fork. */
    PEOPLE_FROM_UPSTREAM
  }

  /**
   * One signal shown by a fork.
   *
   * @param kind which
   * @param since when it first showed (for a new name: the fork's creation, when known)
   * @param evidence what shows it, for people
   */
  public record Signal(Kind kind, Optional<Instant> since, String evidence) {
    /** Checks the components. */
    public Signal {
      Checks.notNull(kind, "kind");
      Checks.notNull(since, "since");
      Checks.notBlank(evidence, "evidence");
    }
  }

  /**
   * Someone who acted upstream before acting in the fork.
   *
   * @param person the person key
   * @param firstUpstream their first act upstream
   * @param lastUpstream their last act upstream before the window's end
   * @param moved their first act in the fork
   * @param stillUpstream whether they acted upstream after {@code moved}
   */
  public record Mover(Actor person, Instant firstUpstream, Instant lastUpstream, Instant moved, boolean stillUpstream) {
    /** Checks the components. */
    public Mover {
      Checks.notNull(person, "person");
      Checks.notNull(firstUpstream, "firstUpstream");
      Checks.notNull(lastUpstream, "lastUpstream");
      Checks.notNull(moved, "moved");
    }
  }

  /**
   * A dated step in a fork's life.
   *
   * @param at when
   * @param what what happened, for people ({@code forked by alice}, {@code release v2.0}, ...)
   */
  public record Step(Instant at, String what) {
    /** Checks the components. */
    public Step {
      Checks.notNull(at, "at");
      Checks.notBlank(what, "what");
    }
  }

  /**
   * One fork's signals.
   *
   * @param fork the fork
   * @param upstream its upstream
   * @param created its creation, when a fork event says
   * @param signals the signals it shows, in {@link Kind} order
   * @param unknown the signals the data cannot tell (no events of the forks' own)
   * @param movers the upstream people who moved to it, by person
   * @param pullRequestsBack pull requests it opened upstream
   * @param timeline its dated steps, in time order
   */
  public record ForkSignals(
      Repository fork,
      Repository upstream,
      Optional<Instant> created,
      List<Signal> signals,
      List<Kind> unknown,
      List<Mover> movers,
      int pullRequestsBack,
      List<Step> timeline) {
    /** Checks the components and copies the lists. */
    public ForkSignals {
      Checks.notNull(fork, "fork");
      Checks.notNull(upstream, "upstream");
      Checks.notNull(created, "created");
      signals = List.copyOf(signals);
      unknown = List.copyOf(unknown);
      movers = List.copyOf(movers);
      timeline = List.copyOf(timeline);
    }

    /** Whether it shows this signal. */
    public boolean shows(Kind kind) {
      return signals.stream().anyMatch(s -> s.kind() == kind);
    }
  }

  /**
   * The result.
   *
   * @param window the window; everything before its end is read
   * @param coverage whether the forks' own events are in the data
   * @param forks how many forks were evaluated
   * @param withSignals the forks showing at least one signal, most signals first, then by name
   */
  public record Result(Window window, Coverage coverage, int forks, List<ForkSignals> withSignals) {
    /** Checks the components and copies the list. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(coverage, "coverage");
      withSignals = List.copyOf(withSignals);
    }

    /** The signals of a fork, empty when it shows none (or is unknown). */
    public Optional<ForkSignals> of(Repository fork) {
      return withSignals.stream().filter(f -> f.fork().equals(fork)).findFirst();
    }

    /** Distinct people who moved to any fork. */
    public int peopleMoved() {
      Set<Actor> people = new HashSet<>();
      withSignals.forEach(f -> f.movers().forEach(m -> people.add(m.person())));
      return people.size();
    }
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return of(e.scope(), e.window(), e.integer(this, "sustainedMonths"), ForkEvents.of(e.words(this, "forkEvents")));
  }

  /**
   * The algorithm over a scope and window.
   *
   * @throws IllegalArgumentException if {@code sustainedMonths} is not positive
   */
  public static SliceMetric<ForkState, Result> of(
      RepositoryScope scope, Window window, int sustainedMonths, ForkEvents forkEvents) {
    return new Engine(scope, window, sustainedMonths, forkEvents);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    int n = r.forks();
    int most = r.withSignals().stream().mapToInt(f -> f.signals().size()).max().orElse(0);
    return List.of(
        Measurement.of(id(), "forks", Unit.COUNT, n, n, "zhou-2020"),
        Measurement.of(id(), "forksWithSignals", Unit.COUNT, r.withSignals().size(), n, "zhou-2020"),
        Measurement.of(id(), "mostSignals", Unit.COUNT, most, n, "zhou-2020"),
        r.coverage().present()
            ? Measurement.of(id(), "peopleMoved", Unit.PEOPLE, r.peopleMoved(), n, "zhou-2020")
            : Measurement.noData(id(), "peopleMoved", Unit.PEOPLE, "zhou-2020"));
  }

  static final class Engine extends ForkScan<Result> {
    private static final List<Kind> NEED_FORK_EVENTS =
        List.of(Kind.OWN_RELEASES, Kind.OWN_CONTRIBUTORS, Kind.SUSTAINED_WITHOUT_RETURN, Kind.PEOPLE_FROM_UPSTREAM);
    private final Window window;
    private final int sustainedMonths;

    Engine(RepositoryScope scope, Window window, int sustainedMonths, ForkEvents forkEvents) {
      super(scope, window.end(), forkEvents);
      this.window = window;
      this.sustainedMonths = Checks.positive(sustainedMonths, "sustainedMonths");
    }

    @Override
    public Result finish(ForkState state) {
      List<View> views = views(state);
      Coverage coverage = coverage(views);
      List<ForkSignals> out = new ArrayList<>();
      for (View v : views) {
        ForkSignals f = signals(v, state.activity.get(v.upstream()), coverage);
        if (!f.signals().isEmpty()) {
          out.add(f);
        }
      }
      out.sort(Comparator.comparingInt((ForkSignals f) -> -f.signals().size()).thenComparing(ForkSignals::fork));
      return new Result(window, coverage, views.size(), out);
    }

    private ForkSignals signals(View v, Activity upstream, Coverage coverage) {
      List<Signal> signals = new ArrayList<>();
      List<Step> timeline = new ArrayList<>();
      v.created().ifPresent(at -> timeline.add(new Step(at, "forked" + by(v.record().forkedBy()))));
      String forkName = leaf(v.fork().fullName());
      String upstreamName = leaf(v.upstream().fullName());
      if (!forkName.equalsIgnoreCase(upstreamName)) {
        signals.add(new Signal(Kind.NEW_NAME, v.created(), "named " + forkName + ", upstream " + upstreamName));
      }
      for (Pull p : v.pulls()) {
        timeline.add(new Step(p.opened, "pull request back opened" + by(p.author)));
      }
      if (!coverage.present()) {
        timeline.sort(Comparator.comparing(Step::at).thenComparing(Step::what));
        return new ForkSignals(v.fork(), v.upstream(), v.created(), signals, NEED_FORK_EVENTS, List.of(), v.pulls().size(), timeline);
      }
      Activity a = v.activity();
      List<Mover> movers = new ArrayList<>();
      if (a != null) {
        if (a.first != null) {
          timeline.add(new Step(a.first, "first push or commit of its own"));
        }
        List<ReleaseRecord> releases = new ArrayList<>(a.releases);
        releases.sort(Comparator.comparing(ReleaseRecord::at).thenComparing(ReleaseRecord::tag));
        if (!releases.isEmpty()) {
          signals.add(new Signal(Kind.OWN_RELEASES, Optional.of(releases.get(0).at()),
              releases.size() + " releases: " + String.join(", ", releases.stream().map(ReleaseRecord::tag).distinct().limit(10).toList())
                  + (releases.size() > 10 ? ", ..." : "")));
          releases.forEach(r -> timeline.add(new Step(r.at(), "release " + r.tag())));
        }
        Map<Actor, Span> people = new TreeMap<>(a.people);
        List<Actor> own = new ArrayList<>();
        Instant firstOwn = null;
        for (Map.Entry<Actor, Span> e : people.entrySet()) {
          Span up = upstream == null ? null : upstream.people.get(e.getKey());
          Span in = e.getValue();
          if (up == null) {
            own.add(e.getKey());
            firstOwn = ForkState.min(firstOwn, in.first());
            timeline.add(new Step(in.first(), "joined (never upstream): " + e.getKey().label()));
          } else if (up.first().isBefore(in.first())) {
            boolean still = up.last().isAfter(in.first());
            movers.add(new Mover(e.getKey(), up.first(), up.last(), in.first(), still));
            timeline.add(new Step(in.first(), "moved from upstream: " + e.getKey().label()
                + (still ? " (still acts upstream)" : " (no act upstream since)")));
          }
        }
        if (!own.isEmpty()) {
          signals.add(new Signal(Kind.OWN_CONTRIBUTORS, Optional.of(firstOwn),
              own.size() + " never acted upstream: " + String.join(", ", own.stream().limit(10).map(Actor::label).toList())
                  + (own.size() > 10 ? ", ..." : "")));
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        for (int d : v.days()) {
          Instant dayStart = Instant.ofEpochSecond(d * 86_400L);
          if (v.record().forkedAt() == null || !dayStart.plusSeconds(86_400L).isBefore(v.record().forkedAt())) {
            months.add(YearMonth.from(LocalDate.ofEpochDay(d)));
          }
        }
        if (months.size() >= sustainedMonths && v.pulls().isEmpty()) {
          YearMonth kth = months.stream().skip(sustainedMonths - 1L).findFirst().orElseThrow();
          Instant since = kth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
          signals.add(new Signal(Kind.SUSTAINED_WITHOUT_RETURN, Optional.of(since),
              "changes in " + months.size() + " months (" + months.first() + " to " + months.last() + "), no pull request back"));
          timeline.add(new Step(since, "changing for " + sustainedMonths + " months without a pull request back"));
        }
      }
      if (!movers.isEmpty()) {
        Instant first = movers.stream().map(Mover::moved).min(Comparator.naturalOrder()).orElseThrow();
        long still = movers.stream().filter(Mover::stillUpstream).count();
        signals.add(new Signal(Kind.PEOPLE_FROM_UPSTREAM, Optional.of(first),
            movers.size() + " upstream people moved (" + still + " still act upstream): "
                + String.join(", ", movers.stream().limit(10).map(m -> m.person().label()).toList())));
      }
      signals.sort(Comparator.comparing(Signal::kind));
      timeline.sort(Comparator.comparing(Step::at).thenComparing(Step::what));
      return new ForkSignals(v.fork(), v.upstream(), v.created(), signals, List.of(), movers, v.pulls().size(), timeline);
    }

    private static String by(Actor who) {
      return who == null ? "" : " by " + who.label();
    }

    private static String leaf(String fullName) {
      return fullName.substring(fullName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
  }
}
