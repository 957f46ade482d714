package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.SimulationConfig;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.PlantedTruth;
import io.github.communitymetrics.simulator.SimulatedCommunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.AliasList;
import io.github.communitymetrics.core.identity.BotDetector;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.identity.Mailmap;
import io.github.communitymetrics.core.identity.MergeRule;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.store.EventStore;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation's cross-cutting properties, checked on simulated communities of many seeds: the
 * JSON Lines format round-trips them exactly, ingestion does not depend on event order, and
 * identity resolution and bot detection recover the planted people and bots.
 */
class FoundationPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12).map(i -> i * 7919 + 3);
  }

  private static SimulatedCommunity community(long seed) {
    return CommunitySimulator.simulate(SimulationConfig.small(seed));
  }

  private static String jsonLines(List<Event> events) {
    StringWriter out = new StringWriter();
    EventJsonLines.writeAll(events, out);
    return out.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jsonLinesRoundTripsEverySimulatedEvent(long seed) {
    List<Event> events = community(seed).events();
    String text = jsonLines(events);
    List<Event> back = EventJsonLines.readAll(new StringReader(text));
    assertEquals(events.size(), back.size(), "seed " + seed);
    for (int i = 0; i < events.size(); i++) {
      assertEquals(events.get(i), back.get(i), "seed " + seed + ", event " + i);
    }
    assertEquals(text, jsonLines(back), "seed " + seed + ": writing what was read changes bytes");
    assertEquals(events.size(), text.lines().count(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSameSeedGivesTheSameBytes(long seed) {
    assertEquals(jsonLines(community(seed).events()), jsonLines(community(seed).events()), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ingestionDoesNotDependOnEventOrder(long seed) {
    List<Event> events = community(seed).events();
    EventStore sorted = EventStore.of(events);
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));
    EventStore fromShuffled = EventStore.of(shuffled);
    Collections.reverse(shuffled);
    EventStore fromReversed = EventStore.of(shuffled);
    assertEquals(sorted.size(), fromShuffled.size(), "seed " + seed);
    assertEquals(sorted.actors(), fromShuffled.actors(), "seed " + seed);
    assertEquals(sorted.repositories(), fromShuffled.repositories(), "seed " + seed);
    for (int i = 0; i < sorted.size(); i++) {
      assertEquals(sorted.event(i), fromShuffled.event(i), "seed " + seed + ", position " + i);
      assertEquals(sorted.event(i), fromReversed.event(i), "seed " + seed + ", position " + i);
    }
    assertEquals(sorted.countByType(), fromReversed.countByType(), "seed " + seed);
  }

  /**
   * With the default rules, every actor linked to a person's forge account (same id, login or
   * noreply address) joins that person, and no two planted people are joined. A second, personal
   * e-mail address that only appears on bare git commits carries no evidence, so the defaults
   * must leave it apart: joining it needs a mailmap, as in a real repository.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void defaultRulesJoinLinkedIdentitiesAndNothingElse(long seed) {
    SimulatedCommunity c = community(seed);
    Set<Actor> seen = actorsOf(c);
    Identities identities = IdentityResolver.defaults().resolve(seen);
    int unlinked = 0;
    for (PlantedTruth.PersonTruth p : c.truth().people()) {
      for (Actor a : p.actors()) {
        if (seen.contains(a) && a.login().isEmpty()) {
          unlinked++;
          Person alone = identities.personOf(a).orElseThrow();
          assertEquals(1, alone.actors().size(), "seed " + seed + ": unlinked " + a + " joined " + alone);
        }
      }
    }
    assertTrue(unlinked > 0, "seed " + seed + ": no bare git identity acted");
    checkRecovered(seed, c, identities, seen, a -> a.login().isPresent());
  }

  /**
   * A mailmap that maps each person's other addresses to their primary one joins every identity
   * that carries an address (a mailmap knows nothing of logins), and no more.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aMailmapJoinsEveryPlantedIdentity(long seed) {
    SimulatedCommunity c = community(seed);
    StringBuilder mailmap = new StringBuilder("# written from the planted truth\n");
    for (PlantedTruth.PersonTruth p : c.truth().people()) {
      for (String other : p.emails().subList(1, p.emails().size())) {
        mailmap.append(p.name()).append(" <").append(p.emails().get(0)).append("> <")
            .append(other).append(">\n");
      }
    }
    Set<Actor> seen = actorsOf(c);
    Identities identities =
        IdentityResolver.builder().mailmap(Mailmap.parse(mailmap.toString())).build().resolve(seen);
    checkRecovered(seed, c, identities, seen, a -> !a.emails().isEmpty());
    assertTrue(
        identities.people().stream()
            .flatMap(p -> identities.evidence(p).stream())
            .anyMatch(e -> e.rule() == MergeRule.MAILMAP),
        "seed " + seed + ": the mailmap joined nobody");
  }

  /** An alias list naming each person's login and addresses joins all of their identities. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anAliasListJoinsEveryPlantedIdentity(long seed) {
    SimulatedCommunity c = community(seed);
    List<Set<String>> groups = new ArrayList<>();
    for (PlantedTruth.PersonTruth p : c.truth().people()) {
      Set<String> group = new LinkedHashSet<>(p.emails());
      group.add(p.login());
      groups.add(group);
    }
    Set<Actor> seen = actorsOf(c);
    Identities identities =
        IdentityResolver.builder().aliases(AliasList.of(groups)).build().resolve(seen);
    checkRecovered(seed, c, identities, seen, a -> true);
    assertTrue(
        identities.people().stream()
            .flatMap(p -> identities.evidence(p).stream())
            .anyMatch(e -> e.rule() == MergeRule.ALIAS),
        "seed " + seed + ": the alias list joined nobody");
  }

  private static Set<Actor> actorsOf(SimulatedCommunity c) {
    Set<Actor> seen = new LinkedHashSet<>();
    c.events().forEach(e -> seen.add(e.actor()));
    return seen;
  }

  private static void checkRecovered(
      long seed, SimulatedCommunity c, Identities identities, Set<Actor> seen,
      java.util.function.Predicate<Actor> expectedJoined) {
    Map<Person, String> plantedOwner = new HashMap<>();
    int multiIdentityPeople = 0;
    for (PlantedTruth.PersonTruth p : c.truth().people()) {
      List<Actor> present =
          p.actors().stream().filter(seen::contains).filter(expectedJoined).toList();
      if (present.isEmpty()) {
        continue;
      }
      Person person = identities.personOf(present.get(0)).orElseThrow();
      for (Actor a : present) {
        assertEquals(person, identities.personOf(a).orElseThrow(),
            "seed " + seed + ": " + p.login() + "'s identities split at " + a);
      }
      assertFalse(person.bot(), "seed " + seed + ": person " + p.login() + " taken for a bot");
      String previous = plantedOwner.put(person, p.login());
      assertTrue(previous == null, "seed " + seed + ": " + previous + " and " + p.login() + " joined");
      if (present.size() > 1) {
        multiIdentityPeople++;
      }
    }
    assertTrue(multiIdentityPeople > 0, "seed " + seed + ": nobody acted under two identities");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void botDetectionFindsEveryPlantedBotAndNoPerson(long seed) {
    SimulatedCommunity c = community(seed);
    BotDetector bots = BotDetector.defaults();
    for (PlantedTruth.BotTruth b : c.truth().bots()) {
      assertTrue(bots.isBot(b.actor()), "seed " + seed + ": bot not detected: " + b.login());
    }
    for (PlantedTruth.PersonTruth p : c.truth().people()) {
      for (Actor a : p.actors()) {
        assertFalse(bots.isBot(a), "seed " + seed + ": person taken for a bot: " + a + " "
            + bots.reason(a).orElse(""));
      }
    }
  }
}
