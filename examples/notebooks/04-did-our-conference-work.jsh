// Notebook 4: did our last conference bring contributors who stayed?
// Run: examples/notebooks/run.sh 04-did-our-conference-work.jsh
// The demo community has a planted conference, DemoConf 2025 (14-15 May 2025), that brought one
// extra newcomer a day for itself and the 42 days after it, who then left at 0.4 times the usual
// rate; and a release, 0.4.0, planted without any effect. Its calendar is demo-events.ics.
import io.github.communitymetrics.core.event.*;
import io.github.communitymetrics.core.store.*;
import io.github.communitymetrics.core.metrics.*;
import io.github.communitymetrics.core.metrics.confidence.*;
import io.github.communitymetrics.core.metrics.retention.*;
import io.github.communitymetrics.core.impact.*;
import io.github.communitymetrics.events.*;
import io.github.communitymetrics.examples.*;
import io.github.communitymetrics.simulator.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;

// Step 1: the community's events and the calendar of its events.
// On a real community, load its events instead (a GitHub source, GH Archive hours, or
// `community-metrics events export` JSON Lines read with EventJsonLines.readAll), and read your
// own calendar: List<CommunityEvent> events = CommunityEventFiles.read(Path.of("events.ics"));
EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
People people = People.resolve(store);
Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
List<CommunityEvent> events = DidOurConferenceWork.demoEvents(); // demo-events.ics, read with CommunityEventFiles
CommunityEvent conference = events.stream().filter(e -> e.kind() == EventKind.CONFERENCE).
    max(Comparator.comparing(CommunityEvent::start)).orElseThrow();
System.out.printf("Event: %s (%s, %s to %s)%n", conference.name(),
    conference.kind().name().toLowerCase(Locale.ROOT), conference.start(), conference.end());

// Step 2: new contributors per UTC day: the day of each person's first contribution (commits,
// pull requests and issues opened, comments, reviews), identities resolved, bots left out, in all
// repositories. The first day of the data is left out: everyone active then would look new.
List<PersonContributions> contributors = DidOurConferenceWork.contributions(people, Optional.empty());
LocalDate origin = LocalDate.ofInstant(store.instant(0), ZoneOffset.UTC).plusDays(1);
LocalDate end = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
DailySeries series = NewContributorSeries.of(contributors, origin, end);
EventDays days = series.daysOf(conference);

// Step 3: more new contributors in the 42 days after the conference than in the 42 before? The
// lift, with a block-bootstrap interval (the event's own days are in neither window).
BootstrapParameters liftParameters = BootstrapParameters.of(42, 1);
Lift lift = Lift.estimate(series, days, liftParameters);
System.out.printf(Locale.ROOT, "%.2f a day before, %.2f after%n", lift.meanBefore(), lift.meanAfter());
System.out.printf(Locale.ROOT, "lift (after minus before, block bootstrap): %+.2f a day, 95 %% interval [%.2f, %.2f], p = %.4f%n",
    lift.difference().estimate(), lift.difference().lower(), lift.difference().upper(), lift.difference().pValue());

// Step 4: how often does the same test call a date without an event significant? If far more
// than 5 %, its p-values are too small on this series (a trend, a season) and the lift deserves doubt.
// The placebo dates keep clear of the calendar's other events too.
List<EventDays> others = new ArrayList<>();
for (CommunityEvent e : events) {
  if (!e.equals(conference) && !e.start().isBefore(series.origin().atStartOfDay(ZoneOffset.UTC).toInstant())
      && e.end().isBefore(end.atStartOfDay(ZoneOffset.UTC).toInstant())) {
    others.add(series.daysOf(e));
  }
}
Placebo placebo = Placebo.run(series, days, others, ImpactPValue.lift(liftParameters), new PlaceboParameters(100, 42, 0.05, 1));
System.out.printf("placebo: %d of %d dates without the event called significant%n", placebo.rejections(), placebo.runs());

// Step 5: the check that allows for trends: an interrupted time series over 56 days before and
// 42 after (weekday terms). Its level change is the jump on the first day after; a bump that
// builds up over the weeks shows as a slope change instead, as on the demo.
InterruptedTimeSeries its = InterruptedTimeSeries.fit(series, days, ItsParameters.of(56, 42));
Coefficient level = its.levelChange().orElseThrow();
Coefficient slope = its.slopeChange().orElseThrow();
System.out.printf(Locale.ROOT, "level change %+.2f a day [%.2f, %.2f], p = %.4f; slope change %+.4f a day per day, p = %.4f%n",
    level.estimate(), level.lower(), level.upper(), level.pValue(), slope.estimate(), slope.pValue());

// Step 6: the people who first contributed during the conference or the 42 days after it, and
// as a baseline the newcomers of the 365 days before it.
EventCohort cohort = EventCohort.of(contributors, conference.start(), conference.end().plus(Duration.ofDays(42)));
EventCohort baseline = EventCohort.of(contributors, conference.start().minus(Duration.ofDays(365)), conference.start());
CohortConversion came = cohort.conversion(Duration.ofDays(90), asOf, IntervalMethod.WILSON, 0.95);
CohortConversion cameBaseline = baseline.conversion(Duration.ofDays(90), asOf, IntervalMethod.WILSON, 0.95);
System.out.printf("cohort %d people, baseline %d; came back within 90 days: %d of %d and %d of %d%n",
    cohort.size(), baseline.size(), came.converted(), came.eligible(), cameBaseline.converted(), cameBaseline.eligible());

// Step 7: did they stay? Kaplan-Meier with a departure after 90 days without a contribution, and
// the log-rank test of the cohort against the baseline.
Duration gap = Duration.ofDays(90);
SurvivalCurve stay = cohort.survival(gap, asOf, 0.95, BandScale.LOG_LOG);
SurvivalCurve stayBaseline = baseline.survival(gap, asOf, 0.95, BandScale.LOG_LOG);
System.out.printf(Locale.ROOT, "still contributing after 180 days: cohort %.1f %%, baseline %.1f %%%n",
    100 * stay.survival(180L * 86400), 100 * stayBaseline.survival(180L * 86400));
LogRank logRank = cohort.logRank(baseline, gap, asOf).orElseThrow();
System.out.printf(Locale.ROOT, "log-rank: the cohort had %d departures where %.1f were expected if both left alike; chi-square %.2f, p = %.4f%n",
    logRank.observed(), logRank.expected(), logRank.chiSquare(), logRank.pValue());

// Step 8: the plain answer.
String newcomers = "no clear change in new contributors";
if (lift.difference().pValue() < 0.05) newcomers = lift.difference().estimate() > 0 ? "more new contributors" : "fewer new contributors";
String stayed = "no clear difference in how long they stayed";
if (logRank.pValue() < 0.05) stayed = logRank.observed() < logRank.expected() ? "they stayed longer than the newcomers before it" : "they left sooner than the newcomers before it";
System.out.println("Answer: " + newcomers + " after " + conference.name() + "; " + stayed + ".");
/exit
