package io.github.communitymetrics.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The written-out natural orders of {@link Actor} and {@link Repository} against the composed
 * comparators they replaced (kept here as the reference), over every pair of seeded random values
 * drawn from small alphabets so that most fields tie: the same sign on every pair, and 0 exactly
 * for equal values.
 */
class NaturalOrderEquivalenceTest {
  private static final Comparator<Optional<String>> OPT_STRING =
      Comparator.comparing((Optional<String> o) -> o.isPresent()).thenComparing(o -> o.orElse(""));
  private static final Comparator<OptionalLong> OPT_LONG =
      Comparator.comparing((OptionalLong o) -> o.isPresent()).thenComparingLong(o -> o.orElse(0L));
  private static final Comparator<List<String>> STRINGS =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };
  private static final Comparator<Actor> ACTOR_REFERENCE =
      Comparator.comparing(Actor::forge)
          .thenComparing(Actor::login, OPT_STRING)
          .thenComparing(Actor::id, OPT_LONG)
          .thenComparing(Actor::name, OPT_STRING)
          .thenComparing(Actor::emails, STRINGS)
          .thenComparing(Actor::kind);
  private static final Comparator<Repository> REPOSITORY_REFERENCE =
      Comparator.comparing(Repository::forge)
          .thenComparing(Repository::fullName)
          .thenComparing(r -> r.id().isPresent())
          .thenComparingLong(r -> r.id().orElse(0L));

  private static final Forge[] FORGES = {Forge.GITHUB, Forge.GITLAB, Forge.GIT, Forge.of("gitlab.example.org")};
  private static final String[] WORDS = {"a", "ab", "b", "B", "a-b", "zz", "\u00e9"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void actorsCompareAsTheComposedOrder(long seed) {
    System.out.println("NaturalOrderEquivalenceTest actors seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<Actor> actors = new ArrayList<>();
    while (actors.size() < 400) {
      Optional<String> login = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(word(random));
      OptionalLong id = random.nextInt(3) == 0 ? OptionalLong.empty() : OptionalLong.of(random.nextLong(-2, 3));
      Optional<String> name = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(word(random));
      List<String> emails = new ArrayList<>();
      for (int e = random.nextInt(4); e > 0; e--) {
        String w = word(random) + "@x";
        if (!emails.contains(w)) {
          emails.add(w);
        }
      }
      if (login.isEmpty() && id.isEmpty() && name.isEmpty() && emails.isEmpty()) {
        continue;
      }
      Forge forge = FORGES[random.nextInt(FORGES.length)];
      ActorKind kind = ActorKind.values()[random.nextInt(ActorKind.values().length)];
      Actor a = new Actor(forge, login, id, name, emails, kind);
      actors.add(a);
      if (random.nextInt(5) == 0) {
        actors.add(new Actor(forge, login, id, name, emails, kind)); // equal, another instance
      }
    }
    assertSameOrder(actors, ACTOR_REFERENCE, seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void repositoriesCompareAsTheComposedOrder(long seed) {
    System.out.println("NaturalOrderEquivalenceTest repositories seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<Repository> repositories = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Forge forge = FORGES[random.nextInt(FORGES.length)];
      OptionalLong id = random.nextInt(3) == 0 ? OptionalLong.empty() : OptionalLong.of(random.nextLong(-2, 3));
      repositories.add(new Repository(forge, word(random) + "/" + word(random), id));
    }
    assertSameOrder(repositories, REPOSITORY_REFERENCE, seed);
  }

  /** On every pair: the sign of the reference, and 0 exactly for equal values. */
  private static <T extends Comparable<T>> void assertSameOrder(List<T> values, Comparator<T> reference, long seed) {
    for (T a : values) {
      for (T b : values) {
        Supplier<String> where = () -> "seed " + seed + ": " + a + " against " + b;
        assertEquals(Integer.signum(reference.compare(a, b)), Integer.signum(a.compareTo(b)), where);
        assertEquals(a.equals(b), a.compareTo(b) == 0, where);
      }
    }
  }

  private static String word(SplittableRandom random) {
    return WORDS[random.nextInt(WORDS.length)];
  }
}
