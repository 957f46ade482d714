package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.ForkEvents;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.ForkScenario;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * "Is a fork splitting off, and who goes with it?": the fork metrics of the core ({@code
 * fork-activity} with period month, {@code hard-fork-signals} with 3 sustained months, their
 * presets) on the simulator's {@link ForkScenario} planted on the demo community: social forks
 * that never change, contributing forks that send pull requests back, and a renamed hard fork
 * with its own releases and people that takes part of the core team. It prints each fork's
 * signals with their evidence and its dated timeline: signals, never a verdict.
 *
 * <p>Run: {@code examples/run.sh HardForks}. On GH Archive hours (which hold the forks' own
 * pushes, so every signal can be seen): {@code community-metrics forks --gharchive DIR [--repo
 * OWNER/NAME]} (docs/forks.md).
 */
public final class HardForks {
  private HardForks() {}

  /** Prints the signals of the planted forks. */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    SimulationConfig config = SimulationConfig.demo();
    ForkScenario.ForkedCommunity forked = ForkScenario.demo().plant(CommunitySimulator.simulate(config));
    Window window = new Window(config.start(), config.start().atOffset(ZoneOffset.UTC).plusMonths(config.months()).toInstant());
    EventStore store = EventStore.of(forked.events());
    People people = People.resolve(store);
    RepositoryScope scope = RepositoryScope.of(forked.upstream());
    ForkActivity.Result activity = ForkActivity.of(scope, window, Granularity.MONTH, ForkEvents.AUTO).compute(store, people);
    HardForkSignals.Result signals = HardForkSignals.of(scope, window, 3, ForkEvents.AUTO).compute(store, people);
    out.println("Is a fork splitting off, and who goes with it?");
    out.println(forked.upstream().fullName() + ", " + window.start() + " to " + window.end()
        + " (simulated demo community with a planted fork scenario)");
    out.println();
    ForkActivity.Flow t = activity.total();
    out.println("Forks: " + activity.forks().size() + "; changed after creation: "
        + (activity.changedForks().isPresent() ? String.valueOf(activity.changedForks().getAsInt())
            : "no data (the data lacks the forks' own events)")
        + "; contributing (a pull request back): " + t.contributingForks());
    out.println("Pull requests from forks: " + t.pullRequestsOpened() + " opened, " + t.pullRequestsMerged()
        + " merged; median time to merge (Kaplan-Meier): "
        + t.medianTimeToMerge().map(d -> String.format(Locale.ROOT, "%.1f days", d.getSeconds() / 86_400.0))
            .orElse("no data"));
    out.println();
    out.println("Hard-fork signals (evidence, not a verdict): " + signals.withSignals().size() + " of " + signals.forks()
        + " forks show any");
    for (HardForkSignals.ForkSignals f : signals.withSignals()) {
      out.println();
      out.println(f.fork().fullName() + ": " + f.signals().size() + " of " + HardForkSignals.Kind.values().length
          + " signals, " + f.pullRequestsBack() + " pull requests back");
      for (HardForkSignals.Signal s : f.signals()) {
        out.println("  " + s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + s.since().map(at -> " since " + at.toString().substring(0, 10)).orElse("") + ": " + s.evidence());
      }
      for (HardForkSignals.Mover m : f.movers()) {
        out.println("  moved: " + m.person().label() + " on " + m.moved().toString().substring(0, 10)
            + (m.stillUpstream() ? ", still acts upstream" : ", no act upstream since"));
      }
      if (f.signals().size() >= 3) {
        out.println("  timeline:");
        f.timeline().forEach(s -> out.println("    " + s.at().toString().substring(0, 10) + "  " + s.what()));
      }
    }
    out.println();
    out.println("On GH Archive hours: community-metrics forks --gharchive DIR [--repo OWNER/NAME] (docs/forks.md)");
  }
}
