package io.github.communitymetrics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Where and how {@code growth} and {@code stars} write, a mixin: text or {@code --json}, to
 * standard output or {@code --out}, and the {@code --as-of} instant that ends their span.
 */
final class SpanOutput {
  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "ISO-8601 instant where the span ends (default: one second after the last event);"
          + " --since starts it (default: UTC midnight of the first event's day).")
  String asOf;

  @Option(names = "--json", description = "Print JSON (docs/cli.md).")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE instead of standard output: .json for JSON, .txt for text.")
  Path outFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** The {@code --as-of} text, if given. */
  Optional<String> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** {@link #format(CommandSpec, boolean, Path)} of the options. */
  boolean isJson() {
    return format(spec, json, outFile);
  }

  /** {@link #output(CommandSpec, Path, String, Body)} to the options' destination. */
  void write(String what, Body body) throws IOException {
    output(spec, outFile, what, body);
  }

  /**
   * Whether the output is JSON: {@code --json}, or an {@code --out} file ending in {@code .json};
   * text for {@code .txt}.
   *
   * @throws ParameterException for another extension
   */
  static boolean format(CommandSpec spec, boolean json, Path out) {
    if (out == null) {
      return json;
    }
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return true;
    }
    if (name.endsWith(".txt") && !json) {
      return false;
    }
    throw new ParameterException(
        spec.commandLine(), "--out " + out + ": the extension says the format: .json or .txt (without --json)");
  }

  /** A writer of the output. */
  interface Body {
    void write(PrintWriter out) throws IOException;
  }

  /** Writes {@code body} to {@code --out} (saying so on standard error) or to standard output. */
  static void output(CommandSpec spec, Path file, String what, Body body) throws IOException {
    if (file == null) {
      PrintWriter out = spec.commandLine().getOut();
      body.write(out);
      out.flush();
      return;
    }
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      body.write(out);
    }
    ProgressOptions.of(spec).info("community-metrics: " + what + " written to " + file);
  }

  /**
   * One JSON object: the schema version, the source, whether it is simulated, the as-of instant
   * and the span, then what {@code fields} writes.
   */
  static void json(PrintWriter out, SpanInput in, Consumer<JsonGenerator> fields) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", MetricsReport.SCHEMA_VERSION);
      g.writeStringProperty("source", in.loaded().label());
      g.writeBooleanProperty("simulated", in.loaded().simulated());
      g.writeStringProperty("asOf", in.span().end().toString());
      g.writeObjectPropertyStart("span");
      g.writeStringProperty("start", in.span().start().toString());
      g.writeStringProperty("end", in.span().end().toString());
      g.writeEndObject();
      fields.accept(g);
      g.writeEndObject();
    }
    out.println();
  }
}
