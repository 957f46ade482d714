package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast resolution (issue 24) against {@link ReferenceResolution}, the algorithm as it was
 * before, over seeded random inputs: the same people (index, actors, bot flag, e-mail addresses,
 * logins, label), the same evidence per person, the same refused merges and the same person for
 * every actor, with every rule configuration the inputs can exercise.
 */
class ResolutionEquivalenceTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 400);
  }

  static LongStream largeSeeds() {
    return LongStream.rangeClosed(1, 25);
  }

  /** A resolver configuration, given to both implementations. */
  private record Config(
      Set<MergeRule> rules, Mailmap mailmap, AliasList aliases, BotDetector bots, Set<String> shared) {
    IdentityResolver resolver() {
      IdentityResolver.Builder b =
          IdentityResolver.builder().mailmap(mailmap).aliases(aliases).botDetector(bots).noSharedEmails();
      if (!shared.isEmpty()) {
        b.sharedEmails(shared);
      }
      for (MergeRule r : MergeRule.values()) {
        if (rules.contains(r)) {
          b.enable(r);
        } else {
          b.disable(r);
        }
      }
      return b.build();
    }

    ReferenceResolution reference() {
      return new ReferenceResolution(rules, mailmap, aliases, bots, shared);
    }
  }

  /** The default configuration every third seed, else a random one. */
  private static Config defaultsOrRandom(long seed, Random r) {
    return seed % 3 == 0
        ? new Config(IdentityResolver.defaults().rules(), Mailmap.empty(), AliasList.empty(), BotDetector.defaults(),
            IdentityResolver.defaultSharedEmails())
        : config(r);
  }

  private static Config config(Random r) {
    Set<MergeRule> rules = EnumSet.noneOf(MergeRule.class);
    for (MergeRule rule : MergeRule.values()) {
      if (r.nextInt(5) > 0) {
        rules.add(rule);
      }
    }
    Mailmap mailmap = r.nextBoolean()
        ? Mailmap.parse("<ana@a.example> <cy@c.example>\nBo B <bo@b.example> <shared@team.example>\n")
        : Mailmap.empty();
    AliasList aliases = r.nextBoolean()
        ? AliasList.of(List.of(Set.of("Bo B", "dee"), Set.of("ana", "cy@c.example")))
        : AliasList.empty();
    BotDetector.Builder bots = BotDetector.builder().includeDefaults(r.nextInt(4) > 0);
    if (r.nextBoolean()) {
      bots.addName("Wei\tZhang").addPattern(Pattern.compile(".*-ci", Pattern.CASE_INSENSITIVE));
    }
    Set<String> shared = r.nextBoolean() ? IdentityResolver.defaultSharedEmails() : Set.of("shared@team.example");
    return new Config(rules, mailmap, aliases, bots.build(), shared);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void smallMixedInputsResolveAsBefore(long seed) {
    Random r = new Random(seed);
    List<Actor> actors = IdentityResolverPropertyTest.actors(r);
    // Duplicates and a shuffled order, which the result must not depend on.
    List<Actor> input = new ArrayList<>(actors);
    input.addAll(actors.subList(0, r.nextInt(actors.size() + 1)));
    Collections.shuffle(input, r);
    assertSame(config(r), input, seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void forgeShapedInputsResolveAsBefore(long seed) {
    Random r = new Random(seed);
    List<Actor> input = forgeShaped(r, 500 + r.nextInt(2_000));
    if (seed % 2 == 0) {
      // Sorted, as a store's actors are (the resolution then skips its sort), and for some
      // seeds with neighbours repeated, which it must still drop.
      if (seed % 4 == 0) {
        input.addAll(input.subList(0, 50));
      }
      input.sort(Normalize.ACTOR_ORDER);
    }
    Config c = defaultsOrRandom(seed, r);
    assertSame(c, input, seed);
  }

  private static void assertSame(Config c, List<Actor> input, long seed) {
    assertSame(c, input, c.resolver().resolve(input), seed);
  }

  /**
   * A store's actors resolved from the store itself (issue 24: read from it, not copied, and
   * the people built only when asked for) as the reference resolves them, and {@link People} of
   * the store built from that resolution: each actor's person, bot flag and key.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void storesResolveAsBefore(long seed) {
    Random r = new Random(seed);
    List<Actor> actors = forgeShaped(r, 300 + r.nextInt(1_500));
    Config c = defaultsOrRandom(seed, r);
    EventStore store = starsOf(actors, r);
    String at = "seed " + seed;
    Identities fast = c.resolver().resolve(store);
    ReferenceResolution.Expected old = c.reference().run(store.actors());
    // Before any Person is built: the answers that do without them.
    assertEquals(old.people().size(), fast.size(), at);
    for (int p = 0; p < old.people().size(); p++) {
      assertEquals(old.people().get(p).bot(), fast.isBot(p), at);
      assertEquals(old.people().get(p).actors().get(0), fast.firstActor(p), at);
    }
    assertSame(c, store.actors(), fast, seed);
    assertArrayEquals(fast.personIndices(new ArrayList<>(store.actors())), fast.personIndices(store.actors()), at);
    // Actors the store does not have, looked up in its actors (which are searched, not hashed).
    for (Actor stranger : forgeShaped(new Random(seed + 2_000), 30)) {
      boolean resolved = old.byActor().containsKey(stranger);
      assertEquals(resolved, fast.personOf(stranger).isPresent(), at);
      assertEquals(resolved ? old.byActor().get(stranger).index() : -1,
          fast.personIndices(List.of(stranger))[0], at);
      assertEquals(resolved, fast.samePerson(stranger, stranger), at);
      assertEquals(resolved && old.byActor().get(stranger).equals(old.byActor().get(store.actor(0))),
          fast.samePerson(stranger, store.actor(0)), at);
    }
    // One instance per person, however often it is asked for.
    for (int p = 0; p < fast.size(); p += 7) {
      assertSameInstance(fast.people().get(p), fast.people().get(p), at);
    }
    People people = seed % 3 == 0 ? People.resolve(store) : People.of(store, fast);
    assertEquals(old.people().size(), people.size(), at);
    assertPeople(old, store, people, at);
  }

  /**
   * Resolving a store on several threads ({@link IdentityResolver#resolve(EventStore, int)}: the
   * actors read and their keys derived in batches, put together on one thread) gives what the
   * reference gives: the same people, evidence, refusals and person of every actor.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void threadsResolveAsOne(long seed) {
    Random r = new Random(seed);
    List<Actor> actors = forgeShaped(r, 600 + r.nextInt(2_000));
    Config c = defaultsOrRandom(seed, r);
    EventStore store = starsOf(actors, r);
    Identities many = c.resolver().resolve(store, 2 + (int) (seed % 3));
    assertSame(c, store.actors(), many, seed);
    assertEquals(c.resolver().resolve(store).people(), many.people(), "seed " + seed);
  }

  /** A seed's actors as events of two stores, some actors in both, and of one store of all of them. */
  private record Split(Config config, EventStore first, EventStore second, EventStore union) {}

  private static Split split(long seed) {
    Random r = new Random(seed);
    List<Actor> actors = forgeShaped(r, 300 + r.nextInt(1_500));
    Config c = defaultsOrRandom(seed, r);
    Repository repo = new Repository(Forge.GITHUB, "o/r", OptionalLong.empty());
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    List<Event> first = new ArrayList<>();
    List<Event> second = new ArrayList<>();
    // The second store is small (a new hour) or not (every other seed).
    int share = seed % 2 == 0 ? 10 : 2;
    for (Actor a : actors) {
      int where = r.nextInt(share + 1);
      if (where < share || r.nextBoolean()) {
        first.add(new Star(t.plusSeconds(r.nextInt(86_400)), repo, a));
      }
      if (where == share || r.nextInt(8) == 0) {
        second.add(new Star(t.plusSeconds(86_400 + r.nextInt(3_600)), repo, a));
      }
    }
    List<Event> all = new ArrayList<>(first);
    all.addAll(second);
    return new Split(c, EventStore.of(first), EventStore.of(second), EventStore.of(all));
  }

  /**
   * A store prepared ({@link IdentityResolver#prepare}) and then resolved with a second one
   * ({@link IdentityResolver#resolve(IdentityResolver.Prepared, EventStore, int)}) gives the
   * resolution of one store of both stores' events, evidence and refusals included; the prepared
   * store alone resolves as {@code resolve(store)}. The same split as {@link
   * #twoStoresResolveAsTheirUnion}, on one to three threads.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void aPreparedStoreResolvesWithAnotherAsTheirUnion(long seed) {
    Split split = split(seed);
    IdentityResolver resolver = split.config().resolver();
    int threads = 1 + (int) (seed % 3);
    String at = "seed " + seed;
    IdentityResolver.Prepared prepared = resolver.prepare(split.first(), threads);
    assertSameResolution(resolver.resolve(split.first()), prepared.identities(), split.first(), at + ", alone");
    Identities one = resolver.resolve(split.union());
    assertSameResolution(one, resolver.resolve(prepared, split.second(), threads), split.union(), at);
    // The prepared tables are copied, not changed: a second resolution with them is the same.
    assertSameResolution(one, resolver.resolve(prepared, split.second(), 1), split.union(), at + ", again");
  }

  /** The same people in the same order, with the same bot flags, members, evidence and refusals. */
  private static void assertSameResolution(Identities expected, Identities actual, EventStore store, String at) {
    assertEquals(expected.size(), actual.size(), at);
    for (int p = 0; p < expected.size(); p++) {
      assertEquals(expected.isBot(p), actual.isBot(p), at);
      assertEquals(expected.firstActor(p), actual.firstActor(p), at);
      assertEquals(expected.people().get(p), actual.people().get(p), at);
      assertEquals(expected.evidence(expected.people().get(p)), actual.evidence(actual.people().get(p)), at);
    }
    assertArrayEquals(expected.personIndices(store.actors()), actual.personIndices(store.actors()), at);
    assertEquals(expected.refused(), actual.refused(), at);
  }

  /**
   * Two stores resolved together ({@link IdentityResolver#resolve(EventStore, EventStore)}) give
   * the resolution of one store of both stores' events: the same people in the same order, the
   * same person and bot flag for every actor, and {@link People} of each store with the keys the
   * one store's people have. Actors are split at random, some into both stores.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void twoStoresResolveAsTheirUnion(long seed) {
    Split split = split(seed);
    Config c = split.config();
    EventStore a = split.first();
    EventStore b = split.second();
    EventStore union = split.union();
    String at = "seed " + seed;
    // On one to three threads (reading the actors in batches of 256 for these sizes).
    Identities together = c.resolver().resolve(a, b, 1 + (int) (seed % 3));
    Identities one = c.resolver().resolve(union);
    assertEquals(one.size(), together.size(), at);
    for (int p = 0; p < one.size(); p++) {
      assertEquals(one.isBot(p), together.isBot(p), at);
      assertEquals(one.firstActor(p), together.firstActor(p), at);
    }
    assertArrayEquals(one.personIndices(union.actors()), together.personIndices(union.actors()), at);
    People whole = People.of(union, one);
    for (EventStore part : List.of(a, b)) {
      // The part's own list (an array copy) and a copy of it (looked up actor by actor) agree.
      assertArrayEquals(together.personIndices(new ArrayList<>(part.actors())), together.personIndices(part.actors()), at);
      People people = People.of(part, together);
      for (int k = 0; k < part.actors().size(); k++) {
        int w = union.indexOf(part.actor(k)).getAsInt();
        assertEquals(whole.key(whole.personOf(w)), people.key(people.personOf(k)), at);
        assertEquals(whole.isBot(w), people.isBot(k), at);
      }
    }
  }

  /** Each actor's person, bot flag and key as the reference has them; the number of people. */
  private static void assertPeople(ReferenceResolution.Expected old, EventStore store, People people, String at) {
    Set<Person> distinct = new java.util.HashSet<>();
    for (int a = 0; a < store.actors().size(); a++) {
      Person expected = old.byActor().get(store.actor(a));
      int p = people.personOf(a);
      assertEquals(expected, people.person(p), at);
      assertEquals(expected.bot(), people.isBot(a), at);
      assertEquals(expected.actors().get(0), people.key(p), at);
      assertSameInstance(people.key(p), people.key(p), at);
      distinct.add(expected);
    }
    assertEquals(distinct.size(), people.size(), at);
  }

  /**
   * A store of some of the actors, resolved with all of them: its people are numbered over the
   * store, their answers those of the whole resolution.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void aStoreOfSomeActorsMapsToTheWholeResolution(long seed) {
    Random r = new Random(seed);
    List<Actor> actors = forgeShaped(r, 600);
    Identities all = IdentityResolver.defaults().resolve(actors);
    ReferenceResolution.Expected old =
        new ReferenceResolution(IdentityResolver.defaults().rules(), Mailmap.empty(), AliasList.empty(),
            BotDetector.defaults(), IdentityResolver.defaultSharedEmails()).run(actors);
    List<Actor> some = new ArrayList<>();
    if (seed % 2 == 0) {
      // The first people only: numbered here as in the resolution, but fewer.
      List<Actor> sorted = new ArrayList<>(actors);
      sorted.sort(Normalize.ACTOR_ORDER);
      some.addAll(sorted.subList(0, 1 + r.nextInt(sorted.size() - 1)));
    } else {
      for (Actor a : actors) {
        if (r.nextInt(3) == 0) {
          some.add(a);
        }
      }
    }
    EventStore store = starsOf(some, r);
    People people = People.of(store, all);
    assertPeople(old, store, people, "seed " + seed);
  }

  /**
   * Forge ids and logins whose hashes are equal but which differ: the tables of those two rules
   * keep no keys (they derive a member's key again when hashes agree), so this is where keys
   * could be confused. Resolved from a list and from a store, as the reference resolves them.
   */
  @Test
  void keysWithEqualHashesStayApart() {
    long otherId = 1L << 32 | 4;
    assertEquals(Long.hashCode(5L), Long.hashCode(otherId));
    assertEquals("b!".hashCode(), "a@".hashCode());
    List<Actor> actors = List.of(
        account("b!", 5),
        account("a@", otherId),
        account("A@", 77), // the login of the second, in other case
        account("zz", 5)); // the id of the first
    Config c = new Config(IdentityResolver.defaults().rules(), Mailmap.empty(), AliasList.empty(),
        BotDetector.defaults(), IdentityResolver.defaultSharedEmails());
    assertSame(c, actors, 0);
    EventStore store = starsOf(actors, new Random(0));
    Identities fromStore = c.resolver().resolve(store);
    assertSame(c, store.actors(), fromStore, 0);
    assertEquals(2, fromStore.size());
    assertEquals(List.of(Set.of("A@", "a@"), Set.of("b!", "zz")),
        fromStore.people().stream().map(Person::logins).toList());
  }

  private static Actor account(String login, long id) {
    return new Actor(Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(), ActorKind.USER);
  }

  private static void assertSameInstance(Object expected, Object actual, String at) {
    org.junit.jupiter.api.Assertions.assertSame(expected, actual, at);
  }

  private static EventStore starsOf(List<Actor> actors, Random r) {
    Repository repo = new Repository(Forge.GITHUB, "o/r", OptionalLong.empty());
    List<Event> events = new ArrayList<>();
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    for (Actor a : actors) {
      events.add(new Star(t.plusSeconds(r.nextInt(86_400)), repo, a));
    }
    return EventStore.of(events);
  }

  private static void assertSame(Config c, List<Actor> input, Identities fast, long seed) {
    String at = "seed " + seed;
    ReferenceResolution.Expected old = c.reference().run(input);
    assertEquals(old.people(), fast.people(), at);
    for (int p = 0; p < old.people().size(); p++) {
      Person o = old.people().get(p);
      Person f = fast.people().get(p);
      assertEquals(o.emails(), f.emails(), at);
      assertEquals(o.logins(), f.logins(), at);
      assertEquals(o.label(), f.label(), at);
      assertEquals(old.evidence().get(p), fast.evidence(f), at);
    }
    assertEquals(old.refused(), fast.refused(), at);
    int[] indices = fast.personIndices(input);
    for (int k = 0; k < input.size(); k++) {
      Person expected = old.byActor().get(input.get(k));
      assertEquals(Optional.of(expected), fast.personOf(input.get(k)), at);
      assertEquals(expected.index(), indices[k], at);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void personIndicesOfAnyListMatchPersonOf(long seed) {
    Random r = new Random(seed);
    List<Actor> resolved = forgeShaped(r, 300);
    Identities ids = IdentityResolver.defaults().resolve(resolved);
    // Another order, equal copies rather than the same objects, and actors never resolved.
    List<Actor> other = new ArrayList<>();
    for (Actor a : resolved) {
      other.add(r.nextBoolean() ? a : new Actor(a.forge(), a.login(), a.id(), a.name(), a.emails(), a.kind()));
    }
    other.addAll(forgeShaped(new Random(seed + 1_000), 20));
    Collections.shuffle(other, r);
    int[] indices = ids.personIndices(other);
    for (int k = 0; k < other.size(); k++) {
      assertEquals(ids.personOf(other.get(k)).map(Person::index).orElse(-1), indices[k], "seed " + seed);
    }
    assertArrayEquals(new int[0], ids.personIndices(List.of()), "seed " + seed);
  }

  /**
   * Forge accounts as GH Archive and the forges' APIs record them, with the collisions that
   * resolution exists for: renamed accounts (same id), logins that differ in case or were
   * taken again (another id), users also seen as organisations, {@code [bot]} and {@code -bot}
   * logins, listed bot names, git identities with GitHub noreply and plain addresses, names with
   * white space, and a forge whose name holds ':' so that {@code forge:login} keys of two forges
   * can coincide.
   */
  static List<Actor> forgeShaped(Random r, int n) {
    Forge colon = new Forge("gitlab:corp");
    Forge plain = new Forge("gitlab");
    Set<Actor> out = new LinkedHashSet<>();
    List<Actor> seen = new ArrayList<>();
    long nextId = 100;
    while (out.size() < n) {
      int dice = r.nextInt(100);
      Actor a;
      if (dice < 50 || seen.isEmpty()) {
        String login = login(r);
        ActorKind kind = ActorKind.USER;
        int suffix = r.nextInt(100);
        if (suffix < 3) {
          login += "[bot]";
          kind = r.nextBoolean() ? ActorKind.BOT : ActorKind.USER;
        } else if (suffix < 6) {
          login += "-bot";
        } else if (suffix < 8) {
          login = List.of("dependabot", "renovate-bot", "web-flow", "ghost", "Stale").get(r.nextInt(5));
        }
        a = new Actor(Forge.GITHUB, Optional.of(login), OptionalLong.of(nextId), Optional.empty(), List.of(), kind);
        nextId += 1 + r.nextInt(3);
      } else {
        Actor base = seen.get(r.nextInt(seen.size()));
        String login = base.login().orElse("x");
        long id = base.id().orElse(7);
        a = switch (dice % 8) {
          case 0 -> new Actor(base.forge(), Optional.of(login(r)), OptionalLong.of(id), Optional.empty(), List.of(), base.kind());
          case 1 -> new Actor(base.forge(), Optional.of(login.toUpperCase(Locale.ROOT)), base.id(), Optional.empty(), List.of(),
              base.kind());
          case 2 -> new Actor(base.forge(), Optional.of(login), OptionalLong.of(nextId++), Optional.empty(), List.of(), base.kind());
          case 3 -> new Actor(base.forge(), Optional.of(login), base.id(), Optional.empty(), List.of(), ActorKind.ORGANIZATION);
          case 4 -> Actor.git(r.nextBoolean() ? "Renovate  Bot" : " " + login + " ",
              (r.nextBoolean() ? id + "+" : "") + login + "@users.noreply.github.com");
          case 5 -> new Actor(r.nextBoolean() ? colon : plain,
              Optional.of(r.nextBoolean() ? "b:" + login : login), OptionalLong.empty(), Optional.empty(), List.of(),
              ActorKind.USER);
          case 6 -> new Actor(r.nextBoolean() ? new Forge("gitlab") : colon, Optional.of(r.nextBoolean() ? "corp:" + login : login),
              OptionalLong.of(id), Optional.empty(), List.of(), ActorKind.USER);
          default -> Actor.git(r.nextBoolean() ? "Wei\tZhang" : login, login.toLowerCase(Locale.ROOT) + "@mail.example");
        };
      }
      if (out.add(a)) {
        seen.add(a);
      }
    }
    return new ArrayList<>(out);
  }

  private static String login(Random r) {
    String letters = "abcdefgABCDEFG-";
    StringBuilder b = new StringBuilder();
    int len = 2 + r.nextInt(3);
    for (int i = 0; i < len; i++) {
      b.append(letters.charAt(r.nextInt(i == 0 || i == len - 1 ? letters.length() - 1 : letters.length())));
    }
    return b.toString();
  }
}
