package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The staging's repository values held as arrays over a pool of their names ({@link
 * StagedRepositories}) intern as a map of values would: one index per distinct value in order of
 * first appearance, found again from an equal copy (before and after the index is dropped),
 * values differing in one part kept apart, each given back equal to the one interned.
 */
class StagedRepositoriesTest {
  static LongStream seeds() {
    return LongStream.range(0, 30);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void internsAsAMapOfValuesWould(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Forge[] forges = {Forge.GITHUB, Forge.GITLAB, Forge.of("git.example.org")};
    String[] owners = {"a", "b", "Alice", "x-y", "ünï", "o"};
    StagedRepositories staged = new StagedRepositories();
    Map<Repository, Integer> expected = new LinkedHashMap<>();
    List<Repository> order = new ArrayList<>();
    for (int k = 0; k < 600; k++) {
      if (k == 300) {
        staged.dropIndex();
      }
      String name = owners[r.nextInt(owners.length)] + "/" + owners[r.nextInt(owners.length)] + r.nextInt(20);
      OptionalLong id = r.nextInt(3) == 0 ? OptionalLong.empty() : OptionalLong.of(r.nextLong(1, 30));
      // A new instance each time, as a parser makes one per event.
      Repository value = new Repository(forges[r.nextInt(forges.length)], new String(name.toCharArray()), id);
      Integer was = expected.putIfAbsent(value, expected.size());
      if (was == null) {
        order.add(value);
      }
      assertEquals(expected.get(value), staged.intern(value), "seed " + seed + ": " + value);
      assertEquals(expected.get(value), staged.intern(value), "seed " + seed + ": the same instance again");
    }
    assertEquals(order, staged.values, "seed " + seed);
  }

  @Test
  void keepsApartValuesThatDifferInOnePartAndChecksIndices() {
    Repository base = new Repository(Forge.GITHUB, "o/r", OptionalLong.of(5));
    List<Repository> variants = List.of(
        base,
        new Repository(Forge.GITLAB, "o/r", OptionalLong.of(5)),
        new Repository(Forge.GITHUB, "o/R", OptionalLong.of(5)),
        new Repository(Forge.GITHUB, "o/r", OptionalLong.of(6)),
        new Repository(Forge.GITHUB, "o/r", OptionalLong.empty()));
    StagedRepositories staged = new StagedRepositories();
    for (int k = 0; k < variants.size(); k++) {
      assertEquals(k, staged.intern(variants.get(k)), "variant " + k);
    }
    assertEquals(variants, staged.values);
    assertThrows(IndexOutOfBoundsException.class, () -> staged.values.get(variants.size()));
  }
}
