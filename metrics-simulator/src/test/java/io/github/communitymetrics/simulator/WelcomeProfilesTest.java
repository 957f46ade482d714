package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.simulator.PlantedTruth.NewcomerTruth;
import io.github.communitymetrics.simulator.PlantedTruth.PersonTruth;
import io.github.communitymetrics.simulator.PlantedTruth.ProfiledRepository;
import io.github.communitymetrics.simulator.PlantedTruth.RepositoryTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The profiled repositories of {@link NewcomerWelcome}: their events are what the planted truth
 * says, checked event by event (not through the metrics), and the ordinary repositories are left
 * as they were.
 */
class WelcomeProfilesTest {
  static Stream<SimulationConfig> configs() {
    return Stream.of(
        SimulationConfig.welcomeDemo(),
        SimulationConfig.small(3).toBuilder().welcome(NewcomerWelcome.demo()).build(),
        SimulationConfig.small(11).toBuilder().coreTeamSize(2).welcome(NewcomerWelcome.demo()).build());
  }

  @Test
  void theOrdinaryRepositoriesKeepTheirEvents() {
    SimulatedCommunity with = CommunitySimulator.simulate(SimulationConfig.welcomeDemo());
    SimulatedCommunity without = CommunitySimulator.simulate(SimulationConfig.demo());
    Set<Repository> ordinary = new HashSet<>();
    without.truth().repositories().forEach(r -> ordinary.add(r.repository()));
    assertEquals(4, ordinary.size());
    // Comment and review ids are numbered across the community, so they are left out.
    List<Event> kept = with.events().stream().filter(e -> ordinary.contains(e.repo())).map(WelcomeProfilesTest::withoutIds).toList();
    assertEquals(without.events().stream().map(WelcomeProfilesTest::withoutIds).toList(), kept);
    int n = without.truth().people().size();
    assertEquals(without.truth().people(), with.truth().people().subList(0, n));
    assertEquals(without.truth().repositories(), with.truth().repositories().subList(0, 4));
    assertEquals(without.truth().events(), with.truth().events());
    assertEquals(2, with.truth().welcome().repositories().size());
    assertEquals("demo-org/welcoming", with.truth().welcome().repositories().get(0).repository().fullName());
    assertEquals("demo-org/unwelcoming", with.truth().welcome().repositories().get(1).repository().fullName());
    // Every event type shows up; label changes (schema version 2) only in the profiled
    // repositories, where no label is taken off a pull request. Assignments are not simulated.
    Set<EventType> types = new HashSet<>();
    for (Event e : with.events()) {
      types.add(e.type());
      assertTrue(e.type().sinceVersion() == 1 || !ordinary.contains(e.repo()), e.toString());
    }
    Set<EventType> expected = new HashSet<>(Set.of(EventType.values()));
    expected.remove(EventType.PULL_REQUEST_UNLABELED);
    expected.remove(EventType.ISSUE_ASSIGNED);
    assertEquals(expected, types);
  }

  static Event withoutIds(Event e) {
    if (e instanceof IssueComment c) {
      return new IssueComment(c.at(), c.repo(), c.actor(), c.number(), c.onPullRequest(), c.association(), OptionalLong.empty());
    }
    if (e instanceof ReviewComment c) {
      return new ReviewComment(c.at(), c.repo(), c.actor(), c.number(), c.association(), OptionalLong.empty());
    }
    if (e instanceof Review r) {
      return new Review(r.at(), r.repo(), r.actor(), r.number(), r.state(), r.pullRequestAuthor(), r.association(), OptionalLong.empty());
    }
    return e;
  }

  /** The small ones of {@link #configs()}: CommunitySimulatorTest checks the demo's invariants. */
  static Stream<SimulationConfig> smallConfigs() {
    return configs().skip(1);
  }

  @ParameterizedTest
  @MethodSource("smallConfigs")
  void invariantsHold(SimulationConfig config) {
    CommunitySimulatorTest.check(CommunitySimulator.simulate(config), "seed " + config.seed(), false);
  }

  private record Key(Repository repo, int number) {}

  /** A thread's opening and its answers: comments and reviews by others than the author and bots. */
  private static final class Thread {
    final Event opened;
    final List<Event> answers = new ArrayList<>();

    Thread(Event opened) {
      this.opened = opened;
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void theNewcomersLiveThePlantedJourneys(SimulationConfig config) {
    SimulatedCommunity sim = CommunitySimulator.simulate(config);
    String label = "seed " + config.seed();
    Map<Actor, String> login = new HashMap<>();
    for (PersonTruth p : sim.truth().people()) {
      p.actors().forEach(a -> login.put(a, p.login()));
    }
    Set<String> bots = new HashSet<>();
    sim.truth().bots().forEach(b -> bots.add(b.login()));
    Map<Repository, Set<String>> core = new HashMap<>();
    for (RepositoryTruth r : sim.truth().repositories()) {
      core.put(r.repository(), new HashSet<>(r.coreTeam()));
    }
    Map<Key, Thread> threads = new HashMap<>();
    Map<String, List<Event>> contributions = new HashMap<>();
    Map<Key, List<String>> labelled = new HashMap<>();
    for (Event e : sim.events()) {
      String who = login.getOrDefault(e.actor(), e.actor().login().orElse("?"));
      if (e instanceof NumberedEvent n) {
        Key key = new Key(e.repo(), n.number());
        if (e.type() == EventType.ISSUE_OPENED || e.type() == EventType.PULL_REQUEST_OPENED) {
          threads.put(key, new Thread(e));
          if (e instanceof IssueOpened o) {
            o.labels().forEach(l -> labelled.computeIfAbsent(key, k -> new ArrayList<>()).add(l));
          }
        } else if ((e.type() == EventType.ISSUE_COMMENT || e.type() == EventType.REVIEW || e.type() == EventType.REVIEW_COMMENT)
            && !e.actor().equals(threads.get(key).opened.actor()) && !bots.contains(who)) {
          threads.get(key).answers.add(e);
        } else if (e instanceof LabelChanged l && l.added()) {
          labelled.computeIfAbsent(key, k -> new ArrayList<>()).add(l.label());
        }
      }
      if (Set.of(EventType.ISSUE_OPENED, EventType.PULL_REQUEST_OPENED, EventType.ISSUE_COMMENT, EventType.REVIEW,
          EventType.REVIEW_COMMENT, EventType.COMMIT).contains(e.type())) {
        contributions.computeIfAbsent(who, k -> new ArrayList<>()).add(e);
      }
    }
    NewcomerWelcome w = config.welcome();
    assertEquals(w.returnDifference(), sim.truth().welcome().returnDifference(), 1e-15);
    int mentored = 0;
    int returned = 0;
    for (NewcomerTruth n : sim.truth().welcome().newcomers()) {
      String who = label + ": " + n.login();
      Thread first = threads.get(new Key(n.repository(), n.firstIssue()));
      assertEquals(EventType.ISSUE_OPENED, first.opened.type(), who);
      assertEquals(n.firstContribution(), first.opened.at(), who);
      assertEquals(n.login(), login.get(first.opened.actor()), who);
      assertEquals(first.opened, contributions.get(n.login()).get(0), who + ": the first issue is the first contribution");
      assertEquals(n.firstResponse(), first.answers.stream().findFirst().map(a -> Duration.between(first.opened.at(), a.at())), who);
      assertEquals(n.firstResponse().filter(d -> d.compareTo(w.quickResponse()) <= 0).isPresent(), n.quick(), who);
      assertEquals(n.quick() ? w.returnIfQuick() : w.returnIfSlow(), n.returnProbability(), who);
      // Coming back is a contribution to another item; the planted second one is a pull request.
      Optional<Event> other =
          contributions.get(n.login()).stream().filter(e -> !(e instanceof NumberedEvent x && x.number() == n.firstIssue())).findFirst();
      assertEquals(n.secondContribution(), other.map(Event::at), who);
      other.ifPresent(e -> assertEquals(EventType.PULL_REQUEST_OPENED, e.type(), who));
      n.secondContribution().ifPresent(s -> assertTrue(
          !s.isBefore(n.firstContribution().plus(w.quickResponse())) && s.isBefore(n.firstContribution().plus(w.returnWithin())), who));
      assertTrue(n.returned() || other.isEmpty(), who);
      returned += n.returned() ? 1 : 0;
      // Their threads in opening order, and who answered them.
      List<Thread> own = new ArrayList<>();
      threads.values().stream().filter(t -> n.login().equals(login.get(t.opened.actor())) && t.opened.repo().equals(n.repository()))
          .sorted((a, b) -> Integer.compare(((NumberedEvent) a.opened).number(), ((NumberedEvent) b.opened).number()))
          .forEach(own::add);
      List<Set<String>> answerers = new ArrayList<>();
      for (Thread t : own) {
        Set<String> a = new TreeSet<>();
        t.answers.forEach(x -> a.add(login.get(x.actor())));
        if (!a.isEmpty()) {
          answerers.add(a);
        }
        assertTrue(core.get(n.repository()).containsAll(a), who + ": only core members answer, not " + a);
      }
      if (n.mentor().isPresent()) {
        mentored++;
        for (Set<String> a : answerers) {
          assertEquals(Set.of(n.mentor().get()), a, who + ": the mentor answers, alone");
        }
        assertEquals(answerers.size(), n.mentorAnswers(), who);
      } else {
        assertEquals(0, n.mentorAnswers(), who);
        int distinct = Math.min(answerers.size(), core.get(n.repository()).size());
        Set<String> firstOnes = new HashSet<>();
        for (Set<String> a : answerers.subList(0, distinct)) {
          assertEquals(1, a.size(), who + ": one answerer per thread " + a);
          firstOnes.addAll(a);
        }
        assertEquals(distinct, firstOnes.size(), who + ": a different core member for each of the first threads " + answerers);
      }
    }
    assertTrue(returned > 0, label);
    assertTrue(mentored > 0, label);
    // Good first issues: opened by a core member, labelled at opening or by an event.
    for (ProfiledRepository r : sim.truth().welcome().repositories()) {
      Set<Integer> good = new HashSet<>();
      labelled.forEach((k, labels) -> {
        if (k.repo().equals(r.repository()) && labels.contains("good first issue")) {
          good.add(k.number());
        }
      });
      assertEquals(Set.copyOf(r.goodFirstIssues()), good, label + ": " + r.repository());
      for (int number : good) {
        Thread t = threads.get(new Key(r.repository(), number));
        assertEquals(EventType.ISSUE_OPENED, t.opened.type());
        assertTrue(core.get(r.repository()).contains(login.get(t.opened.actor())), label + ": #" + number);
      }
      assertEquals(r.profile().goodFirstIssueShare() > 0 && config.months() >= 8, !good.isEmpty(), label + ": " + r.profile());
    }
  }

  @Test
  void invalidProfilesAreRejectedWithTheirName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new WelcomeProfile("Not OK", Duration.ofHours(1), 0, 1, 0, 0));
    assertTrue(e.getMessage().contains("profile name"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new WelcomeProfile("x", Duration.ofHours(1), 1.5, 1, 0, 0));
    assertTrue(e.getMessage().contains("unansweredProbability of profile x"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NewcomerWelcome.of(List.of(WelcomeProfile.welcoming(), WelcomeProfile.welcoming())));
    assertTrue(e.getMessage().contains("two profiles are named welcoming"), e.getMessage());
    NewcomerWelcome d = NewcomerWelcome.demo();
    e = assertThrows(IllegalArgumentException.class,
        () -> new NewcomerWelcome(d.profiles(), d.quickResponse(), 0.7, 0.3, Duration.ofDays(91), d.mentorResponseMedian(),
            0.4, 0.9, d.staleCloseMedian(), Optional.empty()));
    assertTrue(e.getMessage().contains("returnWithin"), e.getMessage());
    assertFalse(NewcomerWelcome.none().profiles().iterator().hasNext());
  }
}
