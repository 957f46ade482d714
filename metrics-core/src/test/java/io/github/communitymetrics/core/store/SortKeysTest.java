package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keys that sort a store's actors and repositories agree with their canonical orders, and the
 * key sort gives exactly the positions of a stable sort by the comparator alone: over seeded
 * values with shared prefixes, characters at and above the 7-bit limit (126, 127, non-ASCII,
 * surrogates), absent logins, ids and names, several forges, and every key width.
 */
class SortKeysTest {

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  /** Characters around every boundary of the 7-bit codes, and ordinary login characters. */
  private static final String[] CHARS = {
    "-", ".", "0", "9", "A", "Z", "_", "a", "b", "z", "}", "~", "\u007f", "\u0080", "é", "\u4e2d",
    "\ud83d\ude00", "\uffff"
  };

  private static String string(Random random, List<String> prefixes) {
    StringBuilder s = new StringBuilder();
    if (random.nextInt(3) > 0) {
      s.append(prefixes.get(random.nextInt(prefixes.size())));
    }
    int n = (s.length() == 0 ? 1 : 0) + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      s.append(random.nextInt(4) == 0 ? CHARS[random.nextInt(CHARS.length)] : String.valueOf((char) ('a' + random.nextInt(3))));
    }
    return s.toString();
  }

  private static List<String> prefixes(Random random) {
    List<String> p = new ArrayList<>(List.of("a", "ab", "abcdefgh", "abcdefgz", "~~", "é"));
    for (int i = 0; i < 4; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < 1 + random.nextInt(9); k++) {
        s.append(CHARS[random.nextInt(CHARS.length)]);
      }
      p.add(s.toString());
    }
    return p;
  }

  private static final List<Forge> FORGES =
      List.of(Forge.GITHUB, Forge.GITLAB, Forge.GIT, Forge.of("a"), Forge.of("gitlab.example.org"));

  static List<Actor> actors(long seed, int count) {
    Random random = new Random(seed);
    List<String> prefixes = prefixes(random);
    int forges = 1 + random.nextInt(FORGES.size());
    LinkedHashSet<Actor> actors = new LinkedHashSet<>();
    while (actors.size() < count) {
      Optional<String> login = random.nextInt(3) > 0 ? Optional.of(string(random, prefixes)) : Optional.empty();
      OptionalLong id = random.nextBoolean() ? OptionalLong.of(random.nextInt(20)) : OptionalLong.empty();
      Optional<String> name = random.nextBoolean() ? Optional.of(string(random, prefixes)) : Optional.empty();
      List<String> emails =
          random.nextInt(3) == 0 ? List.of(string(random, prefixes) + "@x") : List.of();
      if (login.isEmpty() && id.isEmpty() && name.isEmpty() && emails.isEmpty()) {
        continue;
      }
      ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
      actors.add(new Actor(FORGES.get(random.nextInt(forges)), login, id, name, emails, kind));
    }
    return new ArrayList<>(actors);
  }

  static List<Repository> repositories(long seed, int count) {
    Random random = new Random(seed);
    List<String> prefixes = prefixes(random);
    int forges = 1 + random.nextInt(FORGES.size());
    LinkedHashSet<Repository> repositories = new LinkedHashSet<>();
    while (repositories.size() < count) {
      OptionalLong id = random.nextBoolean() ? OptionalLong.of(random.nextInt(5)) : OptionalLong.empty();
      repositories.add(new Repository(
          FORGES.get(random.nextInt(forges)), string(random, prefixes) + "/" + string(random, prefixes), id));
    }
    return new ArrayList<>(repositories);
  }

  /** Where keys differ, the comparator agrees with them; at every width from 0 to 62 bits. */
  private static <T> void assertKeysAgree(
      long seed, List<T> values, Comparator<? super T> order, SortKeys.Key<? super T> key) {
    for (int bits = 0; bits <= 62; bits++) {
      long[] keys = new long[values.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = key.of(values.get(i), bits);
        assertTrue(bits == 0 ? keys[i] == 0 : keys[i] >>> bits == 0,
            "seed " + seed + ": key wider than " + bits + " bits for " + values.get(i));
      }
      for (int i = 0; i < keys.length; i++) {
        for (int j = 0; j < keys.length; j++) {
          if (keys[i] < keys[j]) {
            int c = order.compare(values.get(i), values.get(j));
            if (c >= 0) {
              throw new AssertionError("seed " + seed + ", " + bits + " bits: key of " + values.get(i)
                  + " below key of " + values.get(j) + " but the order says " + c);
            }
          }
        }
      }
    }
  }

  /** The positions of a stable sort by the comparator alone (what the store did before). */
  private static <T> int[] reference(List<T> values, Comparator<? super T> order) {
    Integer[] byValue = new Integer[values.size()];
    Arrays.setAll(byValue, i -> i);
    Arrays.sort(byValue, (a, b) -> order.compare(values.get(a), values.get(b)));
    return Arrays.stream(byValue).mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void actorKeysAgreeWithTheNaturalOrder(long seed) {
    List<Actor> actors = actors(seed, 120);
    assertKeysAgree(seed, actors, Canonical.ACTOR, SortKeys.actors(actors));
  }

  /** The staging's keys, read from its arrays, are those of the actors it rebuilds. */
  @ParameterizedTest
  @MethodSource("seeds")
  void stagedActorKeysAreTheActorsKeys(long seed) {
    List<Actor> actors = actors(seed, 300);
    StagedActors staged = new StagedActors();
    actors.forEach(staged::intern);
    SortKeys.Key<Actor> ofActors = SortKeys.actors(staged.values);
    SortKeys.PositionKey ofStaged = staged.sortKeys();
    for (int bits : new int[] {0, 1, 7, 20, 42, 62}) {
      for (int a = 0; a < staged.size(); a++) {
        assertEquals(ofActors.of(staged.values.get(a), bits), ofStaged.of(a, bits),
            "seed " + seed + ", " + bits + " bits, actor " + staged.values.get(a));
      }
    }
    assertArrayEquals(reference(staged.values, Canonical.ACTOR),
        SortKeys.sortedByPosition(staged.values, Canonical.ACTOR, ofStaged), "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void repositoryKeysAgreeWithTheCanonicalOrder(long seed) {
    List<Repository> repositories = repositories(seed, 120);
    assertKeysAgree(seed, repositories, Canonical.REPOSITORY, SortKeys.repositories(repositories));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void keySortGivesTheComparatorsStableSort(long seed) {
    // Sizes around powers of two change how many bits the positions take from the keys.
    int size = new int[] {0, 1, 2, 3, 255, 256, 257, 2_000, 5_000}[(int) (seed % 9)];
    List<Actor> actors = actors(seed, size);
    assertArrayEquals(reference(actors, Canonical.ACTOR),
        SortKeys.sortedPositions(actors, Canonical.ACTOR, SortKeys.actors(actors)), "seed " + seed);
    List<Repository> repositories = repositories(seed, size);
    assertArrayEquals(reference(repositories, Canonical.REPOSITORY),
        SortKeys.sortedPositions(repositories, Canonical.REPOSITORY, SortKeys.repositories(repositories)),
        "seed " + seed);
  }

  /** A comparator with ties (the forge only): equal values keep their positions' order. */
  @ParameterizedTest
  @MethodSource("seeds")
  void tiesKeepTheirOrder(long seed) {
    List<Repository> repositories = repositories(seed, 300);
    Comparator<Repository> byForge = Comparator.comparing(Repository::forge);
    SortKeys.Key<Repository> forgeOnly = (r, bits) -> 0;
    assertArrayEquals(reference(repositories, byForge),
        SortKeys.sortedPositions(repositories, byForge, forgeOnly), "seed " + seed);
  }
}
