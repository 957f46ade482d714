package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Person;
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
import io.github.communitymetrics.report.HtmlReport;
import io.github.communitymetrics.report.Section;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
          + " fetched from the network) with the metrics of one repository (--repo).",
      "Without --events it reports on the simulated demo community, labelled as simulated."
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

  @Override
  public Integer call() throws IOException {
    if ((git != null || gitLog != null) && html == null) {
      throw new ParameterException(spec.commandLine(), "--git and --git-log go with --html");
    }
    if (git != null && gitLog != null) {
      throw new ParameterException(spec.commandLine(), "give --git or --git-log, not both");
    }
    EventSource.Loaded loaded = options.load(source);
    CommunitySummary summary = ProgressOptions.of(spec).busy(
        String.format("summarising %,d events", loaded.events().size()), () -> CommunitySummary.of(loaded));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      summary.writeJson(out);
    } else {
      summary.writeText(out);
    }
    if (html != null) {
      SummaryOptions.Computed computed = options.compute(source, loaded);
      options.warn(computed);
      List<Section> sections =
          new ArrayList<>(
              HealthSections.of(
                  computed.summary(),
                  (Actor key) ->
                      computed.people().identities().personOf(key).map(Person::label)
                          .orElse(key.label())));
      Optional<AuthorshipHistory> history = history();
      if (history.isPresent()) {
        TruckFactor greedy = TruckFactor.greedy();
        sections.add(
            HealthSections.truckFactor(
                greedy.compute(history.get()),
                greedy.perDirectory(history.get()),
                "avelino greedy (ICPC 2016), Linguist default exclusions",
                12));
      }
      List<String> notes = new ArrayList<>();
      notes.add("Source: " + loaded.label() + (loaded.simulated() ? " (simulated data)" : ""));
      loaded.readReport().ifPresent(r -> notes.add("Read: " + CommunitySummary.readLine(r)));
      notes.add("As of " + computed.summary().asOf() + ", window " + computed.summary().window());
      computed.warnings().forEach(w -> notes.add("Warning: " + w));
      // When the commit-based metrics counted pushes or merged pull requests, the page says so.
      computed.note().ifPresent(n -> notes.add("Note: " + n));
      HtmlReport report =
          new HtmlReport(
              "Community report: " + computed.summary().repository().fullName(), notes, sections);
      Path parent = html.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
        report.writeTo(w);
      }
      if (!json) {
        out.println("HTML report: " + html);
      }
    }
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  /** The authorship history of --git or --git-log, when one was given. */
  private Optional<AuthorshipHistory> history() throws IOException {
    FileSelection selection = FileSelection.defaults();
    if (git != null) {
      GitRepository repo = GitRepository.open(git, GitExecutable.onPath());
      List<String> kept = selection.select(repo.listFiles("HEAD")).kept();
      return Optional.of(repo.readLog("HEAD", in -> CommitLogAuthorship.collect(
          CommitLogReader.of(in, "git log HEAD", ReadOptions.strict()), kept,
          UnaryOperator.identity(), IdentityRule.NAME_OR_EMAIL, false)));
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
