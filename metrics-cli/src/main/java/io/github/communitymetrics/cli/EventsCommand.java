package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventWriter;
import io.github.communitymetrics.core.io.ReadReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** {@code events}: the canonical JSON Lines format in and out. */
@Command(
    name = "events",
    description = "Export or check events in the canonical JSON Lines format (docs/events.md).",
    mixinStandardHelpOptions = true,
    subcommands = {EventsCommand.Export.class, EventsCommand.Check.class})
final class EventsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code events export}: writes events as JSON Lines. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the events (by default the simulated demo community) as JSON Lines.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin EventSource source;

    @Mixin GitClones clones;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Where to write; gzip-compressed when it ends in .gz; - for standard output.")
    String out;

    @Option(
        names = "--json",
        description = "Print what was written as JSON (docs/cli-json.md); not with --out -.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      if (json && "-".equals(out)) {
        // Standard output would then hold events and a report at once, and parse as neither.
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--json needs --out FILE: with --out - the events go to standard output");
      }
      EventSource.Loaded loaded = source.with(clones).load();
      PrintWriter stdout = spec.commandLine().getOut();
      Map<EventType, Long> byType = new EnumMap<>(EventType.class);
      long written;
      if ("-".equals(out)) {
        written = write(loaded, stdout, byType);
        stdout.flush();
        // Standard output holds the events: the read report goes to standard error.
        loaded.readReport().ifPresent(
            r -> ProgressOptions.of(spec).info("read: " + CommunitySummary.readLine(r)));
      } else {
        try (Writer w = Files2.createText(Path.of(out))) {
          written = write(loaded, w, byType);
        }
        if (json) {
          writeJson(stdout, loaded, written, byType);
        } else {
          Progress progress = ProgressOptions.of(spec);
          progress.info("wrote " + written + " events to " + out + " (" + loaded.label() + ")");
          loaded.readReport().ifPresent(r -> progress.info("read: " + CommunitySummary.readLine(r)));
        }
      }
      return CommunityMetricsCli.EXIT_OK;
    }

    private static long write(EventSource.Loaded loaded, Writer w, Map<EventType, Long> byType) {
      EventWriter writer = EventJsonLines.writer(w);
      for (Event e : loaded.events()) {
        writer.write(e);
        byType.merge(e.type(), 1L, Long::sum);
      }
      writer.flush();
      return writer.eventsWritten();
    }

    private void writeJson(
        PrintWriter stdout, EventSource.Loaded loaded, long written, Map<EventType, Long> byType) {
      try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), stdout)) {
        g.writeStartObject();
        g.writeStringProperty("source", loaded.label());
        g.writeBooleanProperty("simulated", loaded.simulated());
        loaded.readReport().ifPresent(r -> CommunitySummary.writeRead(g, "read", r));
        loaded.readReport().ifPresent(r -> CommunitySummary.writeReadReport(g, r));
        g.writeStringProperty("out", out);
        g.writeNumberProperty("eventsWritten", written);
        g.writeObjectPropertyStart("eventsByType");
        for (Map.Entry<EventType, Long> e : byType.entrySet()) {
          g.writeNumberProperty(e.getKey().wireName(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      stdout.println();
      stdout.flush();
    }
  }

  /** {@code events check}: reads a JSON Lines file and reports what it holds. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Read a JSON Lines file and report its lines, events and malformed lines.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin EventSource source;

    @Option(names = "--json", description = "Print JSON (docs/cli-json.md) instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      if (source.eventsFile == null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "events check needs --events FILE");
      }
      EventSource.Loaded loaded = source.load();
      ReadReport r = loaded.readReport().orElseThrow();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
          g.writeStartObject();
          g.writeStringProperty("source", loaded.label());
          g.writeNumberProperty("lines", r.linesRead());
          g.writeNumberProperty("events", r.eventsRead());
          g.writeNumberProperty("blankLines", r.blankLines());
          g.writeNumberProperty("malformedLines", r.malformedLinesSkipped());
          CommunitySummary.writeRead(g, "read", r);
          g.writeArrayPropertyStart("skipped");
          for (var skip : r.skipped()) {
            g.writeStartObject();
            g.writeNumberProperty("line", skip.lineNumber());
            g.writeStringProperty("reason", skip.reason());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        out.println();
        out.flush();
        return r.malformedLinesSkipped() == 0 ? CommunityMetricsCli.EXIT_OK : CommunityMetricsCli.EXIT_FAILURE;
      }
      out.printf("%s: %d lines, %d events, %d blank, %d malformed skipped%s%n",
          loaded.label(), r.linesRead(), r.eventsRead(), r.blankLines(), r.malformedLinesSkipped(),
          CommunitySummary.reasons(r));
      r.skipped().forEach(s -> out.println("  line " + s.lineNumber() + ": " + s.reason()));
      return r.malformedLinesSkipped() == 0 ? CommunityMetricsCli.EXIT_OK : CommunityMetricsCli.EXIT_FAILURE;
    }
  }
}
