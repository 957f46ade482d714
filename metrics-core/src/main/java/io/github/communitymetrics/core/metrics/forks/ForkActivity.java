package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.Survival;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.forks.ForkScan.View;
import io.github.communitymetrics.core.metrics.forks.ForkState.Pull;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Forks as the community's exit and its returns: which forks of the scope's repositories ever
 * changed, which contribute back, and the flow of pull requests from forks to the upstream.
 *
 * <p><b>Forks</b> are the repositories named by the scope's {@code fork} events and the head
 * repositories of the scope's pull requests that come from another repository (CHAOSS "Technical
 * Fork": a fork that opened a change request upstream is a <em>contributing</em> fork, the others
 * are non-contributing). A fork <b>changed</b> when the data holds a push or commit of its own
 * after its creation; it is <b>active in a period</b> when it had one that period (UTC days, so
 * periods are day, week or month). Both need the fork's own events, which GH Archive holds and a
 * forge's REST API read for the upstream does not: without them (parameter {@code forkEvents},
 * default {@code auto}: present when any known fork has an event of its own) "changed" and
 * "active" are no data, never "no" or 0.
 *
 * <p><b>Flow back</b>: pull requests of the scope whose head repository is a fork; opened and
 * merged per period, and the Kaplan-Meier median time from opening to merge of those opened in
 * the period (closed without merge: censored at the close; still open: censored at the window's
 * end).
 *
 * <p><b>Ahead and behind</b>: a fork's commits ahead of its upstream and behind it come from
 * outside the events, from GitHub's compare API or from both git histories ({@link Divergence}),
 * given as an explicit side input ({@link Divergences}); each fork carries the comparisons given
 * for it with their source and date, and a fork with none has no data ("not compared"), never 0.
 * The registry's evaluation ({@link #metric}) gives none.
 */
public final class ForkActivity extends MetricDescriptor<ForkActivity.Result> {

  /** The registered instance ({@code StandardMetrics.FORK_ACTIVITY}). */
  public static final ForkActivity INSTANCE = new ForkActivity();

  private ForkActivity() {
    super(
        "fork-activity",
        "Do forks change, and do they come back?",
        "The forks of each repository: how many were created, how many ever changed and were active"
            + " in each period (when the data holds the forks' own pushes, as GH Archive does), how many"
            + " sent pull requests back, and how many of those were merged and how fast.",
        "forkActivity",
        List.of(
            new Preset("chaoss", "CHAOSS Technical Fork (contributing and non-contributing forks)")
                .definedAt("https://chaoss.community/kb/metric-technical-fork/")
                .withGuidance("Contributing forks and merged pull requests from forks show a community that comes back;"
                    + " many forks that never change are people's copies, not an exit."),
            new Preset("what-the-fork", "Zhou, Vasilescu and Kastner, What the fork (ESEC/FSE 2019): lost and merged contributions from forks")
                .definedAt("https://doi.org/10.1145/3338906.3338918")
                .withGuidance("Forks that change but never send pull requests back are where contributions get lost.")),
        List.of(
            new Parameter("period", Parameter.Kind.GRANULARITY, "month", "",
                "forks are counted per UTC day, week or month (not hour: activity is kept by day)"),
            new Parameter("forkEvents", Parameter.Kind.WORDS, "auto", "",
                "whether the data holds the forks' own events: auto (present when any fork has one), present or absent")),
        List.of(
            new MeasurementSpec("forks", Unit.COUNT, "forks known before the window's end"),
            new MeasurementSpec("forksCreated", Unit.COUNT, "forks created in the window (fork events)"),
            new MeasurementSpec("changedForks", Unit.COUNT, "forks with a push or commit of their own after creation; no data without the forks' events"),
            new MeasurementSpec("activeForks", Unit.COUNT, "forks with a push or commit in the window; no data without the forks' events"),
            new MeasurementSpec("contributingForks", Unit.COUNT, "forks that opened a pull request upstream in the window"),
            new MeasurementSpec("pullRequestsFromForks", Unit.COUNT, "pull requests from forks opened in the window"),
            new MeasurementSpec("mergedFromForks", Unit.COUNT, "pull requests from forks merged in the window"),
            new MeasurementSpec("medianDaysToMerge", Unit.DAYS, "Kaplan-Meier median from opening to merge of the pull requests from forks opened in the window")),
        Locality.STORE);
  }

  /**
   * One fork.
   *
   * @param fork the fork's repository
   * @param upstream the repository it was forked from (else the target of its first pull request)
   * @param created when its fork event says it was created; empty when only a pull request names it
   * @param changed whether it had a push or commit of its own after creation; empty (no data) when
   *     the data does not hold the forks' own events
   * @param lastActive its last push or commit; empty when none or no data
   * @param activeDays the UTC days with a push or commit of its own (0 also when no data; see
   *     {@code changed})
   * @param pullRequests pull requests it opened upstream before the window's end
   * @param merged of them, merged before the window's end
   * @param divergences its comparisons with the upstream given beside the events (commits ahead
   *     and behind, or why unknown), each with its source and date; empty when it was not compared
   *     (no data, never 0 ahead and 0 behind)
   */
  public record ForkFacts(
      Repository fork,
      Repository upstream,
      Optional<Instant> created,
      Optional<Boolean> changed,
      Optional<Instant> lastActive,
      int activeDays,
      int pullRequests,
      int merged,
      List<Divergence> divergences) {
    /** Checks the components and copies the list. */
    public ForkFacts {
      Checks.notNull(fork, "fork");
      Checks.notNull(upstream, "upstream");
      Checks.notNull(created, "created");
      Checks.notNull(changed, "changed");
      Checks.notNull(lastActive, "lastActive");
      divergences = List.copyOf(Checks.notNull(divergences, "divergences"));
    }

    /** A fork that was not compared with its upstream. */
    public ForkFacts(
        Repository fork,
        Repository upstream,
        Optional<Instant> created,
        Optional<Boolean> changed,
        Optional<Instant> lastActive,
        int activeDays,
        int pullRequests,
        int merged) {
      this(fork, upstream, created, changed, lastActive, activeDays, pullRequests, merged, List.of());
    }

    /** This fork with the comparisons of {@code given} that are its own (and no others). */
    public ForkFacts withDivergences(Divergences given) {
      return new ForkFacts(fork, upstream, created, changed, lastActive, activeDays, pullRequests, merged,
          given.of(fork, upstream));
    }

    /**
     * Its latest comparison that counted (the latest {@link Divergence#asOf()}; of two at the same
     * instant, the first given); empty when none did.
     */
    public Optional<Divergence.Measured> latestMeasured() {
      Divergence.Measured out = null;
      for (Divergence d : divergences) {
        if (d instanceof Divergence.Measured m && (out == null || m.asOf().isAfter(out.asOf()))) {
          out = m;
        }
      }
      return Optional.ofNullable(out);
    }

    /** CHAOSS: a fork that opened a change request upstream. */
    public boolean contributing() {
      return pullRequests > 0;
    }
  }

  /**
   * One period of one upstream repository (or of the whole scope).
   *
   * @param period the period
   * @param forksCreated forks created in it (fork events)
   * @param activeForks forks with a push or commit of their own in it; empty (no data) without the
   *     forks' own events
   * @param contributingForks forks that opened a pull request upstream in it
   * @param pullRequestsOpened pull requests from forks opened in it
   * @param pullRequestsMerged pull requests from forks merged in it
   * @param medianTimeToMerge the Kaplan-Meier median from opening to merge of the pull requests
   *     from forks opened in it (censored at an unmerged close or at the window's end); empty when
   *     none was opened or fewer than half were merged
   */
  public record Flow(
      Window period,
      int forksCreated,
      OptionalInt activeForks,
      int contributingForks,
      int pullRequestsOpened,
      int pullRequestsMerged,
      Optional<Duration> medianTimeToMerge) {
    /** Checks the components. */
    public Flow {
      Checks.notNull(period, "period");
      Checks.notNull(activeForks, "activeForks");
      Checks.notNull(medianTimeToMerge, "medianTimeToMerge");
    }
  }

  /**
   * The result.
   *
   * @param window the window
   * @param coverage whether the forks' own events are in the data, and how that is known
   * @param forks every fork known before the window's end, in repository order
   * @param total the whole window over the scope
   * @param perRepository per upstream, its flow in each complete period inside the window
   * @param totalPerRepository per upstream, its flow over the whole window (as {@code total}, for
   *     its forks alone)
   */
  public record Result(
      Window window, Coverage coverage, List<ForkFacts> forks, Flow total, Map<Repository, List<Flow>> perRepository,
      Map<Repository, Flow> totalPerRepository) {
    /** Checks the components and copies the collections. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(coverage, "coverage");
      Checks.notNull(total, "total");
      forks = List.copyOf(forks);
      perRepository = Collections.unmodifiableMap(new TreeMap<>(perRepository));
      totalPerRepository = Collections.unmodifiableMap(new TreeMap<>(totalPerRepository));
    }

    /**
     * This result with the forks' comparisons replaced by those of {@code given}: what {@link
     * ForkActivity#of(RepositoryScope, Window, Granularity, ForkEvents, Divergences)} computes with
     * them, without scanning the events again (the comparisons change no count).
     */
    public Result withDivergences(Divergences given) {
      Checks.notNull(given, "given");
      return new Result(window, coverage, forks.stream().map(f -> f.withDivergences(given)).toList(), total, perRepository,
          totalPerRepository);
    }

    /** Forks that changed after creation; empty (no data) without the forks' own events. */
    public OptionalInt changedForks() {
      return coverage.present()
          ? OptionalInt.of((int) forks.stream().filter(f -> f.changed().orElse(false)).count())
          : OptionalInt.empty();
    }
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return of(e.scope(), e.window(), e.granularity(this, "period"), ForkEvents.of(e.words(this, "forkEvents")));
  }

  /**
   * The algorithm over a scope and window, with no fork compared ({@link Divergences#none()}).
   *
   * @throws IllegalArgumentException if {@code period} is {@link Granularity#HOUR}
   */
  public static SliceMetric<ForkState, Result> of(
      RepositoryScope scope, Window window, Granularity period, ForkEvents forkEvents) {
    return of(scope, window, period, forkEvents, Divergences.none());
  }

  /**
   * The algorithm over a scope and window, with the comparisons of forks with their upstreams read
   * beside the events (commits ahead and behind): each fork of the result carries its own.
   *
   * @throws IllegalArgumentException if {@code period} is {@link Granularity#HOUR}
   */
  public static SliceMetric<ForkState, Result> of(
      RepositoryScope scope, Window window, Granularity period, ForkEvents forkEvents, Divergences divergences) {
    return new Engine(scope, window, period, forkEvents, divergences);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    int n = r.forks().size();
    Flow t = r.total();
    OptionalInt changed = r.changedForks();
    return List.of(
        Measurement.of(id(), "forks", Unit.COUNT, n, n, "chaoss"),
        Measurement.of(id(), "forksCreated", Unit.COUNT, t.forksCreated(), n, "chaoss"),
        changed.isPresent()
            ? Measurement.of(id(), "changedForks", Unit.COUNT, changed.getAsInt(), n, "chaoss")
            : Measurement.noData(id(), "changedForks", Unit.COUNT, "chaoss"),
        t.activeForks().isPresent()
            ? Measurement.of(id(), "activeForks", Unit.COUNT, t.activeForks().getAsInt(), n, "chaoss")
            : Measurement.noData(id(), "activeForks", Unit.COUNT, "chaoss"),
        Measurement.of(id(), "contributingForks", Unit.COUNT, t.contributingForks(), n, "chaoss"),
        Measurement.of(id(), "pullRequestsFromForks", Unit.COUNT, t.pullRequestsOpened(), n, "chaoss"),
        Measurement.of(id(), "mergedFromForks", Unit.COUNT, t.pullRequestsMerged(), n, "chaoss"),
        Measurement.of(id(), "medianDaysToMerge", Unit.DAYS,
            t.medianTimeToMerge().map(d -> OptionalDouble.of(d.toSeconds() / 86_400.0))
                .orElse(OptionalDouble.empty()),
            t.pullRequestsOpened(), "what-the-fork"));
  }

  static final class Engine extends ForkScan<Result> {
    private final Window window;
    private final Granularity period;
    private final Divergences divergences;

    Engine(RepositoryScope scope, Window window, Granularity period, ForkEvents forkEvents, Divergences divergences) {
      super(scope, window.end(), forkEvents);
      this.window = window;
      this.divergences = Checks.notNull(divergences, "divergences");
      this.period = Checks.notNull(period, "period");
      Checks.argument(period != Granularity.HOUR, "fork-activity counts by day, week or month, not hour");
    }

    @Override
    public Result finish(ForkState state) {
      List<View> views = views(state);
      Coverage coverage = coverage(views);
      List<ForkFacts> facts = new ArrayList<>(views.size());
      Map<Repository, List<View>> byUpstream = new TreeMap<>();
      for (View v : views) {
        byUpstream.computeIfAbsent(v.upstream(), k -> new ArrayList<>()).add(v);
        int merged = (int) v.pulls().stream().filter(p -> p.merged != null).count();
        boolean any = v.activity() != null && v.activity().last != null;
        facts.add(new ForkFacts(
            v.fork(), v.upstream(), v.created(),
            coverage.present() ? Optional.of(v.changedAfterCreation()) : Optional.empty(),
            coverage.present() && any ? Optional.of(v.activity().last) : Optional.empty(),
            v.days().length,
            v.pulls().size(), merged, divergences.of(v.fork(), v.upstream())));
      }
      Map<Repository, List<Flow>> perRepository = new TreeMap<>();
      Map<Repository, Flow> totalPerRepository = new TreeMap<>();
      List<Window> periods = period.periodsInside(window);
      byUpstream.forEach((upstream, vs) -> {
        List<Flow> flows = new ArrayList<>(periods.size());
        for (Window p : periods) {
          flows.add(flow(p, vs, coverage));
        }
        perRepository.put(upstream, flows);
        totalPerRepository.put(upstream, flow(window, vs, coverage));
      });
      return new Result(window, coverage, facts, flow(window, views, coverage), perRepository, totalPerRepository);
    }

    private Flow flow(Window p, List<View> views, Coverage coverage) {
      int created = 0;
      int active = 0;
      int contributing = 0;
      int opened = 0;
      int merged = 0;
      List<Duration> times = new ArrayList<>();
      List<Boolean> events = new ArrayList<>();
      long firstDay = Math.floorDiv(p.start().getEpochSecond(), 86_400L);
      long endDay = Math.floorDiv(p.end().getEpochSecond() + 86_399L, 86_400L); // exclusive
      for (View v : views) {
        if (v.record().forkedAt() != null && p.contains(v.record().forkedAt())) {
          created++;
        }
        if (v.activity() != null && activeIn(v.days(), firstDay, endDay)) {
          active++;
        }
        boolean contributed = false;
        for (Pull pr : v.pulls()) {
          if (p.contains(pr.opened)) {
            contributed = true;
            opened++;
            // A merge before the end is the event; otherwise censored at an unmerged close or the end.
            boolean isMerge = pr.merged != null && pr.merged.isBefore(window.end());
            Instant stop = isMerge ? pr.merged : ForkState.min(pr.closed, window.end());
            times.add(stop.isBefore(pr.opened) ? Duration.ZERO : Duration.between(pr.opened, stop));
            events.add(isMerge);
          }
          if (pr.merged != null && p.contains(pr.merged)) {
            merged++;
          }
        }
        contributing += contributed ? 1 : 0;
      }
      boolean[] merges = new boolean[events.size()];
      for (int i = 0; i < merges.length; i++) {
        merges[i] = events.get(i);
      }
      Optional<Duration> median = times.isEmpty() ? Optional.empty() : Survival.kaplanMeier(times, merges, 1, 2);
      return new Flow(p, created, coverage.present() ? OptionalInt.of(active) : OptionalInt.empty(),
          contributing, opened, merged, median);
    }

    private static boolean activeIn(int[] days, long firstDay, long endDay) {
      for (int d : days) {
        if (d >= firstDay && d < endDay) {
          return true;
        }
      }
      return false;
    }
  }
}
