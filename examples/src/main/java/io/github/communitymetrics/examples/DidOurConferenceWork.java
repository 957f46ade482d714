package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.impact.BootstrapEstimate;
import io.github.communitymetrics.core.impact.BootstrapParameters;
import io.github.communitymetrics.core.impact.Coefficient;
import io.github.communitymetrics.core.impact.CohortConversion;
import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.DailySeries;
import io.github.communitymetrics.core.impact.EventCohort;
import io.github.communitymetrics.core.impact.EventDays;
import io.github.communitymetrics.core.impact.EventKind;
import io.github.communitymetrics.core.impact.ImpactPValue;
import io.github.communitymetrics.core.impact.InterruptedTimeSeries;
import io.github.communitymetrics.core.impact.ItsParameters;
import io.github.communitymetrics.core.impact.Lift;
import io.github.communitymetrics.core.impact.LogRank;
import io.github.communitymetrics.core.impact.NewContributorSeries;
import io.github.communitymetrics.core.impact.PersonContributions;
import io.github.communitymetrics.core.impact.Placebo;
import io.github.communitymetrics.core.impact.PlaceboParameters;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.confidence.IntervalMethod;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.events.CommunityEventFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did our last conference bring contributors who stayed?" on the simulated demo community, whose
 * conference DemoConf 2025 was planted with a real effect (1 extra newcomer a day for the
 * conference and the 6 weeks after it, who then leave at 0.4 times the usual rate) and whose
 * release 0.4.0 was planted without one. The events come from {@code demo-events.ics}, an
 * iCalendar file read with {@link CommunityEventFiles}.
 *
 * <p>Steps: new contributors per UTC day (the day of each person's first contribution: commits,
 * pull requests or issues opened, comments, reviews; identities resolved, bots left out); the
 * lift at the event (the mean of the 42 days after it minus the mean of the 42 days before) with
 * the placebo rate of its test at 100 dates without the event; the interrupted time series'
 * level and slope changes (56 days before, 42 after, weekday terms) as the check that allows for
 * trends; then the cohort of people whose first contribution fell in the event or the
 * 42 days after it against the newcomers of the 365 days before: conversion within 90 days, the
 * share still contributing after 180 days (Kaplan-Meier, a departure being 90 days without a
 * contribution), and the log-rank test.
 *
 * <p>Run: {@code examples/run.sh DidOurConferenceWork}. On a real community, give its events and
 * your calendar: {@code examples/run.sh DidOurConferenceWork --github OWNER/NAME --event-file
 * events.ics} (or {@code --gharchive FILE...}, {@code --events FILE.jsonl}, any source of {@link
 * Community#USAGE}); {@code --event NAME} picks an event (default: the last conference whose 42
 * days after it have passed by as-of, else the last such event of any kind). The data must begin
 * long before the event: a person's first contribution is their first in the data, and the first
 * UTC day of the data is left out because everyone active then would look new.
 *
 * <p>Why the lift answers and the time series checks: a conference's effect is a bump over some
 * weeks rather than a lasting jump, and "more new contributors in the weeks after than in the
 * weeks before" is what the lift estimates. The time series' level change is the jump on the
 * first day after the event beyond the trends on both sides; a bump that builds up over the
 * weeks shows there as a slope change instead (on the demo the extra newcomers happened to
 * bunch late in the six weeks, and the level change alone misses them). A trend before the event
 * makes the lift call many dates significant: the placebo rate shows that, and the answer then
 * says to distrust it.
 */
public final class DidOurConferenceWork {
  /** The usage line. */
  public static final String USAGE =
      "[--event-file FILE.ics|.json|.csv] [--event NAME] " + Community.USAGE;

  /** Days fitted before the event. */
  static final int BEFORE_DAYS = 56;
  /** Days after the event: the fitted days, the lift's windows and the cohort's extension. */
  static final int AFTER_DAYS = 42;
  static final double ALPHA = 0.05;
  static final Duration GAP = Duration.ofDays(90);
  static final Duration HORIZON = Duration.ofDays(90);
  static final Duration SURVIVAL_AT = Duration.ofDays(180);
  static final long SEED = 1;

  private DidOurConferenceWork() {}

  /** Prints the answer for the arguments ({@link #USAGE}). */
  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>();
    Path eventFile = null;
    String eventName = null;
    boolean oneRepository = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--event-file") || args[i].equals("--event")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value; usage: " + USAGE);
        }
        if (args[i].equals("--event-file")) {
          eventFile = Path.of(args[++i]);
        } else {
          eventName = args[++i];
        }
      } else {
        oneRepository |= args[i].equals("--repo");
        rest.add(args[i]);
      }
    }
    Community c = Community.fromArgs(rest.toArray(String[]::new));
    List<CommunityEvent> events = eventFile == null ? demoEvents() : CommunityEventFiles.read(eventFile);
    String from = eventFile == null ? "demo-events.ics" : eventFile.toString();
    run(c, oneRepository ? Optional.of(c.repository()) : Optional.empty(), events, from, eventName, System.out);
  }

  /** The demo community's events: {@code demo-events.ics} on the class path, read as iCalendar. */
  public static List<CommunityEvent> demoEvents() {
    try (InputStream in = DidOurConferenceWork.class.getResourceAsStream("/demo-events.ics")) {
      if (in == null) {
        throw new IllegalStateException("demo-events.ics is not on the class path");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return CommunityEventFiles.readICalendar(reader, "demo-events.ics");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every person's contributions (resolved identities, bots left out), in one repository or all.
   * A merged pull request is credited through its opening, as in {@link ContributionType#ANY}.
   */
  public static List<PersonContributions> contributions(People people, Optional<Repository> only) {
    EventStore store = people.store();
    int wanted = only.map(r -> store.indexOf(r).orElseThrow()).orElse(-1);
    List<List<Instant>> byPerson = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      byPerson.add(new ArrayList<>());
    }
    for (int i = 0; i < store.size(); i++) {
      int actor = store.actorIndex(i);
      if (!ContributionType.ANY.includes(store.type(i)) || people.isBot(actor)
          || (wanted >= 0 && store.repositoryIndex(i) != wanted)) {
        continue;
      }
      byPerson.get(people.personOf(actor)).add(store.instant(i));
    }
    List<PersonContributions> out = new ArrayList<>();
    for (int p = 0; p < byPerson.size(); p++) {
      List<Instant> at = byPerson.get(p);
      if (!at.isEmpty()) {
        at.sort(Comparator.naturalOrder());
        out.add(new PersonContributions(people.key(p).label(), at));
      }
    }
    return out;
  }

  /**
   * The event to look at: the one named, else the last conference whose {@value #AFTER_DAYS}
   * days after it end by {@code until}, else the last such event of any kind.
   */
  public static CommunityEvent choose(List<CommunityEvent> events, String name, Instant until) {
    if (name != null) {
      return events.stream().filter(e -> e.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no event named " + name));
    }
    List<CommunityEvent> done = events.stream()
        .filter(e -> !e.end().plus(Duration.ofDays(AFTER_DAYS)).isAfter(until))
        .sorted(Comparator.comparing(CommunityEvent::start)).toList();
    List<CommunityEvent> conferences = done.stream().filter(e -> e.kind() == EventKind.CONFERENCE).toList();
    List<CommunityEvent> pool = conferences.isEmpty() ? done : conferences;
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("no event ends " + AFTER_DAYS + " days before " + until);
    }
    return pool.get(pool.size() - 1);
  }

  static void run(
      Community c, Optional<Repository> only, List<CommunityEvent> events, String eventSource, String eventName,
      PrintStream out) {
    out.println("Did our last conference bring contributors who stayed?");
    out.println(only.map(Repository::fullName).orElse("all repositories") + " as of " + c.asOf() + " (" + c.label() + ")");
    List<PersonContributions> people = contributions(c.people(), only);
    // The first day of the data is left out: everyone active then would count as new.
    LocalDate origin = LocalDate.ofInstant(c.store().instant(0), ZoneOffset.UTC).plusDays(1);
    LocalDate end = LocalDate.ofInstant(c.asOf(), ZoneOffset.UTC); // asOf's own day is not over
    Instant seriesEnd = end.atStartOfDay(ZoneOffset.UTC).toInstant();
    CommunityEvent event = choose(events, eventName, seriesEnd);
    out.printf(Locale.ROOT, "Event: %s (%s, %s to %s), from %s (%d events)%n%n", event.name(),
        event.kind().name().toLowerCase(Locale.ROOT), event.start(), event.end(), eventSource, events.size());

    DailySeries series = NewContributorSeries.of(people, origin, end);
    EventDays days = series.daysOf(event);
    ItsParameters itsParameters = ItsParameters.of(BEFORE_DAYS, AFTER_DAYS);
    InterruptedTimeSeries its = InterruptedTimeSeries.fit(series, days, itsParameters);
    BootstrapParameters liftParameters = BootstrapParameters.of(AFTER_DAYS, SEED);
    Lift lift = Lift.estimate(series, days, liftParameters);
    // Placebo dates keep clear of the calendar's other events too (a release's placebo dates
    // inside the conference's effect would make the test look worse than it is).
    List<EventDays> others = new ArrayList<>();
    for (CommunityEvent e : events) {
      if (!e.equals(event)) {
        try {
          others.add(series.daysOf(e));
        } catch (IllegalArgumentException outsideTheSeries) {
          // not in the series: no placebo date can touch it
        }
      }
    }
    Placebo placebo = Placebo.run(series, days, others, ImpactPValue.lift(liftParameters),
        new PlaceboParameters(100, AFTER_DAYS, ALPHA, SEED));
    out.println("New contributors per day (first contributions; identities resolved, bots left out):");
    out.printf(Locale.ROOT, "  %d days before: %.2f a day; %d days after: %.2f a day%n",
        AFTER_DAYS, lift.meanBefore(), AFTER_DAYS, lift.meanAfter());
    out.printf(Locale.ROOT, "  lift (after minus before, block bootstrap): %+.2f a day, 95 %% interval [%.2f, %.2f], p = %.4f%n",
        lift.difference().estimate(), lift.difference().lower(), lift.difference().upper(),
        lift.difference().pValue());
    out.println("  placebo: the lift test at " + placebo.runs() + " dates without the event called "
        + placebo.rejections() + " significant" + placebo.falsePositiveRate()
            .map(r -> String.format(Locale.ROOT, " (%.1f %%, interval [%.1f, %.1f] %%)",
                100.0 * r.successes() / r.trials(), 100 * r.lower(), 100 * r.upper())).orElse(""));
    Optional<Coefficient> level = its.levelChange();
    out.println("  check allowing for trends (interrupted time series, " + BEFORE_DAYS + " days before, " + AFTER_DAYS
        + " after, weekday terms): level change " + level.map(DidOurConferenceWork::coefficient).orElse("no data")
        + "; slope change " + its.slopeChange().map(DidOurConferenceWork::slope).orElse("no data"));

    Instant cohortEnd = event.end().plus(Duration.ofDays(AFTER_DAYS));
    Instant baselineStart = max(event.start().minus(Duration.ofDays(365)), origin.atStartOfDay(ZoneOffset.UTC).toInstant());
    EventCohort cohort = EventCohort.of(people, event.start(), cohortEnd);
    EventCohort baseline = EventCohort.of(people, baselineStart, event.start());
    out.printf(Locale.ROOT, "%nCohort: %d people first contributed from %s to %s (the event and %d days after);"
        + " baseline: %d people from %s to %s%n", cohort.size(), event.start(), cohortEnd, AFTER_DAYS,
        baseline.size(), baselineStart, event.start());
    CohortConversion cc = cohort.conversion(HORIZON, c.asOf(), IntervalMethod.WILSON, 0.95);
    CohortConversion bc = baseline.conversion(HORIZON, c.asOf(), IntervalMethod.WILSON, 0.95);
    out.println("  came back within " + HORIZON.toDays() + " days: cohort " + rate(cc) + ", baseline " + rate(bc));
    SurvivalCurve cs = cohort.survival(GAP, c.asOf(), 0.95, BandScale.LOG_LOG);
    SurvivalCurve bs = baseline.survival(GAP, c.asOf(), 0.95, BandScale.LOG_LOG);
    long at = SURVIVAL_AT.getSeconds();
    out.printf(Locale.ROOT, "  still contributing after %d days (Kaplan-Meier; gone = %d days without a contribution):"
        + " cohort %.1f %%, baseline %.1f %%%n", SURVIVAL_AT.toDays(), GAP.toDays(), 100 * cs.survival(at), 100 * bs.survival(at));
    Optional<LogRank> logRank = cohort.logRank(baseline, GAP, c.asOf());
    out.println("  log-rank: " + logRank.map(lr -> String.format(Locale.ROOT,
        "the cohort had %d departures where %.1f were expected if both left alike; chi-square %.2f, p = %.4f",
        lr.observed(), lr.expected(), lr.chiSquare(), lr.pValue())).orElse("no data (no departures to compare)"));

    out.println();
    out.println("Answer: " + answer(event, lift, placebo, level, logRank));
    out.println("(Numbers show what changed around the event, not that the event caused it: anything else"
        + " that changed then shows the same way.)");
  }

  private static String answer(
      CommunityEvent event, Lift lift, Placebo placebo, Optional<Coefficient> level, Optional<LogRank> logRank) {
    BootstrapEstimate d = lift.difference();
    String interval = String.format(Locale.ROOT, "%+.2f a day [%.2f, %.2f]", d.estimate(), d.lower(), d.upper());
    String newcomers = d.pValue() >= ALPHA
        ? "no clear change in new contributors after " + event.name() + " (" + interval + ")"
        : (d.estimate() > 0 ? "more" : "fewer") + " new contributors after " + event.name() + " (" + interval + ")";
    boolean placeboHigh = placebo.falsePositiveRate().map(r -> r.lower() > ALPHA).orElse(false);
    String doubt = placeboHigh ? ", but the test calls too many dates without an event significant: distrust it" : "";
    doubt += level.map(l -> "; allowing for trends, the jump right after it is " + signed(l)).orElse("");
    String stayed = logRank.map(lr -> {
      if (lr.pValue() >= ALPHA || lr.observed() == lr.expected()) {
        return "no clear difference in how long they stayed (log-rank p = " + fourDigits(lr.pValue()) + ")";
      }
      return (lr.observed() < lr.expected() ? "they stayed longer" : "they left sooner")
          + " than the newcomers before it (log-rank p = " + fourDigits(lr.pValue()) + ")";
    }).orElse("no data on how long they stayed");
    return newcomers + doubt + "; " + stayed + ".";
  }

  private static String coefficient(Coefficient c) {
    return String.format(Locale.ROOT, "%+.2f a day, 95 %% interval [%.2f, %.2f], p = %.4f",
        c.estimate(), c.lower(), c.upper(), c.pValue());
  }

  private static String signed(Coefficient c) {
    return String.format(Locale.ROOT, "%+.2f a day [%.2f, %.2f]", c.estimate(), c.lower(), c.upper());
  }

  private static String slope(Coefficient c) {
    return String.format(Locale.ROOT, "%+.4f a day per day [%.4f, %.4f], p = %.4f",
        c.estimate(), c.lower(), c.upper(), c.pValue());
  }

  private static String fourDigits(double p) {
    return String.format(Locale.ROOT, "%.4f", p);
  }

  private static String rate(CohortConversion c) {
    return c.rate().map(r -> String.format(Locale.ROOT, "%d of %d = %.1f %% [%.1f, %.1f]", c.converted(), c.eligible(),
        100.0 * c.converted() / c.eligible(), 100 * r.lower(), 100 * r.upper())).orElse("no data");
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
