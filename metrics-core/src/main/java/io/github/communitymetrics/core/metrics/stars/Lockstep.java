package io.github.communitymetrics.core.metrics.stars;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.LongIntMap;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
 * their centres. As StarScout's {@code summarize_results} ({@code scripts/copycatch/bigquery.py})
 * then does, a group's repository is confirmed when at least {@code n} of the group's accounts
 * starred it in the window; a group with at least {@code rho * m} confirmed repositories has
 * every first star of its accounts on them suspected, whenever it was.
 *
 * <p>The search, per window ({@link LockstepParameters#windowMonths()} calendar months starting
 * every {@link LockstepParameters#stepMonths()}, as StarScout's chunks: {@link #windows}),
 * without any pair of users:
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
 *       first round searches the whole window); {@code U} keeps the accounts with at least {@code
 *       ceil(rho * |P|)} stars within {@code dt} of the centres; {@code P} keeps the repositories
 *       at least {@code ceil(rho * |U|)} accounts of {@code U} starred within {@code dt} of their
 *       centres. These rounds read only the stars of {@code U}'s accounts.
 *   <li>A result with {@code |U| >= n} and {@code |P| >= m} is a group. CopyCatch's user step is
 *       then run once over every account not yet in a group of this window, through the
 *       repositories' stars within {@code dt} of their centres: every account with at least {@code
 *       ceil(rho * |P|)} of them joins (so members outside the seed are found). The accounts are
 *       taken out of later seeds of the window, and the confirmed repositories' stars flagged.
 * </ol>
 *
 * <p>Deviations from CopyCatch as published, stated precisely: CopyCatch optimises a relaxed
 * objective from random seeds in MapReduce rounds; here seeds are the dense (repository,
 * bucket) cells, so a group whose repositories were each starred near their centres by fewer
 * than {@code ceil(rho * n)} of its accounts is not seeded, nor one of mostly accounts with more
 * than {@link #SEED_DEGREE_CAP} stars in the window; during refinement accounts and repositories
 * are only dropped, never added (accounts are added once, after a group is found);
 * {@code beta} is used as the radius (in {@code dt}) within which a centre may move per round.
 * How this differs from StarScout's BigQuery CopyCatch (one cluster per repository with 50 stars
 * in a chunk, mean centres, a 20% sample of users, lists cut to the top 10) and why: {@code
 * docs/metrics.md}, "Compared with StarScout's code".
 *
 * <p>Cost: sorting the stars ({@code O(s log s)}, a primitive sort), then per window, per seed,
 * the stars of its accounts (each capped at {@link #SEED_DEGREE_CAP}) and of its repositories near
 * their centres: near-linear in the stars when accounts star a bounded number of repositories per
 * window; an account is counted once for every seed it is in.
 */
public final class Lockstep {
  private static final int MAX_ROUNDS = 32;

  /**
   * Accounts with more stars than this in a window are not counted when a seed's first
   * repositories are found (they can still join a group in refinement): otherwise one account
   * starring thousands of repositories would be counted again for every seed it is in, and the
   * cost would grow with the square of its stars.
   */
  public static final int SEED_DEGREE_CAP = 500;

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

  /**
   * The detection windows that hold any of {@code [min, max]}, in order: each {@code {start, end}}
   * in epoch seconds, end exclusive. Starts are the first days (UTC) of the calendar months whose
   * index {@code year * 12 + month - 1} is a multiple of {@link LockstepParameters#stepMonths()};
   * a window runs {@link LockstepParameters#windowMonths()} months plus the day on which it would
   * end (StarScout's chunks take GH Archive's daily tables {@code BETWEEN} both dates).
   */
  static List<long[]> windows(long min, long max, LockstepParameters p) {
    YearMonth first = YearMonth.from(Instant.ofEpochSecond(min).atOffset(ZoneOffset.UTC))
        .minusMonths(p.windowMonths());
    long index = first.getYear() * 12L + first.getMonthValue() - 1;
    first = first.plusMonths(Math.floorMod(-index, (long) p.stepMonths()));
    List<long[]> out = new ArrayList<>();
    for (YearMonth start = first; ; start = start.plusMonths(p.stepMonths())) {
      long from = start.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      if (from > max) {
        return out;
      }
      long to = start.plusMonths(p.windowMonths()).atDay(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      if (to > min) {
        out.add(new long[] {from, to});
      }
    }
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
    private final int[] byRepo; // star indices by (repository, time)
    private final int[] uRepo; // by (user, time): the repository of a first star, else -1
    private final long[] uTime; // by (user, time): the time
    private final int[] repoStart;
    private final int[] userStart;
    private final LongIntMap starOf = new LongIntMap(); // (user << 32 | repo) -> star
    private final int seedThreshold;
    private final BitSet first = new BitSet(); // the first star of its account on its repository
    private final int[] repoCount; // seed counting, all zero between seeds
    private int[] touchedRepos = new int[64];

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
      int[] byTime = byTime(n);
      repoStart = new int[maxRepo + 2];
      userStart = new int[maxUser + 2];
      for (int i = 0; i < n; i++) {
        if (starOf.get(((long) users[i] << 32) | repos[i]) == i) {
          first.set(i);
        }
      }
      repoCount = new int[maxRepo + 1];
      byRepo = stableBy(byTime, repos, repoStart);
      int[] byUser = stableBy(byTime, users, userStart);
      // Each account's stars laid out contiguously (repository, or -1 if not a first star; time),
      // so the counting loops read memory in order instead of jumping through star indices.
      uRepo = new int[n];
      uTime = new long[n];
      for (int k = 0; k < n; k++) {
        uRepo[k] = first.get(byUser[k]) ? repos[byUser[k]] : -1;
        uTime[k] = t[byUser[k]];
      }
    }

    /**
     * Star indices in time order. Packing {@code (time - min) << 27 | index} into one long lets a
     * primitive sort do it when the times span under 2^36 seconds and there are under 2^27 stars;
     * otherwise a comparator sort.
     */
    private int[] byTime(int n) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (long x : t) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      int[] order = new int[n];
      if (n < (1 << 27) && max - min < (1L << 36)) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
          packed[i] = ((t[i] - min) << 27) | i;
        }
        Arrays.sort(packed);
        for (int k = 0; k < n; k++) {
          order[k] = (int) (packed[k] & ((1 << 27) - 1));
        }
      } else {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
          boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingLong(i -> t[i]));
        for (int k = 0; k < n; k++) {
          order[k] = boxed[k];
        }
      }
      return order;
    }

    /** A stable counting sort of {@code byTime} by {@code key}: by key, then time; fills {@code start}. */
    private static int[] stableBy(int[] byTime, int[] key, int[] start) {
      for (int i : byTime) {
        start[key[i] + 1]++;
      }
      for (int k = 0; k + 1 < start.length; k++) {
        start[k + 1] += start[k];
      }
      int[] next = Arrays.copyOf(start, start.length);
      int[] out = new int[byTime.length];
      for (int i : byTime) {
        out[next[key[i]]++] = i;
      }
      return out;
    }

    /** The first position in {@code uTime[from, to)} at least {@code at}. */
    private int userLowerBound(int from, int to, long at) {
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (uTime[mid] < at) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The first position in {@code order[from, to)} whose time is at least {@code at}. */
    private int lowerBound(int[] order, int from, int to, long at) {
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
      int[] assigned = new int[userStart.length];
      int stamp = 0;
      for (long[] w : windows(min, max, p)) {
        stamp++;
        searchWindow(w[0], w[1], assigned, stamp);
      }
      return flagged;
    }

    private boolean isFirst(int star) {
      return first.get(star);
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
        // Counts per repository in an array kept across seeds; only touched entries are reset.
        int touched = 0;
        for (int u : u0) {
          int a = userLowerBound(userStart[u], userStart[u + 1], w0);
          int z = userLowerBound(a, userStart[u + 1], w1);
          if (z - a > SEED_DEGREE_CAP) {
            continue; // too many stars to count for every seed; refinement can still take it in
          }
          for (int k = a; k < z; k++) {
            int repo = uRepo[k];
            if (repo >= 0 && repoCount[repo]++ == 0) {
              if (touched == touchedRepos.length) {
                touchedRepos = Arrays.copyOf(touchedRepos, 2 * touched);
              }
              touchedRepos[touched++] = repo;
            }
          }
        }
        int kept = 0;
        int[] candidates = new int[touched];
        for (int k = 0; k < touched; k++) {
          int r2 = touchedRepos[k];
          if (repoCount[r2] >= seedThreshold) {
            candidates[kept++] = r2;
          }
          repoCount[r2] = 0;
        }
        int[] pages = Arrays.copyOf(candidates, kept);
        Arrays.sort(pages);
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
      boolean first = true;
      for (int round = 0; round < MAX_ROUNDS; round++) {
        // The group's first stars on the pages, per page, in time order (through the accounts'
        // stars: the cost is the group's degrees, not the pages' popularity).
        Map<Integer, Integer> pageIndex = new HashMap<>();
        for (int i = 0; i < pages.length; i++) {
          pageIndex.put(pages[i], i);
        }
        List<List<Long>> times = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
          times.add(new ArrayList<>());
        }
        for (int u : group) {
          int a = userLowerBound(userStart[u], userStart[u + 1], w0);
          int z = userLowerBound(a, userStart[u + 1], w1);
          for (int k = a; k < z; k++) {
            Integer i = uRepo[k] < 0 ? null : pageIndex.get(uRepo[k]);
            if (i != null) {
              times.get(i).add(uTime[k]);
            }
          }
        }
        // Centres: the 2 dt interval with most of the group's stars, within beta * dt of the last.
        for (int i = 0; i < pages.length; i++) {
          List<Long> ts = times.get(i);
          ts.sort(null);
          long lo = first ? Long.MIN_VALUE : centre[i] - radius;
          long hi = first ? Long.MAX_VALUE : centre[i] + radius;
          centre[i] = bestCentre(ts, lo, hi, centre[i]);
        }
        first = false;
        // Users: those of the group with enough stars near the centres.
        int needPages = (int) Math.ceil(p.rho() * pages.length);
        int[] perPage = new int[pages.length];
        List<Integer> kept = new ArrayList<>();
        int[] seen = new int[pages.length]; // the last account (+ 1) that had each page near
        int[] near = new int[pages.length];
        for (int u : group) {
          int count = nearCentres(u, pageIndex, centre, w0, w1, seen, near);
          if (count >= needPages) {
            kept.add(u);
            for (int k = 0; k < count; k++) {
              perPage[near[k]]++;
            }
          }
        }
        int[] nextGroup = kept.stream().mapToInt(Integer::intValue).toArray();
        // Pages: those enough of the group starred near their centres.
        int needUsers = Math.max(1, (int) Math.ceil(p.rho() * nextGroup.length));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
          if (perPage[i] >= needUsers) {
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
        if (same || group.length < p.minUsers() || pages.length < p.minRepositories()) {
          break;
        }
      }
      if (group.length < p.minUsers() || pages.length < p.minRepositories()) {
        return;
      }
      // A group: CopyCatch's user step once over every account (through the pages' stars near
      // their centres), so members that were not in the seed join it.
      Map<Integer, Integer> nearCount = new HashMap<>();
      for (int i = 0; i < pages.length; i++) {
        forNear(pages[i], centre[i], w0, w1, star -> {
          if (assigned[users[star]] != stamp) {
            nearCount.merge(users[star], 1, Integer::sum);
          }
        });
      }
      int needPages = (int) Math.ceil(p.rho() * pages.length);
      BitSet members = new BitSet();
      nearCount.forEach((u, c) -> {
        if (c >= needPages) {
          members.set(u);
        }
      });
      members.stream().forEach(u -> assigned[u] = stamp);
      flagConfirmed(members.stream().toArray(), pages, w0, w1);
    }

    /**
     * StarScout's {@code summarize_results} ({@code scripts/copycatch/bigquery.py}): a repository
     * of the group is confirmed when at least {@code n} of its accounts starred it in the window
     * (at any time in it, not only near the centre); with at least {@code rho * m} confirmed, every
     * first star of the group's accounts on a confirmed repository is suspected, whenever it was
     * ({@code export_mongodb} flags the (repository, account) pair in every chunk).
     */
    private void flagConfirmed(int[] members, int[] pages, long w0, long w1) {
      int[] confirmed = new int[pages.length];
      int count = 0;
      for (int page : pages) {
        int starred = 0;
        for (int u : members) {
          int star = starOf.get(((long) u << 32) | page);
          if (star >= 0 && t[star] >= w0 && t[star] < w1) {
            starred++;
          }
        }
        if (starred >= p.minUsers()) {
          confirmed[count++] = page;
        }
      }
      if (count < p.rho() * p.minRepositories()) {
        return;
      }
      for (int k = 0; k < count; k++) {
        for (int u : members) {
          int star = starOf.get(((long) u << 32) | confirmed[k]);
          if (star >= 0) {
            flagged.set(star);
          }
        }
      }
    }

    /**
     * How many pages {@code u} starred within dt of their centres; their indices are put in
     * {@code near[0, count)}. {@code seen} marks pages already counted for {@code u} (cost: u's
     * stars, not the pages).
     */
    private int nearCentres(
        int u, Map<Integer, Integer> pageIndex, long[] centre, long w0, long w1, int[] seen, int[] near) {
      int count = 0;
      int a = userLowerBound(userStart[u], userStart[u + 1], w0);
      int z = userLowerBound(a, userStart[u + 1], w1);
      for (int k = a; k < z; k++) {
        Integer i = uRepo[k] < 0 ? null : pageIndex.get(uRepo[k]);
        if (i != null && Math.abs(uTime[k] - centre[i]) <= dt && seen[i] != u + 1) {
          seen[i] = u + 1;
          near[count++] = i;
        }
      }
      return count;
    }

    /** The middle of the 2 dt interval holding most of {@code sorted} within [lo, hi]; ties: the earliest. */
    private long bestCentre(List<Long> sorted, long lo, long hi, long previous) {
      long[] ts = sorted.stream().mapToLong(Long::longValue).filter(x -> x >= lo && x <= hi).toArray();
      if (ts.length == 0) {
        return previous;
      }
      int best = 0;
      long bestCentre = ts[0];
      int j = 0;
      for (int i = 0; i < ts.length; i++) {
        while (ts[i] - ts[j] > 2 * dt) {
          j++;
        }
        if (i - j + 1 > best) {
          best = i - j + 1;
          bestCentre = ts[j] + (ts[i] - ts[j]) / 2;
        }
      }
      return bestCentre;
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

  }
}
