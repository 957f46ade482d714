package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Coverage;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON output of {@code forks} (docs/forks.md): the window's flow over the input, then one
 * object per upstream repository with its flow per period and its forks, each with its signals,
 * movers and timeline; null for every value without evidence, with the reason in {@code noData}
 * by its path ({@link ImpactJson.Why}).
 */
final class ForksJson {
  static final int SCHEMA_VERSION = 1;

  private ForksJson() {}

  static void write(PrintWriter out, ForksCommand.Run run) {
    Coverage coverage = run.activity().coverage();
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      ImpactJson.Why why = new ImpactJson.Why();
      NewcomersJson.head(g, SCHEMA_VERSION, run.source(), run.simulated(), run.asOf(), run.evaluation().window());
      g.writeObjectPropertyStart("parameters");
      g.writeStringProperty("period", ForkFindings.period(run).word());
      g.writeNumberProperty("sustainedMonths", ForkFindings.sustainedMonths(run));
      g.writeStringProperty("forkEvents", ForkFindings.forkEventsWord(run));
      g.writeEndObject();
      g.writeObjectPropertyStart("forkEvents");
      g.writeBooleanProperty("present", coverage.present());
      g.writeBooleanProperty("detected", coverage.detected());
      g.writeEndObject();
      g.writeBooleanProperty("pullRequestHeadsKnown", run.headsKnown());
      g.writeName("total");
      flow(g, why, "total.", run.activity().total(), run);
      why.write(g);
      g.writeArrayPropertyStart("repositories");
      ForkFindings.ByUpstream byUpstream = new ForkFindings.ByUpstream(run);
      for (Repository upstream : run.upstreams()) {
        repository(g, run, byUpstream, upstream, coverage);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void repository(
      JsonGenerator g, ForksCommand.Run run, ForkFindings.ByUpstream byUpstream, Repository upstream, Coverage coverage) {
    ImpactJson.Why why = new ImpactJson.Why();
    List<ForkActivity.ForkFacts> forks = byUpstream.forksOf(upstream);
    Map<Repository, HardForkSignals.ForkSignals> signals = byUpstream.signalsOf(upstream).stream()
        .collect(Collectors.toMap(HardForkSignals.ForkSignals::fork, s -> s));
    g.writeStartObject();
    g.writeStringProperty("name", upstream.fullName());
    g.writeNumberProperty("forks", forks.size());
    if (coverage.present()) {
      g.writeNumberProperty("changedForks", forks.stream().filter(f -> f.changed().orElse(false)).count());
    } else {
      g.writeNullProperty("changedForks");
      why.add("changedForks", absent());
    }
    ForkActivity.Flow total = run.activity().totalPerRepository().get(upstream);
    if (total != null) {
      g.writeName("total");
      flow(g, why, "total.", total, run);
    } else {
      g.writeNullProperty("total");
      why.add("total", "no fork of it in the data");
    }
    g.writeArrayPropertyStart("perPeriod");
    List<ForkActivity.Flow> flows = run.activity().perRepository().getOrDefault(upstream, List.of());
    for (int i = 0; i < flows.size(); i++) {
      if (ForkFindings.beforeData(run, flows.get(i))) {
        empty(g, why, "perPeriod." + i, flows.get(i), run);
      } else {
        flow(g, why, "perPeriod." + i + ".", flows.get(i), run);
      }
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("forkList");
    for (int i = 0; i < forks.size(); i++) {
      fork(g, why, "forkList." + i + ".", forks.get(i), Optional.ofNullable(signals.get(forks.get(i).fork())), run, coverage);
    }
    g.writeEndArray();
    why.write(g);
    g.writeEndObject();
  }

  private static String absent() {
    return "the data lacks the forks' own events (fork events: absent)";
  }

  private static void flow(JsonGenerator g, ImpactJson.Why why, String path, ForkActivity.Flow f, ForksCommand.Run run) {
    g.writeStartObject();
    g.writeStringProperty("start", f.period().start().toString());
    g.writeStringProperty("end", f.period().end().toString());
    g.writeNumberProperty("forksCreated", f.forksCreated());
    count(g, why, path, "activeForks", f.activeForks(), absent());
    back(g, why, path, "contributingForks", f.contributingForks(), run);
    back(g, why, path, "pullRequestsOpened", f.pullRequestsOpened(), run);
    back(g, why, path, "pullRequestsMerged", f.pullRequestsMerged(), run);
    if (f.medianTimeToMerge().isPresent()) {
      g.writeNumberProperty("medianDaysToMerge", f.medianTimeToMerge().get().getSeconds() / 86_400.0);
    } else {
      g.writeNullProperty("medianDaysToMerge");
      why.add(path + "medianDaysToMerge", ForkFindings.medianWhy(run, f));
    }
    g.writeEndObject();
  }

  /** A period that ends before the input's first event: every count null. */
  private static void empty(JsonGenerator g, ImpactJson.Why why, String path, ForkActivity.Flow f, ForksCommand.Run run) {
    g.writeStartObject();
    g.writeStringProperty("start", f.period().start().toString());
    g.writeStringProperty("end", f.period().end().toString());
    for (String name : List.of("forksCreated", "activeForks", "contributingForks", "pullRequestsOpened",
        "pullRequestsMerged", "medianDaysToMerge")) {
      g.writeNullProperty(name);
    }
    g.writeEndObject();
    why.add(path, "the period ends before the input's first event (" + run.dataStart() + ")");
  }

  /** A count of the flow back, null when no pull request of the input names its head repository. */
  private static void back(JsonGenerator g, ImpactJson.Why why, String path, String name, int n, ForksCommand.Run run) {
    count(g, why, path, name, run.headsKnown() ? OptionalInt.of(n) : OptionalInt.empty(), ForkFindings.NO_HEADS);
  }

  private static void count(JsonGenerator g, ImpactJson.Why why, String path, String name, OptionalInt n, String reason) {
    if (n.isPresent()) {
      g.writeNumberProperty(name, n.getAsInt());
    } else {
      g.writeNullProperty(name);
      why.add(path + name, reason);
    }
  }

  private static void instant(JsonGenerator g, String name, Optional<Instant> at) {
    if (at.isPresent()) {
      g.writeStringProperty(name, at.get().toString());
    } else {
      g.writeNullProperty(name);
    }
  }

  /**
   * {@code ahead} and {@code behind} of the fork's latest comparison that counted (null, with the
   * reason, when none did) with its {@code aheadBehindSource} and {@code aheadBehindAsOf}, and
   * every comparison given in {@code comparisons}.
   */
  private static void aheadBehind(JsonGenerator g, ImpactJson.Why why, String path, ForkActivity.ForkFacts f, ForksCommand.Run run) {
    Optional<Divergence.Measured> latest = f.latestMeasured();
    if (latest.isPresent()) {
      g.writeNumberProperty("ahead", latest.get().ahead());
      g.writeNumberProperty("behind", latest.get().behind());
      g.writeStringProperty("aheadBehindSource", ForkFindings.camel(latest.get().source()));
      g.writeStringProperty("aheadBehindAsOf", latest.get().asOf().toString());
    } else {
      for (String name : List.of("ahead", "behind", "aheadBehindSource", "aheadBehindAsOf")) {
        g.writeNullProperty(name);
      }
      why.add(path + "ahead", ForkFindings.aheadWhy(run, f));
      why.add(path + "behind", ForkFindings.aheadWhy(run, f));
    }
    g.writeArrayPropertyStart("comparisons");
    for (Divergence d : f.divergences()) {
      g.writeStartObject();
      g.writeStringProperty("source", ForkFindings.camel(d.source()));
      g.writeStringProperty("asOf", d.asOf().toString());
      if (d instanceof Divergence.Measured m) {
        g.writeStringProperty("status", m.status());
        g.writeNumberProperty("ahead", m.ahead());
        g.writeNumberProperty("behind", m.behind());
        g.writeStringProperty("upstreamRef", m.upstreamRef());
        g.writeStringProperty("forkRef", m.forkRef());
        optionalText(g, "mergeBase", m.mergeBase());
      } else if (d instanceof Divergence.Unknown u) {
        g.writeNullProperty("ahead");
        g.writeNullProperty("behind");
        g.writeStringProperty("reason", ForkFindings.camel(u.reason()));
        g.writeStringProperty("detail", u.detail());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void optionalText(JsonGenerator g, String name, Optional<String> text) {
    if (text.isPresent()) {
      g.writeStringProperty(name, text.get());
    } else {
      g.writeNullProperty(name);
    }
  }

  private static void fork(
      JsonGenerator g, ImpactJson.Why why, String path, ForkActivity.ForkFacts f,
      Optional<HardForkSignals.ForkSignals> signals, ForksCommand.Run run, Coverage coverage) {
    g.writeStartObject();
    g.writeStringProperty("fork", f.fork().fullName());
    instant(g, "created", f.created());
    if (f.created().isEmpty()) {
      why.add(path + "created", "no fork event: only a pull request names it");
    }
    if (f.changed().isPresent()) {
      g.writeBooleanProperty("changed", f.changed().get());
      g.writeNumberProperty("activeDays", f.activeDays());
    } else {
      g.writeNullProperty("changed");
      g.writeNullProperty("activeDays");
      why.add(path + "changed", absent());
      why.add(path + "activeDays", absent());
    }
    instant(g, "lastActive", f.lastActive());
    if (f.lastActive().isEmpty()) {
      why.add(path + "lastActive", coverage.present() ? "no push or commit of its own" : absent());
    }
    back(g, why, path, "pullRequestsBack", f.pullRequests(), run);
    back(g, why, path, "merged", f.merged(), run);
    aheadBehind(g, why, path, f, run);
    g.writeArrayPropertyStart("signals");
    signals.ifPresent(s -> s.signals().forEach(x -> {
      g.writeStartObject();
      g.writeStringProperty("kind", ForkFindings.camel(x.kind()));
      instant(g, "since", x.since());
      g.writeStringProperty("evidence", x.evidence());
      g.writeEndObject();
    }));
    g.writeEndArray();
    g.writeArrayPropertyStart("unknownSignals");
    if (signals.isPresent()) {
      signals.get().unknown().forEach(k -> g.writeString(ForkFindings.camel(k)));
    } else if (!coverage.present()) {
      // A fork without a signal is left out of hard-fork-signals' list: without the forks' own
      // events, every signal but the new name is unknown for it too.
      for (HardForkSignals.Kind k : HardForkSignals.Kind.values()) {
        if (k != HardForkSignals.Kind.NEW_NAME) {
          g.writeString(ForkFindings.camel(k));
        }
      }
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("movers");
    signals.ifPresent(s -> s.movers().forEach(m -> {
      g.writeStartObject();
      g.writeStringProperty("person", run.label().apply(m.person()));
      g.writeStringProperty("firstUpstream", m.firstUpstream().toString());
      g.writeStringProperty("lastUpstream", m.lastUpstream().toString());
      g.writeStringProperty("moved", m.moved().toString());
      g.writeBooleanProperty("stillUpstream", m.stillUpstream());
      g.writeEndObject();
    }));
    g.writeEndArray();
    g.writeArrayPropertyStart("timeline");
    signals.ifPresent(s -> s.timeline().forEach(step -> {
      g.writeStartObject();
      g.writeStringProperty("at", step.at().toString());
      g.writeStringProperty("what", step.what());
      g.writeEndObject();
    }));
    g.writeEndArray();
    g.writeEndObject();
  }
}
