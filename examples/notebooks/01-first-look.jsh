// Notebook 1: a first look at a community. Run: examples/notebooks/run.sh 01-first-look.jsh
// Every step prints what it built, so the numbers can be followed line by line.
import io.github.communitymetrics.core.event.*;
import io.github.communitymetrics.core.store.*;
import io.github.communitymetrics.core.metrics.*;
import io.github.communitymetrics.core.time.*;
import io.github.communitymetrics.simulator.*;
import java.time.*;
import java.util.*;

// Step 1: the events. The simulated demo community; swap in EventJsonLines.readAll(reader) for a file.
List<Event> events = CommunitySimulator.simulate(SimulationConfig.demo()).events();
System.out.printf("%d events%n", events.size());

// Step 2: the columnar store (time-sorted, de-duplicated) and the people behind the actors.
EventStore store = EventStore.of(events);
People people = People.resolve(store);
System.out.printf("%d distinct events, %d repositories, %d actors, %d people%n",
    store.size(), store.repositories().size(), store.actors().size(), people.identities().size());

// Step 3: events per repository and type, as a table.
Map<Repository, Map<EventType, Integer>> counts = new TreeMap<>(Comparator.comparing(Repository::fullName));
for (int i = 0; i < store.size(); i++) {
  counts.computeIfAbsent(store.repositories().get(store.repositoryIndex(i)), r -> new EnumMap<>(EventType.class)).
      merge(store.type(i), 1, Integer::sum);
}
System.out.printf("%-22s %8s %8s %8s %8s%n", "repository", "stars", "commits", "PRs", "issues");
for (var e : counts.entrySet()) {
  Map<EventType, Integer> c = e.getValue();
  System.out.printf("%-22s %8d %8d %8d %8d%n", e.getKey().fullName(),
      c.getOrDefault(EventType.STAR, 0), c.getOrDefault(EventType.COMMIT, 0),
      c.getOrDefault(EventType.PULL_REQUEST_OPENED, 0), c.getOrDefault(EventType.ISSUE_OPENED, 0));
}

// Step 4: how busy were the last four quarters?
Instant end = store.instant(store.size() - 1).plusSeconds(1);
for (Window w : Window.rolling(end, Duration.ofDays(91), Duration.ofDays(91), 4)) {
  System.out.printf("%s  %6d events%n", w, store.slice(w).size());
}
/exit
