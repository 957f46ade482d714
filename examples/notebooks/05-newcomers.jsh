// Notebook 5: do newcomers find someone who answers and mentors them, and do they stay?
// Run: examples/notebooks/run.sh 05-newcomers.jsh
// The same numbers, for every repository and as JSON: community-metrics newcomers (docs/newcomers.md).
import io.github.communitymetrics.core.event.*;
import io.github.communitymetrics.core.store.*;
import io.github.communitymetrics.core.metrics.*;
import io.github.communitymetrics.core.metrics.newcomers.*;
import io.github.communitymetrics.core.registry.*;
import io.github.communitymetrics.core.time.*;
import io.github.communitymetrics.simulator.*;
import java.time.*;
import java.util.*;

// Step 1: the demo community and one repository. A newcomer is someone whose first contribution
// to the repository (commit, issue or pull request opened, comment, review) falls in the window;
// a year, so that the earlier ones can be followed 90 days.
EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
People people = People.resolve(store);
Repository repo = store.repositories().get(0);
Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
Evaluation e = Evaluation.of(RepositoryScope.of(repo), Window.endingAt(asOf, Duration.ofDays(365)));
NewcomerExperience.Result x = NewcomerExperience.INSTANCE.metric(e).compute(store, people);
System.out.printf("%s: %d newcomers in the year to %s%n", repo.fullName(), x.journeys().newcomers().size(), asOf);

// Step 2: who answers? The wait of the newcomers' first issues and pull requests for a human
// answer (not the author, not a bot) against the established contributors' items. Kaplan-Meier:
// items still waiting at the end count as "waited at least this long", not as never.
for (var g : List.of(Map.entry("newcomers", x.items()), Map.entry("established", x.establishedItems()))) {
  ResponseTimes t = g.getValue();
  System.out.printf(Locale.ROOT, "%-12s %4d items, %3d waiting; median %s; answered within a day %.0f %%%n",
      g.getKey(), t.items(), t.waiting(),
      t.median().map(d -> String.format(Locale.ROOT, "%.1f h", d.getSeconds() / 3600.0)).orElse("no data"),
      100 * t.answeredWithin(Duration.ofDays(1)).orElse(Double.NaN));
}

// Step 3: one newcomer's journey: the first item, its first answer, coming back, the mentors.
Journey first = x.journeys().newcomers().get(0);
System.out.println("first newcomer: arrived " + first.firstContribution() + ", first item answered by " +
    first.firstItem().flatMap(FirstItem::firstResponse).map(w -> w.person().label() + " after " + w.waited()).orElse("nobody") +
    ", came back " + first.secondContribution().map(Instant::toString).orElse("not yet") +
    ", mentors " + first.mentors().stream().map(Actor::label).toList());

// Step 4: who welcomes them, and how concentrated is the welcoming?
NewcomerWelcomers.Result w = NewcomerWelcomers.INSTANCE.metric(e).compute(store, people);
for (Ranked<Actor> r : w.welcomes().ranking().subList(0, Math.min(3, w.welcomes().ranking().size()))) {
  System.out.printf(Locale.ROOT, "  welcomer %s: %d newcomers (%.0f %%)%n", r.key().label(), r.count(), 100 * r.share());
}
System.out.printf(Locale.ROOT, "top-%d share %.0f %%, Gini %.2f, absence factor %d%n",
    w.top(), 100 * w.topShare().orElse(Double.NaN), w.gini().orElse(Double.NaN), w.welcomes().factor());

// Step 5: does a quick answer go with coming back? Plain 90-day proportions of those followed 90
// days, and the difference with its 95 % Newcombe interval: an association, not a cause.
NewcomerStaying.Result s = NewcomerStaying.INSTANCE.metric(e).compute(store, people);
System.out.printf("back within 90 days: quick %d of %d, slow or none %d of %d%n",
    s.quick().stayed90(), s.quick().followed90(), s.slow().stayed90(), s.slow().followed90());
System.out.println("quick minus slow: " + s.quickMinusSlow().
    map(d -> String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", d.estimate(), d.lower(), d.upper())).
    orElse("no data"));

// Step 6: mentorship. Mentees (a maintainer answered 2 of their first 5 items) against the others:
// still active after 180 days, and the log-rank test. Mentees made at least 2 contributions to be
// mentored, which favours them: read it as an association.
Mentorship.Result m = Mentorship.INSTANCE.metric(e).compute(store, people);
System.out.printf(Locale.ROOT, "mentored %d, not %d; active after 180 days: %.0f %% against %.0f %%; log-rank p %s%n",
    m.mentored().newcomers(), m.others().newcomers(),
    100 * m.mentored().retainedAt(Mentorship.HORIZON).orElse(Double.NaN),
    100 * m.others().retainedAt(Mentorship.HORIZON).orElse(Double.NaN),
    m.retentionTest().map(t -> String.format(Locale.ROOT, "%.4f", t.pValue())).orElse("no data"));

// Step 7: a welcoming and an unwelcoming repository side by side. The simulator plants them in
// SimulationConfig.welcomeDemo(): answers within hours against weeks or never, mentors or none.
// Do the metrics tell them apart? On a real organisation: the same loop over its repositories.
EventStore planted = EventStore.of(CommunitySimulator.simulate(SimulationConfig.welcomeDemo()).events());
People plantedPeople = People.resolve(planted);
Instant plantedAsOf = planted.instant(planted.size() - 1).plusSeconds(1);
for (String name : List.of("demo-org/welcoming", "demo-org/unwelcoming")) {
  Repository r = planted.repositories().stream().filter(p -> p.fullName().equals(name)).findFirst().orElseThrow();
  Evaluation pe = Evaluation.of(RepositoryScope.of(r), Window.endingAt(plantedAsOf, Duration.ofDays(365)));
  NewcomerExperience.Result px = NewcomerExperience.INSTANCE.metric(pe).compute(planted, plantedPeople);
  NewcomerStaying.Result ps = NewcomerStaying.INSTANCE.metric(pe).compute(planted, plantedPeople);
  System.out.printf(Locale.ROOT, "%-22s %3d newcomers; median wait %s; back within 90 days %d of %d%n", name,
      px.journeys().newcomers().size(),
      px.items().median().map(d -> String.format(Locale.ROOT, "%.1f h", d.getSeconds() / 3600.0)).orElse("no data"),
      ps.quick().stayed90() + ps.slow().stayed90(), ps.quick().followed90() + ps.slow().followed90());
}
/exit
