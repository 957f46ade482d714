package io.github.communitymetrics.core.metrics.stars;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link Lockstep}'s rules written the plain way, straight from its Javadoc, for small inputs:
 * every step scans all the stars (quadratic and worse), so that the fast search can be compared
 * with it on random data. Nothing here is shared with {@link Lockstep} but {@link
 * Lockstep#windows} (the calendar, tested by hand on its own).
 */
final class LockstepReference {
  private final int[] users;
  private final int[] repos;
  private final long[] t;
  private final LockstepParameters p;
  private final long dt;
  private final int seedThreshold;
  private final Map<Long, Integer> firstStar = new HashMap<>(); // (user, repo) -> star
  private final BitSet flagged = new BitSet();

  private LockstepReference(int[] users, int[] repos, long[] t, LockstepParameters p) {
    this.users = users;
    this.repos = repos;
    this.t = t;
    this.p = p;
    this.dt = p.dt().toSeconds();
    this.seedThreshold = (int) Math.ceil(p.rho() * p.minUsers());
    for (int i = 0; i < t.length; i++) {
      long key = ((long) users[i] << 32) | repos[i];
      Integer prior = firstStar.get(key);
      if (prior == null || t[i] < t[prior]) {
        firstStar.put(key, i);
      }
    }
  }

  static BitSet detect(int[] users, int[] repos, long[] t, LockstepParameters p) {
    LockstepReference r = new LockstepReference(users, repos, t, p);
    if (t.length == 0) {
      return r.flagged;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long x : t) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    for (long[] w : Lockstep.windows(min, max, p)) {
      r.window(w[0], w[1]);
    }
    return r.flagged;
  }

  private boolean isFirst(int star) {
    return firstStar.get(((long) users[star] << 32) | repos[star]) == star;
  }

  /** Stars (all, or first only) of {@code repo} with a time in [lo, hi), in (time, index) order. */
  private List<Integer> starsOf(int repo, long lo, long hi, boolean firstOnly) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      if (repos[i] == repo && t[i] >= lo && t[i] < hi && (!firstOnly || isFirst(i))) {
        out.add(i);
      }
    }
    out.sort(Comparator.<Integer>comparingLong(i -> t[i]).thenComparingInt(i -> i));
    return out;
  }

  /** Stars of {@code user} in [w0, w1), in (time, index) order. */
  private List<Integer> starsBy(int user, long w0, long w1) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      if (users[i] == user && t[i] >= w0 && t[i] < w1) {
        out.add(i);
      }
    }
    out.sort(Comparator.<Integer>comparingLong(i -> t[i]).thenComparingInt(i -> i));
    return out;
  }

  /**
   * The window's core: the first stars in it of the accounts that survive peeling, each with
   * whether it is eligible (near a seeded cell of its repository). Plainly: until nothing
   * changes, count each (repository, bucket) cell's first stars by surviving accounts, seed the
   * cells whose count over the cell and its two neighbours is at least ceil(rho * n), and keep
   * the accounts with at least ceil(rho * m) first stars in a seeded cell's bucket or a
   * neighbour of one.
   */
  private Set<Integer> eligibleStars(long w0, long w1, Set<Integer> live) {
    int need = (int) Math.ceil(p.rho() * p.minRepositories());
    List<Integer> firsts = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i] >= w0 && t[i] < w1 && isFirst(i)) {
        firsts.add(i);
        live.add(users[i]);
      }
    }
    while (true) {
      Map<Long, Integer> cells = new HashMap<>(); // (repo << 20 | bucket) -> first stars of live accounts
      for (int i : firsts) {
        if (live.contains(users[i])) {
          cells.merge(((long) repos[i] << 20) | ((t[i] - w0) / dt), 1, Integer::sum);
        }
      }
      Set<Integer> eligible = new HashSet<>();
      Map<Integer, Integer> perUser = new HashMap<>();
      for (int i : firsts) {
        if (!live.contains(users[i])) {
          continue;
        }
        long b = (t[i] - w0) / dt;
        boolean near = false;
        for (long c = b - 1; c <= b + 1; c++) {
          int sum = 0;
          for (long d = c - 1; d <= c + 1; d++) {
            sum += d < 0 ? 0 : cells.getOrDefault(((long) repos[i] << 20) | d, 0);
          }
          near |= c >= 0 && sum >= seedThreshold;
        }
        if (near) {
          eligible.add(i);
          perUser.merge(users[i], 1, Integer::sum);
        }
      }
      Set<Integer> next = new HashSet<>();
      perUser.forEach((u, c) -> {
        if (c >= need) {
          next.add(u);
        }
      });
      if (next.equals(live)) {
        return eligible;
      }
      live.retainAll(next);
    }
  }

  private void window(long w0, long w1) {
    Set<Integer> live = new HashSet<>();
    Set<Integer> eligible = eligibleStars(w0, w1, live);
    Set<Integer> assigned = new HashSet<>();
    TreeSet<Integer> allRepos = new TreeSet<>();
    for (int r : repos) {
      allRepos.add(r);
    }
    List<long[]> seeds = new ArrayList<>(); // {repo, bucket, count}
    for (int r : allRepos) {
      List<Integer> in = starsOf(r, w0, w1, false);
      if (in.size() < seedThreshold) {
        continue;
      }
      TreeSet<Long> buckets = new TreeSet<>();
      for (int i : in) {
        buckets.add((t[i] - w0) / dt);
      }
      for (long b : buckets) {
        int count = starsOf(r, Math.max(w0, w0 + (b - 1) * dt), Math.min(w1, w0 + (b + 2) * dt), false).size();
        if (count >= seedThreshold) {
          seeds.add(new long[] {r, b, count});
        }
      }
    }
    seeds.sort(Comparator.<long[]>comparingLong(x -> -x[2]).thenComparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
    for (long[] seed : seeds) {
      int r = (int) seed[0];
      long b = seed[1];
      List<Integer> u0 = new ArrayList<>();
      for (int i : starsOf(r, Math.max(w0, w0 + (b - 1) * dt), Math.min(w1, w0 + (b + 2) * dt), true)) {
        if (!assigned.contains(users[i]) && live.contains(users[i])) {
          u0.add(users[i]);
        }
      }
      if (u0.size() < p.minUsers()) {
        continue;
      }
      Map<Integer, Integer> counts = new TreeMap<>();
      for (int u : u0) {
        List<Integer> mine = starsBy(u, w0, w1);
        if (mine.size() > Lockstep.SEED_DEGREE_CAP) {
          continue;
        }
        for (int i : mine) {
          if (eligible.contains(i)) {
            counts.merge(repos[i], 1, Integer::sum);
          }
        }
      }
      List<Integer> pages = new ArrayList<>();
      counts.forEach((repo, c) -> {
        if (c >= seedThreshold) {
          pages.add(repo);
        }
      });
      if (pages.size() < p.minRepositories()) {
        continue;
      }
      refine(new ArrayList<>(new TreeSet<>(u0)), pages, w0, w1, assigned);
    }
  }

  private void refine(List<Integer> group, List<Integer> pages, long w0, long w1, Set<Integer> assigned) {
    long radius = (long) Math.ceil(p.beta() * dt);
    Map<Integer, Long> centre = new HashMap<>();
    for (int page : pages) {
      centre.put(page, 0L);
    }
    for (int round = 0; round < 32; round++) {
      for (int page : pages) {
        List<Long> ts = new ArrayList<>();
        for (int u : group) {
          for (int i : starsBy(u, w0, w1)) {
            if (isFirst(i) && repos[i] == page) {
              ts.add(t[i]);
            }
          }
        }
        ts.sort(null);
        long previous = centre.get(page);
        long lo = round == 0 ? Long.MIN_VALUE : previous - radius;
        long hi = round == 0 ? Long.MAX_VALUE : previous + radius;
        List<Long> in = ts.stream().filter(x -> x >= lo && x <= hi).toList();
        centre.put(page, densest(in, previous));
      }
      int needPages = (int) Math.ceil(p.rho() * pages.size());
      List<Integer> kept = new ArrayList<>();
      Map<Integer, Integer> perPage = new HashMap<>();
      for (int u : group) {
        Set<Integer> near = new HashSet<>();
        for (int i : starsBy(u, w0, w1)) {
          if (isFirst(i) && centre.containsKey(repos[i]) && pages.contains(repos[i])
              && Math.abs(t[i] - centre.get(repos[i])) <= dt) {
            near.add(repos[i]);
          }
        }
        if (near.size() >= needPages) {
          kept.add(u);
          near.forEach(page -> perPage.merge(page, 1, Integer::sum));
        }
      }
      int needUsers = Math.max(1, (int) Math.ceil(p.rho() * kept.size()));
      List<Integer> keptPages = pages.stream().filter(page -> perPage.getOrDefault(page, 0) >= needUsers).toList();
      boolean same = kept.equals(group) && keptPages.equals(pages);
      group = kept;
      pages = keptPages;
      if (same || group.size() < p.minUsers() || pages.size() < p.minRepositories()) {
        break;
      }
    }
    if (group.size() < p.minUsers() || pages.size() < p.minRepositories()) {
      return;
    }
    Map<Integer, Integer> nearCount = new TreeMap<>();
    for (int page : pages) {
      long c = centre.get(page);
      for (int i : starsOf(page, Math.max(w0, c - dt), Math.min(w1, c + dt + 1), true)) {
        if (!assigned.contains(users[i])) {
          nearCount.merge(users[i], 1, Integer::sum);
        }
      }
    }
    int needPages = (int) Math.ceil(p.rho() * pages.size());
    List<Integer> members = new ArrayList<>();
    nearCount.forEach((u, c) -> {
      if (c >= needPages) {
        members.add(u);
      }
    });
    assigned.addAll(members);
    List<Integer> confirmed = new ArrayList<>();
    for (int page : pages) {
      int starred = 0;
      for (int u : members) {
        Integer star = firstStar.get(((long) u << 32) | page);
        if (star != null && t[star] >= w0 && t[star] < w1) {
          starred++;
        }
      }
      if (starred >= p.minUsers()) {
        confirmed.add(page);
      }
    }
    if (confirmed.size() < p.rho() * p.minRepositories()) {
      return;
    }
    for (int page : confirmed) {
      for (int u : members) {
        Integer star = firstStar.get(((long) u << 32) | page);
        if (star != null) {
          flagged.set(star);
        }
      }
    }
  }

  /** The middle of the first 2 dt interval holding the most of {@code sorted}; {@code previous} if none. */
  private long densest(List<Long> sorted, long previous) {
    if (sorted.isEmpty()) {
      return previous;
    }
    int best = 0;
    long middle = sorted.get(0);
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = 0; j <= i; j++) {
        if (sorted.get(i) - sorted.get(j) <= 2 * dt) {
          if (i - j + 1 > best) {
            best = i - j + 1;
            middle = sorted.get(j) + (sorted.get(i) - sorted.get(j)) / 2;
          }
          break;
        }
      }
    }
    return middle;
  }
}
