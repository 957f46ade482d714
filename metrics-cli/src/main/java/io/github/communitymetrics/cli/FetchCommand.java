package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.EventFile;
import io.github.communitymetrics.forge.RequestCounts;
import io.github.communitymetrics.github.Collaborator;
import io.github.communitymetrics.github.FetchReport;
import io.github.communitymetrics.github.GitHubResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
      "Read a GitHub repository or owner, or a GitLab project or group, through the forge's API"
          + " (GitHub's GraphQL API for reviews when a token is given, REST otherwise) and write its events as canonical JSON Lines (docs/events.md); print what was read and"
          + " how many requests it cost.",
      "What is read and its request cost: docs/github.md, docs/gitlab.md."
    })
final class FetchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GitHubOptions github;

  @Mixin GitLabOptions gitlab;

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
    if (github.present() == gitlab.isSet()) {
      throw new ParameterException(
          spec.commandLine(), "fetch needs one of --github OWNER/NAME|OWNER or --gitlab GROUP/PROJECT|GROUP");
    }
    if (gitlab.isSet()) {
      return fetchInto(
          sink -> gitlab.fetch(spec.commandLine(), System.getenv(), github, sink),
          GitLabOptions::print,
          this::writeJson);
    }
    return fetchInto(
        sink -> github.fetch(spec.commandLine(), System.getenv(), sink),
        GitHubOptions::print,
        this::writeJson);
  }

  /** A forge's fetch into a sink of events, returning its report. */
  @FunctionalInterface
  private interface Fetch<R> {
    R into(Consumer<? super Event> sink);
  }

  /** A report written as JSON, with the number of events written. */
  @FunctionalInterface
  private interface JsonReport<R> {
    void write(R report, long written, PrintWriter out);
  }

  /** Writes the fetched events to {@code out}, then the report as text or JSON. */
  private <R> Integer fetchInto(Fetch<R> fetch, BiConsumer<R, PrintWriter> text, JsonReport<R> asJson)
      throws IOException {
    R report;
    long written;
    Path checkpoint = github.checkpoint;
    // With a checkpoint the output is reopened to append where the checkpoint's cursors end (after
    // a crash: the same command again), never truncated; events are forced to disk before every
    // cursor that covers them (docs/github.md, "Durability").
    EventFile file = checkpoint == null ? EventFile.create(out) : EventFile.open(out, checkpoint);
    long before = file.startLength();
    try (file) {
      report = fetch.into(file);
    }
    written = file.eventsWritten();
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      asJson.write(report, written, stdout);
    } else {
      text.accept(report, stdout);
      stdout.println(
          "wrote " + written + " events to " + out
              + (before > 0 ? " (appended after the " + before + " bytes an earlier fetch wrote)" : ""));
    }
    stdout.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  /** The GitLab fetch report: the GitHub report's fields that apply, and the counted skips. */
  private void writeJson(io.github.communitymetrics.gitlab.FetchReport report, long written, PrintWriter stdout) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), stdout)) {
      g.writeStartObject();
      g.writeStringProperty("forge", "gitlab");
      g.writeStringProperty("target", report.target().path());
      g.writeBooleanProperty("group", report.target().group());
      g.writeArrayPropertyStart("repositories");
      for (Repository repo : report.repositories()) {
        g.writeString(repo.fullName());
      }
      g.writeEndArray();
      g.writeObjectPropertyStart("items");
      for (io.github.communitymetrics.gitlab.GitLabResource resource :
          io.github.communitymetrics.gitlab.GitLabResource.values()) {
        Long items = report.items().get(resource);
        if (items != null) {
          g.writeNumberProperty(resource.wireName(), items);
        }
      }
      g.writeEndObject();
      g.writeNumberProperty("duplicatesSkipped", report.duplicatesSkipped());
      g.writeNumberProperty("beforeSince", report.beforeSince());
      g.writeObjectPropertyStart("skipped");
      for (Map.Entry<String, Long> e : new TreeMap<>(report.skipped()).entrySet()) {
        g.writeNumberProperty(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      PortfolioOptions.writeJson(g, report.listing(), report.failed());
      writeRequests(g, report.requests());
      g.writeNumberProperty("eventsWritten", written);
      g.writeStringProperty("out", out.toString());
      g.writeEndObject();
    }
    stdout.println();
  }

  private static void writeRequests(JsonGenerator g, RequestCounts r) {
    g.writeObjectPropertyStart("requests");
    g.writeNumberProperty("total", r.requests());
    g.writeNumberProperty("notModified", r.notModified());
    g.writeNumberProperty("retries", r.retries());
    g.writeNumberProperty("rateLimitWaits", r.rateLimitWaits());
    g.writeNumberProperty("waitedSeconds", r.waited().toSeconds());
    g.writeEndObject();
  }

  private void writeJson(FetchReport report, long written, PrintWriter stdout) {
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
      g.writeNumberProperty("graphQlPoints", report.graphQlPoints());
      g.writeArrayPropertyStart("skipped");
      for (FetchReport.Skip skip : report.skipped()) {
        g.writeStartObject();
        g.writeStringProperty("repository", skip.repository());
        g.writeStringProperty("what", skip.what());
        g.writeStringProperty("reason", skip.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (!report.collaborators().isEmpty()) {
        g.writeArrayPropertyStart("collaborators");
        for (Collaborator c : report.collaborators()) {
          g.writeStartObject();
          g.writeStringProperty("repository", c.repo().fullName());
          g.writeStringProperty("login", c.member().login().orElse(null));
          g.writeStringProperty("permission", c.permission().map(p -> p.wireName()).orElse(null));
          g.writeStringProperty("roleName", c.roleName().orElse(null));
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      PortfolioOptions.writeJson(g, report.listing(), report.failed());
      writeRequests(g, report.requests());
      g.writeNumberProperty("eventsWritten", written);
      g.writeStringProperty("out", out.toString());
      g.writeEndObject();
    }
    stdout.println();
  }
}
