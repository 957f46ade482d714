package io.github.communitymetrics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: a readable summary of a community. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise a community: its repositories, activity, people (after identity resolution),"
          + " bots and organisations.",
      "Without --events it reports on the simulated demo community, labelled as simulated."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    EventSource.Loaded loaded = source.load();
    CommunitySummary summary = CommunitySummary.of(loaded);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      summary.writeJson(out);
    } else {
      summary.writeText(out);
    }
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }
}
