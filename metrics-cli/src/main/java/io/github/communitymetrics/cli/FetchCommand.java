package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventWriter;
import io.github.communitymetrics.github.FetchReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fetch}: reads a forge and writes canonical events. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Read a GitHub repository or owner through the REST API and write its events as canonical"
          + " JSON Lines (docs/events.md); print what was read and how many requests it cost.",
      "What is read and its request cost: docs/github.md."
    })
final class FetchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GitHubOptions github;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the events; gzip-compressed when it ends in .gz.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!github.present()) {
      throw new ParameterException(spec.commandLine(), "fetch needs --github OWNER/NAME or OWNER");
    }
    FetchReport report;
    long written;
    try (Writer w = Files2.createText(out)) {
      EventWriter writer = EventJsonLines.writer(w);
      report = github.fetch(spec.commandLine(), System.getenv(), System.console() != null, writer::write);
      writer.flush();
      written = writer.eventsWritten();
    }
    GitHubOptions.print(report, spec.commandLine().getOut());
    spec.commandLine().getOut().println("wrote " + written + " events to " + out);
    return CommunityMetricsCli.EXIT_OK;
  }
}
