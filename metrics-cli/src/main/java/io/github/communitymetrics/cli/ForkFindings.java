package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.time.Granularity;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Locale;

/** What the text and JSON outputs of {@code forks} both read from its {@link ForksCommand.Run}. */
final class ForkFindings {
  private ForkFindings() {}

  static Granularity period(ForksCommand.Run run) {
    return run.evaluation().granularity(ForkActivity.INSTANCE, "period");
  }

  static int sustainedMonths(ForksCommand.Run run) {
    return run.evaluation().integer(HardForkSignals.INSTANCE, "sustainedMonths");
  }

  static String forkEventsWord(ForksCommand.Run run) {
    return String.join(" ", run.evaluation().words(ForkActivity.INSTANCE, "forkEvents"));
  }

  /**
   * The forks of each upstream, in fork order, and those that show a signal, most signals first:
   * grouped once per output, since filtering every fork for every upstream costs upstreams times
   * forks (tens of thousands of each on a GH Archive day).
   */
  static final class ByUpstream {
    private final Map<Repository, List<ForkActivity.ForkFacts>> forks;
    private final Map<Repository, List<HardForkSignals.ForkSignals>> signals;

    ByUpstream(ForksCommand.Run run) {
      forks = run.activity().forks().stream()
          .collect(Collectors.groupingBy(ForkActivity.ForkFacts::upstream, LinkedHashMap::new, Collectors.toList()));
      signals = run.signals().withSignals().stream()
          .collect(Collectors.groupingBy(HardForkSignals.ForkSignals::upstream, LinkedHashMap::new, Collectors.toList()));
    }

    /** The forks of {@code upstream}, in fork order. */
    List<ForkActivity.ForkFacts> forksOf(Repository upstream) {
      return forks.getOrDefault(upstream, List.of());
    }

    /** The forks of {@code upstream} that show a signal, most signals first. */
    List<HardForkSignals.ForkSignals> signalsOf(Repository upstream) {
      return signals.getOrDefault(upstream, List.of());
    }
  }

  /** Why the flow from forks has no value without any pull request's head repository. */
  static final String NO_HEADS = "no pull request of the input says which repository it comes from";

  /** Whether a period ends at or before the input's first event: the data says nothing of it. */
  static boolean beforeData(ForksCommand.Run run, ForkActivity.Flow f) {
    return !f.period().end().isAfter(run.dataStart());
  }

  /** Why a flow's median time to merge has no value. */
  static String medianWhy(ForksCommand.Run run, ForkActivity.Flow f) {
    if (!run.headsKnown()) {
      return NO_HEADS;
    }
    return f.pullRequestsOpened() == 0
        ? "no pull request from a fork was opened"
        : "fewer than half of the " + f.pullRequestsOpened() + " pull requests from forks were merged";
  }

  /**
   * Why a fork has no commits ahead or behind: its comparisons' reasons when it was compared and
   * none counted, else why it was not compared.
   */
  static String aheadWhy(ForksCommand.Run run, ForkActivity.ForkFacts f) {
    if (f.divergences().isEmpty()) {
      return run.compared().why().getOrDefault(ForksCommand.key(f.fork()), "not compared");
    }
    return f.divergences().stream()
        .map(d -> d instanceof Divergence.Unknown u ? u.reason().word() + " (" + u.source().word() + ": " + u.detail() + ")" : "")
        .filter(x -> !x.isEmpty())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** A reason or source in JSON: {@code NO_COMMON_HISTORY} as {@code noCommonHistory}. */
  static String camel(Enum<?> e) {
    String[] parts = e.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder out = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return out.toString();
  }

  /** {@code OWN_RELEASES} as {@code own releases}. */
  static String word(HardForkSignals.Kind k) {
    return k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** {@code OWN_RELEASES} as {@code ownReleases}. */
  static String camel(HardForkSignals.Kind k) {
    return camel((Enum<?>) k);
  }
}
