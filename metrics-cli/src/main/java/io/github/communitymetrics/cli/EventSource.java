package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.testkit.CommunitySimulator;
import io.github.communitymetrics.testkit.PlantedTruth;
import io.github.communitymetrics.testkit.SimulatedCommunity;
import io.github.communitymetrics.testkit.SimulationConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a command's events come from: a JSON Lines file, the GitHub API, or the simulated demo
 * community.
 */
final class EventSource {
  @picocli.CommandLine.Mixin GitHubOptions github = new GitHubOptions();

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "Canonical JSON Lines events (docs/events.md); gzip is detected. Default: the"
          + " simulated demo community.")
  Path eventsFile;

  @Option(
      names = "--skip-malformed",
      description = "Skip and count malformed lines of --events instead of stopping at the first.")
  boolean skipMalformed;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the simulated demo community (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  /** Events loaded from a source, with what is known about how they were obtained. */
  record Loaded(
      String label,
      boolean simulated,
      List<Event> events,
      Optional<ReadReport> readReport,
      Optional<PlantedTruth> truth) {}

  Loaded load() throws IOException {
    if (github.present()) {
      if (eventsFile != null) {
        throw new picocli.CommandLine.ParameterException(
            mixee.commandLine(), "give --events or --github, not both");
      }
      List<Event> events = new ArrayList<>();
      io.github.communitymetrics.github.FetchReport report =
          github.fetch(mixee.commandLine(), System.getenv(), System.console() != null, events::add);
      GitHubOptions.print(report, mixee.commandLine().getErr());
      return new Loaded(
          "GitHub " + report.target(), false, List.copyOf(events), Optional.empty(), Optional.empty());
    }
    if (eventsFile == null) {
      SimulationConfig config = SimulationConfig.demo().toBuilder().seed(seed).build();
      SimulatedCommunity community = CommunitySimulator.simulate(config);
      return new Loaded(
          "SIMULATED demo community (seed " + seed + "; not real data)",
          true,
          community.events(),
          Optional.empty(),
          Optional.of(community.truth()));
    }
    ReadOptions options =
        skipMalformed ? ReadOptions.skipMalformed(20) : ReadOptions.strict();
    List<Event> events = new ArrayList<>();
    ReadReport report;
    try (Reader in = Files2.openText(eventsFile);
        EventReader reader = EventJsonLines.reader(in, options)) {
      reader.forEachRemaining(events::add);
      report = reader.report();
    }
    return new Loaded(
        eventsFile.toString(), false, List.copyOf(events), Optional.of(report), Optional.empty());
  }
}
