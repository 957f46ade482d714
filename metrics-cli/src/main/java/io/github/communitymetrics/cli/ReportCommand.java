package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.git.CommitLogAuthorship;
import io.github.communitymetrics.git.CommitLogReader;
import io.github.communitymetrics.git.FileSelection;
import io.github.communitymetrics.git.GitExecutable;
import io.github.communitymetrics.git.GitRepository;
import io.github.communitymetrics.report.HealthSections;
import io.github.communitymetrics.report.Section;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code report}: a readable summary of a community, and optionally the HTML report. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise a community: its repositories, activity, people (after identity resolution),"
          + " bots and organisations.",
      "With --html FILE also write one self-contained HTML page (inline SVG charts, nothing"
          + " fetched from the network): an overview of every repository of the input (or --repo's)"
          + " with monthly trends, then each repository's metrics explained.",
      "Without --events it reports on the simulated demo community, labelled as simulated; with"
          + " --git or --git-log but no events, the page shows the git history alone."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin SummaryOptions options;

  @Option(names = "--json", description = "Print JSON instead of tables (docs/cli-json.md).")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the HTML report of the repository's metrics to FILE.")
  Path html;

  @Option(
      names = "--git",
      paramLabel = "PATH",
      description = "With --html: a local git repository whose truck factor by directory is added"
          + " (HEAD, Linguist default exclusions, greedy algorithm).")
  Path git;

  @Option(
      names = "--git-log",
      paramLabel = "FILE",
      description = "With --html, instead of --git: a commit log (docs/metrics.md, truck-factor)"
          + " whose truck factor by directory is added.")
  Path gitLog;

  @Option(
      names = "--max-repositories",
      paramLabel = "N",
      defaultValue = "25",
      description = "With --html: at most N repositories on the page, those with the most events"
          + " (default: ${DEFAULT-VALUE}); the page names the others.")
  int maxRepositories;

  @Option(
      names = "--event-file",
      paramLabel = "FILE",
      description = "With --html: community events (.ics, .json or .csv, as for impact) whose impact"
          + " is added: each event's new contributors with the event shaded and the counterfactual"
          + " band, and its cohort's survival against the newcomers before it (impact's defaults).")
  Path eventFile;

  @Option(
      names = "--event",
      paramLabel = "NAME",
      description = "With --event-file: only the event of this name (repeatable; default every event).")
  List<String> eventNames;

  @Override
  public Integer call() throws IOException {
    if ((git != null || gitLog != null) && html == null) {
      throw new ParameterException(spec.commandLine(), "--git and --git-log go with --html");
    }
    if (git != null && gitLog != null) {
      throw new ParameterException(spec.commandLine(), "give --git or --git-log, not both");
    }
    if ((eventFile != null || eventNames != null) && html == null) {
      throw new ParameterException(spec.commandLine(), "--event-file and --event go with --html");
    }
    if (eventNames != null && eventFile == null) {
      throw new ParameterException(spec.commandLine(), "--event goes with --event-file");
    }
    if (maxRepositories < 1) {
      throw new ParameterException(spec.commandLine(), "--max-repositories must be at least 1 but was " + maxRepositories);
    }
    if (html != null && Files.isDirectory(html)) {
      // Before reading and computing, which can take minutes: the page could not be written.
      throw new FileSystemException(html.toString(), null, "is a directory");
    }
    // The event file is read and checked before the input, which can take minutes.
    Optional<ImpactCommand.Prepared> impact = eventFile == null
        ? Optional.empty()
        : Optional.of(ImpactCommand.withDefaults(
            spec.commandLine(), eventFile, eventNames == null ? List.of() : eventNames, options.repo));
    PrintWriter out = spec.commandLine().getOut();
    Optional<HtmlPortfolio.GitPart> gitPart = gitPart();
    if (gitPart.isPresent() && !source.fromFiles()) {
      // A git history without events: the page shows the history alone. The simulated demo
      // never stands beside real data.
      HtmlPortfolio.writeGitOnly(html, gitPart.get(), Clock.systemUTC());
      // Standard output stays pure JSON with --json; the line goes to standard error then.
      (json ? spec.commandLine().getErr() : out).println(
          "HTML report: " + html + " (the truck factor of the git history only; add --events,"
              + " --gharchive, --github or --gitlab for the community metrics)");
      spec.commandLine().getErr().flush();
      out.flush();
      return CommunityMetricsCli.EXIT_OK;
    }
    EventSource.Loaded loaded = options.load(source);
    CommunitySummary summary = ProgressOptions.of(spec).busy(
        String.format("summarising %,d events", loaded.events().size()), () -> CommunitySummary.of(loaded));
    if (json) {
      summary.writeJson(out);
    } else {
      summary.writeText(out);
    }
    if (html != null) {
      options.warn(
          HtmlPortfolio.write(
              html, source, options, loaded, gitPart, impactPart(impact, loaded), maxRepositories, Clock.systemUTC(),
              ProgressOptions.of(spec)));
      if (!json) {
        out.println("HTML report: " + html);
      }
    }
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  /** The event impact sections of --event-file, drawn from the page's own store and people. */
  private HtmlPortfolio.MoreSections impactPart(Optional<ImpactCommand.Prepared> impact, EventSource.Loaded loaded)
      throws IOException {
    if (impact.isEmpty()) {
      return (store, people) -> List.of();
    }
    Optional<java.time.LocalDate[]> hours = ImpactCommand.archiveDays(spec.commandLine(), source);
    Progress progress = ProgressOptions.of(spec);
    return (store, people) -> ImpactHtml.sections(
        impact.get().analyse(loaded.label(), loaded.simulated(), store, people, progress, hours));
  }

  /** The page's section of --git or --git-log and what it read, when one was given. */
  private Optional<HtmlPortfolio.GitPart> gitPart() throws IOException {
    Optional<AuthorshipHistory> history = history();
    if (history.isEmpty()) {
      return Optional.empty();
    }
    TruckFactor greedy = TruckFactor.greedy();
    Section section =
        HealthSections.truckFactor(
            greedy.compute(history.get()),
            greedy.perDirectory(history.get()),
            "avelino greedy (ICPC 2016), Linguist default exclusions",
            12);
    String input =
        git != null ? "git repository " + git.toAbsolutePath() + " at HEAD" : "git log " + HtmlPortfolio.sized(gitLog);
    return Optional.of(new HtmlPortfolio.GitPart(section, input));
  }

  /** The authorship history of --git or --git-log, when one was given. */
  private Optional<AuthorshipHistory> history() throws IOException {
    FileSelection selection = FileSelection.defaults();
    if (git != null) {
      GitRepository repo = GitRepository.open(git, GitExecutable.onPath());
      List<String> kept = selection.select(repo.listFiles("HEAD")).kept();
      try (ProgressTask task = ProgressOptions.of(spec).bytes("reading the git log of " + git, -1)) {
        return Optional.of(repo.readLog("HEAD", in -> CommitLogAuthorship.collect(
            CommitLogReader.of(task.counting(in), "git log HEAD", ReadOptions.strict()), kept,
            UnaryOperator.identity(), IdentityRule.NAME_OR_EMAIL, false)));
      }
    }
    if (gitLog != null) {
      try (ProgressTask task = CommitLogs.reading(ProgressOptions.of(spec), "reading", gitLog);
          CommitLogReader reader = CommitLogs.open(gitLog, task)) {
        return Optional.of(CommitLogAuthorship.collectDiscovering(
            reader, selection::keeps, UnaryOperator.identity(), IdentityRule.NAME_OR_EMAIL, false));
      }
    }
    return Optional.empty();
  }
}
