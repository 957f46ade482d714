package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.DailySeries;
import io.github.communitymetrics.core.impact.ImpactSeries;
import io.github.communitymetrics.core.impact.ImpactSeriesId;
import io.github.communitymetrics.core.impact.Penalty;
import io.github.communitymetrics.core.impact.PersonContributions;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.events.CommunityEventFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code impact}: did a conference, hackathon, sprint or release change the community? For each
 * event of an event file and each daily series, the before/after lift, the interrupted time
 * series' level and slope change, the nearest changepoint and the placebo false-positive rates,
 * optionally a difference in differences against control repositories; and the event's cohort of
 * newcomers against the newcomers just before it. The methods are those of {@code core.impact}
 * (docs/metrics.md, "Event impact"); this command picks the days and prints the results.
 */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the impact of community events (--event-file: .ics, .json or .csv) on daily"
          + " series of the input (--series): before/after lift with a block-bootstrap interval,"
          + " interrupted time series (level and slope change, Newey-West, Student t), the nearest"
          + " changepoint (PELT), placebo false-positive rates, difference in differences against"
          + " --controls, and the event's cohort of newcomers (conversion, survival, log-rank"
          + " against the newcomers of the --window days before). Text, --json or --html.",
      "Sources: --events FILE, --gharchive FILES or DIRS, --git DIR (repeatable) or --git-list"
          + " FILE (local clones), --github, --gitlab; default the simulated demo."
    })
final class ImpactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin GitClones clones;

  @Option(names = "--event-file", paramLabel = "FILE", required = true,
      description = "The events: an iCalendar (.ics), JSON (.json) or CSV (.csv) file (docs/impact.md).")
  Path eventFile;

  @Option(names = "--event", paramLabel = "NAME",
      description = "Only the event of this name (repeatable; default: every event of the file).")
  List<String> eventNames;

  @Option(names = "--series", paramLabel = "ID[,ID...]", split = ",", defaultValue = "new-contributors",
      description = "Daily series to test (default: ${DEFAULT-VALUE}): new-contributors,"
          + " first-time-pr-authors, prs-opened, stars, active-contributors, issues-opened,"
          + " awaiting-first-response, first-responses.")
  List<String> seriesIds;

  @Option(names = "--repo", paramLabel = "OWNER/NAME",
      description = "Count this repository only (default: every repository of the input together).")
  String repo;

  @Option(names = "--controls", paramLabel = "OWNER/NAME[,...]", split = ",",
      description = "Control repositories of the input for a difference in differences.")
  List<String> controls;

  @Option(names = "--window", paramLabel = "DAYS", defaultValue = "28",
      description = "Days compared on each side of the event (lift, difference in differences), fitted"
          + " on each side (interrupted time series) and before it (the cohort's baseline)"
          + " (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--replicates", paramLabel = "R", defaultValue = "999",
      description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
  int replicates;

  @Option(names = "--block-length", paramLabel = "DAYS",
      description = "Bootstrap block length, 1 to --window minus 1 (default: ceil(window^(1/3))).")
  Integer blockLength;

  @Option(names = "--bootstrap-seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the bootstrap and the placebo dates (default: ${DEFAULT-VALUE}).")
  long bootstrapSeed;

  @Option(names = "--placebos", paramLabel = "N", defaultValue = "200",
      description = "Placebo dates per test (default: ${DEFAULT-VALUE}; fewer when fewer fit).")
  int placebos;

  @Option(names = "--placebo-margin", paramLabel = "DAYS", defaultValue = "7",
      description = "Days around the event that no placebo run reads (default: ${DEFAULT-VALUE}).")
  int placeboMargin;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
      description = "Significance level; intervals are at 1 - A (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--penalty", paramLabel = "bic|NUMBER", defaultValue = "bic",
      description = "Changepoint penalty: bic (2 ln n) or a number (default: ${DEFAULT-VALUE}).")
  String penalty;

  @Option(names = "--min-segment", paramLabel = "DAYS", defaultValue = "7",
      description = "Shortest segment between changepoints (default: ${DEFAULT-VALUE}).")
  int minSegment;

  @Option(names = "--tolerance", paramLabel = "DAYS", defaultValue = "7",
      description = "A changepoint this near the event counts as at it (default: ${DEFAULT-VALUE}).")
  int tolerance;

  @Option(names = "--horizon", paramLabel = "DURATION", defaultValue = "90d",
      description = "Conversion: a second contribution within this of the first (default: ${DEFAULT-VALUE}).")
  String horizon;

  @Option(names = "--gap", paramLabel = "DURATION", defaultValue = "90d",
      description = "Survival: inactive this long after the last contribution is departed (default: ${DEFAULT-VALUE}).")
  String gap;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "ISO-8601 instant where the data ends (default: one second after the last event).")
  String asOf;

  @Option(names = "--json", description = "Print JSON: each estimate with its interval and p-value, null for no data.")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write an HTML page: each series with the event shaded and the counterfactual"
          + " band, and the cohort's survival against the baseline's.")
  Path html;

  /** What one event gave. */
  record EventImpact(
      CommunityEvent event,
      List<ImpactAnalysis.SeriesImpact> series,
      ImpactAnalysis.CohortImpact cohort,
      Map<String, String> attendees) {}

  /** Everything the outputs need. */
  record Run(
      String source,
      boolean simulated,
      String scope,
      List<String> controls,
      LocalDate first,
      LocalDate last,
      Instant asOf,
      ImpactAnalysis.Parameters parameters,
      List<EventImpact> events) {}

  @Override
  public Integer call() throws IOException {
    ImpactAnalysis.Parameters parameters = parameters();
    List<ImpactSeriesId> ids = seriesIds();
    List<CommunityEvent> events = events();
    // With controls the other repositories are needed too, so GH Archive keeps everything.
    Optional<String> keep = repo != null && controls == null ? Optional.of(repo) : Optional.empty();
    EventSource.Loaded loaded = source.with(clones).load(keep, false);
    Progress progress = ProgressOptions.of(spec);
    EventStore store =
        progress.busy(String.format("indexing %,d events", loaded.events().size()), loaded::store);
    if (store.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no events in the input");
    }
    People people = progress.busy("resolving identities", () -> People.resolve(store, source.threads()));
    Run run = analyse(loaded.label(), loaded.simulated(), store, people, progress,
        archiveDays(spec.commandLine(), source), parameters, ids, events);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ImpactJson.write(out, run);
    } else {
      ImpactText.write(out, run);
    }
    out.flush();
    if (html != null) {
      try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(html, StandardCharsets.UTF_8))) {
        ImpactHtml.report(run).writeTo(file);
      }
      progress.info("community-metrics: HTML report written to " + html);
    }
    return CommunityMetricsCli.EXIT_OK;
  }

  /**
   * The impact of {@code events} on the store, with this command's options: what {@code call}
   * prints, and the event section of {@code report --html --event-file}.
   *
   * @param hours the first and last day of the GH Archive hours read, when the input is those
   */
  Run analyse(
      String label, boolean simulated, EventStore store, People people, Progress progress,
      Optional<LocalDate[]> hours, ImpactAnalysis.Parameters parameters, List<ImpactSeriesId> ids,
      List<CommunityEvent> events) {
    RepositoryScope scope = repo == null ? RepositoryScope.all() : RepositoryScope.of(repository(store, repo, "--repo"));
    List<RepositoryScope> controlScopes = new ArrayList<>();
    List<String> controlNames = new ArrayList<>();
    if (controls != null) {
      for (String c : controls) {
        Repository r = repository(store, c.strip(), "--controls");
        controlScopes.add(RepositoryScope.of(r));
        controlNames.add(r.fullName());
      }
    }
    Instant end = asOf == null
        ? store.instant(store.size() - 1).plusSeconds(1)
        : SummaryOptions.asOf(spec.commandLine(), asOf);
    LocalDate first = LocalDate.ofInstant(store.instant(0), ZoneOffset.UTC);
    LocalDate lastEvent = LocalDate.ofInstant(store.instant(store.size() - 1), ZoneOffset.UTC);
    if (hours.isPresent()) {
      // The hours read are the days observed, whether or not --repo had an event on the first
      // or last of them: a quiet day at either end is a 0, not a day outside the data.
      first = hours.get()[0].isBefore(first) ? hours.get()[0] : first;
      lastEvent = hours.get()[1].isAfter(lastEvent) ? hours.get()[1] : lastEvent;
    }
    LocalDate lastAsOf = LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC);
    LocalDate last = lastAsOf.isBefore(lastEvent) ? lastAsOf : lastEvent;
    if (last.isBefore(first)) {
      throw new ParameterException(spec.commandLine(), "--as-of " + end + " is before the first event (" + store.instant(0) + ")");
    }
    Map<ImpactSeriesId, DailySeries> all = ImpactSeries.daily(store, people, scope, first, last);
    List<Map<ImpactSeriesId, DailySeries>> controlSeries = new ArrayList<>();
    for (RepositoryScope c : controlScopes) {
      controlSeries.add(ImpactSeries.daily(store, people, c, first, last));
    }
    List<PersonContributions> contributions = ImpactSeries.contributions(store, people, scope);
    Map<String, Instant> reachedD2 = ImpactSeries.reached(store, people, scope, end, Rung.D2);
    Map<String, Instant> reachedD3 = ImpactSeries.reached(store, people, scope, end, Rung.D3);
    List<EventImpact> results = new ArrayList<>();
    try (ProgressTask task = progress.count("estimating", (long) events.size() * ids.size(), " series")) {
      for (CommunityEvent event : events) {
        List<ImpactAnalysis.SeriesImpact> series = new ArrayList<>();
        for (ImpactSeriesId id : ids) {
          List<DailySeries> c = controlSeries.stream().map(m -> m.get(id)).toList();
          series.add(ImpactAnalysis.series(id, all.get(id), event, calendar, c, controls != null, parameters));
          task.item("series");
        }
        Map<String, String> attendees = ImpactSeries.attendees(store, people, event.attendees());
        Map<String, Instant> labelled = ImpactSeries.labelled(store, people, scope, event.labels(), end);
        results.add(new EventImpact(
            event, series, ImpactAnalysis.cohort(
                event, contributions, attendees, labelled, store.instant(0), end, reachedD2, reachedD3, parameters),
            attendees));
      }
    }
    return new Run(label, simulated, repo == null ? "all" : repo, controlNames, first, last, end, parameters, results);
  }

  /**
   * This command with every default but the event file, the events named (all when none) and the
   * repository (all when null): the event section of {@code report --html --event-file}. The
   * defaults are this command's own, parsed as it parses them, so the section and {@code impact}
   * agree.
   *
   * @throws ParameterException naming {@code commandLine} when the file lacks an event named
   */
  static Prepared withDefaults(CommandLine commandLine, Path eventFile, List<String> eventNames, String repo) {
    ImpactCommand c = new ImpactCommand();
    List<String> args = new ArrayList<>(List.of("--event-file", eventFile.toString()));
    for (String n : eventNames) {
      args.addAll(List.of("--event", n));
    }
    if (repo != null) {
      args.addAll(List.of("--repo", repo));
    }
    new CommandLine(c).parseArgs(args.toArray(String[]::new));
    try {
      return new Prepared(c, c.parameters(), c.seriesIds(), c.events());
    } catch (ParameterException e) {
      throw new ParameterException(commandLine, e.getMessage(), e);
    }
  }

  /** An impact analysis whose options and events were read and checked, ready for a store. */
  record Prepared(
      ImpactCommand command, ImpactAnalysis.Parameters parameters, List<ImpactSeriesId> ids,
      List<CommunityEvent> events) {

    /** {@link ImpactCommand#analyse} of the store. */
    Run analyse(
        String label, boolean simulated, EventStore store, People people, Progress progress,
        Optional<LocalDate[]> hours) {
      return command.analyse(label, simulated, store, people, progress, hours, parameters, ids, events);
    }
  }

  /** GH Archive hour names: {@code 2024-01-01-15.json.gz}. */
  private static final java.util.regex.Pattern HOUR =
      java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-\\d{1,2}\\.json(\\.gz)?");

  /**
   * The first and last day of the GH Archive hours read, by their names; empty for another source
   * or when a file is not named like an hour.
   */
  static Optional<LocalDate[]> archiveDays(CommandLine commandLine, EventSource source) throws IOException {
    if (source.gharchiveFiles == null) {
      return Optional.empty();
    }
    LocalDate min = null;
    LocalDate max = null;
    for (Path f : GhArchiveInputs.files(commandLine, source.gharchiveFiles)) {
      java.util.regex.Matcher m = HOUR.matcher(f.getFileName().toString());
      if (!m.matches()) {
        return Optional.empty();
      }
      LocalDate d;
      try {
        d = LocalDate.parse(m.group(1));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
      min = min == null || d.isBefore(min) ? d : min;
      max = max == null || d.isAfter(max) ? d : max;
    }
    return min == null ? Optional.empty() : Optional.of(new LocalDate[] {min, max});
  }

  private ImpactAnalysis.Parameters parameters() {
    if (window < 7) {
      throw new ParameterException(spec.commandLine(), "--window must be at least 7 days (a week on each side) but was " + window);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new ParameterException(spec.commandLine(), "--alpha must be strictly between 0 and 1 but was " + alpha);
    }
    if (blockLength != null && !(blockLength >= 1 && blockLength < window)) {
      throw new ParameterException(spec.commandLine(), "--block-length must be between 1 and " + (window - 1) + " but was " + blockLength);
    }
    int leastReplicates = (int) Math.ceil(2 / alpha - 1);
    if (replicates < leastReplicates) {
      throw new ParameterException(spec.commandLine(),
          "--replicates must be at least " + leastReplicates + " for --alpha " + alpha + " but was " + replicates);
    }
    if (placebos < 1 || placeboMargin < 0 || minSegment < 1 || tolerance < 0) {
      throw new ParameterException(spec.commandLine(),
          "--placebos and --min-segment must be at least 1, --placebo-margin and --tolerance not negative");
    }
    Penalty p;
    if (penalty.strip().equalsIgnoreCase("bic")) {
      p = Penalty.bic();
    } else {
      try {
        p = Penalty.manual(Double.parseDouble(penalty.strip()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--penalty must be bic or a number not below 0 but was '" + penalty + "'");
      }
    }
    return new ImpactAnalysis.Parameters(
        window, blockLength == null ? OptionalInt.empty() : OptionalInt.of(blockLength), replicates, bootstrapSeed,
        placebos, placeboMargin, alpha, p, minSegment, tolerance,
        SummaryOptions.duration(spec.commandLine(), horizon, "--horizon"),
        SummaryOptions.duration(spec.commandLine(), gap, "--gap"));
  }

  private List<ImpactSeriesId> seriesIds() {
    List<ImpactSeriesId> out = new ArrayList<>();
    for (String s : seriesIds) {
      String id = s.strip().toLowerCase(Locale.ROOT);
      out.add(ImpactSeriesId.of(id).orElseThrow(() -> new ParameterException(
          spec.commandLine(), "--series: unknown series '" + s + "'; the series are " + String.join(", ", ImpactSeriesId.ids()))));
    }
    return out.stream().distinct().toList();
  }

  /** Every event of the file, selected or not: placebo dates keep clear of them all. */
  private List<CommunityEvent> calendar = List.of();

  private List<CommunityEvent> events() {
    List<CommunityEvent> all = CommunityEventFiles.read(eventFile);
    calendar = all;
    if (all.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--event-file " + eventFile + " holds no event");
    }
    if (eventNames == null) {
      return all;
    }
    Map<String, CommunityEvent> byName = new LinkedHashMap<>();
    all.forEach(e -> byName.put(e.name(), e));
    List<CommunityEvent> out = new ArrayList<>();
    for (String name : eventNames) {
      CommunityEvent e = byName.get(name);
      if (e == null) {
        throw new ParameterException(spec.commandLine(), "--event: no event named '" + name + "' in " + eventFile
            + "; its events are " + byName.keySet().stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
      }
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private Repository repository(EventStore store, String name, String option) {
    return store.repositories().stream()
        .filter(r -> r.fullName().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> new ParameterException(spec.commandLine(), option + ": no events of repository " + name
            + " in the input; it holds " + names(store)));
  }

  private static String names(EventStore store) {
    List<String> names = store.repositories().stream().map(Repository::fullName).sorted().toList();
    return names.size() <= 10
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 10)) + " and " + (names.size() - 10) + " more";
  }
}
