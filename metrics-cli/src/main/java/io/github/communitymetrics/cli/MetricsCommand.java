package io.github.communitymetrics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code metrics}: every metric of one repository, with the preset each was computed with. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Compute every metric of one repository as of an instant: contributor confidence, the"
          + " bus-factor family, the contributor ladder, retention and responsiveness. JSON schema:"
          + " docs/metrics.md.",
      "Without --events it uses the simulated demo community (and its first repository)."
    })
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin SummaryOptions options;

  @Option(names = "--json", description = "Print JSON (docs/metrics.md) instead of tables.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    EventSource.Loaded loaded = options.load(source);
    SummaryOptions.Computed computed = options.compute(source, loaded);
    PrintWriter out = spec.commandLine().getOut();
    options.warn(computed);
    MetricsReport report =
        new MetricsReport(
            computed.summary(), computed.people(), loaded.label(), loaded.simulated(),
            loaded.readReport(), computed.warnings(), computed.note());
    if (json) {
      report.writeJson(out);
    } else {
      report.writeText(out);
    }
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }
}
