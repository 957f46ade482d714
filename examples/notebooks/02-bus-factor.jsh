// Notebook 2: the bus factor step by step. Run: examples/notebooks/run.sh 02-bus-factor.jsh
import io.github.communitymetrics.core.event.*;
import io.github.communitymetrics.core.store.*;
import io.github.communitymetrics.core.metrics.*;
import io.github.communitymetrics.core.metrics.busfactor.*;
import io.github.communitymetrics.core.identity.*;
import io.github.communitymetrics.core.time.*;
import io.github.communitymetrics.simulator.*;
import java.time.*;
import java.util.*;

EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
People people = People.resolve(store);
Repository repo = store.repositories().get(0);
Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
Window quarter = Window.endingAt(asOf, Duration.ofDays(90));
System.out.println(repo.fullName() + ", " + quarter);

// Step 1: CHAOSS absence factor over commits: the fewest people holding more than half.
FactorResult<Actor> absence = ContributorAbsenceFactor.chaoss(quarter).
    withScope(RepositoryScope.of(repo)).compute(store, people);
System.out.printf("absence factor %d of %d committers, %d commits%n",
    absence.factor(), absence.ranking().size(), absence.total());

// Step 2: the ranking behind it, with the running share that decides the cut.
String label(Actor key) { return people.identities().personOf(key).map(Person::label).orElse(key.label()); }
System.out.printf("%-4s %-26s %8s %8s %8s%n", "rank", "person", "commits", "share", "cumul.");
int rank = 0;
for (Ranked<Actor> r : absence.ranking().subList(0, Math.min(8, absence.ranking().size()))) {
  System.out.printf("%-4d %-26s %8d %7.1f%% %7.1f%%%s%n", ++rank, label(r.key()), r.count(),
      100 * r.share(), 100 * r.cumulativeShare(), rank == absence.factor() ? "  <- cut" : "");
}

// Step 3: the same question with other rules, each a named preset.
System.out.printf("LFX contributor dependency (51%%): %d%n",
    ContributorDependency.lfx(quarter).withScope(RepositoryScope.of(repo)).compute(store, people).factor().factor());
System.out.printf("Kibble pony factor (24 months): %d%n",
    PonyFactor.kibble(asOf, 8).withScope(RepositoryScope.of(repo)).compute(store, people).current().ponyFactor());
System.out.printf("OpenSauced lottery factor (PRs, 30 days): %d%n",
    LotteryFactor.openSauced(asOf).withScope(RepositoryScope.of(repo)).compute(store, people).factor().factor());

// Step 4: how the absence factor moved over the last four quarters.
for (Window w : Window.rolling(asOf, Duration.ofDays(90), Duration.ofDays(90), 4)) {
  FactorResult<Actor> f = ContributorAbsenceFactor.chaoss(w).withScope(RepositoryScope.of(repo)).compute(store, people);
  System.out.printf("%s  factor %d  (%d commits)%n", w, f.factor(), f.total());
}
/exit
