package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.identity.Person;
import java.util.Collections;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PeopleTest {
  private static final Repository HUB = new Repository(Forge.GITHUB, "o/hub", OptionalLong.empty());
  private static final Repository LAB = new Repository(Forge.GITLAB, "o/lab", OptionalLong.empty());

  private static EventStore stars(List<Actor> actors) {
    List<Event> events = new ArrayList<>();
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    for (Actor a : actors) {
      events.add(new Star(t, a.forge().equals(Forge.GITLAB) ? LAB : HUB, a));
      t = t.plusSeconds(1);
    }
    return EventStore.of(events);
  }

  @Test
  void loginsAreNumberedPerForgeIgnoringCase() {
    Actor upper = Actor.user(Forge.GITHUB, "Ann");
    Actor lower = Actor.user(Forge.GITHUB, "ann");
    Actor otherForge = Actor.user(Forge.GITLAB, "ann");
    Actor bob = Actor.user(Forge.GITHUB, "bob");
    EventStore store = stars(List.of(upper, lower, otherForge, bob));
    People people = People.resolve(store);
    int a = people.loginId(store.indexOf(upper).getAsInt());
    assertEquals(a, people.loginId(store.indexOf(lower).getAsInt()));
    int b = people.loginId(store.indexOf(otherForge).getAsInt());
    assertNotEquals(a, b);
    assertEquals("ann", people.login(a));
    assertEquals("ann", people.login(b));
    assertEquals(Forge.GITHUB, people.loginForge(a));
    assertEquals(Forge.GITLAB, people.loginForge(b));
    assertEquals(3, people.logins());
  }

  static LongStream loginSeeds() {
    return LongStream.rangeClosed(1, 12).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  /**
   * Login numbers as a map from (forge, lower-cased login) to the order of first appearance over
   * the store's actors gives them: logins differing in case only, on two forges and a
   * self-hosted one, actors with and without forge ids, bare git identities, non-ASCII letters
   * ("İ" lower-cases to two characters), enough actors that the table grows.
   */
  @ParameterizedTest
  @MethodSource("loginSeeds")
  void loginNumbersAreThoseOfAMapInActorOrder(long seed) {
    Random random = new Random(seed);
    Forge selfHosted = new Forge("gitlab.example.org");
    Forge[] forges = {Forge.GITHUB, Forge.GITLAB, selfHosted};
    String[] stems = {"ann", "Ann", "ANN", "bob", "İlker", "i̇lker", "zoë", "ZOË", "x-y", "a_b"};
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        actors.add(Actor.git("Name " + random.nextInt(50), "n" + random.nextInt(50) + "@example.org"));
        continue;
      }
      String stem = stems[random.nextInt(stems.length)];
      String login = random.nextInt(3) == 0 ? stem : stem + random.nextInt(700);
      Forge forge = forges[random.nextInt(forges.length)];
      actors.add(kind == 1 && forge.equals(Forge.GITHUB)
          ? new Actor(forge, Optional.of(login), OptionalLong.of(1 + random.nextInt(1_000_000)),
              Optional.empty(), List.of(), ActorKind.USER)
          : Actor.user(forge, login));
    }
    EventStore store = stars(actors);
    People people = People.resolve(store);
    java.util.Map<List<Object>, Integer> expected = new java.util.HashMap<>();
    List<Actor> stored = store.actors();
    for (int a = 0; a < stored.size(); a++) {
      Actor actor = stored.get(a);
      if (actor.login().isEmpty()) {
        assertEquals(-1, people.loginId(a), "seed " + seed);
        continue;
      }
      String lower = actor.login().get().toLowerCase(java.util.Locale.ROOT);
      Integer id = expected.computeIfAbsent(List.of(actor.forge(), lower), k -> expected.size());
      assertEquals(id, people.loginId(a), "seed " + seed + ", actor " + actor);
      assertEquals(lower, people.login(id), "seed " + seed);
      assertEquals(actor.forge(), people.loginForge(id), "seed " + seed);
    }
    assertEquals(expected.size(), people.logins(), "seed " + seed);
  }

  @Test
  void aGitIdentityHasNoLogin() {
    Actor git = Actor.git("Ann", "ann@example.org");
    EventStore store = stars(List.of(Actor.github("bob"), git));
    People people = People.resolve(store);
    assertEquals(-1, people.loginId(store.indexOf(git).getAsInt()));
    assertEquals(1, people.logins());
  }

  @Test
  void peopleAreNumberedOverTheStoreNotTheWholeResolution() {
    List<Actor> everyone = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      everyone.add(Actor.github("user" + i));
    }
    Identities all = IdentityResolver.defaults().resolve(everyone);
    EventStore few = stars(List.of(everyone.get(7), everyone.get(42)));
    People people = People.of(few, all);
    assertEquals(2, people.size());
    assertEquals(50, all.size());
    for (int a = 0; a < few.actors().size(); a++) {
      int p = people.personOf(a);
      // The dense number maps back to the resolution's own person and its stable key.
      assertEquals(all.personOf(few.actor(a)).orElseThrow(), people.person(p));
      assertEquals(few.actor(a), people.key(p));
    }
  }

  @Test
  void identitiesThatMissAnActorAreRefusedNamingIt() {
    EventStore store = stars(List.of(Actor.github("ann"), Actor.github("bob")));
    Identities onlyAnn = IdentityResolver.defaults().resolve(List.of(Actor.github("ann")));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> People.of(store, onlyAnn));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("bob"), e.getMessage());
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /**
   * {@code People.resolve} maps each of the store's actors through the resolution's own
   * permutation (issue 24) rather than one hash lookup per actor: the same person, bot flag and
   * dense numbering (in order of first appearance over the store's actors) as the lookup gives,
   * and the same as {@code People.of} with that resolution.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resolveGivesEachActorThePersonTheLookupGives(long seed) {
    Random r = new Random(seed);
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < 200 + r.nextInt(300); i++) {
      String login = "u" + r.nextInt(150) + (r.nextInt(10) == 0 ? "[bot]" : "");
      if (r.nextInt(5) == 0) {
        login = login.toUpperCase(java.util.Locale.ROOT);
      }
      ActorKind kind = login.endsWith("[bot]") || login.endsWith("[BOT]") ? ActorKind.BOT : ActorKind.USER;
      actors.add(new Actor(Forge.GITHUB, Optional.of(login), OptionalLong.of(1 + r.nextInt(180)), Optional.empty(),
          List.of(), kind));
    }
    Collections.shuffle(actors, r);
    EventStore store = stars(actors);
    People people = People.resolve(store);
    Identities ids = people.identities();
    People viaOf = People.of(store, ids);
    List<Person> order = new ArrayList<>();
    for (int a = 0; a < store.actors().size(); a++) {
      Person expected = ids.personOf(store.actors().get(a)).orElseThrow();
      if (!order.contains(expected)) {
        order.add(expected);
      }
      assertEquals(expected, people.person(people.personOf(a)), "seed " + seed);
      assertEquals(order.indexOf(expected), people.personOf(a), "seed " + seed);
      assertEquals(expected.bot(), people.isBot(a), "seed " + seed);
      assertEquals(people.personOf(a), viaOf.personOf(a), "seed " + seed);
    }
    assertEquals(order.size(), people.size(), "seed " + seed);
  }
}
