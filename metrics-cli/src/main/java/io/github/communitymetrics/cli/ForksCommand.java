package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.ForkInput;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code forks}: the community's exit and its returns. The two fork metrics of core ({@code
 * fork-activity} and {@code hard-fork-signals}) computed once over the whole input (a fork's own
 * events lie outside its upstream's scope), then shown per upstream repository, or {@code
 * --repo}'s alone.
 */
@Command(
    name = "forks",
    mixinStandardHelpOptions = true,
    description = {
      "Do forks change, do they come back, and is one splitting off? For every repository of the"
          + " input with a fork (or --repo's): forks created, active (a push or commit of their own)"
          + " and contributing (a pull request upstream) per --period; pull requests from forks"
          + " opened and merged, and the Kaplan-Meier median time to merge (closed unmerged:"
          + " censored at the close; still open: at the window's end).",
      "Per fork, the hard-fork signals with their evidence and a dated timeline, never a verdict:"
          + " a new name, its own releases, its own contributors who never acted upstream, changes"
          + " in at least --sustained-months months without a pull request back, and the upstream"
          + " people who moved to it (when, and whether they still act upstream).",
      "No data is not zero: whether forks changed, their activity and all signals but the new name"
          + " need the forks' own events (GH Archive has them; a REST fetch of the upstream does"
          + " not): without them they are \"no data\" (null in JSON), never 0. Commits ahead of and"
          + " behind the upstream come from --compare-github, --compare-git or --compare-clone; a"
          + " fork not compared, or whose comparison failed, is \"no data\" with the reason."
          + " Definitions: docs/forks.md.",
      "Sources: --events FILE, --gharchive FILES or DIRS, --git DIR (repeatable) or --git-list"
          + " FILE (local clones), --github, --gitlab; default the simulated demo."
    })
final class ForksCommand implements Callable<Integer> {
  /** The default --window: a year, so that months of sustained work fit in it. */
  static final String DEFAULT_WINDOW = "365d";

  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin GitClones clones;

  @Mixin ForkComparisons comparisons;

  @Option(names = "--repo", paramLabel = "OWNER/NAME",
      description = "Only the forks of this repository. GH Archive input keeps every repository's"
          + " events all the same: the forks' own events are what tells whether they changed.")
  String repo;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "ISO-8601 instant where the window ends (default: one second after the last event).")
  String asOf;

  @Option(names = "--window", paramLabel = "DURATION", defaultValue = DEFAULT_WINDOW,
      description = "The window before --as-of: 365d, 12h or ISO-8601 such as P180D (default:"
          + " ${DEFAULT-VALUE}); everything before its end is read.")
  String window;

  @Option(names = "--period", paramLabel = "day|week|month",
      description = "Forks are counted per this complete UTC period (fork-activity's period;"
          + " default: its preset, month).")
  String period;

  @Option(names = "--sustained-months", paramLabel = "N",
      description = "A fork changing in at least N distinct UTC months with no pull request back"
          + " shows sustained work (hard-fork-signals' sustainedMonths; default: its preset, 3).")
  Integer sustainedMonths;

  @Option(names = "--fork-events", paramLabel = "auto|present|absent",
      description = "Whether the data holds the forks' own events: auto (present when any fork has"
          + " one), present or absent (both metrics' forkEvents; default: its preset, auto).")
  String forkEvents;

  @Option(names = "--json", description = "Print JSON (docs/forks.md).")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE instead of standard output: .json for JSON, .txt for text.")
  java.nio.file.Path outFile;

  /**
   * Everything the outputs need.
   *
   * @param dataStart the input's first event: periods that end before it have no data
   * @param upstreams the repositories shown, in name order
   * @param headsKnown whether any pull request of the input says which repository it comes from:
   *     without, the flow from forks (contributing forks, pull requests from forks) is no data
   */
  record Run(
      String source,
      boolean simulated,
      Instant asOf,
      Instant dataStart,
      Evaluation evaluation,
      List<Repository> upstreams,
      ForkActivity.Result activity,
      HardForkSignals.Result signals,
      Function<Actor, String> label,
      boolean headsKnown,
      ForkComparisons.Outcome compared) {}

  @Override
  public Integer call() throws IOException {
    Duration length = SummaryOptions.duration(spec.commandLine(), window, "--window");
    boolean asJson = SpanOutput.format(spec, json, outFile);
    // Never keep --repo's events alone: its forks' pushes are other repositories' events.
    SpanInput in = SpanInput.load(spec, source, clones, Optional.empty(), Optional.ofNullable(asOf));
    EventStore store = in.store();
    EventSource.Loaded loaded = in.loaded();
    Instant end = in.span().end();
    Optional<Repository> only = only(store);
    RepositoryScope scope = only.map(RepositoryScope::of).orElse(RepositoryScope.all());
    Evaluation evaluation = parameters(ScoreCommand.evaluation(end, length)).withScope(scope);
    Progress progress = ProgressOptions.of(spec);
    // With --repo, its events and its forks' only: the same results as the whole input's.
    EventStore read = ForkInput.of(store, scope);
    ForkActivity.Result scanned = progress.busy("scanning the forks",
        () -> ForkActivity.INSTANCE.metric(evaluation).compute(read, in.people()));
    HardForkSignals.Result signals = progress.busy("looking for hard-fork signals",
        () -> HardForkSignals.INSTANCE.metric(evaluation).compute(read, in.people()));
    // The metrics key forks and upstreams by forge and full name, without the numeric id (a fork
    // event names its fork by full name only): so is --repo's repository here.
    List<Repository> upstreams = only.map(r -> List.of(Repository.of(r.forge(), r.fullName())))
        .orElseGet(() -> List.copyOf(scanned.perRepository().keySet()));
    // Commits ahead and behind come from outside the events: attached to the scan's result.
    ForkComparisons.Outcome compared = progress.busy("comparing forks with their upstreams",
        () -> comparisons.compare(spec.commandLine(), source, scanned, upstreams));
    ForkActivity.Result activity = scanned.withDivergences(compared.divergences());
    Instant first = store.size() == 0 ? end : store.instant(0);
    Run run = new Run(loaded.label(), loaded.simulated(), end, first, evaluation, upstreams, activity, signals,
        NewcomerFindings.labels(in.people()), headsKnown(store), compared);
    SpanOutput.output(spec, outFile, upstreams.size() + " repositories", out -> {
      if (asJson) {
        ForksJson.write(out, run);
      } else {
        ForksText.write(out, run);
      }
    });
    return CommunityMetricsCli.EXIT_OK;
  }

  /**
   * Whether any opened pull request of the input names its head repository. GH Archive's do; a
   * GitHub REST read does not (its issues list lacks it), and a read of the forks list alone has
   * no pull request: then "no pull request from a fork" would be a false 0.
   */
  static boolean headsKnown(EventStore store) {
    for (int i = 0; i < store.size(); i++) {
      if (store.type(i) == EventType.PULL_REQUEST_OPENED
          && ((PullRequestOpened) store.event(i)).headRepository().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The repositories (as {@link #key}) that a fork event forks or that a pull request from
   * another repository targets: those whose fork results can have a fork. One pass over the
   * events, so that the report scans the whole input only for them.
   */
  static Set<String> namedUpstreams(EventStore store) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < store.size(); i++) {
      EventType type = store.type(i);
      if (type == EventType.FORK) {
        out.add(key(store.event(i).repo()));
      } else if (type == EventType.PULL_REQUEST_OPENED) {
        PullRequestOpened pr = (PullRequestOpened) store.event(i);
        if (pr.headRepository().filter(h -> !h.equalsIgnoreCase(pr.repo().fullName())).isPresent()) {
          out.add(key(pr.repo()));
        }
      }
    }
    return out;
  }

  /** A repository's forge and full name (lower case): fork events name repositories without their id. */
  static String key(Repository r) {
    return r.forge() + ":" + r.fullName().toLowerCase(Locale.ROOT);
  }

  private Optional<Repository> only(EventStore store) {
    if (repo == null) {
      return Optional.empty();
    }
    return Optional.of(store.repositories().stream().filter(x -> x.fullName().equalsIgnoreCase(repo)).findFirst()
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "--repo " + repo + ": no event of it in the input")));
  }

  /**
   * The metrics' parameters of the options; an option not given keeps the preset's value. The
   * metrics check their parameters when configured, so a value they refuse is a usage error
   * naming the option.
   */
  private Evaluation parameters(Evaluation e) {
    Evaluation out = e;
    try {
      if (period != null) {
        out = out.withParameter(ForkActivity.INSTANCE, "period", period.strip().toLowerCase(Locale.ROOT));
      }
      if (sustainedMonths != null) {
        out = out.withParameter(HardForkSignals.INSTANCE, "sustainedMonths", String.valueOf(sustainedMonths));
      }
      if (forkEvents != null) {
        String word = forkEvents.strip().toLowerCase(Locale.ROOT);
        out = out.withParameter(ForkActivity.INSTANCE, "forkEvents", word)
            .withParameter(HardForkSignals.INSTANCE, "forkEvents", word);
      }
      ForkActivity.INSTANCE.metric(out);
      HardForkSignals.INSTANCE.metric(out);
    } catch (IllegalArgumentException x) {
      throw new ParameterException(
          spec.commandLine(), "--period, --sustained-months, --fork-events: " + x.getMessage());
    }
    return out;
  }
}
