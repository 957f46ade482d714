package io.github.communitymetrics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.EachRepository;
import io.github.communitymetrics.core.metrics.Owner;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.newcomers.NewContributors;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EachRepository} for every {@link SliceMetric} of the core, on simulated communities of
 * several repositories with random cross-repository activity added: people who star one
 * repository and open pull requests in others, merges without an author, bot pull requests, a
 * repository with stars only, one on another forge, two owners.
 *
 * <p>For each repository (and each owner) with events, the driver's value is the defining form,
 * the metric narrowed to it and computed on the whole store; and, which is what makes scoring
 * every repository cost its events only, a metric narrowed to repositories reads nothing else:
 * it gives the same value on a store of those repositories' events alone (OpenSauced's confidence
 * reads pull requests anywhere by definition, so it is checked against its defining {@code
 * finish(accumulate(store))} instead). States of the same repository accumulated on two halves of
 * the store by time merge into the value of the whole.
 */
class EachRepositoryPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10).map(i -> i * 6_151 + 17);
  }

  private static final Repository STARS_ONLY = Repository.github("elsewhere/stars-only");
  private static final Repository ON_GITLAB = Repository.of(Forge.GITLAB, "group/project");

  /** A simulated community plus random cross-repository events; deterministic by seed. */
  static List<Event> events(long seed) {
    SimulationConfig cfg = config(seed);
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
          // a merge whose opening is nowhere in the data
          events.add(new PullRequestMerged(
              at, repo, who, number, Optional.empty(), Optional.empty(), Optional.empty()));
          break;
        case 5:
          events.add(new PullRequestClosed(
              at, repo, who, number, Optional.of(actors.get(rnd.nextInt(actors.size())))));
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
          events.add(new PullRequestOpened(
              at, ON_GITLAB, gitlabUser, number, false, Optional.empty(), Optional.empty()));
          break;
      }
    }
    return events;
  }

  private static SimulationConfig config(long seed) {
    return SimulationConfig.builder()
        .seed(seed)
        .repositories(5)
        .months(8)
        .stargazersPerMonth(6)
        .conversionProbability(0.3)
        .twoEmailShare(0.3)
        .build();
  }

  /** Every metric of the core with a scope, in a few parameterizations, by name. */
  private static Map<String, Function<RepositoryScope, SliceMetric<?, ?>>> scoped(long seed) {
    SimulationConfig cfg = config(seed);
    Instant asOf = cfg.start().plus(Duration.ofDays(200));
    Window recent = Window.endingAt(asOf, Duration.ofDays(120));
    Window history = Window.of(cfg.start(), asOf);
    LotteryFactor lottery = LotteryFactor.openSauced(asOf);
    ContributorAbsenceFactor absence = ContributorAbsenceFactor.chaoss(recent);
    Retention retention = Retention.lfx(history);
    Responsiveness responsiveness = Responsiveness.chaoss(recent, asOf);
    Affiliations byDomain =
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build();
    Map<String, Function<RepositoryScope, SliceMetric<?, ?>>> m = new LinkedHashMap<>();
    m.put("lottery", lottery::withScope);
    m.put("lottery, bots", s -> lottery.withBots(true).withScope(s));
    m.put("lottery, merged", s -> lottery.withContributionType(ContributionType.PULL_REQUEST_MERGED).withScope(s));
    m.put("lottery, created", s -> lottery.withCreatedAt(asOf.minus(Duration.ofDays(10))).withScope(s));
    m.put("absence, commits", absence::withScope);
    m.put("absence, merged", s -> absence.withContributionType(ContributionType.PULL_REQUEST_MERGED).withScope(s));
    m.put("absence, any", s -> absence.withContributionType(ContributionType.ANY).withScope(s));
    m.put("retention", retention::withScope);
    m.put("retention, weeks, bots",
        s -> Retention.openSauced(history).withUnit(PeriodUnit.ISO_WEEK).withBots(true).withScope(s));
    m.put("retention, merged",
        s -> retention.withContributionTypes(Set.of(ContributionType.PULL_REQUEST_MERGED)).withScope(s));
    m.put("responsiveness", responsiveness::withScope);
    m.put("responsiveness, bots, closing",
        s -> responsiveness.withBots(true).withClosingIsResponse(true).withScope(s));
    m.put("responsiveness, maintainers", s -> responsiveness.withMaintainersOnly(true).withScope(s));
    Window cohort = Window.endingAt(asOf.minus(Duration.ofDays(60)), Duration.ofDays(90));
    m.put("cohort confidence", s -> CohortConfidence.defaults(s, cohort, asOf));
    m.put("cohort confidence, censored",
        s -> CohortConfidence.defaults(s, recent, asOf).withCensoredCounted(true).withBotsExcluded(false));
    m.put("ladder", s -> ContributorLadder.over(recent).withScope(s));
    m.put("ladder, history, bots", s -> ContributorLadder.asOf(asOf).withBots(true).withScope(s));
    m.put("onion", s -> OnionModel.grimoireLab(recent).withScope(s));
    m.put("pony", s -> PonyFactor.kibble(asOf, 2).withScope(s));
    m.put("contributor dependency", s -> ContributorDependency.lfx(recent).withScope(s));
    m.put("elephant", s -> ElephantFactor.chaoss(recent, byDomain).withScope(s));
    m.put("new contributors", s -> NewContributors.INSTANCE.metric(Evaluation.of(s, recent)));
    return m;
  }

  /** OpenSauced's confidence, whose parameter is a repository, in a few parameterizations. */
  private static Map<String, Function<Repository, SliceMetric<?, ?>>> confidence(long seed) {
    Instant asOf = config(seed).start().plus(Duration.ofDays(200));
    OpenSaucedConfidence preset = OpenSaucedConfidence.openSauced(STARS_ONLY, asOf).withRange(90);
    Map<String, Function<Repository, SliceMetric<?, ?>>> m = new LinkedHashMap<>();
    m.put("confidence", preset::withRepository);
    m.put("confidence, bots excluded", preset.withBotsExcluded(true)::withRepository);
    m.put("confidence, March 2024", preset.withWeights(OpenSaucedConfidence.Weights.MARCH_2024)::withRepository);
    m.put("confidence, three repositories",
        preset.withWeights(new OpenSaucedConfidence.Weights(OptionalDouble.of(0.3), 0.1, 0.7, 3))::withRepository);
    m.put("confidence, openings, 30 days",
        preset.withRange(30).withPullRequestEvents(Set.of(EventType.PULL_REQUEST_OPENED))::withRepository);
    return m;
  }

  /** A store of {@code slice}'s events alone, and its people by the same identities. */
  private static People own(EventStore slice, People people, EventStore[] store) {
    List<Event> events = new ArrayList<>(slice.size());
    slice.forEach(events::add);
    store[0] = EventStore.of(events);
    return People.of(store[0], people.identities());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyRepositoryIsItsOneRepositoryFormAndReadsOnlyItsEvents(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    List<Repository> repositories = store.repositories();
    assertTrue(repositories.contains(STARS_ONLY) && repositories.contains(ON_GITLAB), "seed " + seed);
    for (Map.Entry<String, Function<RepositoryScope, SliceMetric<?, ?>>> m : scoped(seed).entrySet()) {
      Function<Repository, SliceMetric<?, ?>> metricOf = r -> m.getValue().apply(RepositoryScope.of(r));
      SortedMap<Repository, ?> each = EachRepository.compute(store, people, metricOf);
      assertEquals(repositories, List.copyOf(each.keySet()), "seed " + seed + ", " + m.getKey());
      for (Repository r : repositories) {
        String where = "seed " + seed + ", " + m.getKey() + ", " + r;
        assertEquals(metricOf.apply(r).compute(store, people), each.get(r), where);
        EventStore[] alone = new EventStore[1];
        People ownPeople = own(store.slice(r), people, alone);
        assertEquals(metricOf.apply(r).compute(alone[0], ownPeople), each.get(r), where + ", alone");
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void confidenceOfEveryRepositoryIsItsDefiningForm(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    int weighted = 0;
    for (Map.Entry<String, Function<Repository, SliceMetric<?, ?>>> m : confidence(seed).entrySet()) {
      SortedMap<Repository, ?> each = EachRepository.compute(store, people, m.getValue());
      assertEquals(store.repositories(), List.copyOf(each.keySet()), "seed " + seed + ", " + m.getKey());
      for (Repository r : store.repositories()) {
        String where = "seed " + seed + ", " + m.getKey() + ", " + r;
        assertEquals(finishAccumulate(m.getValue().apply(r), store, people), each.get(r), where);
        OpenSaucedConfidenceResult result = (OpenSaucedConfidenceResult) each.get(r);
        weighted += result.countedStargazers().size() + result.countedForkers().size();
      }
    }
    assertTrue(weighted > 0, "seed " + seed + ": no stargazer or forker with pull requests");
  }

  private static <S, R> R finishAccumulate(SliceMetric<S, R> metric, EventStore store, People people) {
    return metric.finish(metric.accumulate(store, people));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyRegisteredMetricOfEveryRepositoryIsItsEvaluation(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    Instant asOf = config(seed).start().plus(Duration.ofDays(200));
    Evaluation evaluation = Evaluation.of(RepositoryScope.all(), Window.endingAt(asOf, Duration.ofDays(90)));
    for (MetricDescriptor<?> d : MetricRegistry.standard().metrics()) {
      // a fresh metric per repository, as the registry builds them: the confidence's footprints
      // are still computed once per store
      SortedMap<Repository, ?> each = EachRepository.compute(
          store, people, r -> d.metric(evaluation.withScope(RepositoryScope.of(r))));
      assertEquals(store.repositories(), List.copyOf(each.keySet()), "seed " + seed + ", " + d);
      for (Repository r : store.repositories()) {
        // the defining finish(accumulate(...)), which no compute shortcut or cache takes
        SliceMetric<?, ?> one = d.metric(evaluation.withScope(RepositoryScope.of(r)));
        assertEquals(finishAccumulate(one, store, people), each.get(r), "seed " + seed + ", " + d + ", " + r);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void statesOfTwoHalvesMergeIntoTheWhole(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    Instant cut = config(seed).start().plus(Duration.ofDays(100));
    EventStore early = store.slice(Window.of(Instant.MIN, cut));
    EventStore late = store.slice(Window.of(cut, Instant.MAX));
    Map<String, Function<Repository, SliceMetric<?, ?>>> all = new LinkedHashMap<>();
    scoped(seed).forEach((name, f) -> all.put(name, r -> f.apply(RepositoryScope.of(r))));
    all.putAll(confidence(seed));
    for (Map.Entry<String, Function<Repository, SliceMetric<?, ?>>> m : all.entrySet()) {
      SortedMap<Repository, ?> each = EachRepository.compute(store, people, m.getValue());
      SortedMap<Repository, ?> first = EachRepository.accumulate(early, people, m.getValue());
      SortedMap<Repository, ?> second = EachRepository.accumulate(late, people, m.getValue());
      // a state for every repository of the store, with or without events in the half
      assertEquals(store.repositories(), List.copyOf(first.keySet()), "seed " + seed + ", " + m.getKey());
      assertEquals(store.repositories(), List.copyOf(second.keySet()), "seed " + seed + ", " + m.getKey());
      for (Repository r : store.repositories()) {
        assertEquals(each.get(r), mergeFinish(m.getValue().apply(r), first.get(r), second.get(r)),
            "seed " + seed + ", " + m.getKey() + ", " + r);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <S, R> R mergeFinish(SliceMetric<S, R> metric, Object a, Object b) {
    return metric.finish(metric.merge((S) a, (S) b));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyOwnerIsItsScopeAndReadsOnlyItsRepositories(long seed) {
    EventStore store = EventStore.of(events(seed));
    People people = People.resolve(store);
    Set<Owner> owners = new TreeSet<>();
    store.repositories().forEach(r -> owners.add(Owner.of(r)));
    assertTrue(owners.size() >= 3, "seed " + seed + ": " + owners);
    for (Map.Entry<String, Function<RepositoryScope, SliceMetric<?, ?>>> m : scoped(seed).entrySet()) {
      SortedMap<Owner, ?> each = EachRepository.computeEachOwner(store, people, m.getValue());
      assertEquals(List.copyOf(owners), List.copyOf(each.keySet()), "seed " + seed + ", " + m.getKey());
      for (Owner o : owners) {
        String where = "seed " + seed + ", " + m.getKey() + ", " + o;
        assertEquals(m.getValue().apply(o.scope()).compute(store, people), each.get(o), where);
        List<Repository> mine = store.repositories().stream().filter(r -> Owner.of(r).equals(o)).toList();
        EventStore[] alone = new EventStore[1];
        People ownPeople = own(store.slice(mine), people, alone);
        assertEquals(m.getValue().apply(o.scope()).compute(alone[0], ownPeople), each.get(o), where + ", alone");
      }
    }
  }
}
