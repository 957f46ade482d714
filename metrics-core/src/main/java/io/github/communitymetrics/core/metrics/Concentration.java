package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How concentrated contributions are: the smallest number of top contributors whose cumulative
 * share satisfies a {@link ShareRule}. This one algorithm is the CHAOSS contributor absence factor,
 * the OpenSauced lottery factor, the Apache pony factor, LFX's contributor and organisation
 * dependency and, over organisations, the CHAOSS elephant factor; they differ in the rule, the
 * contribution type and the window.
 *
 * @param <K> what is ranked: people, organisations, e-mail domains
 * @param rule the share rule used
 * @param total all contributions counted
 * @param factor how many top contributors it takes; 0 when there are no contributions
 * @param ranking everyone with at least one contribution, most contributions first; equal counts
 *     are ordered by the caller's tie order, which never changes the factor
 */
public record Concentration<K>(ShareRule rule, long total, int factor, List<Ranked<K>> ranking) {

  /** Checks the components and copies the ranking. */
  public Concentration {
    Checks.notNull(rule, "rule");
    ranking = List.copyOf(Checks.notNull(ranking, "ranking"));
    if (!(factor >= 0 && factor <= ranking.size())) {
      throw new IllegalArgumentException("factor out of range: " + factor);
    }
  }

  /**
   * Ranks the counts and finds the factor.
   *
   * @param counts contributions per key; zero counts are ignored, negative ones rejected
   * @param rule when the top contributors hold the community
   * @param tieOrder orders keys with equal counts, so that the ranking is deterministic
   * @throws IllegalArgumentException if a count is negative
   */
  public static <K> Concentration<K> of(
      Map<K, Long> counts, ShareRule rule, Comparator<? super K> tieOrder) {
    Checks.notNull(counts, "counts");
    Checks.notNull(rule, "rule");
    Checks.notNull(tieOrder, "tieOrder");
    List<Map.Entry<K, Long>> entries = new ArrayList<>(counts.size());
    long total = 0;
    for (Map.Entry<K, Long> e : counts.entrySet()) {
      long n = e.getValue();
      if (!(n >= 0)) {
        throw new IllegalArgumentException("negative count " + n + " for " + e.getKey());
      }
      if (n > 0) {
        entries.add(e);
        total = Math.addExact(total, n);
      }
    }
    entries.sort(
        Comparator.<Map.Entry<K, Long>>comparingLong(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey, tieOrder));
    List<Ranked<K>> ranking = new ArrayList<>(entries.size());
    long cumulative = 0;
    int factor = 0;
    for (Map.Entry<K, Long> e : entries) {
      long n = e.getValue();
      cumulative += n;
      ranking.add(new Ranked<>(e.getKey(), n, (double) n / total, (double) cumulative / total));
      if (factor == 0 && rule.isMetBy(cumulative, total)) {
        factor = ranking.size();
      }
    }
    return new Concentration<>(rule, total, factor, ranking);
  }

  /** The top contributors that make up the factor, most contributions first. */
  public List<Ranked<K>> members() {
    return ranking.subList(0, factor);
  }
}
