package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The store's interned actors and repositories, held as arrays and a pool of strings since issue
 * 24 ({@link ActorTable}, {@link RepositoryTable}, {@link StringPool}), give back values equal to
 * those added: with and without ids, logins, names and e-mail addresses, with non-ASCII and odd
 * strings (supplementary characters, unpaired surrogates, the encoding's byte-length boundaries),
 * under many forges; in canonical order, found again by {@code indexOf} and slices, from many
 * threads at once.
 */
class InternedTablesTest {
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

  /** Strings whose encoding has edge cases: every UTF-8 length, surrogates paired and not. */
  private static final List<String> ODD = List.of(
      "a",
      "plain-ascii_login",
      "\u007f",
      "\u0080",
      "caf\u00e9",
      "\u00ff\u0100",
      "\u07ff",
      "\u0800",
      "\u65e5\u672c\u8a9e",
      "\ud7ff",
      "\ue000",
      "\uffff",
      "\ufeffbom",
      "emoji \ud83d\ude00 face",
      "\ud83d\ude00",
      "lone high \ud800",
      "\udbff",
      "lone low \udc00",
      "\udfff end",
      "reversed \udc00\ud800",
      "tab\tand\nnewline",
      "x".repeat(1000) + "\u00e9");

  /**
   * The odd strings an actor or repository may hold: well-formed Unicode (paired surrogates only),
   * which their constructors require; signatures and the pool take any string.
   */
  private static final List<String> WELL_FORMED =
      ODD.stream().filter(s -> s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)).toList();

  @Test
  void stringPoolRoundTripsAndOrdersEveryString() {
    List<String> strings = new ArrayList<>(ODD);
    strings.add("");
    strings.add("\u0000");
    strings.add("nul \u0000 inside");
    StringPool pool = new StringPool();
    int[] ids = new int[strings.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = pool.add(strings.get(k));
    }
    // Adding again gives the same index: each string is held once.
    for (int k = 0; k < ids.length; k++) {
      assertEquals(ids[k], pool.add(new String(strings.get(k).toCharArray())));
    }
    pool.seal();
    assertEquals(strings.size(), pool.size());
    for (int k = 0; k < ids.length; k++) {
      assertEquals(strings.get(k), pool.get(ids[k]));
      for (String other : strings) {
        assertEquals(
            Integer.signum(strings.get(k).compareTo(other)),
            pool.compare(ids[k], other),
            () -> "compare " + strings + " with " + other);
      }
    }
  }

  @Test
  void stringPoolUsesOneByteForAsciiAndAtMostThreePerChar() {
    StringPool pool = new StringPool();
    pool.add("abcdefgh"); // 8 bytes
    pool.add("\u00e9\u00e9\u00e9\u00e9"); // 4 two-byte chars: 8 bytes
    pool.add("\ud83d\ude00"); // 2 surrogates, 3 bytes each: 6 bytes
    pool.seal();
    // byte[22] (16 + 22 -> 40) and int[4] (16 + 16 = 32)
    assertEquals(40 + 32, pool.estimatedBytes());
  }

  /** Actors with every combination of present parts, odd strings, ids at the extremes, kinds, forges. */
  static List<Actor> actors(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Forge> forges = List.of(Forge.GITHUB, Forge.GITLAB, Forge.GIT, Forge.of("forgejo"));
    long[] ids = {0, 1, 42, Integer.MAX_VALUE + 1L, Long.MAX_VALUE, -1, Long.MIN_VALUE};
    Set<Actor> out = new HashSet<>();
    for (int k = 0; out.size() < n; k++) {
      Optional<String> login = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(odd(random, "l" + k));
      OptionalLong id = random.nextInt(2) == 0 ? OptionalLong.empty() : OptionalLong.of(random.nextInt(4) == 0 ? ids[random.nextInt(ids.length)] : random.nextLong());
      Optional<String> name = random.nextInt(2) == 0 ? Optional.empty() : Optional.of(odd(random, "N" + k));
      List<String> emails = new ArrayList<>();
      for (int e = random.nextInt(5) - 1; e > 0; e--) {
        emails.add(odd(random, "m" + k + "." + e + "@example.org"));
      }
      if (login.isEmpty() && id.isEmpty() && name.isEmpty() && emails.isEmpty()) {
        continue;
      }
      ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
      out.add(new Actor(forges.get(random.nextInt(forges.size())), login, id, name, emails, kind));
    }
    // Values that differ in one part only sit next to each other in canonical order.
    out.add(Actor.github("alice"));
    out.add(new Actor(Forge.GITHUB, Optional.of("alice"), OptionalLong.of(7), Optional.empty(), List.of(), ActorKind.USER));
    out.add(Actor.github("alice").withKind(ActorKind.BOT));
    out.add(Actor.git("Alice", "alice@example.org"));
    out.add(Actor.git("Alice", ""));
    out.add(Actor.git("", "alice@example.org"));
    return new ArrayList<>(out);
  }

  /** {@code plain}, or one of the odd strings around it. */
  private static String odd(SplittableRandom random, String plain) {
    return random.nextInt(3) == 0 ? plain : plain + " " + WELL_FORMED.get(random.nextInt(WELL_FORMED.size()));
  }

  private static List<Repository> repositories(int n) {
    List<Repository> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String name = "o" + k + "/" + WELL_FORMED.get(k % WELL_FORMED.size()).strip() + "x";
      Forge forge = k % 5 == 0 ? Forge.GITLAB : k % 7 == 0 ? Forge.of("forgejo") : Forge.GITHUB;
      OptionalLong id = k % 2 == 0 ? OptionalLong.empty() : OptionalLong.of(k == 1 ? Long.MAX_VALUE : 1000L + k);
      out.add(new Repository(forge, name, id));
    }
    return out;
  }

  /** A star of each actor on the repositories in turn, so that every value is in the store. */
  private static List<Event> stars(List<Actor> actors, List<Repository> repositories) {
    List<Event> events = new ArrayList<>();
    int n = Math.max(actors.size(), repositories.size());
    for (int k = 0; k < n; k++) {
      events.add(new Star(T0.plusSeconds(k % 97), repositories.get(k % repositories.size()), actors.get(k % actors.size())));
    }
    return events;
  }

  private static void assertTablesEqual(EventStore store, List<Actor> actors, List<Repository> repositories) {
    List<Actor> sortedActors = new ArrayList<>(new TreeSet<>(actors));
    List<Repository> sortedRepositories = new ArrayList<>(new TreeSet<>(repositories));
    assertEquals(sortedActors, store.actors());
    assertEquals(sortedRepositories, store.repositories());
    for (int a = 0; a < sortedActors.size(); a++) {
      Actor expected = sortedActors.get(a);
      assertEquals(expected, store.actor(a));
      assertEquals(expected.hashCode(), store.actor(a).hashCode());
      assertEquals(OptionalInt.of(a), store.indexOf(new Actor(expected.forge(), expected.login(), expected.id(), expected.name(), expected.emails(), expected.kind())));
    }
    // Searched by comparing with the arrays before the per-repository index exists, by hashing after.
    for (int pass = 0; pass < 2; pass++) {
      for (int r = 0; r < sortedRepositories.size(); r++) {
        Repository expected = sortedRepositories.get(r);
        assertEquals(expected, store.repository(r));
        assertEquals(expected.hashCode(), store.repository(r).hashCode());
        Repository copy = new Repository(expected.forge(), new String(expected.fullName().toCharArray()), expected.id());
        assertEquals(OptionalInt.of(r), store.indexOf(copy));
      }
      assertEquals(OptionalInt.empty(), store.indexOf(Repository.github("absent/repository")));
      assertEquals(OptionalInt.empty(), store.indexOf(new Repository(Forge.GITHUB, "o1/ax", OptionalLong.of(1))));
      assertEquals(0, store.slice(Repository.github("absent/repository")).size());
      store.slice(sortedRepositories.get(0));
    }
    assertEquals(OptionalInt.empty(), store.indexOf(Actor.github("nobody at all")));
    assertThrows(IndexOutOfBoundsException.class, () -> store.actor(sortedActors.size()));
    assertThrows(IndexOutOfBoundsException.class, () -> store.actor(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> store.repository(sortedRepositories.size()));
  }

  @Test
  void actorsAndRepositoriesWithAndWithoutEachPartRoundTrip() {
    for (long seed = 1; seed <= 3; seed++) {
      List<Actor> actors = actors(seed, 3000);
      List<Repository> repositories = repositories(500);
      List<Event> events = stars(actors, repositories);
      EventStore store = EventStore.of(events);
      assertTablesEqual(store, actors, repositories);
      assertEquals(new HashSet<>(events), store.stream().collect(Collectors.toSet()));
      for (Repository r : repositories) {
        long expected = events.stream().filter(e -> e.repo().equals(r)).count();
        assertEquals(expected, store.slice(r).size(), r::toString);
      }
    }
  }

  @Test
  void moreForgesThanAByteHoldsRoundTrip() {
    List<Actor> actors = new ArrayList<>();
    List<Repository> repositories = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      Forge forge = Forge.of("forge" + k);
      actors.add(Actor.user(forge, "user"));
      repositories.add(Repository.of(forge, "owner/repository"));
    }
    assertTablesEqual(EventStore.of(stars(actors, repositories)), actors, repositories);
  }

  @Test
  void commitAuthorsWithOddNamesAndAddressesRoundTrip() {
    List<Event> commits = new ArrayList<>();
    Repository repo = Repository.github("octo/repo");
    int k = 0;
    List<String> names = new ArrayList<>(ODD);
    names.add("");
    for (String name : names) {
      for (String email : List.of("", "x@example.org", name + "@example.org")) {
        // Any string in the signature, packed with the commit; a well-formed one for its actor.
        Instant at = T0.plusSeconds(k);
        Signature author = new Signature(name, email, at);
        String sha = String.format("%040x", k++);
        Actor actor = Actor.git("anon " + k, "anon@example.org");
        commits.add(new Commit(at, repo, actor, sha, List.of(), author, author, List.of(), List.of()));
      }
    }
    EventStore store = EventStore.of(commits);
    assertEquals(new HashSet<>(commits), store.stream().collect(Collectors.toSet()));
  }

  @Test
  void manyThreadsReadingTheTablesGetTheRightValues() throws Exception {
    List<Actor> actors = actors(7, 5000);
    List<Repository> repositories = repositories(2000);
    EventStore store = EventStore.of(stars(actors, repositories));
    List<Actor> expectedActors = new ArrayList<>(new TreeSet<>(actors));
    List<Repository> expectedRepositories = new ArrayList<>(new TreeSet<>(repositories));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> checks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = t;
        checks.add(pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          int checked = 0;
          for (int k = 0; k < 50_000; k++) {
            // Mostly a few hot indices (they share cache slots), sometimes any.
            int a = random.nextInt(4) == 0 ? random.nextInt(expectedActors.size()) : random.nextInt(8) * 1024;
            a = Math.min(a, expectedActors.size() - 1);
            int r = random.nextInt(expectedRepositories.size());
            if (!store.actor(a).equals(expectedActors.get(a))
                || !store.repository(r).equals(expectedRepositories.get(r))
                || store.indexOf(expectedRepositories.get(r)).getAsInt() != r) {
              throw new AssertionError("actor " + a + " or repository " + r);
            }
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> check : checks) {
        assertEquals(50_000, check.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anActorsIdCostsItsLongNotAnOptionalLong() {
    Repository repo = Repository.github("octo/repo");
    EventStore without = EventStore.of(List.of(new Star(T0, repo, Actor.github("alice"))));
    EventStore with = EventStore.of(List.of(new Star(T0, repo, new Actor(Forge.GITHUB,
        Optional.of("alice"), OptionalLong.of(5), Optional.empty(), List.of(), ActorKind.USER))));
    // long[0] (16 bytes) against long[1] (24 bytes); an OptionalLong took 24 bytes more.
    assertEquals(8, with.estimatedBytes() - without.estimatedBytes());
  }

  @Test
  void aGitAuthorsNameAndAddressAreHeldOnceForItsActorAndItsCommits() {
    Repository repo = Repository.github("octo/repo");
    Signature ann = new Signature("Ann Example", "ann@example.org", T0);
    Actor annActor = Actor.git(ann.name(), ann.email());
    String sha = "0123456789abcdef0123456789abcdef01234567";
    EventStore star = EventStore.of(List.of(new Star(T0, repo, annActor)));
    EventStore commit = EventStore.of(List.of(
        new Commit(T0, repo, annActor, sha, List.of(), ann, ann, List.of(), List.of())));
    // The commit adds its packed columns (sha, author index, rank bits) but no string bytes.
    long columns = commitColumnBytes();
    assertEquals(columns, commit.estimatedBytes() - star.estimatedBytes());
    assertTrue(columns < 200, () -> "" + columns);
  }

  /** What one packed commit adds to a store's columns, its author's strings aside. */
  private static long commitColumnBytes() {
    // commitShas byte[20] (40 against 16 for none); commitAuthors packed at 1 bit, byte[1 + 7]
    // (24, against byte[7], 24, for none: its padding holds the bit); the authorNames and
    // authorEmails int[1] (24 each, against 16); the rank bits are there anyway.
    return (40 - 16) + (24 - 24) + 2 * (24 - 16);
  }
}
