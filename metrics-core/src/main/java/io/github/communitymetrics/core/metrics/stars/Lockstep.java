package io.github.communitymetrics.core.metrics.stars;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lockstep signal of StarScout: CopyCatch (Beutel et al., WWW 2013) over stars. A group is at
 * least {@code n} accounts and {@code m} repositories with a centre time per repository such that
 * each account starred at least {@code ceil(rho * |repositories|)} of them within {@code dt} of
 * their centres. The stars of a group's accounts on its repositories within {@code dt} of the
 * centres are suspected.
 *
 * <p>The search, per overlapping window ({@link LockstepParameters#window()} long, every {@link
 * LockstepParameters#step()}), without any pair of users:
 *
 * <ol>
 *   <li>Time is cut into buckets of {@code dt}. A seed is a (repository, bucket) whose stars in
 *       the bucket and its two neighbours (an interval of {@code 3 dt}, which holds any {@code
 *       [c - dt, c + dt]} with its centre {@code c} in the bucket) number at least {@code
 *       ceil(rho * n)}. Seeds are tried from the largest.
 *   <li>The seed's accounts not yet in a group of this window are the first users {@code U}.
 *       Counting their stars in the window by repository gives the first repositories {@code P}:
 *       those at least {@code ceil(rho * n)} of them starred (cost: the degrees of {@code U}).
 *   <li>CopyCatch's alternating refinement, until nothing changes (at most 32 rounds): each
 *       repository's centre becomes the middle of the {@code 2 dt} interval holding most stars of
 *       {@code U} on it, searching only within {@code beta * dt} of the previous centre (the
 *       first round searches the whole window); {@code U} becomes every account with at least
 *       {@code ceil(rho * |P|)} stars within {@code dt} of the centres (found through the
 *       repositories' stars near their centres, not through all accounts); {@code P} keeps the
 *       repositories at least {@code ceil(rho * |U|)} accounts of {@code U} starred within {@code
 *       dt} of their centres.
 *   <li>A result with {@code |U| >= n} and {@code |P| >= m} is a group; its accounts are taken out
 *       of later seeds of the window.
 * </ol>
 *
 * <p>Deviations from CopyCatch as published, stated precisely: CopyCatch optimises a relaxed
 * objective from random seeds in MapReduce rounds; here seeds are the dense (repository,
 * bucket) cells, so a group whose repositories were each starred near their centres by fewer
 * than {@code ceil(rho * n)} of its accounts is not seeded; repositories are only dropped during
 * refinement, never added beyond those found from the seed's accounts; {@code beta} is used as
 * the radius (in {@code dt}) within which a centre may move per round. StarScout's own code was
 * not available to compare with.
 *
 * <p>Cost: sorting the stars ({@code O(s log s)}), then per window the seeds' accounts' degrees
 * and their repositories' stars near the centres: near-linear in the stars when accounts star a
 * bounded number of repositories per window.
 */
public final class Lockstep {
  private static final int MAX_ROUNDS = 32;

  private Lockstep() {}

  /**
   * Which stars are in a lockstep group.
   *
   * @param users each star's account, a dense id {@code >= 0}
   * @param repositories each star's repository, a dense id {@code >= 0}
   * @param epochSeconds each star's time, seconds since the epoch
   * @param p the parameters
   * @return per star, whether it is suspected
   */
  public static BitSet detect(int[] users, int[] repositories, long[] epochSeconds, LockstepParameters p) {
    Checks.notNull(users, "users");
    Checks.notNull(repositories, "repositories");
    Checks.notNull(epochSeconds, "epochSeconds");
    Checks.notNull(p, "p");
    int s = users.length;
    if (repositories.length != s || epochSeconds.length != s) {
      throw new IllegalArgumentException(
          "users, repositories and epochSeconds differ in length: " + s + ", " + repositories.length + ", "
              + epochSeconds.length);
    }
    BitSet flagged = new BitSet(s);
    if (s == 0) {
      return flagged;
    }
    return new Search(users, repositories, epochSeconds, p, flagged).run();
  }

  /** The stars sorted two ways, and the search of each window. */
  private static final class Search {
    private final int[] users;
    private final int[] repos;
    private final long[] t;
    private final LockstepParameters p;
    private final BitSet flagged;
    private final long dt;
    private final long radius;
    private final Integer[] byRepo; // star indices by (repository, time)
    private final Integer[] byUser; // star indices by (user, time)
    private final int[] repoStart;
    private final int[] userStart;
    private final LongIntMap starOf = new LongIntMap(); // (user << 32 | repo) -> star
    private final int seedThreshold;

    Search(int[] users, int[] repos, long[] t, LockstepParameters p, BitSet flagged) {
      this.users = users;
      this.repos = repos;
      this.t = t;
      this.p = p;
      this.flagged = flagged;
      this.dt = p.dt().toSeconds();
      this.radius = (long) Math.ceil(p.beta() * dt);
      this.seedThreshold = (int) Math.ceil(p.rho() * p.minUsers());
      int n = users.length;
      int maxUser = 0;
      int maxRepo = 0;
      for (int i = 0; i < n; i++) {
        if (users[i] < 0 || repos[i] < 0) {
          throw new IllegalArgumentException("star " + i + " has a negative user or repository id");
        }
        maxUser = Math.max(maxUser, users[i]);
        maxRepo = Math.max(maxRepo, repos[i]);
        long key = ((long) users[i] << 32) | repos[i];
        int prior = starOf.get(key);
        // One star per account and repository: the first (StarScout counts first stars).
        if (prior < 0 || t[i] < t[prior]) {
          starOf.put(key, i);
        }
      }
      byRepo = sortedBy(n, repos);
      byUser = sortedBy(n, users);
      repoStart = starts(byRepo, repos, maxRepo + 1);
      userStart = starts(byUser, users, maxUser + 1);
    }

    private Integer[] sortedBy(int n, int[] key) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingInt(i -> key[i]).thenComparingLong(i -> t[i]));
      return order;
    }

    private static int[] starts(Integer[] order, int[] key, int ids) {
      int[] start = new int[ids + 1];
      for (Integer i : order) {
        start[key[i] + 1]++;
      }
      for (int k = 0; k < ids; k++) {
        start[k + 1] += start[k];
      }
      return start;
    }

    /** The first position in {@code order[from, to)} whose time is at least {@code at}. */
    private int lowerBound(Integer[] order, int from, int to, long at) {
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (t[order[mid]] < at) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    BitSet run() {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (long x : t) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      long window = p.window().toSeconds();
      long step = p.step().toSeconds();
      int[] assigned = new int[userStart.length];
      int stamp = 0;
      for (long w0 = min; ; w0 += step) {
        stamp++;
        searchWindow(w0, w0 + window, assigned, stamp);
        if (w0 + window > max) {
          break;
        }
      }
      return flagged;
    }

    private boolean isFirst(int star) {
      return starOf.get(((long) users[star] << 32) | repos[star]) == star;
    }

    private void searchWindow(long w0, long w1, int[] assigned, int stamp) {
      // Seeds: (repository, bucket) with enough stars in the bucket and its neighbours.
      List<long[]> seeds = new ArrayList<>(); // {repo, bucket, count}
      for (int r = 0; r + 1 < repoStart.length; r++) {
        int from = lowerBound(byRepo, repoStart[r], repoStart[r + 1], w0);
        int to = lowerBound(byRepo, from, repoStart[r + 1], w1);
        if (to - from < seedThreshold) {
          continue;
        }
        long lastBucket = -1;
        for (int k = from; k < to; k++) {
          long b = (t[byRepo[k]] - w0) / dt;
          if (b == lastBucket) {
            continue;
          }
          lastBucket = b;
          int count = countIn(r, Math.max(w0, w0 + (b - 1) * dt), Math.min(w1, w0 + (b + 2) * dt));
          if (count >= seedThreshold) {
            seeds.add(new long[] {r, b, count});
          }
        }
      }
      seeds.sort(Comparator.<long[]>comparingLong(x -> -x[2]).thenComparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
      for (long[] seed : seeds) {
        int r = (int) seed[0];
        long b = seed[1];
        long lo = Math.max(w0, w0 + (b - 1) * dt);
        long hi = Math.min(w1, w0 + (b + 2) * dt);
        List<Integer> u0 = new ArrayList<>();
        int from = lowerBound(byRepo, repoStart[r], repoStart[r + 1], lo);
        int to = lowerBound(byRepo, from, repoStart[r + 1], hi);
        for (int k = from; k < to; k++) {
          int star = byRepo[k];
          if (assigned[users[star]] != stamp && isFirst(star)) {
            u0.add(users[star]);
          }
        }
        if (u0.size() < p.minUsers()) {
          continue;
        }
        Map<Integer, Integer> perRepo = new HashMap<>();
        for (int u : u0) {
          int a = lowerBound(byUser, userStart[u], userStart[u + 1], w0);
          int z = lowerBound(byUser, a, userStart[u + 1], w1);
          for (int k = a; k < z; k++) {
            if (isFirst(byUser[k])) {
              perRepo.merge(repos[byUser[k]], 1, Integer::sum);
            }
          }
        }
        int[] pages =
            perRepo.entrySet().stream()
                .filter(e -> e.getValue() >= seedThreshold)
                .mapToInt(Map.Entry::getKey)
                .sorted()
                .toArray();
        if (pages.length < p.minRepositories()) {
          continue;
        }
        refine(u0.stream().mapToInt(Integer::intValue).distinct().sorted().toArray(), pages, w0, w1, assigned, stamp);
      }
    }

    private int countIn(int r, long lo, long hi) {
      int a = lowerBound(byRepo, repoStart[r], repoStart[r + 1], lo);
      return lowerBound(byRepo, a, repoStart[r + 1], hi) - a;
    }

    private void refine(int[] group, int[] pages, long w0, long w1, int[] assigned, int stamp) {
      long[] centre = new long[pages.length];
      BitSet inGroup = new BitSet();
      for (int u : group) {
        inGroup.set(u);
      }
      boolean first = true;
      for (int round = 0; round < MAX_ROUNDS; round++) {
        // Centres: the 2 dt interval with most stars of the group, within beta * dt of the last.
        for (int i = 0; i < pages.length; i++) {
          long lo = first ? w0 : Math.max(w0, centre[i] - radius);
          long hi = first ? w1 : Math.min(w1, centre[i] + radius + 1);
          centre[i] = bestCentre(pages[i], lo, hi, inGroup, centre[i]);
        }
        first = false;
        // Users: every account with enough stars near the centres, found through the pages.
        Map<Integer, Integer> near = new HashMap<>();
        for (int i = 0; i < pages.length; i++) {
          forNear(pages[i], centre[i], w0, w1, star -> near.merge(users[star], 1, Integer::sum));
        }
        int needPages = (int) Math.ceil(p.rho() * pages.length);
        int[] nextGroup =
            near.entrySet().stream()
                .filter(e -> e.getValue() >= needPages && assigned[e.getKey()] != stamp)
                .mapToInt(Map.Entry::getKey)
                .sorted()
                .toArray();
        BitSet nextIn = new BitSet();
        for (int u : nextGroup) {
          nextIn.set(u);
        }
        // Pages: those enough of the group starred near their centres.
        int needUsers = (int) Math.ceil(p.rho() * nextGroup.length);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
          int[] count = {0};
          forNear(pages[i], centre[i], w0, w1, star -> count[0] += nextIn.get(users[star]) ? 1 : 0);
          if (count[0] >= needUsers && count[0] > 0) {
            keep.add(i);
          }
        }
        int[] nextPages = new int[keep.size()];
        long[] nextCentre = new long[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
          nextPages[k] = pages[keep.get(k)];
          nextCentre[k] = centre[keep.get(k)];
        }
        boolean same = Arrays.equals(nextGroup, group) && Arrays.equals(nextPages, pages);
        group = nextGroup;
        pages = nextPages;
        centre = nextCentre;
        inGroup = nextIn;
        if (same || group.length < p.minUsers() || pages.length < p.minRepositories()) {
          break;
        }
      }
      if (group.length < p.minUsers() || pages.length < p.minRepositories()) {
        return;
      }
      for (int u : group) {
        assigned[u] = stamp;
      }
      BitSet members = inGroup;
      for (int i = 0; i < pages.length; i++) {
        forNear(pages[i], centre[i], w0, w1, star -> {
          if (members.get(users[star])) {
            flagged.set(star);
          }
        });
      }
    }

    /** Calls {@code action} for each first star on {@code r} within dt of {@code c}, in the window. */
    private void forNear(int r, long c, long w0, long w1, java.util.function.IntConsumer action) {
      int a = lowerBound(byRepo, repoStart[r], repoStart[r + 1], Math.max(w0, c - dt));
      int z = lowerBound(byRepo, a, repoStart[r + 1], Math.min(w1, c + dt + 1));
      for (int k = a; k < z; k++) {
        if (isFirst(byRepo[k])) {
          action.accept(byRepo[k]);
        }
      }
    }

    private long bestCentre(int r, long lo, long hi, BitSet inGroup, long previous) {
      int a = lowerBound(byRepo, repoStart[r], repoStart[r + 1], lo);
      int z = lowerBound(byRepo, a, repoStart[r + 1], hi);
      long[] times = new long[z - a];
      int n = 0;
      for (int k = a; k < z; k++) {
        int star = byRepo[k];
        if (inGroup.get(users[star]) && isFirst(star)) {
          times[n++] = t[star];
        }
      }
      if (n == 0) {
        return previous;
      }
      int best = 0;
      long bestCentre = times[0];
      int j = 0;
      for (int i = 0; i < n; i++) {
        while (times[i] - times[j] > 2 * dt) {
          j++;
        }
        if (i - j + 1 > best) {
          best = i - j + 1;
          bestCentre = times[j] + (times[i] - times[j]) / 2;
        }
      }
      return bestCentre;
    }
  }
}
