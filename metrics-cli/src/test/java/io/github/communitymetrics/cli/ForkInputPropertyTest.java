package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.ForkEvents;
import io.github.communitymetrics.core.metrics.forks.ForkInput;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.report.ForkSection;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.ForkScenario;
import io.github.communitymetrics.simulator.ForkScenario.ForkedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fork scan scoped to some repositories over {@link ForkInput}'s slice gives the results of the
 * same scan over the whole input, on seeded histories (seed printed): {@link ForkScenario}'s
 * planted forks on a simulated community, plus a random mix of other upstreams, forks (some
 * renamed: later events under a new name with the same numeric id), loose forks known only from
 * pull requests to two upstreams, forks of forks (with their own pushes and pull requests), people
 * acting in unrelated repositories, and same-named repositories with and without id. Checked for
 * every repository of the input as the scope (as the report scans each shown repository), with and
 * without its id, a two-repository scope and an organisation: both metrics' results, and the
 * report's fork section built from them (a record of the two results, which its HTML is drawn
 * from).
 */
class ForkInputPropertyTest {
  private static final Function<Actor, String> LABEL = Actor::label;

  private record History(EventStore store, Window window) {}

  static History history(long seed) {
    SimulationConfig config = SimulationConfig.small(seed);
    ForkedCommunity planted = ForkScenario.demo().plant(CommunitySimulator.simulate(config));
    Instant start = config.start();
    Instant end = start.atOffset(ZoneOffset.UTC).plusMonths(config.months()).toInstant();
    List<Event> events = new ArrayList<>(planted.events());
    SplittableRandom r = new SplittableRandom(seed);
    List<Actor> people = new ArrayList<>(new LinkedHashSet<>(events.stream().map(Event::actor).limit(2_000).toList()));
    for (int k = 0; k < 12; k++) {
      people.add(Actor.github("outsider" + k));
    }
    List<Repository> upstreams = new ArrayList<>(new LinkedHashSet<>(events.stream().map(Event::repo).toList()));
    upstreams.add(planted.upstream());
    for (int k = 0; k < 3; k++) {
      upstreams.add(new Repository(Forge.GITHUB, "other" + k + "/lib", OptionalLong.of(900L + k)));
    }
    upstreams.add(Repository.github("plain/noid"));
    // A fork's name, and (for renamed forks) the name its later events carry under the same id.
    List<Repository[]> forks = new ArrayList<>();
    List<Repository> pullTargets = new ArrayList<>(upstreams);
    long span = end.getEpochSecond() - start.getEpochSecond();
    int number = 10_000;
    int n = 600 + r.nextInt(600);
    for (int k = 0; k < n; k++) {
      Instant at = start.plusSeconds(r.nextLong(span));
      Actor who = people.get(r.nextInt(people.size()));
      Repository up = upstreams.get(r.nextInt(upstreams.size()));
      String sha = Long.toHexString(r.nextLong() | 1L << 60);
      int dice = r.nextInt(20);
      if (dice < 3) {
        // A fork, sometimes of a fork (a fork of a fork names its own upstream, the first fork).
        Repository from = !forks.isEmpty() && r.nextInt(4) == 0 ? forks.get(r.nextInt(forks.size()))[1] : up;
        String login = who.login().orElse("anon");
        String name = login + "/" + (r.nextInt(3) == 0 ? "renamed" + r.nextInt(3) : from.fullName().substring(from.fullName().indexOf('/') + 1));
        long id = 50_000L + forks.size();
        Repository fork = new Repository(Forge.GITHUB, name, OptionalLong.of(id));
        Repository later = r.nextInt(4) == 0 ? new Repository(Forge.GITHUB, name + "-ng", OptionalLong.of(id)) : fork;
        forks.add(new Repository[] {fork, later});
        pullTargets.add(later);
        events.add(new Fork(at, from, who, Optional.of(name)));
      } else if (dice < 9) {
        // Pushes: to a fork (under its old or new name, with or without id), an upstream, or elsewhere.
        Repository target = switch (r.nextInt(5)) {
          case 0, 1 -> forks.isEmpty() ? up : pick(r, forks);
          case 2 -> forks.isEmpty() ? up : Repository.github(pick(r, forks).fullName());
          case 3 -> up;
          default -> Repository.github("elsewhere" + r.nextInt(5) + "/thing");
        };
        events.add(new Push(at, target, who, "refs/heads/main", sha, 1 + r.nextInt(3)));
      } else if (dice < 11) {
        Repository target = forks.isEmpty() || r.nextBoolean() ? up : pick(r, forks);
        events.add(new Release(at, target, who, "v" + r.nextInt(5), Optional.empty(), false));
      } else if (dice < 12) {
        events.add(new Review(at, up, who, 1 + r.nextInt(50), ReviewState.APPROVED, Optional.empty(),
            Optional.of(AuthorAssociation.MEMBER), OptionalLong.empty()));
      } else {
        // A pull request: from a fork, a loose head (known only from pull requests, often to two
        // upstreams), the repository itself, or none named; to an upstream or to a fork.
        Repository target = r.nextInt(5) == 0 ? pullTargets.get(r.nextInt(pullTargets.size())) : up;
        Optional<String> head = switch (r.nextInt(5)) {
          case 0, 1 -> Optional.of(forks.isEmpty() ? target.fullName() : pick(r, forks).fullName());
          case 2 -> Optional.of(who.login().orElse("anon") + "/loose" + r.nextInt(2));
          case 3 -> Optional.of(target.fullName());
          default -> Optional.empty();
        };
        int no = ++number;
        events.add(new PullRequestOpened(at, target, who, no, false, Optional.of("main"), Optional.of(AuthorAssociation.NONE),
            List.of(), head, List.of()));
        if (head.filter(h -> h.contains("/loose")).isPresent() && r.nextBoolean()) {
          Repository second = upstreams.get(r.nextInt(upstreams.size()));
          events.add(new PullRequestOpened(at.plusSeconds(r.nextInt(86_400)), second, who, ++number, false,
              Optional.of("main"), Optional.of(AuthorAssociation.NONE), List.of(), head, List.of()));
        }
        Instant later = at.plusSeconds(r.nextLong(40 * 86_400L));
        switch (r.nextInt(3)) {
          case 0 -> events.add(new PullRequestMerged(later, target, people.get(0), no, Optional.of(who), Optional.of("main"), Optional.empty()));
          case 1 -> events.add(new PullRequestClosed(later, target, people.get(1), no, Optional.of(who)));
          default -> { }
        }
      }
    }
    return new History(EventStore.of(events), new Window(start.plusSeconds(span / 3), end));
  }

  private static Repository pick(SplittableRandom r, List<Repository[]> forks) {
    Repository[] f = forks.get(r.nextInt(forks.size()));
    return f[r.nextInt(2)];
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void theSlicedScanEqualsTheWholeInputScan(long seed) {
    System.out.println("ForkInputPropertyTest seed " + seed);
    History h = history(seed);
    EventStore whole = h.store();
    People people = People.resolve(whole);
    boolean heads = ForksCommand.headsKnown(whole);
    List<RepositoryScope> scopes = new ArrayList<>();
    Set<Repository> named = new LinkedHashSet<>();
    for (Repository r : whole.repositories()) {
      scopes.add(RepositoryScope.of(r));
      named.add(Repository.of(r.forge(), r.fullName()));
    }
    named.forEach(r -> scopes.add(RepositoryScope.of(r)));
    scopes.add(RepositoryScope.of(whole.repositories().get(0), whole.repositories().get(whole.repositories().size() - 1)));
    scopes.add(RepositoryScope.organization(Forge.GITHUB, whole.repositories().get(0).owner()));
    int withForks = 0;
    for (RepositoryScope scope : scopes) {
      ForkActivity.Result activityWhole = activity(scope, h, whole, people);
      ForkActivity.Result activitySliced = activity(scope, h, ForkInput.of(whole, scope), people);
      assertEquals(activityWhole, activitySliced, "seed " + seed + ", fork-activity of " + scope);
      HardForkSignals.Result signalsWhole = signals(scope, h, whole, people);
      HardForkSignals.Result signalsSliced = signals(scope, h, ForkInput.of(whole, scope), people);
      assertEquals(signalsWhole, signalsSliced, "seed " + seed + ", hard-fork-signals of " + scope);
      if (scope.repositories().size() == 1) {
        Repository upstream = scope.repositories().iterator().next();
        Optional<ForkSection> expected = ForkSection.of(upstream, Optional.of(activityWhole), Optional.of(signalsWhole), LABEL, heads);
        Optional<ForkSection> actual = ForkSection.of(upstream, Optional.of(activitySliced), Optional.of(signalsSliced), LABEL, heads);
        assertEquals(expected, actual, "seed " + seed + ", fork section of " + upstream);
        assertEquals(expected.map(ForkSection::answer), actual.map(ForkSection::answer), "seed " + seed);
        withForks += activityWhole.forks().isEmpty() ? 0 : 1;
      }
    }
    // The histories exercise what they claim: many upstreams with forks.
    assertTrue(withForks >= 5, "seed " + seed + ": only " + withForks + " scopes with forks");
  }

  private static ForkActivity.Result activity(RepositoryScope scope, History h, EventStore in, People people) {
    return ForkActivity.of(scope, h.window(), Granularity.MONTH, ForkEvents.AUTO).compute(in, people);
  }

  private static HardForkSignals.Result signals(RepositoryScope scope, History h, EventStore in, People people) {
    return HardForkSignals.of(scope, h.window(), 2, ForkEvents.AUTO).compute(in, people);
  }
}
