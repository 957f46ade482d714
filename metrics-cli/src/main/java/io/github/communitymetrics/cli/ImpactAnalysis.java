package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.impact.BootstrapParameters;
import io.github.communitymetrics.core.impact.ChangepointParameters;
import io.github.communitymetrics.core.impact.Changepoints;
import io.github.communitymetrics.core.impact.CohortConversion;
import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.Counterfactual;
import io.github.communitymetrics.core.impact.DailySeries;
import io.github.communitymetrics.core.impact.DifferenceInDifferences;
import io.github.communitymetrics.core.impact.EventCohort;
import io.github.communitymetrics.core.impact.EventDays;
import io.github.communitymetrics.core.impact.ImpactPValue;
import io.github.communitymetrics.core.impact.ImpactSeriesId;
import io.github.communitymetrics.core.impact.InterruptedTimeSeries;
import io.github.communitymetrics.core.impact.ItsParameters;
import io.github.communitymetrics.core.impact.Lift;
import io.github.communitymetrics.core.impact.LogRank;
import io.github.communitymetrics.core.impact.Penalty;
import io.github.communitymetrics.core.impact.PersonContributions;
import io.github.communitymetrics.core.impact.SameSizeCohorts;
import io.github.communitymetrics.core.impact.Placebo;
import io.github.communitymetrics.core.impact.PlaceboParameters;
import io.github.communitymetrics.core.metrics.confidence.IntervalMethod;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The computations of {@code impact}: for one event, every method of {@code core.impact} on each
 * series, and its cohort. Every estimate is an {@link Outcome}: a value, or why there is none.
 */
final class ImpactAnalysis {
  private ImpactAnalysis() {}

  /**
   * The parameters, as the options give them.
   *
   * @param window w: days compared on each side (lift, difference in differences) and fitted on
   *     each side (interrupted time series, the counterfactual, the cohort's baseline)
   * @param blockLength the bootstrap block length; empty for the default
   * @param replicates bootstrap replicates
   * @param seed the seed of every random choice (bootstrap blocks, placebo dates)
   * @param placebos placebo dates per test
   * @param placeboMargin days around the event that no placebo run reads
   * @param alpha the significance level; intervals are at 1 - alpha
   * @param penalty the changepoint penalty
   * @param minSegment the shortest changepoint segment, days
   * @param tolerance a changepoint within this many days of the event counts as near it
   * @param horizon the conversion horizon after a first contribution
   * @param gap the inactivity after which a person counts as departed
   */
  record Parameters(
      int window,
      OptionalInt blockLength,
      int replicates,
      long seed,
      int placebos,
      int placeboMargin,
      double alpha,
      Penalty penalty,
      int minSegment,
      int tolerance,
      Duration horizon,
      Duration gap) {

    double level() {
      return 1 - alpha;
    }

    BootstrapParameters bootstrap() {
      return new BootstrapParameters(window, blockLength, replicates, level(), seed);
    }

    ItsParameters its() {
      return ItsParameters.of(window, window).withLevel(level());
    }

    ChangepointParameters changepoints() {
      return ChangepointParameters.defaults()
          .withPenalty(penalty)
          .withMinSegmentLength(minSegment)
          .withTolerance(tolerance);
    }

    PlaceboParameters placebo() {
      return new PlaceboParameters(placebos, placeboMargin, alpha, seed);
    }
  }

  /** A value, or the reason there is none ("no data" in text, null in JSON). */
  record Outcome<T>(Optional<T> value, String why) {
    static <T> Outcome<T> of(T value) {
      return new Outcome<>(Optional.of(value), "");
    }

    static <T> Outcome<T> none(String why) {
      return new Outcome<>(Optional.empty(), why);
    }

    /** The value of {@code compute}, or none with the reason the method gave for refusing. */
    static <T> Outcome<T> attempt(Supplier<T> compute) {
      try {
        return of(compute.get());
      } catch (IllegalArgumentException e) {
        return none(e.getMessage());
      }
    }

    /** The value of {@code compute}, none with {@code emptyWhy} when it has none. */
    static <T> Outcome<T> attemptOptional(Supplier<Optional<T>> compute, String emptyWhy) {
      Outcome<Optional<T>> o = attempt(compute);
      if (o.value().isEmpty()) {
        return none(o.why());
      }
      return o.value().get().map(Outcome::of).orElseGet(() -> none(emptyWhy));
    }
  }

  /**
   * One series around one event.
   *
   * @param id the series
   * @param series the whole series
   * @param days the event's days in it; empty when the event lies outside the data
   * @param lift the before/after lift
   * @param its the interrupted time series
   * @param changepoints the changepoints of the whole series
   * @param liftPlacebo the lift's placebo runs
   * @param levelPlacebo the level change's placebo runs
   * @param did the difference in differences; empty without {@code --controls}
   * @param counterfactual the pre-event fit extended, for the chart
   */
  record SeriesImpact(
      ImpactSeriesId id,
      DailySeries series,
      Optional<EventDays> days,
      Outcome<Lift> lift,
      Outcome<InterruptedTimeSeries> its,
      Outcome<Changepoints> changepoints,
      Outcome<Placebo> liftPlacebo,
      Outcome<Placebo> levelPlacebo,
      Optional<Outcome<DifferenceInDifferences>> did,
      Optional<Counterfactual> counterfactual) {}

  /** The impact on {@code series} of {@code event}; {@code controls} empty for no difference in differences. */
  static SeriesImpact series(
      ImpactSeriesId id, DailySeries series, CommunityEvent event, List<CommunityEvent> calendar,
      List<DailySeries> controls, boolean withControls, Parameters p) {
    Outcome<EventDays> located = Outcome.attempt(() -> series.daysOf(event));
    if (located.value().isEmpty()) {
      String why = "the event lies outside the data (" + series.origin() + " to " + series.day(series.length() - 1) + ")";
      Outcome<Placebo> noPlacebo = Outcome.none(why);
      return new SeriesImpact(
          id, series, Optional.empty(), Outcome.none(why), Outcome.none(why), Outcome.none(why), noPlacebo,
          noPlacebo, withControls ? Optional.of(Outcome.none(why)) : Optional.empty(), Optional.empty());
    }
    EventDays days = located.value().get();
    int w = p.window();
    // The core's messages speak of indices; these say which days were missing.
    String windows = windowsMissing(series, days, w, w);
    Outcome<Lift> lift =
        windows.isEmpty() ? Outcome.attempt(() -> Lift.estimate(series, days, p.bootstrap())) : Outcome.none(windows);
    Outcome<InterruptedTimeSeries> its =
        windows.isEmpty() ? Outcome.attempt(() -> InterruptedTimeSeries.fit(series, days, p.its())) : Outcome.none(windows);
    Outcome<Changepoints> changepoints =
        Outcome.attempt(() -> Changepoints.detect(series, days, p.changepoints()));
    // Placebo dates keep clear of the calendar's other events too: one inside another event's
    // effect is no placebo.
    List<EventDays> others = otherEvents(series, event, calendar);
    Outcome<Placebo> liftPlacebo =
        Outcome.attempt(() -> Placebo.run(series, days, others, ImpactPValue.lift(p.bootstrap()), p.placebo()));
    Outcome<Placebo> levelPlacebo =
        Outcome.attempt(() -> Placebo.run(series, days, others, ImpactPValue.levelChange(p.its()), p.placebo()));
    Optional<Outcome<DifferenceInDifferences>> did =
        withControls
            ? Optional.of(
                windows.isEmpty()
                    ? Outcome.attempt(() -> DifferenceInDifferences.estimate(series, controls, days, p.bootstrap()))
                    : Outcome.none(windows))
            : Optional.empty();
    Optional<Counterfactual> counterfactual =
        days.first() >= w ? Counterfactual.of(series, days, w, w, p.level()) : Optional.empty();
    return new SeriesImpact(id, series, Optional.of(days), lift, its, changepoints, liftPlacebo, levelPlacebo, did, counterfactual);
  }

  /** The days of the calendar's other events within the series, clipped to it. */
  static List<EventDays> otherEvents(DailySeries series, CommunityEvent event, List<CommunityEvent> calendar) {
    List<EventDays> out = new ArrayList<>();
    for (CommunityEvent o : calendar) {
      if (o.equals(event)) {
        continue;
      }
      long first = ChronoUnit.DAYS.between(
          series.origin(), LocalDate.ofInstant(o.start(), ZoneOffset.UTC));
      long last = ChronoUnit.DAYS.between(
          series.origin(), LocalDate.ofInstant(o.end().minusNanos(1), ZoneOffset.UTC));
      if (last >= 0 && first < series.length()) {
        out.add(new EventDays((int) Math.max(0, first), (int) Math.min(series.length() - 1, last)));
      }
    }
    return out;
  }

  /** Which of the w days before and after the event the data lacks, or "" when it has them all. */
  static String windowsMissing(DailySeries series, EventDays days, int before, int after) {
    List<String> missing = new ArrayList<>();
    if (days.first() < before) {
      missing.add("the " + before + " days before the event start " + series.day(days.first()).minusDays(before)
          + ", before the data does (" + series.origin() + ")");
    }
    if (days.last() + after >= series.length()) {
      missing.add("the " + after + " days after the event end " + series.day(days.last()).plusDays(after)
          + ", after the data does (" + series.day(series.length() - 1) + ")");
    }
    return String.join("; ", missing);
  }

  /**
   * An event's cohort and its comparison.
   *
   * @param byWindow members by a first contribution within the event
   * @param byAttendance members by the attendee list only (a first contribution after the event start)
   * @param byLabel members by the event's labels only: a first contribution after the event
   *     start, and a first issue or pull request that carries one of the labels
   * @param attendeesListed the event's attendees
   * @param attendeesMatched those that matched someone in the data
   * @param attendeesBefore matched attendees whose first contribution was before the event: not newcomers, not members
   * @param attendeesWithout matched attendees without a contribution in the scope
   * @param cohort the members; empty when the data ends before the event does
   * @param baseline the comparison cohort: first contribution in the w days before the event's first day
   * @param conversion the members' conversion
   * @param sameSize that conversion against same-size cohorts drawn from the other newcomers
   *     whose first contribution is at least w days after the data's start
   * @param toD2 the members who reached D2 of the ladder (a merged pull request) within the horizon
   * @param toD3 the members who reached D3 (a maintainer act) within the horizon
   * @param survival the members' Kaplan-Meier curve
   * @param baselineSurvival the baseline's
   * @param logRank the members against the baseline
   * @param pool the other newcomers of the whole data: everyone not a member whose first
   *     contribution lies in {@code [dataStart + w days, asOf)}
   * @param poolSurvival the pool's Kaplan-Meier curve
   * @param logRankPool the members against the pool
   * @param asOf the instant the follow-up ends
   */
  record CohortImpact(
      int byWindow,
      int byAttendance,
      int byLabel,
      int attendeesListed,
      int attendeesMatched,
      int attendeesBefore,
      int attendeesWithout,
      Outcome<EventCohort> cohort,
      Outcome<EventCohort> baseline,
      Outcome<CohortConversion> conversion,
      Outcome<SameSizeCohorts> sameSize,
      Outcome<CohortConversion> toD2,
      Outcome<CohortConversion> toD3,
      Outcome<SurvivalCurve> survival,
      Outcome<SurvivalCurve> baselineSurvival,
      Outcome<LogRank> logRank,
      Outcome<EventCohort> pool,
      Outcome<SurvivalCurve> poolSurvival,
      Outcome<LogRank> logRankPool,
      Instant asOf) {

    /** The members: by the window, the attendee list and the labels. */
    int members() {
      return byWindow + byAttendance + byLabel;
    }
  }

  /**
   * The cohort of {@code event}: the people whose first contribution in the scope falls within
   * the event, and the attendees (matched to people) whose first contribution is at or after the
   * event's start and before {@code asOf}, and likewise the people whose first issue or pull
   * request carries one of the event's labels ({@code labelled}). The baseline: everyone else whose first contribution
   * falls in the w days before the event's first UTC day, {@code [D0 - w days, D0)}, that is the
   * same-length windows before the event laid end to end (the days the lift's before window
   * reads): newcomers of the same project just before the event, with a longer follow-up than the
   * cohort's rather than a shorter one.
   *
   * @param people everyone's contributions in the scope
   * @param attendees by attendee, the person matched
   * @param labelled the people whose first issue or pull request carries one of the event's
   *     labels, and when they opened it ({@link io.github.communitymetrics.core.impact.ImpactSeries#labelled})
   * @param dataStart the first instant of the data
   */
  static CohortImpact cohort(
      CommunityEvent event, Collection<PersonContributions> people, Map<String, String> attendees,
      Map<String, Instant> labelled, Instant dataStart, Instant asOf, Map<String, Instant> reachedD2, Map<String, Instant> reachedD3, Parameters p) {
    Set<String> attending = new HashSet<>(attendees.values());
    List<PersonContributions> members = new ArrayList<>();
    int byWindow = 0;
    int byAttendance = 0;
    int byLabel = 0;
    int before = 0;
    Set<String> contributing = new HashSet<>();
    Instant to = event.end();
    for (PersonContributions c : people) {
      contributing.add(c.person());
      Instant first = c.first();
      boolean inWindow = !first.isBefore(event.start()) && first.isBefore(event.end());
      boolean attended = attending.contains(c.person());
      boolean since = !first.isBefore(event.start()) && first.isBefore(asOf);
      if (inWindow) {
        byWindow++;
        members.add(c);
      } else if (since && (attended || labelled.containsKey(c.person()))) {
        // Attendance counts first where both hold: the list names people, a label only work.
        if (attended) {
          byAttendance++;
        } else {
          byLabel++;
        }
        members.add(c);
        to = first.isBefore(to) ? to : first.plusNanos(1);
      } else if (attended && first.isBefore(event.start())) {
        before++;
      }
    }
    int without = (int) attending.stream().filter(a -> !contributing.contains(a)).count();
    Instant cohortEnd = to;
    Instant d0 = LocalDate.ofInstant(event.start(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant baselineFrom = d0.minus(Duration.ofDays(p.window()));
    Set<String> memberNames = new HashSet<>();
    members.forEach(m -> memberNames.add(m.person()));
    List<PersonContributions> others = people.stream().filter(c -> !memberNames.contains(c.person())).toList();
    if (asOf.isBefore(cohortEnd)) {
      String why = "the data ends (as of " + asOf + ") before the event does (" + event.end() + ")";
      return new CohortImpact(byWindow, byAttendance, byLabel, event.attendees().size(), attendees.size(), before, without,
          Outcome.none(why), Outcome.none(why), Outcome.none(why), Outcome.none(why), Outcome.none(why),
          Outcome.none(why), Outcome.none(why), Outcome.none(why), Outcome.none(why), Outcome.none(why),
          Outcome.none(why), Outcome.none(why), asOf);
    }
    EventCohort cohort = new EventCohort(event.start(), cohortEnd, members);
    // Before the data starts nobody's first contribution is known: whoever shows up first in the
    // data would look new. A baseline window reaching there has no data.
    Outcome<EventCohort> baseline =
        baselineFrom.isBefore(dataStart)
            ? Outcome.none("its window " + LocalDate.ofInstant(baselineFrom, ZoneOffset.UTC) + " to "
                + LocalDate.ofInstant(d0, ZoneOffset.UTC) + " starts before the data does ("
                + LocalDate.ofInstant(dataStart, ZoneOffset.UTC) + ")")
            : Outcome.of(EventCohort.of(others, baselineFrom, d0));
    Outcome<CohortConversion> conversion =
        Outcome.attempt(() -> cohort.conversion(p.horizon(), asOf, IntervalMethod.WILSON, p.level()));
    // The other newcomers of every period, but the first w days': whoever shows up there first
    // may have contributed before the data starts, as for the baseline.
    Instant poolFrom = dataStart.plus(Duration.ofDays(p.window()));
    Outcome<EventCohort> pool = asOf.isAfter(poolFrom)
        ? Outcome.of(EventCohort.of(others, poolFrom, asOf))
        : Outcome.none("the data ends within " + p.window() + " days of its start (" + dataStart + ")");
    Outcome<SameSizeCohorts> sameSize = sameSize(conversion, pool, asOf, p);
    Outcome<CohortConversion> toD2 =
        Outcome.attempt(() -> cohort.reaching(reachedD2, p.horizon(), asOf, IntervalMethod.WILSON, p.level()));
    Outcome<CohortConversion> toD3 =
        Outcome.attempt(() -> cohort.reaching(reachedD3, p.horizon(), asOf, IntervalMethod.WILSON, p.level()));
    Outcome<SurvivalCurve> survival = survival(cohort, asOf, p);
    Outcome<SurvivalCurve> baselineSurvival =
        baseline.value().map(b -> survival(b, asOf, p)).orElse(Outcome.none("no baseline: " + baseline.why()));
    Outcome<LogRank> logRank =
        baseline.value().isEmpty()
            ? Outcome.none("no baseline: " + baseline.why())
            : Outcome.attemptOptional(
                () -> cohort.logRank(baseline.value().get(), p.gap(), asOf),
                "no departure at a time when both the cohort and the baseline had people at risk");
    Outcome<SurvivalCurve> poolSurvival =
        pool.value().map(b -> survival(b, asOf, p)).orElse(Outcome.none(pool.why()));
    Outcome<LogRank> logRankPool =
        pool.value().isEmpty()
            ? Outcome.none(pool.why())
            : Outcome.attemptOptional(
                () -> cohort.logRank(pool.value().get(), p.gap(), asOf),
                "no departure at a time when both the cohort and the other newcomers had people at risk");
    return new CohortImpact(byWindow, byAttendance, byLabel, event.attendees().size(), attendees.size(), before, without,
        Outcome.of(cohort), baseline, conversion, sameSize, toD2, toD3, survival, baselineSurvival, logRank, pool,
        poolSurvival, logRankPool, asOf);
  }

  /** The members' conversion against same-size cohorts drawn from the pool of other newcomers. */
  private static Outcome<SameSizeCohorts> sameSize(
      Outcome<CohortConversion> conversion, Outcome<EventCohort> others, Instant asOf, Parameters p) {
    if (conversion.value().isEmpty()) {
      return Outcome.none(conversion.why());
    }
    if (others.value().isEmpty()) {
      return Outcome.none(others.why());
    }
    Instant from = others.value().get().from();
    CohortConversion pool = others.value().get().conversion(p.horizon(), asOf, IntervalMethod.WILSON, p.level());
    CohortConversion members = conversion.value().get();
    return SameSizeCohorts.of(members, pool, p.level())
        .map(Outcome::of)
        .orElseGet(() -> Outcome.none(members.cohort() == 0
            ? "nobody in the cohort"
            : members.eligible() == 0
            ? "no member's horizon has passed"
            : "only " + pool.eligible() + " other newcomers since " + from + " have had their horizon pass, fewer than the "
                + members.eligible() + " members"));
  }

  private static Outcome<SurvivalCurve> survival(EventCohort c, Instant asOf, Parameters p) {
    if (c.size() == 0) {
      return Outcome.none("nobody in it");
    }
    return Outcome.attempt(() -> c.survival(p.gap(), asOf, p.level(), BandScale.LOG_LOG));
  }
}
