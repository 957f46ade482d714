package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.SimulationConfig;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.PlantedTruth;
import io.github.communitymetrics.simulator.SimulatedCommunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.ladder.Climb;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.LadderState;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contributor ladder over simulated communities: slices merge into the whole, merge order
 * does not matter, bots change nothing when excluded, and the planted maintainers and converted
 * stargazers are where the simulator put them.
 */
class ContributorLadderPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10).map(i -> i * 104_729 + 11);
  }

  private static SimulatedCommunity community(long seed) {
    return CommunitySimulator.simulate(SimulationConfig.small(seed));
  }

  /** All history, quarterly periods in a zone off UTC, so period edges are exercised too. */
  private static ContributorLadder ladder(SimulatedCommunity c) {
    return ContributorLadder.asOf(c.config().end())
        .withPeriods(PeriodUnit.QUARTER, ZoneId.of("America/Sao_Paulo"));
  }

  private static Identities identities(EventStore store) {
    return IdentityResolver.defaults().resolve(store.actors());
  }

  /** Accumulates each part as a store of its own, merges in random order, finishes. */
  private static LadderResult merged(
      ContributorLadder ladder, List<List<Event>> parts, Identities identities, Random rng) {
    List<LadderState> states = new ArrayList<>();
    for (List<Event> part : parts) {
      EventStore store = EventStore.of(part);
      states.add(ladder.accumulate(store, People.of(store, identities)));
    }
    Collections.shuffle(states, rng);
    // A random tree of merges, not only a left fold.
    while (states.size() > 1) {
      int i = rng.nextInt(states.size() - 1);
      LadderState a = states.remove(i);
      LadderState b = states.remove(i);
      states.add(i, rng.nextBoolean() ? ladder.merge(a, b) : ladder.merge(b, a));
    }
    return ladder.finish(states.get(0));
  }

  private static List<List<Event>> split(List<Event> events, int parts, Function<Event, Integer> partOf) {
    List<List<Event>> out = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      out.add(new ArrayList<>());
    }
    for (Event e : events) {
      out.get(partOf.apply(e)).add(e);
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void slicesByRepositoryTimeOrAtRandomMergeIntoTheWhole(long seed) {
    SimulatedCommunity c = community(seed);
    Random rng = new Random(seed);
    List<Event> events = withoutSomeAuthors(c.events(), rng);
    EventStore whole = EventStore.of(events);
    Identities ids = identities(whole);
    ContributorLadder ladder = ladder(c);
    LadderResult expected = ladder.compute(whole, People.of(whole, ids));
    assertTrue(expected.people().size() > 20, "seed " + seed + ": a trivial community");
    assertEquals(0, expected.unresolvedMerges() + expected.unresolvedReviews(), "seed " + seed);
    EventStore original = EventStore.of(c.events());
    assertEquals(ladder.compute(original, People.resolve(original)), expected, "seed " + seed + ": openings name the same authors");

    List<Repository> repos = whole.repositories();
    List<List<Event>> byRepository = split(events, repos.size(), e -> repos.indexOf(e.repo()));
    assertEquals(expected, merged(ladder, byRepository, ids, rng), "seed " + seed + ", by repository");

    long start = c.config().window().start().getEpochSecond();
    long span = c.config().end().getEpochSecond() - start;
    long[] cuts = rng.longs(4, start, start + span).sorted().toArray();
    List<List<Event>> byTime =
        split(
            events,
            cuts.length + 1,
            e -> {
              int k = 0;
              while (k < cuts.length && e.at().getEpochSecond() >= cuts[k]) {
                k++;
              }
              return k;
            });
    assertEquals(expected, merged(ladder, byTime, ids, rng), "seed " + seed + ", by time " + java.util.Arrays.toString(cuts));

    List<List<Event>> atRandom = split(events, 7, e -> rng.nextInt(7));
    assertEquals(expected, merged(ladder, atRandom, ids, rng), "seed " + seed + ", at random");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void slicesOfOneStoreMergeIntoTheWholeInAnyOrder(long seed) {
    SimulatedCommunity c = community(seed);
    Random rng = new Random(seed);
    EventStore whole = EventStore.of(withoutSomeAuthors(c.events(), rng));
    People people = People.resolve(whole);
    ContributorLadder ladder = ladder(c).withWindow(new Window(c.config().start().plus(Duration.ofDays(40)), c.config().end()));
    LadderResult expected = ladder.compute(whole, people);
    List<LadderState> states = new ArrayList<>();
    Instant from = Instant.MIN;
    for (long cut : rng.longs(3, c.config().start().getEpochSecond(), c.config().end().getEpochSecond()).sorted().toArray()) {
      states.add(ladder.accumulate(whole.slice(new Window(from, Instant.ofEpochSecond(cut))), people));
      from = Instant.ofEpochSecond(cut);
    }
    states.add(ladder.accumulate(whole.slice(new Window(from, Instant.MAX)), people));
    Collections.shuffle(states, rng);
    LadderState acc = states.get(0);
    for (LadderState s : states.subList(1, states.size())) {
      acc = ladder.merge(s, acc);
    }
    assertEquals(expected, ladder.finish(acc), "seed " + seed);
    List<Event> shuffled = new ArrayList<>(whole.stream().toList());
    Collections.shuffle(shuffled, rng);
    EventStore again = EventStore.of(shuffled);
    assertEquals(expected, ladder.compute(again, People.resolve(again)), "seed " + seed + ", shuffled input");
  }

  /** Bot events that credit nobody but bots: new pull request numbers, stars, comments, reviews. */
  private static List<Event> botEvents(SimulatedCommunity c, Random rng) {
    Actor appBot = new Actor(Forge.GITHUB, Optional.of("ladder-helper[bot]"), OptionalLong.of(77_000_001L), Optional.empty(), List.of(), ActorKind.BOT);
    Actor renovate = Actor.github("renovate-bot");
    List<Actor> bots = List.of(appBot, renovate);
    List<Event> humanThreads = c.events().stream().filter(e -> e instanceof IssueOpened || e instanceof PullRequestOpened).toList();
    Instant start = c.config().start();
    long span = Duration.between(start, c.config().end()).getSeconds();
    List<Event> out = new ArrayList<>();
    for (int k = 0; k < 60; k++) {
      Actor bot = bots.get(rng.nextInt(bots.size()));
      Instant at = start.plusSeconds(1 + (long) (rng.nextDouble() * (span - 2)));
      Event thread = humanThreads.get(rng.nextInt(humanThreads.size()));
      Repository repo = thread.repo();
      int number = 900_000 + k;
      switch (k % 6) {
        case 0:
          out.add(new Star(at, repo, bot));
          break;
        case 1:
          out.add(issueComment(at, repo, bot, ((io.github.communitymetrics.core.event.NumberedEvent) thread).number()));
          break;
        case 2:
          out.add(review(at, repo, bot, ((io.github.communitymetrics.core.event.NumberedEvent) thread).number(), ReviewState.COMMENTED, rng.nextBoolean() ? Optional.of(thread.actor()) : Optional.empty()));
          break;
        case 3:
          out.add(new PullRequestOpened(at, repo, bot, number, false, Optional.empty(), Optional.empty()));
          out.add(new PullRequestMerged(at.plusSeconds(60), repo, bot, number, rng.nextBoolean() ? Optional.of(bot) : Optional.empty(), Optional.empty(), Optional.empty()));
          break;
        case 4:
          out.add(new MemberAdded(at, repo, bot, bot, Permission.WRITE));
          break;
        default:
          out.add(new IssueOpened(at, repo, bot, number, Optional.empty()));
          break;
      }
    }
    return out;
  }

  private static IssueComment issueComment(Instant at, Repository repo, Actor who, int number) {
    return new IssueComment(at, repo, who, number, false, Optional.empty(), OptionalLong.empty());
  }

  private static Review review(
      Instant at, Repository repo, Actor who, int number, ReviewState state, Optional<Actor> author) {
    return new Review(at, repo, who, number, state, author, Optional.empty(), OptionalLong.empty());
  }

  /**
   * The simulator names every pull request's author on merges and reviews; forget it on about
   * half of them, so that resolving authors through openings in other slices is exercised.
   */
  private static List<Event> withoutSomeAuthors(List<Event> events, Random rng) {
    List<Event> out = new ArrayList<>(events.size());
    int forgotten = 0;
    for (Event e : events) {
      if (e instanceof PullRequestMerged && rng.nextBoolean()) {
        PullRequestMerged m = (PullRequestMerged) e;
        out.add(new PullRequestMerged(m.at(), m.repo(), m.actor(), m.number(), Optional.empty(), m.baseBranch(), m.mergeCommitSha()));
        forgotten++;
      } else if (e instanceof Review && rng.nextBoolean()) {
        Review r = (Review) e;
        out.add(review(r.at(), r.repo(), r.actor(), r.number(), r.state(), Optional.empty()));
        forgotten++;
      } else {
        out.add(e);
      }
    }
    assertTrue(forgotten > 10, "too few merges and reviews to forget: " + forgotten);
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addingBotsChangesNothingWhenBotsAreExcluded(long seed) {
    SimulatedCommunity c = community(seed);
    Random rng = new Random(seed);
    ContributorLadder ladder = ladder(c);
    EventStore before = EventStore.of(c.events());
    List<Event> more = new ArrayList<>(c.events());
    more.addAll(botEvents(c, rng));
    EventStore after = EventStore.of(more);
    assertEquals(ladder.compute(before, People.resolve(before)), ladder.compute(after, People.resolve(after)), "seed " + seed);
    ContributorLadder withBots = ladder.withBots(true);
    LadderResult counted = withBots.compute(after, People.resolve(after));
    assertNotEquals(withBots.compute(before, People.resolve(before)), counted, "seed " + seed + ": the bots should show when included");
    assertTrue(counted.climb(Actor.github("renovate-bot")).isPresent(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plantedMaintainersReachD3AndConvertedStargazersD1WhenPlanted(long seed) {
    SimulatedCommunity c = community(seed);
    EventStore store = EventStore.of(c.events());
    Identities ids = identities(store);
    LadderResult r = ladder(c).compute(store, People.of(store, ids));
    Map<String, Actor> keyOfLogin = new HashMap<>();
    for (PlantedTruth.PersonTruth p : c.truth().people()) {
      Actor account = p.actors().stream().filter(a -> a.login().equals(Optional.of(p.login()))).findFirst().orElseThrow();
      ids.personOf(account).ifPresent(person -> keyOfLogin.put(p.login(), person.actors().get(0)));
    }
    assertTrue(c.truth().maintainers().stream().anyMatch(m -> !m.core()), "seed " + seed + ": nobody promoted");
    for (PlantedTruth.MaintainerTruth m : c.truth().maintainers()) {
      Climb climb = r.climb(keyOfLogin.get(m.login())).orElseThrow(() -> new AssertionError("seed " + seed + ": " + m));
      Instant d3 = climb.reached(Rung.D3).orElseThrow(() -> new AssertionError("seed " + seed + ": no D3 for " + m));
      assertTrue(!d3.isAfter(m.at()), "seed " + seed + ": " + m + " reached D3 only at " + d3);
    }
    int converted = 0;
    for (PlantedTruth.StargazerTruth s : c.truth().stargazers()) {
      Climb climb = r.climb(keyOfLogin.get(s.login())).orElseThrow(() -> new AssertionError("seed " + seed + ": " + s));
      assertEquals(Optional.of(s.at()), climb.d0Act(), "seed " + seed + ": " + s);
      if (s.firstContribution().isPresent()) {
        converted++;
        assertEquals(s.firstContribution(), climb.reached(Rung.D1), "seed " + seed + ": " + s);
        assertTrue(climb.passedThrough(Rung.D0), "seed " + seed + ": " + s);
      } else {
        assertEquals(Optional.of(Rung.D0), climb.highest(), "seed " + seed + ": " + s);
      }
    }
    assertTrue(converted > 0, "seed " + seed + ": no stargazer converted");
    // Everyone has one repository, so the repositories' ladders add up to the organisation's.
    long[] sum = new long[4];
    for (PlantedTruth.RepositoryTruth t : c.truth().repositories()) {
      LadderResult one = ladder(c).withScope(RepositoryScope.of(t.repository())).compute(store, People.of(store, ids));
      for (Rung k : Rung.values()) {
        sum[k.ordinal()] += one.reachedByEnd().get(k);
      }
    }
    LadderResult org = ladder(c).withScope(RepositoryScope.organization(Forge.GITHUB, c.truth().repositories().get(0).repository().owner())).compute(store, People.of(store, ids));
    assertEquals(r, org, "seed " + seed + ": every repository is the organisation's");
    for (Rung k : Rung.values()) {
      assertEquals(r.reachedByEnd().get(k), sum[k.ordinal()], "seed " + seed + ", " + k);
    }
  }
}
