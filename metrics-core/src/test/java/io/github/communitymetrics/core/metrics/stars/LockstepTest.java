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

  @Test
  void argumentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Lockstep.detect(new int[1], new int[2], new long[1], LockstepParameters.STARSCOUT));
    assertThrows(IllegalArgumentException.class, () -> Lockstep.detect(new int[] {-1}, new int[1], new long[1], LockstepParameters.STARSCOUT));
    assertThrows(IllegalArgumentException.class,
        () -> new LockstepParameters(50, 10, Duration.ofDays(15), 0, 2, Duration.ofDays(182), Duration.ofDays(91)));
    assertThrows(IllegalArgumentException.class,
        () -> new LockstepParameters(50, 10, Duration.ofDays(15), 0.5, 0.5, Duration.ofDays(182), Duration.ofDays(91)));
    assertThrows(IllegalArgumentException.class,
        () -> new LockstepParameters(50, 10, Duration.ofDays(15), 0.5, 2, Duration.ofDays(20), Duration.ofDays(10)));
  }
}
