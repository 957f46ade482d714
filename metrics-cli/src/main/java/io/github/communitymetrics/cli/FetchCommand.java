package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventWriter;
import io.github.communitymetrics.forge.RequestCounts;
import io.github.communitymetrics.github.FetchReport;
import io.github.communitymetrics.github.GitHubResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

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

  @Option(names = "--json", description = "Print the fetch report as JSON (docs/cli-json.md).")
  boolean json;

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
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      writeJson(report, written, stdout);
    } else {
      GitHubOptions.print(report, stdout);
      stdout.println("wrote " + written + " events to " + out);
    }
    stdout.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  private void writeJson(FetchReport report, long written, PrintWriter stdout) {
    RequestCounts r = report.requests();
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), stdout)) {
      g.writeStartObject();
      g.writeStringProperty("target", report.target().toString());
      g.writeArrayPropertyStart("repositories");
      for (Repository repo : report.repositories()) {
        g.writeString(repo.fullName());
      }
      g.writeEndArray();
      g.writeObjectPropertyStart("items");
      for (GitHubResource resource : GitHubResource.values()) {
        Long items = report.items().get(resource);
        if (items != null) {
          g.writeNumberProperty(resource.wireName(), items);
        }
      }
      g.writeEndObject();
      g.writeNumberProperty("duplicatesSkipped", report.duplicatesSkipped());
      g.writeNumberProperty("mergeClosesFolded", report.mergeClosesFolded());
      g.writeNumberProperty("ghostActors", report.ghostActors());
      g.writeNumberProperty("beforeSince", report.beforeSince());
      g.writeObjectPropertyStart("requests");
      g.writeNumberProperty("total", r.requests());
      g.writeNumberProperty("notModified", r.notModified());
      g.writeNumberProperty("retries", r.retries());
      g.writeNumberProperty("rateLimitWaits", r.rateLimitWaits());
      g.writeNumberProperty("waitedSeconds", r.waited().toSeconds());
      g.writeEndObject();
      g.writeNumberProperty("eventsWritten", written);
      g.writeStringProperty("out", out.toString());
      g.writeEndObject();
    }
    stdout.println();
  }
}
