package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code metrics}: every metric of one repository, with the preset each was computed with. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Compute every metric of one repository as of an instant: contributor confidence, the"
          + " bus-factor family, the contributor ladder. JSON schema: docs/metrics.md.",
      "Without --events it uses the simulated demo community (and its first repository)."
    })
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin GitLabOptions gitlab;

  @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "The repository to describe.")
  String repo;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description = "ISO-8601 instant such as 2025-06-30T00:00:00Z (default: one second after the"
          + " last event).")
  String asOf;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      defaultValue = "90d",
      description = "Activity window before --as-of: 90d, 12h or ISO-8601 such as P30D"
          + " (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(
      names = "--horizon",
      paramLabel = "DURATION",
      defaultValue = "90d",
      description = "How long after a first star or fork a contribution counts for the cohort"
          + " contributor confidence (default: ${DEFAULT-VALUE}).")
  String horizon;

  @Option(names = "--json", description = "Print JSON (docs/metrics.md) instead of tables.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Duration windowLength = duration(window, "--window");
    Duration horizonLength = duration(horizon, "--horizon");
    EventSource.Loaded loaded =
        gitlab.isSet() ? gitlab.load(spec.commandLine().getErr()) : source.load();
    EventStore store = EventStore.of(loaded.events());
    if (store.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no events to measure");
    }
    Repository repository = repository(store);
    Instant at =
        asOf == null ? store.instant(store.size() - 1).plusSeconds(1) : instant(asOf);
    People people = People.resolve(store);
    Affiliations affiliations =
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build();
    HealthSummary summary =
        HealthSummary.compute(
            store, people, repository, at, windowLength, horizonLength, affiliations);
    PrintWriter out = spec.commandLine().getOut();
    MetricsReport report = new MetricsReport(summary, people, loaded.label(), loaded.simulated());
    if (json) {
      report.writeJson(out);
    } else {
      report.writeText(out);
    }
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  private Repository repository(EventStore store) {
    if (repo == null) {
      if (source.eventsFile == null) {
        return store.repositories().get(0);
      }
      throw new ParameterException(spec.commandLine(), "--repo OWNER/NAME is required with --events");
    }
    Optional<Repository> match =
        store.repositories().stream().filter(r -> r.fullName().equalsIgnoreCase(repo)).findFirst();
    return match.orElseThrow(
        () ->
            new ParameterException(
                spec.commandLine(), "no events of repository " + repo + " in the input"));
  }

  private Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), "--as-of must be an ISO-8601 instant such as 2025-06-30T00:00:00Z");
    }
  }

  /** Parses {@code 90d}, {@code 12h}, {@code 30m} or an ISO-8601 duration; positive. */
  Duration duration(String text, String option) {
    Duration d;
    try {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.matches("\\d+[dhm]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        char unit = t.charAt(t.length() - 1);
        d = unit == 'd' ? Duration.ofDays(n) : unit == 'h' ? Duration.ofHours(n) : Duration.ofMinutes(n);
      } else {
        d = Duration.parse(text.strip());
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new ParameterException(
          spec.commandLine(), option + " must be like 90d, 12h or P30D but was '" + text + "'");
    }
    if (d.isNegative() || d.isZero()) {
      throw new ParameterException(spec.commandLine(), option + " must be positive");
    }
    return d;
  }
}
