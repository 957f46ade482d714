package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.report.HealthSections;
import io.github.communitymetrics.report.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Override
  public Integer call() throws IOException {
    EventSource.Loaded loaded = options.load(source);
    CommunitySummary summary = CommunitySummary.of(loaded);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      summary.writeJson(out);
    } else {
      summary.writeText(out);
    }
    if (html != null) {
      SummaryOptions.Computed computed = options.compute(source, loaded);
      HtmlReport report =
          new HtmlReport(
              "Community report: " + computed.summary().repository().fullName(),
              List.of(
                  "Source: " + loaded.label() + (loaded.simulated() ? " (simulated data)" : ""),
                  "As of " + computed.summary().asOf() + ", window " + computed.summary().window()),
              HealthSections.of(
                  computed.summary(),
                  (Actor key) ->
                      computed.people().identities().personOf(key).map(Person::label)
                          .orElse(key.label())));
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
}
