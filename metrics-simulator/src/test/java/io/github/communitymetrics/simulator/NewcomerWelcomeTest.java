package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.newcomers.Journey;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.ProportionDifference;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.PlantedTruth.NewcomerTruth;
import io.github.communitymetrics.simulator.PlantedTruth.PersonTruth;
import io.github.communitymetrics.simulator.PlantedTruth.ProfiledRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The newcomer metrics of metrics-core recover what {@link NewcomerWelcome} planted, over seeds:
 * every expectation comes from the planted truth or the configuration, none from the metrics.
 */
class NewcomerWelcomeTest {
  /** Seeds of the per-seed properties. */
  static LongStream seeds() {
    return LongStream.of(1, 2, 3, 5, 8, 13, 21, 34);
  }

  /** The runs of {@link #seeds()}, simulated once for all tests of the class. */
  private static final Map<Long, Run> RUNS = new ConcurrentHashMap<>();

  static Run run(long seed) {
    return RUNS.computeIfAbsent(seed, s -> Run.of(config(s)));
  }

  /**
   * One ordinary repository and the demo's two profiles, 24 months, 6 direct newcomers a month,
   * 5 core members (so that the 5 first items of a newcomer without mentor can be answered by 5
   * different maintainers: k = 2 of n = 5 then finds no mentor by chance), and one e-mail address
   * per person: an unlinked second address can make a core member's GitHub account look new (when
   * their first commit used it), which tests identity resolution, not newcomers. The core team
   * acts 8 times a month and dependabot once (the demo: 25 and 2), which keeps runs quick and
   * changes nothing planted for newcomers.
   */
  static SimulationConfig config(long seed) {
    return SimulationConfig.builder()
        .seed(seed)
        .repositories(1)
        .coreTeamSize(5)
        .coreActionsPerMonth(8)
        .botPullRequestsPerMonth(1)
        .newcomersPerMonth(6)
        .stargazersPerMonth(2)
        .twoEmailShare(0)
        .welcome(NewcomerWelcome.demo())
        .build();
  }

  /** A simulated community with its store, people and the evaluation of the profiled repositories. */
  record Run(SimulatedCommunity sim, EventStore store, People people, Window window, Map<Actor, String> logins) {
    static Run of(SimulationConfig config) {
      SimulatedCommunity sim = CommunitySimulator.simulate(config);
      // The metrics are evaluated on the profiled repositories, where people act on theirs only:
      // the ordinary repository's events would change nothing but the time taken.
      Set<Repository> profiled = new HashSet<>();
      sim.truth().welcome().repositories().forEach(r -> profiled.add(r.repository()));
      EventStore store = EventStore.of(sim.events().stream().filter(e -> profiled.contains(e.repo())).toList());
      Map<Actor, String> logins = new HashMap<>();
      for (PersonTruth p : sim.truth().people()) {
        p.actors().forEach(a -> logins.put(a, p.login()));
      }
      // From the end of the core team's first day: the core team's first contributions are
      // before it, so only the arriving people are newcomers.
      Window window = Window.of(config.start().plus(Duration.ofDays(1)), config.end());
      return new Run(sim, store, People.resolve(store), window, logins);
    }

    Evaluation evaluation(Repository... repos) {
      return Evaluation.of(RepositoryScope.of(List.of(repos)), window);
    }

    Repository repository(String profile) {
      return sim.truth().welcome().repository(profile).map(ProfiledRepository::repository).orElseThrow();
    }

    String login(Actor key) {
      return key.login().orElseGet(() -> logins.get(key));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theWelcomingRepositoryAnswersNewcomersSooner(long seed) {
    Run run = run(seed);
    Repository welcoming = run.repository("welcoming");
    Repository unwelcoming = run.repository("unwelcoming");
    NewcomerExperience.Result w =
        NewcomerExperience.INSTANCE.metric(run.evaluation(welcoming)).compute(run.store(), run.people());
    NewcomerExperience.Result u =
        NewcomerExperience.INSTANCE.metric(run.evaluation(unwelcoming)).compute(run.store(), run.people());
    Duration wm = w.items().median().orElseThrow();
    // The unwelcoming repository leaves 30 % unanswered and answers the rest after a median of
    // 21 days: over half of its newcomers' first items may still wait at the end, no median.
    Duration um = u.items().median().orElse(Duration.ofDays(10_000));
    System.out.printf(Locale.ROOT, "seed %d: newcomers' median wait welcoming %.1f h, unwelcoming %.1f h (%d and %d newcomers)%n",
        seed, wm.toMinutes() / 60.0, um.toMinutes() / 60.0, w.journeys().newcomers().size(), u.journeys().newcomers().size());
    assertTrue(wm.compareTo(um) < 0, "seed " + seed + ": " + wm + " vs " + um);
    // Planted: a mix of exponential waits with medians of 2 h (mentors) and 4 h; 21 days and 30 %
    // never. Wide bounds, from the planted medians, not from the metric.
    assertTrue(wm.compareTo(Duration.ofHours(12)) < 0, "seed " + seed + ": welcoming median " + wm);
    assertTrue(um.compareTo(Duration.ofDays(7)) > 0, "seed " + seed + ": unwelcoming median " + um);
    // Every newcomer of the truth is a newcomer of the metric, and no one else.
    assertEquals(plantedLogins(run, welcoming), metricLogins(run, w.journeys().newcomers()), "seed " + seed);
    assertEquals(plantedLogins(run, unwelcoming), metricLogins(run, u.journeys().newcomers()), "seed " + seed);
  }

  private static Set<String> plantedLogins(Run run, Repository repo) {
    Set<String> out = new HashSet<>();
    run.sim().truth().welcome().newcomers(repo).forEach(n -> out.add(n.login()));
    return out;
  }

  private static Set<String> metricLogins(Run run, List<Journey> journeys) {
    Set<String> out = new HashSet<>();
    journeys.forEach(j -> out.add(run.login(j.newcomer())));
    return out;
  }

  /** The staying metric on both profiled repositories, and the planted difference. */
  static ProportionDifference quickMinusSlow(Run run) {
    Evaluation e = run.evaluation(run.repository("welcoming"), run.repository("unwelcoming"));
    NewcomerStaying.Result r = NewcomerStaying.INSTANCE.metric(e).compute(run.store(), run.people());
    // The groups are the planted ones: quick and slow among the newcomers followed 90 days.
    Instant followedBy = run.window().end().minus(Duration.ofDays(90));
    List<NewcomerTruth> followed =
        run.sim().truth().welcome().newcomers().stream().filter(n -> !n.firstContribution().isAfter(followedBy)).toList();
    assertEquals(followed.stream().filter(NewcomerTruth::quick).count(), r.quick().followed90(), "quick, followed 90 days");
    assertEquals(followed.stream().filter(n -> !n.quick()).count(), r.slow().followed90(), "slow, followed 90 days");
    assertEquals(
        followed.stream().filter(n -> n.quick() && n.returned()).count(), r.quick().stayed90(), "quick and back in 90 days");
    return r.quickMinusSlow().orElseThrow();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void quickAnswersGoWithNewcomersComingBack(long seed) {
    Run run = run(seed);
    ProportionDifference d = quickMinusSlow(run);
    double planted = run.sim().truth().welcome().returnDifference();
    System.out.printf(Locale.ROOT, "seed %d: quick minus slow %.3f [%.3f, %.3f], planted %.2f (%d quick, %d slow)%n",
        seed, d.estimate(), d.lower(), d.upper(), planted, d.trials1(), d.trials2());
    assertTrue(d.estimate() > 0, "seed " + seed + ": the planted sign");
    assertTrue(d.lower() > 0, "seed " + seed + ": the planted difference of " + planted + " is clear");
  }

  @Test
  void theIntervalCoversThePlantedDifferenceInMostSeeds() {
    int covered = 0;
    int seeds = 20;
    double planted = NewcomerWelcome.demo().returnDifference();
    for (long seed = 1; seed <= seeds; seed++) {
      ProportionDifference d = quickMinusSlow(RUNS.containsKey(seed) ? RUNS.get(seed) : Run.of(config(seed)));
      boolean in = d.lower() <= planted && planted <= d.upper();
      covered += in ? 1 : 0;
      System.out.printf(Locale.ROOT, "seed %d: quick minus slow %.3f [%.3f, %.3f] %s %.2f%n",
          seed, d.estimate(), d.lower(), d.upper(), in ? "covers" : "MISSES", planted);
    }
    System.out.printf(Locale.ROOT, "coverage of the 95%% interval: %d of %d seeds%n", covered, seeds);
    // With a true coverage of 95 %, 15 or fewer of 20 has probability 0.003.
    assertTrue(covered >= 16, covered + " of " + seeds);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mentorsFoundAreThePlantedOnes(long seed) {
    Run run = run(seed);
    Repository welcoming = run.repository("welcoming");
    Mentorship.Result r = Mentorship.INSTANCE.metric(run.evaluation(welcoming)).compute(run.store(), run.people());
    int k = r.journeys().mentorMinimum();
    Set<String> found = new HashSet<>();
    for (Journey j : r.journeys().newcomers()) {
      j.mentors().forEach(m -> found.add(run.login(j.newcomer()) + " <- " + run.login(m)));
    }
    // A planted mentor can be found once they answered k of the mentee's items.
    Set<String> planted = new HashSet<>();
    for (NewcomerTruth n : run.sim().truth().welcome().newcomers(welcoming)) {
      if (n.mentor().isPresent() && n.mentorAnswers() >= k) {
        planted.add(n.login() + " <- " + n.mentor().get());
      }
    }
    Set<String> both = new HashSet<>(found);
    both.retainAll(planted);
    double precision = (double) both.size() / found.size();
    double recall = (double) both.size() / planted.size();
    System.out.printf(Locale.ROOT, "seed %d: mentors found %d, planted %d, precision %.3f, recall %.3f%n",
        seed, found.size(), planted.size(), precision, recall);
    assertTrue(precision >= 0.9, "seed " + seed + ": precision " + precision + ", found but not planted: " + minus(found, planted));
    assertTrue(recall >= 0.95, "seed " + seed + ": recall " + recall + ", planted but not found: " + minus(planted, found));
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void menteesStayLongerAndClimbSooner(long seed) {
    Run run = run(seed);
    Mentorship.Result r =
        Mentorship.INSTANCE.metric(run.evaluation(run.repository("welcoming"))).compute(run.store(), run.people());
    double mentees = r.mentored().retainedAt(Mentorship.HORIZON).orElseThrow();
    double others = r.others().retainedAt(Mentorship.HORIZON).orElseThrow();
    double menteesD2 = r.mentored().reachedD2Within(Mentorship.HORIZON).orElseThrow();
    double othersD2 = r.others().reachedD2Within(Mentorship.HORIZON).orElseThrow();
    System.out.printf(Locale.ROOT, "seed %d: retained 180 days mentees %.3f, others %.3f; D2 within 180 days %.3f, %.3f (%d mentees, %d others)%n",
        seed, mentees, others, menteesD2, othersD2, r.mentored().newcomers(), r.others().newcomers());
    assertTrue(mentees > others, "seed " + seed);
    assertTrue(menteesD2 > othersD2, "seed " + seed);
  }

  /**
   * What the metrics show on {@link SimulationConfig#welcomeDemo()}: its welcoming repository
   * answers newcomers within hours and has mentors, the unwelcoming one makes them wait weeks
   * and has none. The bounds come from the planted profiles (medians of 2 and 4 hours; 21 days
   * with 30 % never answered, whose median wait is about 38 days).
   */
  @Test
  void theDemoShowsAWelcomingAndAnUnwelcomingRepository() {
    SimulationConfig demo = SimulationConfig.welcomeDemo();
    Run run = Run.of(demo);
    Repository welcoming = run.repository("welcoming");
    Repository unwelcoming = run.repository("unwelcoming");
    // The demo's last year: over the whole span the core teams' own first contributions would
    // count too (a project's founders are its first newcomers).
    Window year = Window.of(demo.end().minus(Duration.ofDays(365)), demo.end());
    Evaluation w = Evaluation.of(RepositoryScope.of(welcoming), year);
    Evaluation u = Evaluation.of(RepositoryScope.of(unwelcoming), year);
    NewcomerExperience.Result we = NewcomerExperience.INSTANCE.metric(w).compute(run.store(), run.people());
    NewcomerExperience.Result ue = NewcomerExperience.INSTANCE.metric(u).compute(run.store(), run.people());
    Mentorship.Result wm = Mentorship.INSTANCE.metric(w).compute(run.store(), run.people());
    Mentorship.Result um = Mentorship.INSTANCE.metric(u).compute(run.store(), run.people());
    NewcomerStaying.Result ws = NewcomerStaying.INSTANCE.metric(w).compute(run.store(), run.people());
    NewcomerStaying.Result us = NewcomerStaying.INSTANCE.metric(u).compute(run.store(), run.people());
    for (Object[] row : new Object[][] {{"welcoming", we, wm, ws}, {"unwelcoming", ue, um, us}}) {
      NewcomerExperience.Result e = (NewcomerExperience.Result) row[1];
      Mentorship.Result m = (Mentorship.Result) row[2];
      NewcomerStaying.Result st = (NewcomerStaying.Result) row[3];
      System.out.printf(Locale.ROOT,
          "demo %s: %d newcomers, first items' median wait %s h, answered within 1 day %.2f, first PRs merged %s,"
              + " back within 90 days %.2f, %d mentees of %d mentors%n",
          row[0], e.journeys().newcomers().size(),
          e.items().median().map(d -> String.format(Locale.ROOT, "%.1f", d.toMinutes() / 60.0)).orElse("none"),
          e.items().answeredWithin(Duration.ofDays(1)).orElseThrow(),
          e.firstPullRequestsMerged().value().isPresent()
              ? String.format(Locale.ROOT, "%.2f", e.firstPullRequestsMerged().value().getAsDouble()) : "none",
          st.all().within(Duration.ofDays(90)).orElseThrow(), m.mentored().newcomers(), m.mentors().ranking().size());
    }
    assertTrue(we.items().median().orElseThrow().compareTo(Duration.ofHours(12)) < 0);
    assertTrue(ue.items().median().map(d -> d.compareTo(Duration.ofDays(7)) > 0).orElse(true));
    assertTrue(we.items().answeredWithin(Duration.ofDays(1)).orElseThrow() > 0.8);
    assertTrue(ue.items().answeredWithin(Duration.ofDays(1)).orElseThrow() < 0.2);
    assertTrue(wm.mentored().newcomers() > 10, "the welcoming repository's mentees");
    // Nobody is mentored in the unwelcoming repository, but with 4 core members a newcomer whose
    // 5 first threads were all answered had one of them twice: k = 2 of n = 5 finds a mentor.
    assertTrue(3 * um.mentored().newcomers() < wm.mentored().newcomers(), "few mentees in the unwelcoming repository");
    assertTrue(ws.all().within(Duration.ofDays(90)).orElseThrow() > us.all().within(Duration.ofDays(90)).orElseThrow());
  }
}
