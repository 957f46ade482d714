package io.github.communitymetrics.core.metrics.growth;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Bursts of events: CHAOSS Burstiness with Bollinger bands and the Goh-Barabasi burstiness
 * coefficient.
 *
 * <p>CHAOSS Burstiness ({@code chaoss/wg-metrics-development}, focus-areas/time/burstiness.md)
 * describes "short timeframes of intense activity ... followed by a return to a typical pattern"
 * and suggests Bollinger bands. Here a period is <em>flagged</em> when its count is strictly above
 * the mean plus {@code k} population standard deviations of the {@code window} periods before it
 * (the trailing band, which excludes the period itself so a burst cannot raise its own bar). The
 * first {@code window} periods have no full trailing window and are never flagged. A burst is a
 * maximal run of consecutive flagged periods. Defaults are Bollinger's own: {@value
 * #DEFAULT_WINDOW} periods and k = {@value #DEFAULT_K}.
 *
 * <p>Goh and Barabasi, "Burstiness and memory in complex systems", EPL 81 (2008) 48002: B = (s -
 * m) / (s + m) of the inter-event times (s their population standard deviation, m their mean): -1
 * for a perfectly regular sequence, 0 for a Poisson process, towards 1 for bursty activity.
 */
public final class Bursts {

  /** Bollinger's trailing window, in periods. */
  public static final int DEFAULT_WINDOW = 20;

  /** Bollinger's band width, in standard deviations. */
  public static final double DEFAULT_K = 2.0;

  private Bursts() {}

  /**
   * One event for burst detection.
   *
   * @param at when it happened
   * @param account who did it (a stable person key, for instance {@code People.key})
   * @param <K> the account key
   */
  public record Occurrence<K>(Instant at, K account) {
    /** Checks the fields. */
    public Occurrence {
      Checks.notNull(at, "at");
      Checks.notNull(account, "account");
    }
  }

  /**
   * One burst.
   *
   * <p>A <em>new account</em> of a burst is an account whose first event in the data (the first
   * of its events given to {@link #bollinger}, or its given first appearance) falls inside the
   * burst: at or after the burst's start (and so before its end, as it has an event in it). The share is over
   * the burst's events, not its accounts, because a burst of fake stars is one event per
   * account while a burst of real work is many events of few accounts.
   *
   * @param window from the start of the first flagged period to the end of the last
   * @param periods how many periods the burst spans
   * @param size the events in the burst
   * @param accounts the distinct accounts with events in the burst
   * @param newAccounts those of them whose first event in the data is in the burst
   * @param newAccountEvents the burst's events made by new accounts
   */
  public record Burst(
      Window window, int periods, long size, int accounts, int newAccounts, long newAccountEvents) {
    /** Checks the fields. */
    public Burst {
      Checks.notNull(window, "window");
      Checks.positive(periods, "periods");
      Checks.argument(size > 0 && newAccountEvents >= 0 && newAccountEvents <= size, "events");
      Checks.argument(accounts > 0 && newAccounts >= 0 && newAccounts <= accounts, "accounts");
    }

    /** newAccountEvents / size: the share of the burst's events made by new accounts. */
    public double newAccountShare() {
      return (double) newAccountEvents / size;
    }
  }

  /**
   * Which periods are above their trailing Bollinger band.
   *
   * @param counts the events per period, in period order
   * @param window the trailing window, in periods (at least 2)
   * @param k the band's width in population standard deviations (at least 0)
   * @return for each period, whether its count is above mean + k sd of the {@code window}
   *     periods before it
   */
  public static boolean[] flags(long[] counts, int window, double k) {
    Checks.notNull(counts, "counts");
    Checks.argument(window >= 2, "window must be at least 2 periods: " + window);
    Checks.argument(Double.isFinite(k) && k >= 0, "k must be finite and at least 0: " + k);
    boolean[] flagged = new boolean[counts.length];
    for (int t = window; t < counts.length; t++) {
      double mean = 0;
      for (int i = t - window; i < t; i++) {
        mean += counts[i];
      }
      mean /= window;
      double squares = 0;
      for (int i = t - window; i < t; i++) {
        squares += (counts[i] - mean) * (counts[i] - mean);
      }
      flagged[t] = counts[t] > mean + k * Math.sqrt(squares / window);
    }
    return flagged;
  }

  /**
   * The bursts of {@code events} over consecutive {@code periods}.
   *
   * @param periods consecutive, non-overlapping periods in order (a series' periods)
   * @param events the events; those outside every period are ignored for counts but still give an
   *     account its first event
   * @param window the trailing window in periods (at least 2)
   * @param k the band's width in standard deviations
   * @return the bursts in order; none if there are at most {@code window} periods
   */
  public static <K> List<Burst> bollinger(
      List<Window> periods, List<Occurrence<K>> events, int window, double k) {
    Checks.notNull(events, "events");
    Map<K, Instant> first = new HashMap<>();
    for (Occurrence<K> o : events) {
      first.merge(o.account(), o.at(), (a, b) -> a.isBefore(b) ? a : b);
    }
    return bollinger(periods, events, first, window, k);
  }

  /**
   * The bursts of {@code events} over consecutive {@code periods}, with each account's first
   * appearance given: an account is new in a burst when its first appearance is at or after the
   * burst's start (it is before the burst's end, since the account has an event in the burst).
   *
   * @param firstSeen each account's first appearance (its first event of any kind, which may be
   *     no event of {@code events}); at or before each of its events
   * @throws IllegalArgumentException if an account has no first appearance or one after its event
   */
  public static <K> List<Burst> bollinger(
      List<Window> periods, List<Occurrence<K>> events, Map<K, Instant> firstSeen, int window, double k) {
    Checks.notNull(periods, "periods");
    Checks.notNull(events, "events");
    Checks.notNull(firstSeen, "firstSeen");
    for (int i = 1; i < periods.size(); i++) {
      // The message only when it fails: built eagerly it was most of the cost of a long series.
      if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
        throw new IllegalArgumentException(
            "periods must be in order and not overlap: " + periods.get(i - 1) + ", " + periods.get(i));
      }
    }
    List<Occurrence<K>> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Occurrence::at));
    long[] counts = new long[periods.size()];
    for (Occurrence<K> o : sorted) {
      Instant seen = firstSeen.get(o.account());
      if (seen == null || seen.isAfter(o.at())) {
        throw new IllegalArgumentException(
            "first appearance of " + o.account() + " missing or after its event at " + o.at() + ": " + seen);
      }
      int p = indexOf(periods, o.at());
      if (p >= 0) {
        counts[p]++;
      }
    }
    boolean[] flagged = flags(counts, window, k);
    List<Burst> bursts = new ArrayList<>();
    for (int t = 0; t < flagged.length; t++) {
      if (!flagged[t]) {
        continue;
      }
      int end = t;
      while (end + 1 < flagged.length && flagged[end + 1]) {
        end++;
      }
      bursts.add(burst(periods, sorted, firstSeen, t, end));
      t = end;
    }
    return List.copyOf(bursts);
  }

  private static <K> Burst burst(
      List<Window> periods, List<Occurrence<K>> sorted, Map<K, Instant> first, int from, int to) {
    long size = 0;
    long newEvents = 0;
    Set<K> accounts = new HashSet<>();
    Set<K> newAccounts = new HashSet<>();
    for (Occurrence<K> o : sorted) {
      int p = indexOf(periods, o.at());
      if (p < from || p > to) {
        continue;
      }
      size++;
      accounts.add(o.account());
      if (!first.get(o.account()).isBefore(periods.get(from).start())) {
        newEvents++;
        newAccounts.add(o.account());
      }
    }
    Window w = Window.of(periods.get(from).start(), periods.get(to).end());
    return new Burst(w, to - from + 1, size, accounts.size(), newAccounts.size(), newEvents);
  }

  /** The index of the period containing {@code at}, or -1 (binary search over ordered periods). */
  static int indexOf(List<Window> periods, Instant at) {
    int lo = 0;
    int hi = periods.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Window w = periods.get(mid);
      if (at.isBefore(w.start())) {
        hi = mid - 1;
      } else if (!at.isBefore(w.end())) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /**
   * The Goh-Barabasi burstiness coefficient of the inter-event times of {@code events}.
   *
   * @return B in [-1, 1); empty (no data) with fewer than 2 inter-event times (3 events) or when
   *     every event is at the same instant (s + m = 0)
   */
  public static OptionalDouble burstinessCoefficient(List<Instant> events) {
    Checks.notNull(events, "events");
    if (events.size() < 3) {
      return OptionalDouble.empty();
    }
    List<Instant> sorted = events.stream().sorted().toList();
    double[] gaps = new double[sorted.size() - 1];
    double mean = 0;
    for (int i = 0; i < gaps.length; i++) {
      Duration d = Duration.between(sorted.get(i), sorted.get(i + 1));
      gaps[i] = d.getSeconds() + d.getNano() / 1e9;
      mean += gaps[i];
    }
    mean /= gaps.length;
    double squares = 0;
    for (double g : gaps) {
      squares += (g - mean) * (g - mean);
    }
    double sd = Math.sqrt(squares / gaps.length);
    return sd + mean == 0 ? OptionalDouble.empty() : OptionalDouble.of((sd - mean) / (sd + mean));
  }
}
