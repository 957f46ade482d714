package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packed commits' authors held as pairs of indices into a pool of bytes ({@link
 * PackedTails}, issue 24: their strings were a tenth of the live heap at the build) intern as a
 * map of (name, address) pairs would: one index per distinct pair in order of first appearance,
 * pairs that differ in one part (or whose hash codes collide) kept apart, found again once the
 * index is dropped and when a store's tables are staged again, given back and compared as the
 * strings are.
 */
class PackedAuthorsTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  /** Pairs with near misses: one part differs, parts swap, hash codes collide ("Aa", "BB"). */
  private static final List<List<String>> PAIRS = List.of(
      List.of("Ann", "ann@users.noreply.github.com"),
      List.of("Ann", "ann@example.org"),
      List.of("Anne", "ann@users.noreply.github.com"),
      List.of("ann@users.noreply.github.com", "Ann"),
      List.of("Aa", ""),
      List.of("BB", ""),
      List.of("", "Aa"),
      List.of("", "BB"),
      List.of("", ""),
      List.of("Zo\u00eb \ud83d\ude00", "zoe@users.noreply.github.com"),
      List.of("lone \ud800", "x@y"),
      List.of("Bob", "bob@users.noreply.github.com"));

  @Test
  void internsEachDistinctAuthorOnceAndGivesItBack() {
    PackedTails packed = new PackedTails();
    Map<List<String>, Integer> expected = new LinkedHashMap<>();
    int position = 0;
    for (int round = 0; round < 3; round++) {
      for (List<String> pair : PAIRS) {
        packed.addCommit(position, SHA, copy(pair.get(0)), copy(pair.get(1)));
        int index = packed.commits.index(position++);
        assertEquals(expected.computeIfAbsent(pair, p -> expected.size()), index, pair::toString);
      }
      packed.dropIndex(); // as a build does; the next round rebuilds it
    }
    assertEquals(PAIRS.size(), packed.authorCount());
    List<String> names = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (Map.Entry<List<String>, Integer> e : expected.entrySet()) {
      assertEquals(e.getKey().get(0), packed.authorName(e.getValue()));
      assertEquals(e.getKey().get(1), packed.authorEmail(e.getValue()));
      names.add(e.getKey().get(0));
      emails.add(e.getKey().get(1));
    }
    assertThrows(IndexOutOfBoundsException.class, () -> packed.authorName(PAIRS.size()));
    // A store's tables staged again: the same indices, and new pairs after them.
    PackedTails again = new PackedTails(
        new String[0], names.toArray(new String[0]), emails.toArray(new String[0]));
    for (int k = 0; k < PAIRS.size(); k++) {
      List<String> pair = PAIRS.get(k);
      again.addCommit(k, SHA, copy(pair.get(0)), copy(pair.get(1)));
      assertEquals(expected.get(pair), again.commits.index(k));
    }
    again.addCommit(PAIRS.size(), SHA, "New", "new@example.org");
    assertEquals(PAIRS.size(), again.commits.index(PAIRS.size()));
  }

  @Test
  void comparesAndRebuildsCommitsByTheirAuthorsStrings() {
    PackedTails packed = new PackedTails();
    for (int k = 0; k < PAIRS.size(); k++) {
      packed.addCommit(k, SHA, PAIRS.get(k).get(0), PAIRS.get(k).get(1));
    }
    Instant at = Instant.parse("2024-03-04T00:00:00Z");
    for (int k = 0; k < PAIRS.size(); k++) {
      Signature author = packed.commitTail(k, at).author();
      assertEquals(new Signature(PAIRS.get(k).get(0), PAIRS.get(k).get(1), at), author);
      for (int l = 0; l < PAIRS.size(); l++) {
        int byName = PAIRS.get(k).get(0).compareTo(PAIRS.get(l).get(0));
        int want = byName != 0 ? byName : PAIRS.get(k).get(1).compareTo(PAIRS.get(l).get(1));
        assertEquals(Integer.signum(want), Integer.signum(packed.compareCommits(k, l)), k + " " + l);
      }
    }
  }

  private static String copy(String s) {
    return new String(s.toCharArray());
  }
}
