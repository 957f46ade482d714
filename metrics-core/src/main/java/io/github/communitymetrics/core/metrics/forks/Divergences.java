package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.Locale;

/**
 * The comparisons of forks with their upstreams that {@link ForkActivity} is given beside the
 * events (an explicit parameter: {@link #none()} when nothing was compared, and then every fork's
 * ahead and behind are no data). A fork may have several (one per source); each is matched to a
 * fork by forge and full names of the fork and its upstream, ignoring case, as the fork metrics
 * key forks (a fork event names its fork without the numeric id).
 *
 * @param all every comparison, in the order given
 */
public record Divergences(List<Divergence> all) {
  private static final Divergences NONE = new Divergences(List.of());

  /** Checks and copies the list. */
  public Divergences {
    all = List.copyOf(Checks.notNull(all, "all"));
  }

  /** No comparison: every fork's ahead and behind are no data. */
  public static Divergences none() {
    return NONE;
  }

  /** The comparisons given. */
  public static Divergences of(List<? extends Divergence> all) {
    return new Divergences(List.copyOf(all));
  }

  /** Whether nothing was compared. */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** The comparisons of {@code fork} with {@code upstream}, in the order given; empty when none. */
  public List<Divergence> of(Repository fork, Repository upstream) {
    Checks.notNull(fork, "fork");
    Checks.notNull(upstream, "upstream");
    return all.stream().filter(d -> same(d.fork(), fork) && same(d.upstream(), upstream)).toList();
  }

  private static boolean same(Repository a, Repository b) {
    return a.forge() == b.forge()
        && a.fullName().toLowerCase(Locale.ROOT).equals(b.fullName().toLowerCase(Locale.ROOT));
  }
}
