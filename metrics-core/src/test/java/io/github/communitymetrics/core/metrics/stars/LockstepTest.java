package io.github.communitymetrics.core.metrics.stars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LockstepTest {

  /**
   * The time order is a primitive sort of packed longs for every number of stars an array can
   * hold, over any span of GH Archive's (the index bits grow with the stars, the time gets the
   * rest): with a fixed 27 index bits, 2^27 stars or more (a few months of GH Archive) fell to a
   * boxed comparator sort, and 150 million stars spent minutes there.
   */
  @Test
  void everyStarCountOfGhArchiveIsSortedByPackedLongs() {
    assertEquals(1, Lockstep.indexBits(1));
    assertEquals(1, Lockstep.indexBits(2));
    assertEquals(2, Lockstep.indexBits(3));
    assertEquals(27, Lockstep.indexBits(1 << 27));
    assertEquals(28, Lockstep.indexBits((1 << 27) + 1));
    assertEquals(31, Lockstep.indexBits(Integer.MAX_VALUE));
    long century = 100L * 366 * 86_400;
    assertTrue(Lockstep.packable(150_000_000, 600L * 86_400));
    assertTrue(Lockstep.packable(Integer.MAX_VALUE, century));
    assertTrue(Lockstep.packable(10, 0));
    // Past what fits: the span shifted by the index bits would reach the sign bit.
    assertTrue(!Lockstep.packable(Integer.MAX_VALUE, 1L << 32));
    assertTrue(Lockstep.packable(Integer.MAX_VALUE, (1L << 32) - 1));
    assertTrue(!Lockstep.packable(2, Long.MAX_VALUE));
  }
  private static final long DAY = 86_400L;
  private static final long T0 = 1_700_000_000L;

  /** Stars under construction, with the index range of each planted part. */
  private static final class Stars {
    final List<long[]> rows = new ArrayList<>(); // {user, repo, second}

    int add(long user, long repo, long second) {
      rows.add(new long[] {user, repo, second});
      return rows.size() - 1;
    }

    BitSet detect(LockstepParameters p) {
      int n = rows.size();
      int[] u = new int[n];
      int[] r = new int[n];
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        u[i] = (int) rows.get(i)[0];
        r[i] = (int) rows.get(i)[1];
        t[i] = rows.get(i)[2];
      }
      return Lockstep.detect(u, r, t, p);
    }
  }

  /** {@code users} accounts (ids from {@code firstUser}) star repositories {@code firstRepo..} within {@code spreadDays}. */
  private static BitSet plant(Stars s, SplittableRandom rnd, int firstUser, int users, int firstRepo, int repos, double spreadDays) {
    BitSet planted = new BitSet();
    for (int r = 0; r < repos; r++) {
      long centre = T0 + 30 * DAY + r * 3 * DAY;
      for (int u = 0; u < users; u++) {
        long at = centre + (long) ((rnd.nextDouble() - 0.5) * spreadDays * DAY);
        planted.set(s.add(firstUser + u, firstRepo + r, at));
      }
    }
    return planted;
  }

  /** Organic noise: {@code users} accounts each star a few of {@code repos} popular repositories at random times over a year. */
  private static void noise(Stars s, SplittableRandom rnd, int firstUser, int users, int firstRepo, int repos) {
    for (int u = 0; u < users; u++) {
      int k = 1 + rnd.nextInt(5);
      for (int j = 0; j < k; j++) {
        s.add(firstUser + u, firstRepo + rnd.nextInt(repos), T0 + rnd.nextLong(365 * DAY));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void findsEveryStarOfAPlantedGroupAndNoOrganicStar(long seed) {
    System.out.println("LockstepTest seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    Stars s = new Stars();
    noise(s, rnd, 1000, 3000, 0, 30);
    BitSet planted = plant(s, rnd, 0, 60, 100, 12, 10);
    BitSet flagged = s.detect(LockstepParameters.STARSCOUT);
    assertEquals(planted, flagged, "seed " + seed);
  }

  /**
   * Random small inputs (overlapping planted groups, noise, re-stars, an account past {@link
   * Lockstep#SEED_DEGREE_CAP}) under small parameters, so that seeds, refinement rounds, the
   * final user step and the confirmation all have work: the search flags exactly what the plain
   * reading of its rules ({@link LockstepReference}) flags.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void flagsWhatThePlainReadingOfTheRulesFlags(long seed) {
    System.out.println("LockstepTest reference seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    LockstepParameters small = new LockstepParameters(6, 3, Duration.ofDays(2), 0.5, 1 + rnd.nextInt(3), 1, 1);
    Stars s = new Stars();
    long start = at("2024-01-20", 0);
    int users = 40 + rnd.nextInt(40);
    int repoCount = 8 + rnd.nextInt(10);
    for (int g = 0; g < 1 + rnd.nextInt(4); g++) {
      int size = 5 + rnd.nextInt(6);
      int firstUser = rnd.nextInt(users);
      int firstRepo = rnd.nextInt(repoCount);
      long base = start + rnd.nextLong(70 * DAY);
      for (int r = 0; r < 2 + rnd.nextInt(4); r++) {
        long centre = base + rnd.nextLong(10 * DAY);
        for (int u = 0; u < size; u++) {
          if (rnd.nextInt(6) > 0) {
            s.add((firstUser + u) % users, (firstRepo + r) % repoCount, centre + rnd.nextLong((1 + rnd.nextInt(4)) * DAY));
          }
        }
      }
    }
    for (int k = 0; k < 150 + rnd.nextInt(200); k++) {
      s.add(rnd.nextInt(users), rnd.nextInt(repoCount), start + rnd.nextLong(90 * DAY));
    }
    if (rnd.nextBoolean()) {
      for (int k = 0; k < Lockstep.SEED_DEGREE_CAP + 20; k++) {
        s.add(users, repoCount + k, start + 40 * DAY + rnd.nextLong(5 * DAY));
      }
    }
    assertFlagsAsReference(s, small, seed);
  }

  /**
   * Groups drawn from one small pool of accounts on overlapping repositories and days, so that
   * many seeds lose accounts to a group found before them and must be counted again from the
   * accounts left (the search shares one count per (repository, bucket) cell between seeds only
   * while none of their accounts is in a group): the search still flags exactly what the plain
   * reading of its rules flags.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void flagsWhatThePlainReadingFlagsWhenGroupsShareAccounts(long seed) {
    System.out.println("LockstepTest shared accounts seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    LockstepParameters small = new LockstepParameters(5, 3, Duration.ofDays(2), 0.5, 1 + rnd.nextInt(3), 1, 1);
    Stars s = new Stars();
    long start = at("2024-03-03", 0);
    int pool = 14 + rnd.nextInt(8);
    int repoCount = 6 + rnd.nextInt(5);
    for (int g = 0; g < 3 + rnd.nextInt(4); g++) {
      int size = 5 + rnd.nextInt(7);
      int firstUser = rnd.nextInt(pool);
      int firstRepo = rnd.nextInt(repoCount);
      long base = start + rnd.nextLong(12 * DAY);
      for (int r = 0; r < 3 + rnd.nextInt(3); r++) {
        long centre = base + rnd.nextLong(4 * DAY);
        for (int u = 0; u < size; u++) {
          if (rnd.nextInt(5) > 0) {
            s.add((firstUser + u) % pool, (firstRepo + r) % repoCount, centre + rnd.nextLong((1 + rnd.nextInt(3)) * DAY));
          }
        }
      }
    }
    for (int k = 0; k < 40 + rnd.nextInt(60); k++) {
      s.add(rnd.nextInt(pool + 10), rnd.nextInt(repoCount), start + rnd.nextLong(20 * DAY));
    }
    assertFlagsAsReference(s, small, seed);
  }

  /** The search flags exactly what {@link LockstepReference} flags on {@code s}. */
  private static void assertFlagsAsReference(Stars s, LockstepParameters p, long seed) {
    int n = s.rows.size();
    int[] u = new int[n];
    int[] r = new int[n];
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      u[i] = (int) s.rows.get(i)[0];
      r[i] = (int) s.rows.get(i)[1];
      t[i] = s.rows.get(i)[2];
    }
    BitSet expected = LockstepReference.detect(u, r, t, p);
    System.out.println("  " + n + " stars, " + expected.cardinality() + " flagged");
    assertEquals(expected, Lockstep.detect(u, r, t, p), "seed " + seed);
  }

  /**
   * Camouflage (CopyCatch's term): the 60 accounts of a group starring 12 repositories in
   * lockstep also each star the same 20 other repositories, at times spread evenly over the
   * window, so that at least ceil(rho * n) of them starred each of those too but never 25
   * within 45 days. Counted as first repositories of the seed, the 20 would ask each account for
   * 16 of 32 pages near their centres, which about 15 have, and the group would be lost; near no
   * seeded (repository, bucket) cell, they are not in the window's core and the group is found.
   */
  @Test
  void accountsThatAlsoStarOtherRepositoriesEvenlyAreStillAGroup() {
    Stars s = new Stars();
    SplittableRandom rnd = new SplittableRandom(7);
    long start = at("2024-01-01", 0);
    BitSet planted = new BitSet();
    for (int r = 0; r < 12; r++) {
      long centre = start + 40 * DAY + r * 4 * DAY;
      for (int u = 0; u < 60; u++) {
        planted.set(s.add(u, r, centre + rnd.nextLong(2 * DAY)));
      }
    }
    for (int u = 0; u < 60; u++) {
      for (int c = 0; c < 20; c++) {
        s.add(u, 100 + c, start + ((u * 7L + c * 13L) % 180) * DAY + 3_600L);
      }
    }
    assertEquals(planted, s.detect(LockstepParameters.STARSCOUT));
  }

  @Test
  void fortyNineAccountsAreNoGroupButFiftyAre() {
    SplittableRandom rnd = new SplittableRandom(7);
    Stars small = new Stars();
    plant(small, rnd, 0, 49, 0, 10, 4);
    assertTrue(small.detect(LockstepParameters.STARSCOUT).isEmpty());
    Stars enough = new Stars();
    BitSet planted = plant(enough, rnd, 0, 50, 0, 10, 4);
    assertEquals(planted, enough.detect(LockstepParameters.STARSCOUT));
  }

  @Test
  void nineRepositoriesAreNoGroup() {
    Stars s = new Stars();
    plant(s, new SplittableRandom(8), 0, 80, 0, 9, 4);
    assertTrue(s.detect(LockstepParameters.STARSCOUT).isEmpty());
  }

  @Test
  void starsSpreadOverFourMonthsPerRepositoryAreNotInLockstep() {
    // Each repository's 60 stars spread over 120 days: at most about a quarter within 15 days of any centre.
    Stars s = new Stars();
    plant(s, new SplittableRandom(9), 0, 60, 0, 12, 120);
    assertTrue(s.detect(LockstepParameters.STARSCOUT).isEmpty());
  }

  @Test
  void aStarOutsideTheCentreIntervalIsNotSuspected() {
    Stars s = new Stars();
    BitSet planted = plant(s, new SplittableRandom(10), 0, 50, 0, 10, 2);
    // Account 0 also stars repository 0 again... not possible (first stars only), so it stars
    // an 11th repository far from anyone else: not part of the group's repositories.
    int late = s.add(0, 50, T0 + 200 * DAY);
    BitSet flagged = s.detect(LockstepParameters.STARSCOUT);
    assertEquals(planted, flagged);
    assertTrue(!flagged.get(late));
  }

  @Test
  void onlyTheFirstStarOfAnAccountOnARepositoryCounts() {
    Stars s = new Stars();
    BitSet planted = plant(s, new SplittableRandom(11), 0, 50, 0, 10, 2);
    int again = s.add(3, 4, T0 + 31 * DAY + 12 * DAY); // a second star of account 3 on repository 4
    BitSet flagged = s.detect(LockstepParameters.STARSCOUT);
    assertTrue(!flagged.get(again));
    assertEquals(planted, flagged);
  }

  /** Epoch seconds of a UTC date at a time of day. */
  private static long at(String date, int hour) {
    return java.time.LocalDate.parse(date).atTime(hour, 0).toEpochSecond(java.time.ZoneOffset.UTC);
  }

  @Test
  void aRepositoryFewerThanNOfTheGroupStarredIsNotSuspected() {
    // StarScout's summarize_results: a cluster repository counts only when at least n = 50 of the
    // cluster's accounts starred it. 60 accounts star repositories 0..8 on one day each; only
    // accounts 0..39 star repository 9 (40 >= ceil(0.5 * 60), so CopyCatch keeps it in the group,
    // but 40 < 50). Suspected: the 9 * 60 = 540 stars on repositories 0..8, none of the 40.
    Stars s = new Stars();
    BitSet expected = new BitSet();
    for (int r = 0; r < 10; r++) {
      long day = at("2023-12-01", 6) + r * 3 * DAY;
      for (int u = 0; u < (r < 9 ? 60 : 40); u++) {
        int star = s.add(u, r, day + u * 600L);
        if (r < 9) {
          expected.set(star);
        }
      }
    }
    BitSet flagged = s.detect(LockstepParameters.STARSCOUT);
    assertEquals(540, expected.cardinality());
    assertEquals(expected, flagged);
  }

  @Test
  void aMembersStarFarFromTheCentreIsSuspectedToo() {
    // StarScout flags the (repository, account) pairs of a cluster, not only the stars near the
    // centres: account 0 stars repository 0 forty days after the others (so no 2 dt interval holds
    // it with them, and it is not within dt = 15 days of the centre) but is near the centres of the other 9 repositories (>= ceil(0.5 * 10)), so it is a member
    // and all 50 * 10 = 500 first stars are suspected.
    Stars s = new Stars();
    for (int r = 0; r < 10; r++) {
      long day = at("2023-12-01", 6) + r * 3 * DAY;
      for (int u = 0; u < 50; u++) {
        s.add(u, r, day + u * 600L + (r == 0 && u == 0 ? 40 * DAY : 0));
      }
    }
    BitSet flagged = s.detect(LockstepParameters.STARSCOUT);
    assertEquals(500, flagged.cardinality());
  }

  @Test
  void windowsAreCalendarQuartersHoldingTheirEndDay() {
    // 50 accounts star 10 repositories, one day each, from 25 January to 1 July 2024: all inside
    // StarScout's chunk ("240101", "240701"), which holds 1 July (BETWEEN over daily tables). A
    // star of another account on 1 November 2023 moves the start of windows counted from the
    // first star (the old rule: 182 days every 91 from it) so that none holds all 10.
    String[] days = {"2024-01-25", "2024-02-12", "2024-03-01", "2024-03-19", "2024-04-06", "2024-04-24",
        "2024-05-12", "2024-05-30", "2024-06-17", "2024-07-01"};
    Stars s = new Stars();
    s.add(1000, 50, at("2023-11-01", 12));
    BitSet group = new BitSet();
    for (int r = 0; r < 10; r++) {
      for (int u = 0; u < 50; u++) {
        group.set(s.add(u, r, at(days[r], 6) + u * 600L));
      }
    }
    assertEquals(group, s.detect(LockstepParameters.STARSCOUT));
    // One day later the last repository's stars are in no window with the other nine.
    Stars later = new Stars();
    later.add(1000, 50, at("2023-11-01", 12));
    for (int r = 0; r < 10; r++) {
      for (int u = 0; u < 50; u++) {
        later.add(u, r, at(r == 9 ? "2024-07-02" : days[r], 6) + u * 600L);
      }
    }
    assertTrue(later.detect(LockstepParameters.STARSCOUT).isEmpty());
  }

  @Test
  void windowsStartOnQuarterDaysAndEndADayAfterSixMonths() {
    List<long[]> w = Lockstep.windows(at("2024-02-10", 0), at("2024-05-01", 0), LockstepParameters.STARSCOUT);
    assertEquals(3, w.size());
    assertEquals(List.of(at("2023-10-01", 0), at("2024-04-02", 0)), List.of(w.get(0)[0], w.get(0)[1]));
    assertEquals(List.of(at("2024-01-01", 0), at("2024-07-02", 0)), List.of(w.get(1)[0], w.get(1)[1]));
    assertEquals(List.of(at("2024-04-01", 0), at("2024-10-02", 0)), List.of(w.get(2)[0], w.get(2)[1]));
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Lockstep.detect(new int[1], new int[2], new long[1], LockstepParameters.STARSCOUT));
    assertThrows(IllegalArgumentException.class, () -> Lockstep.detect(new int[] {-1}, new int[1], new long[1], LockstepParameters.STARSCOUT));
    assertThrows(IllegalArgumentException.class,
        () -> new LockstepParameters(50, 10, Duration.ofDays(15), 0, 2, 6, 3));
    assertThrows(IllegalArgumentException.class,
        () -> new LockstepParameters(50, 10, Duration.ofDays(15), 0.5, 0.5, 6, 3));
    assertThrows(IllegalArgumentException.class,
        () -> new LockstepParameters(50, 10, Duration.ofDays(15), 0.5, 2, 6, 7));
    assertThrows(IllegalArgumentException.class,
        () -> new LockstepParameters(50, 10, Duration.ofDays(15), 0.5, 2, 1, 0));
  }
}
