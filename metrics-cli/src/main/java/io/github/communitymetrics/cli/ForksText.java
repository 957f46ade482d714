package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Coverage;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.time.Window;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** The text output of {@code forks}: per upstream repository, what docs/forks.md describes. */
final class ForksText {
  private ForksText() {}

  static void write(PrintWriter out, ForksCommand.Run run) {
    Window w = run.evaluation().window();
    out.println("Source: " + run.source());
    out.println("Window: " + w.start() + " to " + w.end() + " (counts are of the window; everything before its end is read)");
    out.println("Parameters: period " + ForkFindings.period(run).word() + ", sustained work in "
        + ForkFindings.sustainedMonths(run) + " months, fork events " + ForkFindings.forkEventsWord(run));
    out.println("Forks' own events: " + coverage(run.activity().coverage()));
    if (!run.headsKnown()) {
      out.println("Pull requests from forks: no data (no pull request of the input says which repository it comes"
          + " from, as a GitHub REST read or a read of the forks list alone): contributing forks and the flow back"
          + " are no data, not 0");
    }
    out.println("All repositories in the window: " + flowLine(run, run.activity().total()));
    if (run.upstreams().isEmpty()) {
      out.println();
      out.println("No fork in the data: no fork event and no pull request from another repository.");
    }
    ForkFindings.ByUpstream byUpstream = new ForkFindings.ByUpstream(run);
    for (Repository upstream : run.upstreams()) {
      out.println();
      repository(out, run, byUpstream, upstream);
    }
    if (run.simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  static String coverage(Coverage c) {
    if (c.present()) {
      return "present (" + (c.detected() ? "detected: some fork has pushes or commits of its own" : "as --fork-events says")
          + ")";
    }
    return "absent (" + (c.detected() ? "no known fork has an event of its own" : "as --fork-events says")
        + "): whether forks changed, active forks and every hard-fork signal but the new name are no data, not 0";
  }

  private static void repository(PrintWriter out, ForksCommand.Run run, ForkFindings.ByUpstream byUpstream, Repository upstream) {
    List<ForkActivity.ForkFacts> forks = byUpstream.forksOf(upstream);
    long created = forks.stream().filter(f -> f.created().filter(run.evaluation().window()::contains).isPresent()).count();
    out.println(upstream.fullName() + "  (forks known before the window's end: " + forks.size()
        + ", created in the window: " + created + ")");
    if (forks.isEmpty()) {
      out.println("  No fork of it in the data (no fork event, no pull request from another repository).");
      return;
    }
    List<ForkActivity.Flow> flows = run.activity().perRepository().getOrDefault(upstream, List.of());
    ForkActivity.Flow total = run.activity().totalPerRepository().get(upstream);
    if (total != null) {
      out.println("  In the window: " + flowLine(run, total));
    }
    out.println("  Before the window's end: " + back(run, (int) forks.stream().filter(ForkActivity.ForkFacts::contributing).count())
        + " contributing forks, " + back(run, forks.stream().mapToInt(ForkActivity.ForkFacts::pullRequests).sum())
        + " pull requests from forks, " + back(run, forks.stream().mapToInt(ForkActivity.ForkFacts::merged).sum())
        + " merged; changed after creation: "
        + (run.activity().coverage().present() ? forks.stream().filter(f -> f.changed().orElse(false)).count() + " of " + forks.size()
            : "no data (the forks' own events are absent)"));
    out.println("  Per complete " + ForkFindings.period(run).word() + ":");
    if (flows.isEmpty()) {
      out.println("    no data (no complete period inside the window)");
    } else {
      TextTable t = new TextTable("Period", "Created", "Active", "Contributing", "PRs opened", "PRs merged", "Median to merge")
          .numeric(1, 2, 3, 4, 5, 6);
      List<ForkActivity.Flow> before = flows.stream().filter(f -> ForkFindings.beforeData(run, f)).toList();
      if (!before.isEmpty()) {
        t.row(label(before.get(0).period()) + " to " + label(before.get(before.size() - 1).period()),
            "no data", "no data", "no data", "no data", "no data", "no data");
      }
      for (ForkActivity.Flow f : flows.subList(before.size(), flows.size())) {
        t.row(label(f.period()), f.forksCreated(), count(f.activeForks()), back(run, f.contributingForks()),
            back(run, f.pullRequestsOpened()), back(run, f.pullRequestsMerged()),
            f.medianTimeToMerge().map(ForksText::days).orElse("no data"));
      }
      t.print(out, "    ");
      if (!before.isEmpty()) {
        out.println("    (" + before.size() + " periods end before the input's first event, " + run.dataStart()
            + ": no data, not 0)");
      }
      out.println("    (Active: no data without the forks' own events; median to merge: Kaplan-Meier over the pull"
          + " requests from forks opened in the period, no data when none was or fewer than half were merged)");
    }
    out.println("  Forks:");
    TextTable t = new TextTable("Fork", "Created", "Changed", "Last active", "Active days", "PRs back", "Merged")
        .numeric(4, 5, 6);
    for (ForkActivity.ForkFacts f : forks) {
      t.row(f.fork().fullName(), f.created().map(Instant::toString).orElse("unknown"),
          f.changed().map(c -> c ? "yes" : "no").orElse("no data"),
          f.lastActive().map(Instant::toString).orElse(f.changed().isPresent() ? "none" : "no data"),
          f.changed().isPresent() ? String.valueOf(f.activeDays()) : "no data", back(run, f.pullRequests()),
          back(run, f.merged()));
    }
    t.print(out, "    ");
    aheadBehind(out, run, forks);
    signals(out, run, byUpstream, upstream);
  }

  /**
   * Per fork, its commits ahead of and behind the upstream from each comparison given, with its
   * source and date (they describe the branches when read, not the window's end), or no data
   * with the reason.
   */
  private static void aheadBehind(PrintWriter out, ForksCommand.Run run, List<ForkActivity.ForkFacts> forks) {
    out.println("  Commits ahead of and behind the upstream (as read at the date shown, not at the window's end):");
    for (ForkActivity.ForkFacts f : forks) {
      if (f.divergences().isEmpty()) {
        out.println("    " + f.fork().fullName() + ": no data, " + ForkFindings.aheadWhy(run, f));
      }
      for (Divergence d : f.divergences()) {
        if (d instanceof Divergence.Measured m) {
          out.println("    " + f.fork().fullName() + ": " + m.ahead() + " ahead, " + m.behind() + " behind (" + m.status()
              + "; " + m.upstreamRef() + "..." + m.forkRef() + m.mergeBase().map(b -> ", merge base " + b).orElse("")
              + "; " + m.source().word() + ", read " + m.asOf() + ")");
        } else if (d instanceof Divergence.Unknown u) {
          out.println("    " + f.fork().fullName() + ": no data, " + u.reason().word() + " (" + u.detail() + "; "
              + u.source().word() + ", tried " + u.asOf() + ")");
        }
      }
    }
    run.compared().notes().forEach(n -> out.println("    (" + n + ")"));
  }

  /** The window's flow in one line. */
  static String flowLine(ForksCommand.Run run, ForkActivity.Flow f) {
    return f.forksCreated() + " forks created, active " + count(f.activeForks()) + ", contributing "
        + back(run, f.contributingForks()) + "; pull requests from forks: " + back(run, f.pullRequestsOpened())
        + " opened, " + back(run, f.pullRequestsMerged()) + " merged; median time to merge (Kaplan-Meier) "
        + f.medianTimeToMerge().map(ForksText::days).orElse("no data (" + ForkFindings.medianWhy(run, f) + ")");
  }

  /** A count of the flow back, or "no data" when no pull request says where it comes from. */
  private static String back(ForksCommand.Run run, int n) {
    return run.headsKnown() ? String.valueOf(n) : "no data";
  }

  private static void signals(PrintWriter out, ForksCommand.Run run, ForkFindings.ByUpstream byUpstream, Repository upstream) {
    List<HardForkSignals.ForkSignals> shown = byUpstream.signalsOf(upstream);
    out.println("  Hard-fork signals (evidence and a dated timeline, not a verdict): " + shown.size() + " forks show any");
    if (!run.headsKnown()) {
      out.println("    (no pull request says where it comes from: \"no pull request back\" in a sustained-work signal"
          + " is unknown here, not a fact)");
    }
    if (!run.activity().coverage().present()) {
      out.println("    (the forks' own events are absent: only a new name can show; the other four signals are no data)");
    }
    for (HardForkSignals.ForkSignals s : shown) {
      out.println("    " + s.fork().fullName() + " (" + s.created().map(c -> "forked " + c).orElse("creation unknown")
          + "; " + back(run, s.pullRequestsBack()) + " pull requests back): " + s.signals().size() + " of "
          + HardForkSignals.Kind.values().length + " signals");
      for (HardForkSignals.Signal g : s.signals()) {
        out.println("      " + ForkFindings.word(g.kind()) + g.since().map(at -> " since " + at).orElse("") + ": " + g.evidence());
      }
      if (!s.unknown().isEmpty()) {
        out.println("      no data (the forks' own events are absent): "
            + s.unknown().stream().map(ForkFindings::word).collect(Collectors.joining(", ")));
      }
      if (!s.movers().isEmpty()) {
        out.println("      People who moved from the upstream:");
        for (HardForkSignals.Mover m : s.movers()) {
          out.println("        " + run.label().apply(m.person()) + ": upstream from " + m.firstUpstream() + " to "
              + m.lastUpstream() + ", first in the fork " + m.moved() + ", "
              + (m.stillUpstream() ? "still acts upstream" : "no act upstream since"));
        }
      }
      out.println("      Timeline:");
      for (HardForkSignals.Step step : s.timeline()) {
        out.println("        " + step.at() + "  " + step.what());
      }
    }
  }

  private static String count(OptionalInt n) {
    return n.isPresent() ? String.valueOf(n.getAsInt()) : "no data";
  }

  /** A duration in days with one decimal. */
  static String days(Duration d) {
    return String.format(Locale.ROOT, "%.1f days", d.getSeconds() / 86_400.0);
  }

  /** A period's label: its first day, or its month. */
  private static String label(Window w) {
    String day = w.start().toString().substring(0, 10);
    return w.duration().toDays() >= 28 ? day.substring(0, 7) : day;
  }
}
