package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.RetentionState;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The all-repositories forms ({@code computeEachRepository}, {@code accumulateEachRepository})
 * equal the one-repository forms, repository by repository, on simulated communities of several
 * repositories with random cross-repository activity added: people who star one repository and
 * open pull requests in others, merges without an author, bot pull requests, a repository with
 * stars only and one on another forge.
 */
class AllRepositoriesPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10).map(i -> i * 6_151 + 17);
  }

  private static final Repository STARS_ONLY = Repository.github("elsewhere/stars-only");
  private static final Repository ON_GITLAB = Repository.of(Forge.GITLAB, "group/project");

  /** A simulated community plus random cross-repository events; deterministic by seed. */
  static List<Event> events(long seed) {
    SimulationConfig cfg =
        SimulationConfig.builder()
            .seed(seed)
            .repositories(5)
            .months(8)
            .stargazersPerMonth(6)
            .conversionProbability(0.3)
            .build();
    List<Event> events = new ArrayList<>(CommunitySimulator.simulate(cfg).events());
    TreeSet<Actor> actorSet = new TreeSet<>();
    TreeSet<Repository> repoSet = new TreeSet<>();
    for (Event e : events) {
      if (e.actor().login().isPresent() && !e.actor().isBot()) {
        actorSet.add(e.actor());
      }
      repoSet.add(e.repo());
    }
    repoSet.add(STARS_ONLY);
    List<Actor> actors = new ArrayList<>(actorSet);
    List<Repository> repos = new ArrayList<>(repoSet);
    Actor bot = Actor.github("renovate[bot]").withKind(ActorKind.BOT);
    Actor gitlabUser = Actor.user(Forge.GITLAB, actors.get(0).login().orElseThrow());
    Random rnd = new Random(seed);
    long span = Duration.between(cfg.start(), cfg.end()).getSeconds();
    for (int j = 0; j < 400; j++) {
      Instant at = cfg.start().plusSeconds((long) (rnd.nextDouble() * span));
      Actor who = actors.get(rnd.nextInt(actors.size()));
      Repository repo = repos.get(rnd.nextInt(repos.size()));
      int number = 100_000 + j;
      switch (rnd.nextInt(9)) {
        case 0:
          events.add(new Star(at, repo, who));
          break;
        case 1:
          events.add(new Fork(at, repo, who, Optional.empty()));
          break;
        case 2:
          events.add(new Star(at, STARS_ONLY, who));
          break;
        case 3:
          events.add(new PullRequestOpened(at, repo, who, number, false, Optional.empty(), Optional.empty()));
          if (rnd.nextBoolean()) {
            // merged later, sometimes without naming the author (credited through the opening)
            Optional<Actor> author = rnd.nextBoolean() ? Optional.of(who) : Optional.empty();
            events.add(new PullRequestMerged(at.plusSeconds(1 + rnd.nextInt(864_000)), repo,
                actors.get(rnd.nextInt(actors.size())), number, author, Optional.empty(), Optional.empty()));
          }
          break;
        case 4:
          // a merge whose opening is nowhere in the data: skipped by every form
          events.add(new PullRequestMerged(at, repo, who, number, Optional.empty(), Optional.empty(), Optional.empty()));
          break;
        case 5:
          events.add(new PullRequestClosed(at, repo, who, number, Optional.of(actors.get(rnd.nextInt(actors.size())))));
          break;
        case 6:
          events.add(new PullRequestOpened(at, repo, bot, number, false, Optional.empty(), Optional.empty()));
          events.add(new Star(at.plusSeconds(5), repo, bot));
          break;
        case 7:
          events.add(new IssueOpened(at, repo, who, number, Optional.empty()));
          if (rnd.nextBoolean()) {
            events.add(new IssueComment(at.plusSeconds(1 + rnd.nextInt(200_000)), repo,
                actors.get(rnd.nextInt(actors.size())), number, false, Optional.empty(), OptionalLong.empty()));
          }
          break;
        default:
          events.add(new Star(at, ON_GITLAB, rnd.nextBoolean() ? gitlabUser : who));
          events.add(new PullRequestOpened(at, ON_GITLAB, gitlabUser, number, false, Optional.empty(), Optional.empty()));
          break;
      }
    }
    return events;
  }

  private static Instant asOf(long seed) {
    return SimulationConfig.builder().seed(seed).months(8).build().start().plus(Duration.ofDays(200));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void confidenceOfEveryRepositoryEqualsTheOneRepositoryForm(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    for (boolean bots : new boolean[] {false, true}) {
      OpenSaucedConfidence metric =
          OpenSaucedConfidence.openSauced(STARS_ONLY, asOf(seed)).withRange(90).withBotsExcluded(bots);
      SortedMap<Repository, OpenSaucedConfidenceResult> each = metric.computeEachRepository(store, people);
      int weighted = 0;
      for (Repository r : store.repositories()) {
        OpenSaucedConfidenceResult one = metric.withRepository(r).compute(store, people);
        if (each.containsKey(r)) {
          assertEquals(one, each.get(r), "seed " + seed + ", bots excluded " + bots + ", " + r);
          weighted += one.countedStargazers().size() + one.countedForkers().size();
        } else {
          assertEquals(0, one.stargazers() + one.forkers(), "seed " + seed + ": left out " + r);
        }
      }
      assertTrue(each.containsKey(STARS_ONLY) && each.containsKey(ON_GITLAB), "seed " + seed);
      assertTrue(weighted > 0, "seed " + seed + ": no stargazer or forker with pull requests");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lotteryFactorOfEveryRepositoryEqualsTheOneRepositoryForm(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    LotteryFactor preset = LotteryFactor.openSauced(asOf(seed));
    List<LotteryFactor> metrics =
        List.of(
            preset,
            preset.withBots(true),
            preset.withContributionType(ContributionType.PULL_REQUEST_MERGED),
            preset.withCreatedAt(asOf(seed).minus(Duration.ofDays(10))),
            preset.withScope(RepositoryScope.organization(Forge.GITHUB, STARS_ONLY.owner())));
    for (LotteryFactor metric : metrics) {
      SortedMap<Repository, LotteryFactorResult> each = metric.computeEachRepository(store, people);
      List<Repository> expectedKeys = new ArrayList<>();
      for (Repository r : store.repositories()) {
        if (metric.selection().scope().includes(r)) {
          expectedKeys.add(r); // every repository has events
          LotteryFactorResult one = metric.withScope(RepositoryScope.of(r)).compute(store, people);
          assertEquals(one, each.get(r), "seed " + seed + ", " + metric + ", " + r);
        }
      }
      assertEquals(expectedKeys, new ArrayList<>(each.keySet()), "seed " + seed + ", " + metric);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void absenceFactorStatesAndResultsEqualTheOneRepositoryForm(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    Window window = Window.endingAt(asOf(seed), Duration.ofDays(120));
    for (ContributionType type :
        List.of(ContributionType.COMMIT, ContributionType.PULL_REQUEST_MERGED, ContributionType.ANY)) {
      ContributorAbsenceFactor metric = ContributorAbsenceFactor.chaoss(window).withContributionType(type);
      SortedMap<Repository, ContributionCounts<Actor>> states = metric.accumulateEachRepository(store, people);
      SortedMap<Repository, FactorResult<Actor>> results = metric.computeEachRepository(store, people);
      assertEquals(states.keySet(), results.keySet(), "seed " + seed);
      long skipped = 0;
      for (Repository r : store.repositories()) {
        ContributorAbsenceFactor one = metric.withScope(RepositoryScope.of(r));
        ContributionCounts<Actor> state = one.accumulate(store, people);
        if (states.containsKey(r)) {
          assertEquals(state, states.get(r), "seed " + seed + ", " + type + ", " + r);
          assertEquals(one.finish(state), results.get(r), "seed " + seed + ", " + type + ", " + r);
          skipped += results.get(r).skippedMerges();
        } else {
          assertEquals(0, one.finish(state).total(), "seed " + seed + ": left out " + r);
          assertEquals(0, state.unresolvedMerges(), "seed " + seed + ": left out " + r);
        }
      }
      assertTrue(!states.isEmpty(), "seed " + seed + ", " + type);
      if (type == ContributionType.PULL_REQUEST_MERGED) {
        assertTrue(skipped > 0, "seed " + seed + ": no merge without opening in the window");
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void retentionStatesAndResultsEqualTheOneRepositoryForm(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    Window window = Window.endingAt(asOf(seed), Duration.ofDays(180));
    for (Retention metric :
        List.of(Retention.lfx(window), Retention.openSauced(window).withBots(true),
            Retention.lfx(window).withContributionTypes(java.util.Set.of(ContributionType.PULL_REQUEST_MERGED)))) {
      SortedMap<Repository, RetentionState> states = metric.accumulateEachRepository(store, people);
      SortedMap<Repository, RetentionResult> results = metric.computeEachRepository(store, people);
      assertEquals(states.keySet(), results.keySet(), "seed " + seed);
      for (Repository r : store.repositories()) {
        Retention one = metric.withScope(RepositoryScope.of(r));
        RetentionState state = one.accumulate(store, people);
        if (states.containsKey(r)) {
          assertEquals(state, states.get(r), "seed " + seed + ", " + metric + ", " + r);
          assertEquals(one.finish(state), results.get(r), "seed " + seed + ", " + metric + ", " + r);
        } else {
          assertEquals(0, state.people() + state.unattributedMerges(), "seed " + seed + ": left out " + r);
        }
      }
      assertTrue(states.size() > 3, "seed " + seed + ": " + states.keySet());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void responsivenessOfEveryRepositoryEqualsTheOneRepositoryForm(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    Instant asOf = asOf(seed);
    Responsiveness preset = Responsiveness.chaoss(Window.endingAt(asOf, Duration.ofDays(120)), asOf);
    for (Responsiveness metric :
        List.of(preset, preset.withBots(true).withClosingIsResponse(true), preset.withMaintainersOnly(true))) {
      SortedMap<Repository, ResponsivenessResult> each = metric.computeEachRepository(store, people);
      int answered = 0;
      for (Repository r : store.repositories()) {
        ResponsivenessResult one = metric.withScope(RepositoryScope.of(r)).compute(store, people);
        if (each.containsKey(r)) {
          assertEquals(one, each.get(r), "seed " + seed + ", " + metric + ", " + r);
          answered += one.firstResponse().completed();
        } else {
          assertEquals(0, one.closure().denominator(), "seed " + seed + ": left out " + r);
        }
      }
      assertTrue(each.size() > 3 && answered > 0, "seed " + seed + ": " + each.keySet());
    }
  }
}
