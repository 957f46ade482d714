package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StringPool} with its table of e-mail domains: any Java string round-trips and compares
 * as {@link String#compareTo} does, whether its tail from the last {@code '@'} is coded or not,
 * and addresses in a repeated domain take their local part and a byte or a few.
 */
class StringPoolTest {
  /** Strings at the edges of the coding: '@' at either end, several, short tails, odd chars. */
  private static final List<String> EDGES = List.of(
      "", "@", "@@", "@@@@", "@@@@@", "a@", "@a", "@ab", "@abc", "@abcd", "a@bc", "a@bcd",
      "x@abc", "x@abcd", "y@abcd", "@example.org", "@example.org@", "a@b@example.org",
      "a@example.org@example.org", "@@example.org", "example.org", "a@example.org",
      "a@example.orf", "a@example.orh", "a@example.or", "a@example.org\u0000", "a?example.org",
      "aAexample.org", "a@example.org.", "b@example.org", "\u00e9@example.org",
      "\ud800@example.org", "a@\udc00xample.org", "a@ex\ud83d\ude00ample.org",
      "a@ex\ud83d\ude00ample.org", "\udbff@\udbff\udbff\udbff", "z@\udbff\udbff\udbff",
      "caf\u00e9@caf\u00e9.fr", "\u65e5@\u65e5\u672c.jp", "\u65e5@\u65e5\u672c.jp\u0080",
      "\uffff@\uffff\uffff\uffff", "q@\uffff\uffff\uffff", "\u007f@\u0080\u07ff\u0800");

  /** Characters that meet every branch of the encoding, '@' and its neighbours often. */
  private static final String CHARS = "@@@@?AaZz.-_0\u0000\u007f\u0080\u00e9\u07ff\u0800"
      + "\u65e5\ud7ff\ud800\udbff\udc00\udfff\ue000\uffff";

  private static String random(SplittableRandom random, int maxLength) {
    StringBuilder sb = new StringBuilder();
    for (int k = random.nextInt(maxLength + 1); k > 0; k--) {
      sb.append(random.nextInt(3) == 0 ? CHARS.charAt(random.nextInt(CHARS.length()))
          : (char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  /**
   * Strings for one seed: the edges, random strings, and addresses whose domains repeat (some
   * often, many a few times, some once), their local parts and domains random too.
   */
  private static List<String> strings(long seed, int domainCount, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> domains = new ArrayList<>();
    for (int d = 0; d < domainCount; d++) {
      domains.add(
          random.nextInt(4) == 0 ? random(random, 12) : "d" + d + ".example" + random(random, 3));
    }
    List<String> out = new ArrayList<>(EDGES);
    for (int k = 0; k < count; k++) {
      String local = random(random, 10);
      switch (random.nextInt(4)) {
        case 0 -> out.add(random(random, 30));
        case 1 -> out.add(local + "@" + domains.get(random.nextInt(Math.min(3, domainCount))));
        default -> out.add(local + "@" + domains.get(random.nextInt(domainCount)));
      }
    }
    return out;
  }

  /** Near neighbours of {@code s} for comparisons: its prefixes, extensions and one-off changes. */
  private static List<String> neighbours(SplittableRandom random, String s) {
    List<String> out = new ArrayList<>();
    out.add(s);
    out.add(new String(s.toCharArray()));
    out.add(s + "a");
    out.add(s + "\u0000");
    out.add(s + "@");
    if (!s.isEmpty()) {
      int at = random.nextInt(s.length());
      out.add(s.substring(0, at));
      out.add(s.substring(0, s.length() - 1));
      char c = s.charAt(at);
      for (int delta : new int[] {-1, 1}) {
        out.add(s.substring(0, at) + (char) (c + delta) + s.substring(at + 1));
      }
      int last = s.lastIndexOf('@');
      if (last >= 0) {
        out.add(s.substring(0, last) + "?" + s.substring(last + 1));
        out.add(s.substring(0, last) + "A" + s.substring(last + 1));
        out.add(s.substring(0, last + 1));
        out.add(s.substring(last));
      }
    }
    return out;
  }

  /** Adds {@code strings} twice (the second time as new instances) and seals: the pool and ids. */
  private static int[] addAll(StringPool pool, List<String> strings, long seed) {
    Map<String, Integer> first = new LinkedHashMap<>();
    int[] ids = new int[strings.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = pool.add(strings.get(k));
      Integer expected = first.putIfAbsent(strings.get(k), first.size());
      int i = k;
      assertEquals(expected == null ? first.size() - 1 : expected, ids[k],
          () -> "seed " + seed + ": index of " + escape(strings.get(i)));
    }
    for (int k = 0; k < ids.length; k++) {
      assertEquals(ids[k], pool.add(new String(strings.get(k).toCharArray())), "seed " + seed);
    }
    pool.seal();
    assertEquals(first.size(), pool.size(), "seed " + seed);
    return ids;
  }

  private static void assertRoundTripsAndOrders(long seed, List<String> strings, int comparisons) {
    StringPool pool = new StringPool();
    int[] ids = addAll(pool, strings, seed);
    SplittableRandom random = new SplittableRandom(~seed);
    for (int k = 0; k < ids.length; k++) {
      String s = strings.get(k);
      int id = ids[k];
      assertEquals(s, pool.get(id), () -> "seed " + seed + ": get " + escape(s));
      List<String> others = neighbours(random, s);
      for (int c = 0; c < comparisons; c++) {
        others.add(strings.get(random.nextInt(strings.size())));
      }
      for (String other : others) {
        assertEquals(Integer.signum(s.compareTo(other)), pool.compare(id, other),
            () -> "seed " + seed + ": compare " + escape(s) + " with " + escape(other));
      }
    }
  }

  /**
   * Appended strings ({@link StringPool#append}, the staging's actors) each get a new index, even
   * when held already, round-trip and compare as strings, domains coded or not; strings added
   * among them are still held once, and found again by {@link StringPool#add}.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void appendedStringsTakeNewIndicesAmongAddedOnes(long seed) {
    List<String> strings = strings(seed, 40, 3000);
    SplittableRandom random = new SplittableRandom(seed);
    StringPool pool = new StringPool();
    int[] ids = new int[strings.size()];
    boolean[] appended = new boolean[strings.size()];
    Map<String, Integer> added = new LinkedHashMap<>();
    for (int k = 0; k < ids.length; k++) {
      String s = new String(strings.get(k).toCharArray());
      // A long run of appends first: the first added string comes at a high index.
      appended[k] = k < 100 || random.nextInt(3) > 0;
      int before = pool.size();
      ids[k] = appended[k] ? pool.append(s) : pool.add(s);
      if (appended[k]) {
        assertEquals(before, ids[k], "seed " + seed + ": a new index for each appended string");
      } else {
        assertEquals(added.computeIfAbsent(s, x -> before), ids[k], "seed " + seed);
      }
    }
    for (Map.Entry<String, Integer> e : added.entrySet()) {
      assertEquals(e.getValue(), pool.add(new String(e.getKey().toCharArray())), "seed " + seed);
    }
    pool.seal();
    for (int k = 0; k < ids.length; k++) {
      String s = strings.get(k);
      int id = ids[k];
      assertEquals(s, pool.get(id), () -> "seed " + seed + ": get " + escape(s));
      for (String other : neighbours(random, s)) {
        assertEquals(Integer.signum(s.compareTo(other)), pool.compare(id, other),
            () -> "seed " + seed + ": compare " + escape(s) + " with " + escape(other));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomStringsAndAddressesRoundTripAndCompareAsStrings(long seed) {
    // 400 domains: codes without index bytes (the first 13) and with one and two.
    assertRoundTripsAndOrders(seed, strings(seed, 400, 3000), 20);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12})
  void edgeStringsRoundTripAndCompareWithEachOther(long seed) {
    // Every edge string added twice over (its domain then repeats) and compared with every other.
    List<String> strings = new ArrayList<>(EDGES);
    strings.addAll(EDGES.stream().map(s -> "w" + s).toList());
    assertRoundTripsAndOrders(seed, strings, strings.size());
  }

  @Test
  void domainsPastTheTwoByteIndicesTakeThree() {
    // 13 + 256 + 65,536 domains need up to 2 index bytes; those after, 3 (past 65,536 more,
    // with all 3 in use). Each domain twice.
    int n = StringPool.SHORT_DOMAINS + 256 + 65_536 + 65_536 + 300;
    List<String> strings = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      strings.add("a@d" + d + ".org");
      strings.add("b@d" + d + ".org");
    }
    StringPool pool = new StringPool();
    int[] ids = addAll(pool, strings, 0);
    for (int k = 0; k < ids.length; k++) {
      String s = strings.get(k);
      assertEquals(s, pool.get(ids[k]));
      assertEquals(0, pool.compare(ids[k], s), s);
      assertEquals(-1, pool.compare(ids[k], s + "."), s);
      assertEquals(1, pool.compare(ids[k], s.substring(0, s.length() - 1)), s);
    }
  }

  @Test
  void addressesInARepeatedDomainTakeTheirLocalPartAndTheDomainsCode() {
    StringPool pool = new StringPool();
    int count = 1000;
    String domain = "@users.noreply.github.com";
    long localBytes = 0;
    for (int k = 0; k < count; k++) {
      String local = "user" + k;
      pool.add(local + domain);
      localBytes += local.length();
    }
    pool.seal();
    // The first address in full; the other 999 their local part and a 1-byte code; the domain
    // once more in the table, with its two offsets and its ASCII flag.
    long poolBytes = localBytes + domain.length() + (count - 1);
    long expected = Sizes.array((int) poolBytes, 1) + Sizes.array(count + 1, 4)
        + Sizes.array(domain.length(), 1) + Sizes.array(2, 4) + Sizes.array(1, 1);
    assertEquals(expected, pool.estimatedBytes());
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return sb.append('"').toString();
  }
}
