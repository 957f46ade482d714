package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.ContributionType;
import java.util.Map;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.store.EventStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import io.github.communitymetrics.core.event.EventTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that pick what a {@link HealthSummary} describes: repository, instant, window. */
final class SummaryOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "The repository to describe.")
  String repo;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description = "ISO-8601 instant such as 2025-06-30T00:00:00Z (default: one second after the"
          + " last event of the repository).")
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

  @Option(
      names = "--commit-basis",
      paramLabel = "BASIS",
      defaultValue = "auto",
      description = "What the commit-based metrics (absence, pony, contributor dependency, elephant"
          + " factor) count: commit, push, pull-request-merged, or auto (default): commits, unless"
          + " the repository has pushes but no commits (GH Archive since 2025 lists none), then"
          + " merged pull requests if it has any, else pushes; the output says so.")
  String commitBasis;

  /** Loads the source's events, only those of {@code --repo} where the source can filter them. */
  EventSource.Loaded load(EventSource source) throws IOException {
    return source.load(repository());
  }

  /** As {@link #load(EventSource)}, keeping a file's events before {@code --since} if asked. */
  EventSource.Loaded load(EventSource source, boolean applySince) throws IOException {
    return source.load(repository(), applySince);
  }

  /** {@code --repo}: one repository; a list is a usage error that points to {@code score}. */
  private Optional<String> repository() {
    if (repo != null && repo.contains(",")) {
      throw new ParameterException(
          spec.commandLine(),
          "--repo takes one repository, not a list ('" + repo + "'): to compare several, use"
              + " community-metrics score (with --git, --gharchive or --events)");
    }
    return Optional.ofNullable(repo);
  }

  /** The summary of the loaded events; a usage error when there is nothing to measure. */
  Computed compute(EventSource source, EventSource.Loaded loaded) {
    return compute(source, loaded, MetricRegistry.standard());
  }

  /** The summary of the metrics of {@code registry} over the loaded events. */
  Computed compute(EventSource source, EventSource.Loaded loaded, MetricRegistry registry) {
    Prepared p = prepare(source, loaded, registry);
    HealthSummary summary =
        HealthSummary.compute(registry, p.store(), p.people(), p.repository(), p.evaluation());
    return new Computed(summary, p.store(), p.people(), p.evaluation(), p.warnings(), p.note());
  }

  /**
   * What the metrics of {@code registry} are evaluated on: the store, its people, the
   * repository, the evaluation built from the options, warnings and the commit-basis note.
   */
  record Prepared(
      EventStore store,
      People people,
      Repository repository,
      Evaluation evaluation,
      List<String> warnings,
      Optional<String> note) {}

  /** The evaluation the options describe, without computing anything. */
  Prepared prepare(EventSource source, EventSource.Loaded loaded, MetricRegistry registry) {
    return prepare(source, loaded, registry, false);
  }

  /**
   * The evaluation of a portfolio: every repository of the input, or {@code --repo}'s alone.
   * Without {@code --repo} the default instant and the commit basis come from every event of the
   * input, the evaluation's scope is every repository, and {@link Prepared#repository()} is the
   * input's first.
   */
  Prepared preparePortfolio(EventSource source, EventSource.Loaded loaded, MetricRegistry registry) {
    return prepare(source, loaded, registry, true);
  }

  private Prepared prepare(
      EventSource source, EventSource.Loaded loaded, MetricRegistry registry, boolean portfolio) {
    Duration windowLength = duration(spec.commandLine(), window, "--window");
    Duration horizonLength = duration(spec.commandLine(), horizon, "--horizon");
    EventStore store = loaded.store();
    if (store.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no events to measure");
    }
    boolean all = portfolio && repo == null;
    Repository repository = repository(store, all || !source.fromFiles());
    // The default instant comes from the repository's own events, so that events of other
    // repositories (kept for contributor confidence, or simply in the input) do not move it.
    EventStore own = all ? store : store.slice(repository);
    String described = all ? "the input" : repository.fullName();
    Instant at = asOf == null ? own.instant(own.size() - 1).plusSeconds(1) : asOf(spec.commandLine(), asOf);
    checkReach(at, windowLength, horizonLength);
    List<String> warnings = new ArrayList<>();
    if (!own.isEmpty() && !at.isAfter(own.instant(0))) {
      // Every metric counts events before --as-of only: none of this repository's are, so each
      // metric has no value. Say so, rather than let "no data" everywhere look like a bug.
      warnings.add(
          "--as-of " + at + " is not after the first event of " + described + " ("
              + own.instant(0) + "): no event is measured, every metric has no data");
    }
    People people = People.resolve(store);
    Affiliations affiliations =
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build();
    ContributionType basis = basis(own);
    Optional<String> note = Optional.empty();
    if (basis != ContributionType.COMMIT) {
      Map<EventType, Long> counts = own.countByType();
      note =
          Optional.of(
              "the commit-based metrics count "
                  + (basis == ContributionType.PUSH ? "pushes" : "merged pull requests")
                  + " instead of commits"
                  + (commitBasis.equalsIgnoreCase("auto")
                      ? ": the input has " + counts.getOrDefault(EventType.PUSH, 0L) + " pushes but"
                          + " no commits of " + described + " (GH Archive hours since"
                          + " 2025 list none); --commit-basis chooses"
                      : " (--commit-basis)"));
    }
    Evaluation evaluation =
        HealthSummary.evaluation(repository, at, windowLength, horizonLength, affiliations, basis);
    if (all) {
      evaluation = evaluation.withScope(io.github.communitymetrics.core.metrics.RepositoryScope.all());
    }
    if (registry.find(StandardMetrics.COHORT_CONFIDENCE.id()).isEmpty()) {
      // --horizon is the cohort confidence's parameter: without that metric there is nothing to
      // set, and the registry would refuse the override as a typo.
      evaluation = evaluation.withoutParameters();
    }
    return new Prepared(store, people, repository, evaluation, warnings, note);
  }

  /**
   * A summary, the people its person keys belong to, warnings about what was asked (such as an
   * {@code --as-of} before every event, for standard error and the JSON {@code warnings}), and a
   * note when the commit-based metrics did not count commits.
   */
  record Computed(
      HealthSummary summary,
      EventStore store,
      People people,
      Evaluation evaluation,
      List<String> warnings,
      Optional<String> note) {
    Computed {
      warnings = List.copyOf(warnings);
    }
  }
  /** The contribution type of the commit-based metrics, from {@code --commit-basis}. */
  private ContributionType basis(EventStore own) {
    switch (commitBasis.strip().toLowerCase(Locale.ROOT)) {
      case "commit":
        return ContributionType.COMMIT;
      case "push":
        return ContributionType.PUSH;
      case "pull-request-merged":
        return ContributionType.PULL_REQUEST_MERGED;
      case "auto":
        Map<EventType, Long> counts = own.countByType();
        if (counts.getOrDefault(EventType.COMMIT, 0L) > 0
            || counts.getOrDefault(EventType.PUSH, 0L) == 0) {
          return ContributionType.COMMIT;
        }
        return counts.getOrDefault(EventType.PULL_REQUEST_MERGED, 0L) > 0
            ? ContributionType.PULL_REQUEST_MERGED
            : ContributionType.PUSH;
      default:
        throw new ParameterException(
            spec.commandLine(),
            "--commit-basis must be auto, commit, push or pull-request-merged but was '"
                + commitBasis + "'");
    }
  }

  /** Prints each warning on standard error, so that it is seen whatever the output format. */
  void warn(Computed computed) {
    warn(computed.warnings());
  }

  /** Prints each warning on standard error. */
  void warn(List<String> warnings) {
    java.io.PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(w -> err.println("community-metrics: warning: " + w));
    err.flush();
  }

  /**
   * Refuses an instant and durations whose windows would leave the range of instants: the
   * metrics look back one window, one horizon and {@link HealthSummary#RETENTION_MONTHS} months
   * from {@code at}.
   */
  private void checkReach(Instant at, Duration windowLength, Duration horizonLength) {
    try {
      at.minus(horizonLength).minus(windowLength);
      at.atZone(java.time.ZoneOffset.UTC).minusMonths(HealthSummary.RETENTION_MONTHS).toInstant()
          .minus(windowLength);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--window and --horizon reach before the earliest instant from --as-of " + at
              + ": use shorter durations");
    }
  }
  private Repository repository(EventStore store, boolean demo) {
    if (repo == null) {
      // The demo describes its first repository; any other source needs no --repo when it holds
      // one repository only.
      if (demo || store.repositories().size() == 1) {
        return store.repositories().get(0);
      }
      throw new ParameterException(spec.commandLine(), "--repo OWNER/NAME is required: the input holds " + store.repositories().size() + " repositories");
    }
    Optional<Repository> match =
        store.repositories().stream().filter(r -> r.fullName().equalsIgnoreCase(repo)).findFirst();
    return match.orElseThrow(
        () ->
            new ParameterException(
                spec.commandLine(), "no events of repository " + repo + " in the input"));
  }

  /** Parses {@code --as-of}: an ISO-8601 instant in the range events may have. */
  static Instant asOf(picocli.CommandLine commandLine, String text) {
    Instant at;
    try {
      at = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          commandLine,
          "--as-of must be an ISO-8601 instant such as 2025-06-30T00:00:00Z but was '" + text + "'");
    }
    // Events lie in this range (docs/events.md); the metrics compute with epoch nanoseconds.
    if (!EventTimes.isSupported(at)) {
      throw new ParameterException(
          commandLine,
          "--as-of must be between " + EventTimes.MIN + " and " + EventTimes.MAX + " but was " + text);
    }
    return at;
  }

  /** Parses {@code 90d}, {@code 12h}, {@code 30m}, {@code 10s} or an ISO-8601 duration; positive. */
  static Duration duration(picocli.CommandLine commandLine, String text, String option) {
    Duration d;
    try {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.matches("\\d+[dhms]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        char unit = t.charAt(t.length() - 1);
        d = unit == 'd' ? Duration.ofDays(n)
            : unit == 'h' ? Duration.ofHours(n)
            : unit == 'm' ? Duration.ofMinutes(n)
            : Duration.ofSeconds(n);
      } else {
        d = Duration.parse(text.strip());
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new ParameterException(
          commandLine, option + " must be like 90d, 12h, 10s or P30D but was '" + text + "'");
    }
    if (d.isNegative() || d.isZero()) {
      throw new ParameterException(commandLine, option + " must be positive");
    }
    return d;
  }
}
