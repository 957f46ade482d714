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
import java.util.List;

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
 *   <li>The window's core, by peeling until nothing changes (CopyCatch's constraints read as
 *       degrees, the usual exact reduction before a dense-block search): a (repository, bucket)
 *       cell is seeded while the first stars in it and its two neighbouring buckets of the
 *       accounts still in the core number at least {@code ceil(rho * n)}; a first star is
 *       eligible while its bucket or a neighbour is a seeded cell of its repository; an account
 *       stays while it has at least {@code ceil(rho * m)} eligible stars. No group loses an
 *       account or a page to it: a member has {@code ceil(rho * |P|) >= ceil(rho * m)} first
 *       stars within {@code dt} of its pages' centres, each centre has {@code ceil(rho * |U|) >=
 *       ceil(rho * n)} members' first stars within {@code dt}, all in the centre's bucket or its
 *       neighbours. Most accounts (one or two stars) and most stars (on repositories starred
 *       steadily, or by few) leave in the first pass.
 *   <li>Time is cut into buckets of {@code dt}. A seed is a (repository, bucket) whose stars in
 *       the bucket and its two neighbours (an interval of {@code 3 dt}, which holds any {@code
 *       [c - dt, c + dt]} with its centre {@code c} in the bucket) number at least {@code
 *       ceil(rho * n)}. Seeds are tried from the largest.
 *   <li>The seed's accounts in the core and not yet in a group of this window are the first
 *       users {@code U}. Counting their eligible stars by repository gives the first repositories
 *       {@code P}: those at least {@code ceil(rho * n)} of them starred (cost: the eligible
 *       degrees of {@code U}, paid once per cell rather than per seed; see the cost below). A
 *       repository that many of {@code U} starred at times near no seeded cell (camouflage,
 *       CopyCatch's term: stars spread over the window) cannot be a page of a group, and
 *       counted it would raise {@code ceil(rho * |P|)} in the first round enough to lose the
 *       group.
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
 * <p>Cost: one primitive sort of the stars by time ({@code O(s log s)}) and three stable counting
 * sorts; per window, the core's passes, the first over the window's first stars on repositories
 * with at least {@code ceil(rho * n)} of them and each later one over what the last kept; then
 * per (repository, bucket) cell of a seed, the eligible stars of the cell's accounts in the core
 * (those with at most {@link #SEED_DEGREE_CAP} stars in the window), counted once per cell and shared by the
 * three seeds that hold it (a seed's counts are the sums of its cells', which is exact while none
 * of its accounts is in a group yet; a seed that lost accounts to a group is counted again from
 * its remaining accounts); and per refinement round, per account, at most its window stars (or a
 * binary search per page, if fewer). Seeds whose accounts could not make a group (fewer than
 * {@code n} of the core, whose accounts all have {@code ceil(rho * m)} eligible stars) and rounds
 * that could not keep {@code n} accounts are cut short without changing the result; a round reads the accounts that could be
 * kept first and stops there when fewer than {@code n} of them have enough stars on the pages.
 * For the counting, an account's stars are read once for every seeded cell holding one of its
 * first stars, and only with at most {@link #SEED_DEGREE_CAP} stars in the window: at most that
 * many reads per star and window, linear in the stars at a fixed density; but the share of stars
 * in seeded cells grows with the density of the data until every cell of the popular
 * repositories is a seed, and refinement reads an account of a seed whatever its stars
 * (measured in {@code docs/performance.md}, "StarScout signals").
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

  /** The bits that hold any index below {@code n} (at least 1). */
  static int indexBits(int n) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
  }

  /**
   * Whether {@code n} stars whose times span {@code span} seconds (max - min, at least 0) can be
   * sorted by time as packed longs: the span shifted past the index bits stays positive.
   */
  static boolean packable(int n, long span) {
    return span >= 0 && span < (1L << (63 - indexBits(n)));
  }

  /**
   * The stars laid out three ways, contiguously (by repository then time, by account then time,
   * by account then repository then time: each (account, repository) pair's first star is found
   * by a binary search in the account's run), and the search of each window. Every loop reads a
   * layout in order or searches one account's run: no hashing, no boxing, no pass over all
   * accounts or repositories per seed or group.
   */
  private static final class Search {
    private final int[] users;
    private final long[] t;
    private final LockstepParameters p;
    private final BitSet flagged;
    private final long dt;
    private final long radius;
    private final int seedThreshold;
    // By (account, repository, time): the star and its repository; a pair's first star leads its run.
    private final int[] urStart;
    private final int[] urStar;
    private final int[] urRepo;
    private final BitSet first = new BitSet(); // the first star of its account on its repository
    // By (repository, time): the star, its time, and its account if it is a first star, else -1.
    private final int[] repoStart;
    private final int[] rStar;
    private final long[] rTime;
    private final int[] rUser;
    // By (account, time): the repository if a first star, else -1, and the time.
    private final int[] userStart;
    private final int[] uRepo;
    private final long[] uTime;
    // Per window, each account's stars in it: uTime[winFrom[u], winTo[u]), valid where winStamp[u] == stamp.
    private final int[] winFrom;
    private final int[] winTo;
    private final int[] winStamp;
    private final int[] repoCount; // seed counting, all zero between seeds
    private final int[] pageSlot; // a repository's index among a group's pages, else -1
    private Cells cells; // made at the first window (it needs repoCount)
    // The window's core (see core): an account is in it when acct[3 u + ALIVE] == liveToken;
    // its eligible first stars' repositories are eRepo[eFrom[u], eTo[u]). Per account, side by
    // side (one cache line per account in core's passes, which read the accounts at random):
    // the pass that last counted its eligible stars (PASS), how many (COUNT), and the last pass
    // it survived (ALIVE).
    private static final int PASS = 0;
    private static final int COUNT = 1;
    private static final int ALIVE = 2;
    private final int[] acct;
    private final int[] eFrom;
    private final int[] eTo;
    private int[] eRepo = new int[16];
    private int token;
    private int liveToken;
    // Per repository with a seeded cell in the core (coreSlotTok[r] == liveToken), its core
    // accounts' first stars per bucket: cellLive[coreSlot[r] * cellBuckets + bucket].
    private final int[] coreSlot;
    private final int[] coreSlotTok;
    private int[] cellLive = new int[0];
    private int cellBuckets;
    private int[] touchedRepos = new int[64];

    Search(int[] users, int[] repos, long[] t, LockstepParameters p, BitSet flagged) {
      this.users = users;
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
      }
      // Three stable radix sorts of the time order: no hashing.
      int[] byTime = byTime(n);
      repoStart = new int[maxRepo + 2];
      rStar = stableBy(byTime, repos, repoStart);
      urStart = new int[maxUser + 2];
      urStar = stableBy(rStar, users, urStart);
      urRepo = new int[n];
      for (int u = 0; u <= maxUser; u++) {
        for (int k = urStart[u]; k < urStart[u + 1]; k++) {
          urRepo[k] = repos[urStar[k]];
          // One star per account and repository: the first, earliest then lowest index (StarScout
          // counts stargazers, not repeated stars).
          if (k == urStart[u] || urRepo[k] != urRepo[k - 1]) {
            first.set(urStar[k]);
          }
        }
      }
      rTime = new long[n];
      rUser = new int[n];
      for (int k = 0; k < n; k++) {
        int star = rStar[k];
        rTime[k] = t[star];
        rUser[k] = first.get(star) ? users[star] : -1;
      }
      userStart = new int[maxUser + 2];
      int[] byUser = stableBy(byTime, users, userStart);
      uRepo = new int[n];
      uTime = new long[n];
      for (int k = 0; k < n; k++) {
        int star = byUser[k];
        uRepo[k] = first.get(star) ? repos[star] : -1;
        uTime[k] = t[star];
      }
      winFrom = new int[maxUser + 1];
      winTo = new int[maxUser + 1];
      winStamp = new int[maxUser + 1];
      acct = new int[Math.multiplyExact(3, maxUser + 1)];
      eFrom = new int[maxUser + 1];
      eTo = new int[maxUser + 1];
      coreSlot = new int[maxRepo + 1];
      coreSlotTok = new int[maxRepo + 1];
      repoCount = new int[maxRepo + 1];
      pageSlot = new int[maxRepo + 1];
      Arrays.fill(pageSlot, -1);
    }

    /** {@code u}'s first star on {@code repo}, or -1: a binary search in {@code u}'s run. */
    private int firstStar(int u, int repo) {
      int lo = urStart[u];
      int hi = urStart[u + 1];
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (urRepo[mid] < repo) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo < urStart[u + 1] && urRepo[lo] == repo ? urStar[lo] : -1;
    }

    /**
     * Star indices in time order, ties by index. Packing {@code (time - min) << b | index} into
     * one long, with {@code b} the bits of the largest index ({@link #indexBits}), lets a
     * primitive sort do it whenever the times span under {@code 2^(63 - b)} seconds: at least
     * 2^32 seconds (136 years) for any number of stars an array can hold. Otherwise a comparator
     * sort of boxed indices. (A fixed 27 bits sent 2^27 = 134,217,728 stars or more, a few
     * months of GH Archive's, to the boxed sort: 150 million stars spent minutes there.)
     */
    private int[] byTime(int n) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (long x : t) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      int[] order = new int[n];
      if (packable(n, max - min)) {
        int bits = indexBits(n);
        long mask = (1L << bits) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
          packed[i] = ((t[i] - min) << bits) | i;
        }
        Arrays.sort(packed);
        for (int k = 0; k < n; k++) {
          order[k] = (int) (packed[k] & mask);
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

    /**
     * A stable sort of {@code order} by {@code key}: by key, then position in {@code order};
     * fills {@code start} ({@code start[key]} is the key's first position, the last entry the
     * length). The keys are gathered once into {@code key << 32 | position} and sorted by a
     * least-significant-digit radix on the key's bits, twelve at a time: each pass reads in order
     * and writes to 4,096 places, where one counting sort over a million keys writes to a million
     * (a cache miss per star once the arrays outgrow the caches).
     */
    private static int[] stableBy(int[] order, int[] key, int[] start) {
      int n = order.length;
      long[] a = new long[n];
      for (int k = 0; k < n; k++) {
        a[k] = ((long) key[order[k]] << 32) | k;
      }
      long[] b = new long[n];
      int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, start.length - 2));
      int[] count = new int[RADIX + 1];
      for (int shift = 32; shift < 32 + bits; shift += RADIX_BITS) {
        Arrays.fill(count, 0);
        for (long x : a) {
          count[(int) ((x >>> shift) & (RADIX - 1)) + 1]++;
        }
        for (int d = 0; d < RADIX; d++) {
          count[d + 1] += count[d];
        }
        for (long x : a) {
          b[count[(int) ((x >>> shift) & (RADIX - 1))]++] = x;
        }
        long[] swap = a;
        a = b;
        b = swap;
      }
      int[] out = new int[n];
      for (int k = 0; k < n; k++) {
        start[(int) (a[k] >>> 32) + 1]++;
        out[k] = order[(int) a[k]];
      }
      for (int k = 0; k + 1 < start.length; k++) {
        start[k + 1] += start[k];
      }
      return out;
    }

    private static final int RADIX_BITS = 12;
    private static final int RADIX = 1 << RADIX_BITS;

    /** The first position in {@code times[from, to)} at least {@code at}. */
    private static int lowerBound(long[] times, int from, int to, long at) {
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] < at) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Sets {@code u}'s stars in the window, {@code uTime[winFrom[u], winTo[u])}, once per window. */
    private void inWindow(int u, long w0, long w1, int stamp) {
      if (winStamp[u] != stamp) {
        int a = lowerBound(uTime, userStart[u], userStart[u + 1], w0);
        winFrom[u] = a;
        winTo[u] = lowerBound(uTime, a, userStart[u + 1], w1);
        winStamp[u] = stamp;
      }
    }

    /**
     * How many accounts of the window's core have their first star on {@code r} in bucket
     * {@code b} or a neighbour (in the window): the core's count of the cell, as its last pass
     * left it.
     */
    private int liveNear(int r, long b) {
      if (coreSlotTok[r] != liveToken) {
        return 0; // no seeded cell: fewer than ceil(rho * n) near any bucket
      }
      int base = coreSlot[r] * cellBuckets;
      int sum = 0;
      for (long c = Math.max(0, b - 1); c <= Math.min(cellBuckets - 1, b + 1); c++) {
        sum += cellLive[base + (int) c];
      }
      return sum;
    }

    /** Whether {@code u} is in the current window's core (see {@link #core}). */
    private boolean live(int u) {
      return acct[3 * u + ALIVE] == liveToken;
    }

    /**
     * The window's core, found by peeling until nothing changes: a (repository, bucket) cell is
     * seeded when the first stars of the accounts still in the core in it and its two
     * neighbouring buckets number at least {@code ceil(rho * n)}; a first star is eligible when
     * its bucket or a neighbour is a seeded cell of its repository; an account stays while it has
     * at least {@code ceil(rho * m)} eligible stars. Every group's accounts and stars survive it:
     * a member has at least {@code ceil(rho * |P|) >= ceil(rho * m)} first stars within {@code dt}
     * of its pages' centres, and each centre has at least {@code ceil(rho * |U|) >= ceil(rho * n)}
     * members' first stars within {@code dt}, all in the centre's bucket or its neighbours, so by
     * induction no pass removes a member. Sets {@link #liveToken} and the eligible stars of each
     * account of the core ({@link #eRepo}). Each pass reads the stars the last one kept: those of
     * surviving accounts on repositories that still have a seeded cell, near one.
     */
    private void core(long w0, long w1) {
      int need = (int) Math.ceil(p.rho() * p.minRepositories());
      int buckets = (int) ((w1 - w0 + dt - 1) / dt);
      // The window's first stars, as positions in the (repository, time) layout, grouped by
      // repository; only repositories with at least ceil(rho * n) of them can have a seeded cell.
      int[] pos = new int[64];
      int size = 0;
      int[] groupEnd = new int[16];
      int[] groupRepo = new int[16];
      int groups = 0;
      for (int r = 0; r + 1 < repoStart.length; r++) {
        int a = lowerBound(rTime, repoStart[r], repoStart[r + 1], w0);
        int z = lowerBound(rTime, a, repoStart[r + 1], w1);
        if (z - a < seedThreshold) {
          continue;
        }
        int before = size;
        for (int k = a; k < z; k++) {
          if (rUser[k] >= 0) {
            if (size == pos.length) {
              pos = Arrays.copyOf(pos, 2 * size);
            }
            pos[size++] = k;
          }
        }
        if (size - before < seedThreshold) {
          size = before;
          continue;
        }
        if (groups == groupEnd.length) {
          groupEnd = Arrays.copyOf(groupEnd, 2 * groups);
          groupRepo = Arrays.copyOf(groupRepo, 2 * groups);
        }
        groupEnd[groups] = size;
        groupRepo[groups++] = r;
      }
      int[] count = new int[buckets + 2]; // bucket b at b + 1, so that b - 1 and b + 1 exist
      cellBuckets = buckets;
      if (cellLive.length < groups * buckets) {
        cellLive = new int[groups * buckets];
      }
      boolean[] seeded = new boolean[buckets + 2];
      int[] touched = new int[64];
      int touchedCount = 0;
      int previous = Integer.MAX_VALUE; // accounts alive before this pass (all, at first)
      int alive = 0; // the token of the accounts alive before this pass; 0: all
      while (true) {
        int tok = ++token;
        touchedCount = 0;
        int out = 0;
        int kept = 0;
        int from = 0;
        for (int g = 0; g < groups; g++) {
          int to = groupEnd[g];
          int groupFrom = from;
          from = to; // the next group's start in this pass's layout, before it is compacted
          Arrays.fill(count, 0);
          for (int i = groupFrom; i < to; i++) {
            int u = rUser[pos[i]];
            if (alive == 0 || acct[3 * u + ALIVE] == alive) {
              count[(int) ((rTime[pos[i]] - w0) / dt) + 1]++;
            }
          }
          boolean any = false;
          for (int b = 1; b <= buckets; b++) {
            seeded[b] = count[b - 1] + count[b] + count[b + 1] >= seedThreshold;
            any |= seeded[b];
          }
          if (!any) {
            continue; // no seeded cell now, so none later: counts only fall
          }
          for (int i = groupFrom; i < to; i++) {
            int k = pos[i];
            int u = rUser[k];
            if (alive != 0 && acct[3 * u + ALIVE] != alive) {
              continue;
            }
            int b = (int) ((rTime[k] - w0) / dt) + 1;
            if (seeded[b - 1] || seeded[b] || seeded[b + 1]) {
              pos[out++] = k; // in place: out never passes i
              if (acct[3 * u + PASS] != tok) {
                acct[3 * u + PASS] = tok;
                acct[3 * u + COUNT] = 0;
                if (touchedCount == touched.length) {
                  touched = Arrays.copyOf(touched, 2 * touchedCount);
                }
                touched[touchedCount++] = u;
              }
              acct[3 * u + COUNT]++;
            }
            // A star near no seeded cell stays so: it counts towards no seeded cell, now or later.
          }
          System.arraycopy(count, 1, cellLive, kept * buckets, buckets);
          coreSlot[groupRepo[g]] = kept;
          coreSlotTok[groupRepo[g]] = tok;
          groupEnd[kept] = out; // kept <= g: this group's old end is already read
          groupRepo[kept++] = groupRepo[g];
        }
        groups = kept;
        int survivors = 0;
        for (int i = 0; i < touchedCount; i++) {
          int u = touched[i];
          if (acct[3 * u + COUNT] >= need) {
            acct[3 * u + ALIVE] = tok;
            survivors++;
          }
        }
        if (survivors == previous) {
          // Nothing left this pass: its eligible stars are those of the survivors, all of them.
          liveToken = tok;
          break;
        }
        previous = survivors;
        alive = tok;
        if (survivors == 0) {
          liveToken = tok;
          touchedCount = 0;
          groups = 0;
          break;
        }
      }
      // The survivors' eligible stars by account: eRepo[eFrom[u], eTo[u]).
      int offset = 0;
      for (int i = 0; i < touchedCount; i++) {
        int u = touched[i];
        eFrom[u] = offset;
        eTo[u] = offset;
        offset += acct[3 * u + COUNT];
      }
      if (eRepo.length < offset) {
        eRepo = new int[offset];
      }
      for (int g = 0, from = 0; g < groups; from = groupEnd[g++]) {
        for (int i = from; i < groupEnd[g]; i++) {
          int u = rUser[pos[i]];
          eRepo[eTo[u]++] = groupRepo[g];
        }
      }
    }

    BitSet run() {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (long x : t) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      int[] assigned = new int[userStart.length];
      cells = new Cells();
      int stamp = 0;
      for (long[] w : windows(min, max, p)) {
        stamp++;
        searchWindow(w[0], w[1], assigned, stamp);
      }
      return flagged;
    }

    private void searchWindow(long w0, long w1, int[] assigned, int stamp) {
      core(w0, w1);
      // Seeds: (repository, bucket) with enough stars in the bucket and its neighbours. While no
      // account of the window is in a group yet, each seed's first repositories are counted
      // here, repository by repository, from one count per (repository, bucket) cell: a seed's
      // accounts are those of its three cells (an account's first star on the repository is in
      // one cell), so its counts are the sums of theirs, and each cell's accounts are read once
      // instead of once per seed holding it.
      List<long[]> seeds = new ArrayList<>(); // {repo, bucket, count, index into counted}
      List<int[]> counted = new ArrayList<>(); // per seed, its first repositories (NONE: skip)
      for (int r = 0; r + 1 < repoStart.length; r++) {
        int from = lowerBound(rTime, repoStart[r], repoStart[r + 1], w0);
        int to = lowerBound(rTime, from, repoStart[r + 1], w1);
        if (to - from < seedThreshold) {
          continue;
        }
        long lastBucket = -1;
        for (int k = from; k < to; k++) {
          long b = (rTime[k] - w0) / dt;
          if (b == lastBucket) {
            continue;
          }
          lastBucket = b;
          int count = countIn(r, Math.max(w0, w0 + (b - 1) * dt), Math.min(w1, w0 + (b + 2) * dt));
          // A seed with fewer than n accounts of the core is skipped below (its first users are
          // its core accounts): it is not listed, nor its first repositories counted.
          if (count >= seedThreshold && liveNear(r, b) >= p.minUsers()) {
            seeds.add(new long[] {r, b, count, counted.size()});
            counted.add(precount(r, b, w0, w1, stamp));
          }
        }
        cells.clear();
      }
      seeds.sort(Comparator.<long[]>comparingLong(x -> -x[2]).thenComparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
      int[] u0 = new int[16];
      for (long[] seed : seeds) {
        int r = (int) seed[0];
        long b = seed[1];
        int from = lowerBound(rTime, repoStart[r], repoStart[r + 1], Math.max(w0, w0 + (b - 1) * dt));
        int to = lowerBound(rTime, from, repoStart[r + 1], Math.min(w1, w0 + (b + 2) * dt));
        if (to - from < p.minUsers()) {
          continue;
        }
        int size = 0;
        boolean changed = false;
        if (u0.length < to - from) {
          u0 = new int[to - from];
        }
        for (int k = from; k < to; k++) {
          int u = rUser[k];
          if (u >= 0 && live(u)) {
            if (assigned[u] != stamp) {
              u0[size++] = u;
            } else {
              changed = true;
            }
          }
        }
        int[] pages;
        if (!changed) {
          pages = counted.get((int) seed[3]); // the same accounts as when counted
        } else if (size < p.minUsers()) {
          continue;
        } else {
          pages = candidatePages(u0, size, w0, w1, stamp);
        }
        if (pages.length < p.minRepositories()) {
          continue;
        }
        int[] group = Arrays.copyOf(u0, size);
        Arrays.sort(group); // distinct: one first star per account on the seed's repository
        refine(group, pages, w0, w1, assigned, stamp);
      }
    }

    /**
     * The first repositories of the seed ({@code r}, bucket {@code b}) while no account of the
     * window is in a group: what {@link #candidatePages} gives for all its accounts, as the sum of
     * its three cells' counts, or {@link #NONE} when the seed is skipped (fewer than {@code n}
     * accounts of the core, each of which has at least {@code ceil(rho * m)} stars in the window,
     * or fewer than {@code m} repositories).
     */
    private int[] precount(int r, long b, long w0, long w1, int stamp) {
      int from = lowerBound(rTime, repoStart[r], repoStart[r + 1], Math.max(w0, w0 + (b - 1) * dt));
      int to = lowerBound(rTime, from, repoStart[r + 1], Math.min(w1, w0 + (b + 2) * dt));
      if (to - from < p.minUsers()) {
        return NONE;
      }
      int size = 0;
      for (int k = from; k < to; k++) {
        int u = rUser[k];
        size += u >= 0 && live(u) ? 1 : 0;
      }
      if (size < p.minUsers()) {
        return NONE;
      }
      return cells.pages(r, b, w0, w1, stamp);
    }

    private static final int[] NONE = new int[0];

    /** Adds {@code repo} to the touched repositories, {@code touched} so far; returns the new count. */
    private int touch(int touched, int repo) {
      if (touched == touchedRepos.length) {
        touchedRepos = Arrays.copyOf(touchedRepos, 2 * touched);
      }
      touchedRepos[touched] = repo;
      return touched + 1;
    }

    /** The touched repositories counted at least {@code ceil(rho * n)}, ascending; resets the counts. */
    private int[] keepCounted(int touched) {
      int kept = 0;
      for (int k = 0; k < touched; k++) {
        int r2 = touchedRepos[k];
        if (repoCount[r2] >= seedThreshold) {
          touchedRepos[kept++] = r2;
        }
        repoCount[r2] = 0;
      }
      int[] pages = Arrays.copyOf(touchedRepos, kept);
      Arrays.sort(pages);
      return pages;
    }

    /**
     * One repository's (repository, bucket) cells of a window, each counted once while the
     * repository's seeds are taken in bucket order: for the accounts whose first star on the
     * repository is in the cell and who have at most {@link #SEED_DEGREE_CAP} stars in the window,
     * how many of them starred each repository in it. Three cells are held at a time, cell {@code
     * c} in slot {@code c mod 3}, each as a dense count per repository and the list of the
     * repositories it touched. A repository reaches {@code ceil(rho * n)} over three cells only if
     * one cell counts at least a third of that, so a seed sums only those.
     */
    private final class Cells {
      private final int[][] count = new int[3][repoCount.length];
      private final int[] size = new int[3];
      private final int[][] often = new int[3][];
      private final long[] cell = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
      private final int third = (seedThreshold + 2) / 3;

      private final int[][] lists = {new int[16], new int[16], new int[16]};

      /** The seed's first repositories, ascending; its cells are counted if not held. */
      int[] pages(int r, long b, long w0, long w1, int stamp) {
        int candidates = 0;
        for (long c = b - 1; c <= b + 1; c++) {
          int slot = (int) Math.floorMod(c, 3L);
          if (cell[slot] != c) {
            load(slot, r, c, w0, w1, stamp);
          }
          for (int x : often[slot]) {
            if (repoCount[x] == 0) {
              repoCount[x] = 1; // marks a candidate
              candidates = touch(candidates, x);
            }
          }
        }
        int kept = 0;
        for (int k = 0; k < candidates; k++) {
          int x = touchedRepos[k];
          repoCount[x] = 0;
          if (count[0][x] + count[1][x] + count[2][x] >= seedThreshold) {
            touchedRepos[kept++] = x;
          }
        }
        int[] pages = Arrays.copyOf(touchedRepos, kept);
        Arrays.sort(pages);
        return pages;
      }

      /** Empties the slots, once the repository's seeds are counted. */
      void clear() {
        for (int slot = 0; slot < 3; slot++) {
          empty(slot);
        }
      }

      private void empty(int slot) {
        int[] c = count[slot];
        int[] list = lists[slot];
        for (int k = 0; k < size[slot]; k++) {
          c[list[k]] = 0;
        }
        size[slot] = 0;
        often[slot] = NONE;
        cell[slot] = Long.MIN_VALUE;
      }

      private void load(int slot, int r, long c, long w0, long w1, int stamp) {
        empty(slot);
        cell[slot] = c;
        long lo = Math.max(w0, w0 + c * dt);
        long hi = Math.min(w1, w0 + (c + 1) * dt);
        if (lo >= hi) {
          return;
        }
        int[] counts = count[slot];
        int[] list = lists[slot];
        int n = 0;
        int a = lowerBound(rTime, repoStart[r], repoStart[r + 1], lo);
        int z = lowerBound(rTime, a, repoStart[r + 1], hi);
        for (int k = a; k < z; k++) {
          int u = rUser[k];
          if (u < 0 || !live(u)) {
            continue;
          }
          inWindow(u, w0, w1, stamp);
          if (winTo[u] - winFrom[u] > SEED_DEGREE_CAP) {
            continue; // as candidatePages
          }
          for (int j = eFrom[u]; j < eTo[u]; j++) {
            int repo = eRepo[j];
            if (counts[repo]++ == 0) {
              if (n == list.length) {
                list = Arrays.copyOf(list, 2 * n);
              }
              list[n++] = repo;
            }
          }
        }
        lists[slot] = list;
        size[slot] = n;
        int m = 0;
        for (int k = 0; k < n; k++) {
          m += counts[list[k]] >= third ? 1 : 0;
        }
        int[] hot = new int[m];
        for (int k = 0, h = 0; k < n; k++) {
          if (counts[list[k]] >= third) {
            hot[h++] = list[k];
          }
        }
        often[slot] = hot;
      }
    }

    /**
     * Counts {@code u}'s first stars in the window by repository into {@link #repoCount} unless
     * it has more than {@link #SEED_DEGREE_CAP} stars in it; returns the touched count.
     */
    private int countStars(int u, long w0, long w1, int stamp, int touched) {
      inWindow(u, w0, w1, stamp);
      if (winTo[u] - winFrom[u] > SEED_DEGREE_CAP) {
        return touched; // too many stars to count for every seed; refinement can still take it in
      }
      for (int k = eFrom[u]; k < eTo[u]; k++) {
        int repo = eRepo[k];
        if (repoCount[repo]++ == 0) {
          touched = touch(touched, repo);
        }
      }
      return touched;
    }

    /**
     * The repositories at least {@code ceil(rho * n)} of {@code u0[0, size)} starred in the window,
     * ascending; accounts with more than {@link #SEED_DEGREE_CAP} stars in it are not counted.
     * Counts live in an array kept across seeds; only touched entries are reset.
     */
    private int[] candidatePages(int[] u0, int size, long w0, long w1, int stamp) {
      int touched = 0;
      for (int i = 0; i < size; i++) {
        touched = countStars(u0[i], w0, w1, stamp, touched);
      }
      return keepCounted(touched);
    }

    private int countIn(int r, long lo, long hi) {
      int a = lowerBound(rTime, repoStart[r], repoStart[r + 1], lo);
      return lowerBound(rTime, a, repoStart[r + 1], hi) - a;
    }

    /**
     * {@code u}'s first stars on the pages in the window, as page indices into {@code index} and
     * times into {@code at} (in no particular order); returns how many. By scanning {@code u}'s
     * stars in the window or by a binary search per page in its (repository, time) run,
     * whichever is fewer steps (same answer): the cost is never more than {@code u}'s stars in the
     * window, whatever the number of pages.
     */
    private int timesOn(int u, int[] pages, long w0, long w1, int stamp, int[] index, long[] at) {
      inWindow(u, w0, w1, stamp);
      int a = winFrom[u];
      int z = winTo[u];
      int found = 0;
      if (z - a <= pages.length) {
        for (int k = a; k < z; k++) {
          int repo = uRepo[k];
          if (repo >= 0 && pageSlot[repo] >= 0) {
            index[found] = pageSlot[repo];
            at[found++] = uTime[k];
          }
        }
      } else {
        for (int i = 0; i < pages.length; i++) {
          int star = firstStar(u, pages[i]);
          if (star >= 0 && t[star] >= w0 && t[star] < w1) {
            index[found] = i;
            at[found++] = t[star];
          }
        }
      }
      return found;
    }

    private void refine(int[] group, int[] pages, long w0, long w1, int[] assigned, int stamp) {
      long[] centre = new long[pages.length];
      int[] index = new int[pages.length];
      long[] times = new long[pages.length];
      boolean first = true;
      for (int round = 0; round < MAX_ROUNDS; round++) {
        // An account is kept only with ceil(rho * |P|) first stars near the centres, so at least
        // that many stars in the window: when fewer than n accounts have that many, this round
        // keeps fewer than n and the search ends with no group (the same end, without the round).
        int needPages = (int) Math.ceil(p.rho() * pages.length);
        int eligible = 0;
        for (int u : group) {
          inWindow(u, w0, w1, stamp);
          if (winTo[u] - winFrom[u] >= needPages) {
            eligible++;
          }
        }
        if (eligible < p.minUsers()) {
          return;
        }
        for (int i = 0; i < pages.length; i++) {
          pageSlot[pages[i]] = i;
        }
        // The group's first stars on the pages, as (page index << 32 | time - w0), sorted: per
        // page in time order. Times in a window are under 2^32 seconds from its start.
        long[] packed = new long[16];
        int count = 0;
        int[] onPages = new int[group.length]; // each account's first stars on the pages in the window
        // Where each account's stars on the pages start in packed (read once per round: the user
        // step below takes them from there instead of reading the account's stars again).
        int[] onFrom = new int[group.length];
        eligible = 0;
        // The accounts with enough stars in the window to be kept are read first: when fewer
        // than n of them have enough on the pages, the round ends without reading the others
        // (whose stars would only have moved the centres).
        for (int pass = 0; pass < 2; pass++) {
          for (int g = 0; g < group.length; g++) {
            int u = group[g];
            if ((winTo[u] - winFrom[u] >= needPages) != (pass == 0)) {
              continue;
            }
            int found = timesOn(u, pages, w0, w1, stamp, index, times);
            onPages[g] = found;
            onFrom[g] = count;
            eligible += found >= needPages ? 1 : 0;
            for (int f = 0; f < found; f++) {
              if (count == packed.length) {
                packed = Arrays.copyOf(packed, 2 * count);
              }
              packed[count++] = ((long) index[f] << 32) | (times[f] - w0);
            }
          }
          if (eligible < p.minUsers()) {
            break;
          }
        }
        if (eligible < p.minUsers()) {
          // Fewer than n accounts have ceil(rho * |P|) stars on the pages at all: none more can be
          // near that many centres, so the round keeps fewer than n (the same end, sooner).
          for (int page : pages) {
            pageSlot[page] = -1;
          }
          return;
        }
        long[] read = Arrays.copyOf(packed, count); // per account, as read; packed is sorted next
        Arrays.sort(packed, 0, count);
        // Centres: the 2 dt interval with most of the group's stars, within beta * dt of the last.
        for (int k = 0, i = 0; i < pages.length; i++) {
          int from = k;
          while (k < count && (int) (packed[k] >>> 32) == i) {
            k++;
          }
          long lo = first ? Long.MIN_VALUE : centre[i] - radius;
          long hi = first ? Long.MAX_VALUE : centre[i] + radius;
          centre[i] = bestCentre(packed, from, k, w0, lo, hi, centre[i]);
        }
        first = false;
        // Users: those of the group with enough stars near the centres.
        int[] perPage = new int[pages.length];
        int[] kept = new int[group.length];
        int keptCount = 0;
        for (int g = 0; g < group.length; g++) {
          int u = group[g];
          if (onPages[g] < needPages) {
            continue; // too few stars on the pages to be near enough centres
          }
          int near = 0;
          for (int f = onFrom[g], end = f + onPages[g]; f < end; f++) {
            int page = (int) (read[f] >>> 32);
            if (Math.abs(w0 + (read[f] & 0xffffffffL) - centre[page]) <= dt) {
              index[near++] = page;
            }
          }
          if (near >= needPages) {
            kept[keptCount++] = u;
            for (int f = 0; f < near; f++) {
              perPage[index[f]]++;
            }
          }
        }
        for (int page : pages) {
          pageSlot[page] = -1;
        }
        int[] nextGroup = Arrays.copyOf(kept, keptCount);
        // Pages: those enough of the group starred near their centres.
        int needUsers = Math.max(1, (int) Math.ceil(p.rho() * nextGroup.length));
        int keep = 0;
        for (int i = 0; i < pages.length; i++) {
          if (perPage[i] >= needUsers) {
            keep++;
          }
        }
        int[] nextPages = new int[keep];
        long[] nextCentre = new long[keep];
        for (int i = 0, k = 0; i < pages.length; i++) {
          if (perPage[i] >= needUsers) {
            nextPages[k] = pages[i];
            nextCentre[k++] = centre[i];
          }
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
      // A group: CopyCatch's user step once over every account (through the pages' first stars
      // near their centres), so members that were not in the seed join it.
      LongIntMap nearCount = new LongIntMap();
      int[] candidates = new int[16];
      int[] counts = new int[16];
      int distinct = 0;
      for (int i = 0; i < pages.length; i++) {
        int r = pages[i];
        int a = lowerBound(rTime, repoStart[r], repoStart[r + 1], Math.max(w0, centre[i] - dt));
        int z = lowerBound(rTime, a, repoStart[r + 1], Math.min(w1, centre[i] + dt + 1));
        for (int k = a; k < z; k++) {
          int u = rUser[k];
          if (u < 0 || assigned[u] == stamp) {
            continue;
          }
          int slot = nearCount.get(u);
          if (slot < 0) {
            if (distinct == candidates.length) {
              candidates = Arrays.copyOf(candidates, 2 * distinct);
              counts = Arrays.copyOf(counts, 2 * distinct);
            }
            slot = distinct++;
            nearCount.put(u, slot);
            candidates[slot] = u;
          }
          counts[slot]++;
        }
      }
      int needPages = (int) Math.ceil(p.rho() * pages.length);
      int[] members = new int[distinct];
      int memberCount = 0;
      for (int k = 0; k < distinct; k++) {
        if (counts[k] >= needPages) {
          members[memberCount++] = candidates[k];
        }
      }
      members = Arrays.copyOf(members, memberCount);
      Arrays.sort(members);
      for (int u : members) {
        assigned[u] = stamp;
      }
      flagConfirmed(members, pages, w0, w1);
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
          int star = firstStar(u, page);
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
          int star = firstStar(u, confirmed[k]);
          if (star >= 0) {
            flagged.set(star);
          }
        }
      }
    }

    /**
     * The middle of the 2 dt interval holding most of the sorted times {@code w0 + (packed[k] &
     * 0xffffffff)}, {@code k} in {@code [from, to)}, that lie within {@code [lo, hi]}; ties: the
     * earliest; {@code previous} when none does.
     */
    private long bestCentre(long[] packed, int from, int to, long w0, long lo, long hi, long previous) {
      int best = 0;
      long bestCentre = previous;
      int j = -1;
      for (int i = from; i < to; i++) {
        long ti = w0 + (packed[i] & 0xffffffffL);
        if (ti < lo || ti > hi) {
          continue;
        }
        if (j < 0) {
          j = i;
        }
        while (ti - (w0 + (packed[j] & 0xffffffffL)) > 2 * dt) {
          j++;
        }
        // The times in [lo, hi] are contiguous in sorted order, so j never passes one outside.
        long tj = w0 + (packed[j] & 0xffffffffL);
        int inside = i - j + 1;
        if (inside > best) {
          best = inside;
          bestCentre = tj + (ti - tj) / 2;
        }
      }
      return bestCentre;
    }
  }
}
