package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.simulator.PlantedTruth.MaintainerTruth;
import io.github.communitymetrics.simulator.PlantedTruth.ModuleTruth;
import io.github.communitymetrics.simulator.PlantedTruth.PersonTruth;
import io.github.communitymetrics.simulator.PlantedTruth.RepositoryTruth;
import io.github.communitymetrics.simulator.PlantedTruth.Role;
import io.github.communitymetrics.simulator.PlantedTruth.StargazerTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommunitySimulatorTest {

  /** Small but complete: every mechanism fires, and a run takes milliseconds. */
  private static SimulatedCommunity demo;

  @BeforeAll
  static void simulateDemo() {
    demo = CommunitySimulator.simulate(SimulationConfig.demo());
  }

  private static long streamingHash(List<Event> events) {
    long h = 17;
    for (Event e : events) {
      h = 31 * h + e.toString().hashCode();
    }
    return h;
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7, 123_456_789L, Long.MAX_VALUE})
  void sameConfigGivesEqualCommunities(long seed) {
    SimulatedCommunity a = CommunitySimulator.simulate(SimulationConfig.small(seed));
    SimulatedCommunity b = CommunitySimulator.simulate(SimulationConfig.small(seed));
    assertEquals(a.events(), b.events(), "seed " + seed);
    assertEquals(streamingHash(a.events()), streamingHash(b.events()), "seed " + seed);
    assertEquals(a.truth(), b.truth(), "seed " + seed);
    assertEquals(a, b, "seed " + seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7})
  void differentSeedsGiveDifferentCommunities(long seed) {
    SimulatedCommunity a = CommunitySimulator.simulate(SimulationConfig.small(seed));
    SimulatedCommunity b = CommunitySimulator.simulate(SimulationConfig.small(seed + 1));
    assertNotEquals(a.events(), b.events(), "seed " + seed);
    assertNotEquals(a.truth().people(), b.truth().people(), "seed " + seed);
  }

  @Test
  void demoHasTheIntendedSize() {
    int n = demo.events().size();
    assertTrue(n >= 30_000 && n <= 80_000, "events " + n);
    assertEquals(636, demo.truth().people().size());
    assertEquals(SimulationConfig.demo().plannedPeople(), demo.truth().people().size());
    long stargazers = demo.truth().stargazers().size();
    long contributors = demo.truth().people().stream().filter(p -> p.joined().isPresent()).count();
    assertEquals(4 * 24 * 4, stargazers);
    assertTrue(contributors < stargazers, contributors + " contributors, " + stargazers + " stargazers");
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 5, 8, 13})
  void invariantsHold(long seed) {
    check(CommunitySimulator.simulate(SimulationConfig.small(seed)), "seed " + seed, true);
  }

  @Test
  void invariantsHoldForTheDemo() {
    check(demo, "demo", true);
  }

  @Test
  void invariantsHoldWithOneCoreMemberAndOneMonth() {
    SimulationConfig c =
        SimulationConfig.builder().seed(9).repositories(1).months(1).coreTeamSize(1).truckFactor(1).build();
    check(CommunitySimulator.simulate(c), "tiny", false);
  }

  /**
   * Every structural invariant the simulator promises, on one community; with {@code rich}, also
   * that every mechanism (merges, co-authors, both bot kinds, second addresses) shows up.
   */
  static void check(SimulatedCommunity sim, String label, boolean rich) {
    Index ix = new Index(sim);
    checkSortedAndInside(sim, label);
    checkThreads(sim, ix, label, rich);
    checkCommits(sim, label, rich);
    checkTruckFactor(sim, ix, label);
    checkPeople(sim, ix, label, rich);
    checkMaintainers(sim, label);
    checkFirstResponsesAreByCore(sim, ix, label);
  }

  /** Who is who, from the planted truth. */
  static final class Index {
    final Map<Actor, PersonTruth> byActor = new HashMap<>();
    final Map<String, PersonTruth> byEmail = new HashMap<>();
    final Map<Repository, Set<String>> core = new HashMap<>();
    final Map<Repository, Integer> repoOrder = new HashMap<>();
    final Set<String> bots = new HashSet<>();

    Index(SimulatedCommunity sim) {
      for (PersonTruth p : sim.truth().people()) {
        for (Actor a : p.actors()) {
          assertTrue(byActor.put(a, p) == null, "actor of two people: " + a);
        }
        for (String e : p.emails()) {
          assertTrue(byEmail.put(e, p) == null, "e-mail of two people: " + e);
        }
      }
      int i = 0;
      for (RepositoryTruth r : sim.truth().repositories()) {
        core.put(r.repository(), new HashSet<>(r.coreTeam()));
        repoOrder.put(r.repository(), i++);
      }
      sim.truth().bots().forEach(b -> bots.add(b.login()));
    }

    boolean isCore(Repository repo, Actor a) {
      return a.login().isPresent() && core.get(repo).contains(a.login().get());
    }

    boolean isBot(Actor a) {
      return a.login().isPresent() && bots.contains(a.login().get());
    }
  }

  static void checkSortedAndInside(SimulatedCommunity sim, String label) {
    Instant start = sim.config().start();
    Instant end = sim.config().end();
    Index ix = new Index(sim);
    Event prev = null;
    for (Event e : sim.events()) {
      assertFalse(e.at().isBefore(start) || !e.at().isBefore(end), label + ": outside window: " + e);
      if (prev != null) {
        int c = prev.at().compareTo(e.at());
        if (c == 0) {
          c = Integer.compare(prev.type().ordinal(), e.type().ordinal());
        }
        if (c == 0) {
          c = Integer.compare(ix.repoOrder.get(prev.repo()), ix.repoOrder.get(e.repo()));
        }
        assertTrue(c <= 0, label + ": out of order: " + prev + " then " + e);
      }
      prev = e;
    }
  }

  private record Key(Repository repo, int number) {}

  static void checkThreads(SimulatedCommunity sim, Index ix, String label, boolean rich) {
    Map<Key, Event> opened = new HashMap<>();
    Map<Repository, Integer> lastNumber = new HashMap<>();
    Set<Key> merged = new HashSet<>();
    // A merge commit has the merge's instant but sorts after it (commit comes later in type order).
    Map<String, Commit> commitsBySha = new HashMap<>();
    for (Event e : sim.events()) {
      if (e instanceof Commit) {
        commitsBySha.put(e.repo() + " " + ((Commit) e).sha(), (Commit) e);
      }
    }
    for (Event e : sim.events()) {
      if (!(e instanceof NumberedEvent)) {
        continue;
      }
      NumberedEvent n = (NumberedEvent) e;
      Key key = new Key(e.repo(), n.number());
      if (e.type() == EventType.ISSUE_OPENED || e.type() == EventType.PULL_REQUEST_OPENED) {
        assertTrue(opened.put(key, e) == null, label + ": opened twice: " + e);
        int expected = lastNumber.merge(e.repo(), 1, Integer::sum);
        assertEquals(expected, n.number(), label + ": numbers are one sequence in opening order");
        continue;
      }
      Event open = opened.get(key);
      assertNotNull(open, label + ": no opening before " + e);
      assertEquals(open.type() == EventType.PULL_REQUEST_OPENED, n.onPullRequest(), label + ": kind of " + e);
      // People may still comment on a merged pull request, but nothing else happens to it.
      assertFalse(
          merged.contains(key) && e.type() != EventType.ISSUE_COMMENT,
          label + ": event after merge: " + e);
      switch (e.type()) {
        case PULL_REQUEST_MERGED:
          {
            PullRequestMerged m = (PullRequestMerged) e;
            assertEquals(Optional.of(open.actor()), m.author(), label + ": merged author " + e);
            assertTrue(ix.isCore(e.repo(), m.actor()), label + ": merger not core: " + e);
            assertNotEquals(open.actor(), m.actor(), label + ": self-merge " + e);
            Commit mc = commitsBySha.get(e.repo() + " " + m.mergeCommitSha().orElseThrow());
            assertNotNull(mc, label + ": no merge commit for " + e);
            assertEquals(m.at(), mc.at(), label);
            assertTrue(mc.isMerge() && mc.files().isEmpty(), label + ": merge commit " + mc);
            merged.add(key);
            break;
          }
        case REVIEW:
          assertEquals(Optional.of(open.actor()), ((Review) e).pullRequestAuthor(), label + ": " + e);
          assertNotEquals(open.actor(), e.actor(), label + ": self-review " + e);
          break;
        case PULL_REQUEST_CLOSED:
          assertEquals(Optional.of(open.actor()), ((PullRequestClosed) e).author(), label + ": " + e);
          break;
        default:
          break;
      }
    }
    assertTrue(!rich || !merged.isEmpty(), label + ": some pull requests are merged");
  }

  static void checkCommits(SimulatedCommunity sim, String label, boolean rich) {
    Map<Repository, Set<String>> seen = new HashMap<>();
    int coAuthored = 0;
    for (Event e : sim.events()) {
      if (!(e instanceof Commit)) {
        continue;
      }
      Commit c = (Commit) e;
      Set<String> shas = seen.computeIfAbsent(e.repo(), r -> new HashSet<>());
      for (String parent : c.parents()) {
        assertTrue(shas.contains(parent), label + ": parent of " + c.sha() + " not earlier");
      }
      assertTrue(shas.add(c.sha()), label + ": sha repeats " + c.sha());
      assertEquals(c.isMerge(), c.files().isEmpty(), label + ": only merges lack files " + c);
      assertTrue(c.parents().size() <= 2, label);
      coAuthored += c.coAuthors().isEmpty() ? 0 : 1;
    }
    for (Set<String> shas : seen.values()) {
      assertTrue(shas.size() > 10, label + ": commits per repository");
    }
    assertTrue(!rich || coAuthored > 0, label + ": some commits have co-authors");
  }

  /** Replays file histories and checks that created files give the designed truck factor. */
  static void checkTruckFactor(SimulatedCommunity sim, Index ix, String label) {
    for (RepositoryTruth rt : sim.truth().repositories()) {
      Map<String, String> creator = new TreeMap<>();
      for (Event e : sim.events()) {
        if (!(e instanceof Commit) || !e.repo().equals(rt.repository())) {
          continue;
        }
        Commit c = (Commit) e;
        PersonTruth author = ix.byEmail.get(c.author().email());
        for (FileChange f : c.files()) {
          switch (f.status()) {
            case ADDED:
              assertNotNull(author, label + ": a bot or stranger created " + f);
              assertTrue(creator.put(f.path(), author.login()) == null, label + ": re-added " + f);
              break;
            case DELETED:
              assertNotNull(creator.remove(f.path()), label + ": deleted missing " + f);
              break;
            case RENAMED:
              String who = creator.remove(f.oldPath().orElseThrow());
              assertNotNull(who, label + ": renamed missing " + f);
              creator.put(f.path(), who);
              break;
            case MODIFIED:
              assertTrue(creator.containsKey(f.path()), label + ": modified missing " + f);
              break;
            default:
              fail(label + ": unexpected " + f);
          }
        }
      }
      Map<String, Integer> perOwner = new TreeMap<>();
      for (Map.Entry<String, String> file : creator.entrySet()) {
        perOwner.merge(file.getValue(), 1, Integer::sum);
      }
      int[] counts = new int[rt.modules().size()];
      for (int i = 0; i < counts.length; i++) {
        ModuleTruth m = rt.modules().get(i);
        assertEquals(rt.coreTeam().get(i), m.owner(), label);
        counts[i] = perOwner.getOrDefault(m.owner(), 0);
        assertEquals(m.files(), counts[i], label + ": files of " + m);
        for (Map.Entry<String, String> file : creator.entrySet()) {
          if (file.getValue().equals(m.owner())) {
            assertTrue(file.getKey().startsWith(m.directory() + "/"), label + ": " + file);
          }
        }
      }
      assertEquals(rt.totalFiles(), creator.size(), label + ": only core members create files");
      // Smallest set of owners exceeding half of the files, by trying every subset.
      int best = counts.length;
      for (int mask = 1; mask < (1 << counts.length); mask++) {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
          sum += (mask >> i & 1) == 1 ? counts[i] : 0;
        }
        if (2 * sum > creator.size()) {
          best = Math.min(best, Integer.bitCount(mask));
        }
      }
      assertEquals(rt.truckFactor(), best, label + ": truck factor of " + rt.repository());
      assertEquals(sim.config().truckFactor(), rt.truckFactor(), label);
    }
  }

  static void checkPeople(SimulatedCommunity sim, Index ix, String label, boolean rich) {
    Map<String, List<Event>> byPerson = new HashMap<>();
    int unlinkedCommits = 0;
    int bySecondAddress = 0;
    Set<String> botsSeenAsBot = new HashSet<>();
    Set<String> botsSeenAsUserNamedBot = new HashSet<>();
    for (Event e : sim.events()) {
      Actor a = e.actor();
      if (ix.isBot(a)) {
        if (a.kind() == ActorKind.BOT) {
          botsSeenAsBot.add(a.login().get());
        } else if (a.kind() == ActorKind.USER && a.login().get().endsWith("[bot]")) {
          botsSeenAsUserNamedBot.add(a.login().get());
        }
        continue;
      }
      if (e.type() == EventType.MEMBER_ADDED && a.kind() == ActorKind.ORGANIZATION) {
        continue;
      }
      PersonTruth p = ix.byActor.get(a);
      assertNotNull(p, label + ": actor of no person: " + e);
      assertEquals(p.repository(), e.repo(), label + ": people act on their own repository");
      byPerson.computeIfAbsent(p.login(), k -> new ArrayList<>()).add(e);
      if (e instanceof Commit) {
        Commit c = (Commit) e;
        if (a.forge().equals(Forge.GIT)) {
          unlinkedCommits++;
        }
        if (p.emails().indexOf(c.author().email()) == 1) {
          bySecondAddress++;
        }
      }
      if (p.role() == Role.CORE && e instanceof IssueOpened) {
        assertEquals(Optional.of(AuthorAssociation.MEMBER), ((IssueOpened) e).association(), label);
      }
      if (e instanceof IssueComment) {
        assertNotEquals(
            Optional.of(AuthorAssociation.FIRST_TIME_CONTRIBUTOR), ((IssueComment) e).association(), label);
      }
    }
    if (rich) {
      assertTrue(unlinkedCommits > 0, label + ": some commits carry a bare git identity");
      assertTrue(bySecondAddress > 0, label + ": some commits use a second address");
      assertTrue(sim.truth().people().stream().anyMatch(PersonTruth::hasTwoEmails), label);
      assertEquals(Set.of("dependabot[bot]", "github-actions[bot]"), botsSeenAsBot, label);
      assertEquals(Set.of("triage-helper[bot]"), botsSeenAsUserNamedBot, label);
    }

    Map<String, StargazerTruth> starOf = new HashMap<>();
    sim.truth().stargazers().forEach(s -> starOf.put(s.login(), s));
    for (PersonTruth p : sim.truth().people()) {
      List<Event> own = byPerson.getOrDefault(p.login(), List.of());
      List<Event> contributions = new ArrayList<>();
      for (Event e : own) {
        if (e.type() != EventType.STAR && e.type() != EventType.FORK) {
          contributions.add(e);
        }
      }
      p.departed().ifPresent(d -> {
        for (Event e : own) {
          assertTrue(e.at().isBefore(d), label + ": " + p.login() + " acts after departure " + d + ": " + e);
        }
      });
      StargazerTruth star = starOf.get(p.login());
      assertEquals(p.role() == Role.STARGAZER, star != null, label);
      if (star != null) {
        assertEquals(p.login(), own.get(0).actor().login().orElseThrow(), label);
        assertEquals(star.via(), own.get(0).type(), label + ": " + p.login() + " first stars or forks");
        assertEquals(star.at(), own.get(0).at(), label);
        assertEquals(star.firstContribution(), p.joined(), label + ": " + p.login());
        star.firstContribution().ifPresent(f -> assertTrue(f.isAfter(star.at()), label));
      }
      if (p.role() == Role.CORE) {
        assertEquals(Optional.of(sim.config().start()), p.joined(), label);
        assertEquals(Optional.empty(), p.departed(), label);
      } else if (p.joined().isPresent()) {
        assertFalse(contributions.isEmpty(), label + ": " + p.login() + " joined without acting");
        Event first = contributions.get(0);
        assertEquals(p.joined().get(), first.at(), label + ": " + p.login() + " joins at first contribution");
        assertTrue(
            first.type() == EventType.ISSUE_OPENED || first.type() == EventType.ISSUE_COMMENT,
            label + ": first contribution is an issue or comment: " + first);
        p.departed().ifPresent(d -> assertTrue(d.isAfter(p.joined().get()), label));
      } else {
        assertTrue(contributions.isEmpty(), label + ": " + p.login() + " never joined but acts");
        assertEquals(Optional.empty(), p.departed(), label);
      }
    }
  }

  static void checkMaintainers(SimulatedCommunity sim, String label) {
    List<MaintainerTruth> fromEvents = new ArrayList<>();
    for (Event e : sim.events()) {
      if (e instanceof MemberAdded) {
        MemberAdded m = (MemberAdded) e;
        boolean core =
            sim.truth().repositories().stream()
                .anyMatch(r -> r.repository().equals(e.repo()) && r.coreTeam().contains(m.member().login().orElseThrow()));
        fromEvents.add(new MaintainerTruth(m.member().login().orElseThrow(), e.repo(), e.at(), m.permission(), core));
      }
    }
    assertEquals(Set.copyOf(sim.truth().maintainers()), Set.copyOf(fromEvents), label);
    assertEquals(sim.truth().maintainers().size(), fromEvents.size(), label);
    long cores = sim.truth().maintainers().stream().filter(MaintainerTruth::core).count();
    assertEquals((long) sim.config().totalRepositories() * sim.config().coreTeamSize(), cores, label);
  }

  /**
   * Before a core member responds, only bots act on a thread opened by someone else; but for the
   * good first issues with planted claims, where the newcomers who take them ask first.
   */
  static void checkFirstResponsesAreByCore(SimulatedCommunity sim, Index ix, String label) {
    Map<Key, Actor> author = new HashMap<>();
    Set<Key> answered = new HashSet<>();
    sim.truth().welcome().goodFirstIssues().forEach(g -> answered.add(new Key(g.repository(), g.number())));
    int responses = 0;
    for (Event e : sim.events()) {
      if (!(e instanceof NumberedEvent)) {
        continue;
      }
      Key key = new Key(e.repo(), ((NumberedEvent) e).number());
      if (e instanceof IssueOpened || e instanceof PullRequestOpened) {
        author.put(key, e.actor());
        continue;
      }
      if (answered.contains(key) || e.actor().equals(author.get(key)) || ix.isBot(e.actor())) {
        continue;
      }
      assertTrue(ix.isCore(e.repo(), e.actor()), label + ": first response not by core: " + e);
      answered.add(key);
      responses++;
    }
    assertTrue(responses > 0, label);
  }

  @Test
  void demoEventCountsPerTypeArePlausible() {
    Map<EventType, Integer> counts = new TreeMap<>();
    for (Event e : demo.events()) {
      counts.merge(e.type(), 1, Integer::sum);
    }
    for (EventType t : EventType.values()) {
      if (t.sinceVersion() > 1) {
        // The types of schema version 2 (label changes, assignments): the default demo plants
        // neither (SimulationConfig.welcomeDemo() plants labels).
        assertEquals(0, counts.getOrDefault(t, 0), t + " in " + counts);
      } else {
        assertTrue(counts.getOrDefault(t, 0) > 0, "no " + t + " in " + counts);
      }
    }
    assertEquals(4 * 24 * 4, counts.get(EventType.STAR) + counts.get(EventType.FORK));
    assertEquals(4 * 7, counts.get(EventType.RELEASE), "a release every 3 months after the first");
    assertTrue(counts.get(EventType.PULL_REQUEST_MERGED) <= counts.get(EventType.PULL_REQUEST_OPENED));
  }

  @Test
  void draftsAndFirstTimeContributorsOccur() {
    boolean draft = false;
    boolean firstTimer = false;
    for (Event e : demo.events()) {
      if (e instanceof PullRequestOpened) {
        PullRequestOpened o = (PullRequestOpened) e;
        draft |= o.draft();
        firstTimer |= o.association().equals(Optional.of(AuthorAssociation.FIRST_TIME_CONTRIBUTOR));
      }
    }
    assertTrue(draft && firstTimer);
  }

  @Test
  void firstResponseDelaysFollowThePlantedMedian() {
    // Exponential with a 1-hour median in a 24-month window: censoring at the end is negligible,
    // so the share of core first responses within the median is Binomial(n, 1/2).
    SimulationConfig c =
        SimulationConfig.demo().toBuilder().firstResponseMedian(Duration.ofHours(1)).repositories(2).build();
    SimulatedCommunity sim = CommunitySimulator.simulate(c);
    Index ix = new Index(sim);
    Map<Key, Instant> opened = new HashMap<>();
    Map<Key, Actor> author = new HashMap<>();
    int n = 0;
    int withinMedian = 0;
    for (Event e : sim.events()) {
      if (!(e instanceof NumberedEvent)) {
        continue;
      }
      Key key = new Key(e.repo(), ((NumberedEvent) e).number());
      if (e instanceof IssueOpened || e instanceof PullRequestOpened) {
        opened.put(key, e.at());
        author.put(key, e.actor());
      } else if (opened.containsKey(key) && !e.actor().equals(author.get(key)) && !ix.isBot(e.actor())) {
        Duration d = Duration.between(opened.remove(key), e.at());
        n++;
        // Delays are whole seconds, floored: "within" means below 3600 s.
        withinMedian += d.getSeconds() < 3600 ? 1 : 0;
      }
    }
    long[] bounds = Binomial.centralInterval(n, 0.5, 0.999);
    assertTrue(
        withinMedian >= bounds[0] && withinMedian <= bounds[1],
        withinMedian + " of " + n + " within the median, expected in " + bounds[0] + ".." + bounds[1]);
  }
}
