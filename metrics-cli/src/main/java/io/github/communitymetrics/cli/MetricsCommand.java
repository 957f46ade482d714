package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.registry.Band;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.Measurements;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.MetricSeries;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Scale;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.time.PeriodUnit;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code metrics}: every registered metric of one repository with the preset each was computed
 * with; {@code --list} prints the registry, {@code --metric} picks metrics, {@code --every}
 * prints series.
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Compute every metric of one repository as of an instant: contributor confidence, the"
          + " bus-factor family, the contributor ladder, retention and responsiveness. JSON schema:"
          + " docs/metrics.md.",
      "--list prints the metrics (id, presets, measurements and units, parameters); --metric picks"
          + " some; --every with --since prints each as a series over a calendar, its first"
          + " period the one containing --since (events before it stay as history).",
      "Without --events it uses the simulated demo community (and its first repository)."
    })
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin SummaryOptions options;

  @Mixin GitClones clones;

  @Option(names = "--json", description = "Print JSON (docs/metrics.md) instead of tables.")
  boolean json;

  @Option(names = "--list", description = "Print the registered metrics and exit.")
  boolean list;

  @Option(
      names = "--metric",
      paramLabel = "ID[,ID...]",
      split = ",",
      description = "Only these metrics, in this order (ids from --list).")
  List<String> metrics;

  @Option(
      names = "--every",
      paramLabel = "PERIOD",
      description = "Print series: one point per day, week (ISO), month, quarter or year.")
  String every;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "With --every: the zone whose midnights bound the periods (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(
      names = "--rolling",
      paramLabel = "N",
      defaultValue = "1",
      description = "With --every: each point evaluates the N periods ending with it (default: ${DEFAULT-VALUE},"
          + " the period itself).")
  int rolling;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    MetricRegistry registry = registry();
    if (list) {
      if (json) {
        writeListJson(registry, out);
      } else {
        writeList(registry, out);
      }
      out.flush();
      return CommunityMetricsCli.EXIT_OK;
    }
    if (every == null && rolling != 1) {
      throw new ParameterException(spec.commandLine(), "--rolling needs --every");
    }
    // A series starts at --since but keeps the events before it as history (who was already a
    // contributor, earlier cohorts); without --every, --since leaves them out as everywhere.
    EventSource.Loaded loaded = options.load(source.with(clones), every == null);
    if (every != null) {
      series(registry, loaded, out);
      out.flush();
      return CommunityMetricsCli.EXIT_OK;
    }
    SummaryOptions.Computed computed = options.compute(source, loaded, registry);
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

  private MetricRegistry registry() {
    MetricRegistry standard = MetricRegistry.standard();
    if (metrics == null || metrics.isEmpty()) {
      return standard;
    }
    List<String> ids = metrics.stream().map(String::strip).toList();
    try {
      return standard.select(ids);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--metric: " + e.getMessage().replace("; known:", "; known ids:")
              + " (community-metrics metrics --list)");
    }
  }

  private void series(MetricRegistry registry, EventSource.Loaded loaded, PrintWriter out) {
    PeriodUnit unit = unit(every);
    ZoneId z = zone(zone);
    String since =
        source.since()
            .orElseThrow(() -> new ParameterException(spec.commandLine(), "--every needs --since DATE"));
    if (rolling < 1 || rolling > 1000) {
      throw new ParameterException(spec.commandLine(), "--rolling must be 1 to 1000 but was " + rolling);
    }
    SummaryOptions.Prepared p = options.prepare(source, loaded, registry);
    options.warn(p.warnings());
    Instant from = since(since, z);
    Instant until = p.evaluation().asOf();
    if (!from.isBefore(until)) {
      throw new ParameterException(
          spec.commandLine(), "--since " + since + " is not before --as-of " + until);
    }
    SeriesSpec seriesSpec = new SeriesSpec(unit, z, from, until, rolling);
    List<MetricSeries> all = new ArrayList<>();
    for (MetricDescriptor<?> d : registry.metrics()) {
      all.add(MetricSeries.compute(d, p.store(), p.people(), p.evaluation(), seriesSpec));
    }
    if (json) {
      writeSeriesJson(p, loaded, seriesSpec, registry, all, out);
    } else {
      writeSeries(p, loaded, seriesSpec, registry, all, out);
    }
  }

  private void writeSeries(
      SummaryOptions.Prepared p,
      EventSource.Loaded loaded,
      SeriesSpec s,
      MetricRegistry registry,
      List<MetricSeries> all,
      PrintWriter out) {
    out.println("Community Metrics: " + p.repository().fullName());
    out.println("Source: " + loaded.label());
    out.println(
        "Every:  " + every.toLowerCase(Locale.ROOT) + " in " + s.zone().getId()
            + (s.periodsPerWindow() > 1 ? ", rolling " + s.periodsPerWindow() + " periods" : "")
            + ", from " + s.since() + " until " + s.until());
    p.note().ifPresent(n -> out.println("Note:   " + n));
    for (MetricSeries series : all) {
      MetricDescriptor<?> d = registry.get(series.metric());
      out.println();
      out.println(d.id() + " (" + d.preset().name() + "): " + d.title());
      List<String> header = new ArrayList<>();
      header.add("Period");
      for (MeasurementSpec m : d.measurements()) {
        header.add(m.name());
      }
      TextTable t = new TextTable(header.toArray(String[]::new));
      for (MetricSeries.Point point : series.points()) {
        List<String> row = new ArrayList<>();
        row.add(point.period().label() + (point.complete() ? "" : " (so far)"));
        for (Measurement m : point.measurements()) {
          row.add(m.text());
        }
        t.row((Object[]) row.toArray(String[]::new));
      }
      t.print(out, "  ");
    }
    if (loaded.simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  private void writeSeriesJson(
      SummaryOptions.Prepared p,
      EventSource.Loaded loaded,
      SeriesSpec s,
      MetricRegistry registry,
      List<MetricSeries> all,
      PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", MetricsReport.SCHEMA_VERSION);
      g.writeStringProperty("repo", p.repository().fullName());
      g.writeStringProperty("source", loaded.label());
      g.writeBooleanProperty("simulated", loaded.simulated());
      g.writeArrayPropertyStart("warnings");
      for (String w : p.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeStringProperty("commitBasis", p.evaluation().commitBasis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      g.writeStringProperty("every", s.unit().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      g.writeStringProperty("zone", s.zone().getId());
      g.writeNumberProperty("periodsPerWindow", s.periodsPerWindow());
      g.writeStringProperty("since", s.since().toString());
      g.writeStringProperty("until", s.until().toString());
      g.writeArrayPropertyStart("series");
      for (MetricSeries series : all) {
        MetricDescriptor<?> d = registry.get(series.metric());
        g.writeStartObject();
        g.writeStringProperty("id", d.id());
        g.writeStringProperty("preset", d.preset().name());
        g.writeArrayPropertyStart("points");
        for (MetricSeries.Point point : series.points()) {
          g.writeStartObject();
          g.writeStringProperty("period", point.period().label());
          g.writeStringProperty("start", point.window().start().toString());
          g.writeStringProperty("end", point.window().end().toString());
          g.writeBooleanProperty("complete", point.complete());
          g.writeName("measurements");
          Measurements.write(g, point.measurements());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void writeList(MetricRegistry registry, PrintWriter out) {
    TextTable t = new TextTable("Id", "Preset (definition source)", "Measurements (unit)", "Parameters (default)");
    for (MetricDescriptor<?> d : registry.metrics()) {
      t.row(
          d.id(),
          d.presets().stream().map(p -> p.name() + ": " + p.source()).collect(Collectors.joining("; ")),
          d.measurements().stream()
              .map(m -> m.name() + " (" + m.unit().id() + ")")
              .collect(Collectors.joining(", ")),
          d.parameters().isEmpty()
              ? "-"
              : d.parameters().stream()
                  .map(p -> p.name() + "=" + p.defaultValue())
                  .collect(Collectors.joining(", ")));
    }
    t.print(out, "");
  }

  private static void writeListJson(MetricRegistry registry, PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", MetricsReport.SCHEMA_VERSION);
      g.writeArrayPropertyStart("metrics");
      for (MetricDescriptor<?> d : registry.metrics()) {
        g.writeStartObject();
        g.writeStringProperty("id", d.id());
        g.writeStringProperty("title", d.title());
        writeOptional(g, "description", d.description());
        g.writeStringProperty("jsonName", d.jsonName());
        g.writeStringProperty("locality", d.locality().name().toLowerCase(Locale.ROOT));
        g.writeArrayPropertyStart("presets");
        for (Preset p : d.presets()) {
          g.writeStartObject();
          g.writeStringProperty("name", p.name());
          g.writeStringProperty("source", p.source());
          writeOptional(g, "definition", p.definition().map(java.net.URI::toString));
          writeOptional(g, "guidance", p.guidance());
          g.writeArrayPropertyStart("scales");
          for (Scale scale : p.scales()) {
            writeScale(g, scale);
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("parameters");
        for (Parameter p : d.parameters()) {
          g.writeStartObject();
          g.writeStringProperty("name", p.name());
          g.writeStringProperty("kind", p.kind().name().toLowerCase(Locale.ROOT));
          g.writeStringProperty("default", p.defaultValue());
          g.writeStringProperty("unit", p.unit());
          g.writeStringProperty("description", p.description());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("measurements");
        for (MeasurementSpec m : d.measurements()) {
          g.writeStartObject();
          g.writeStringProperty("name", m.name());
          g.writeStringProperty("unit", m.unit().id());
          g.writeStringProperty("description", m.description());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void writeOptional(JsonGenerator g, String name, java.util.Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get());
    } else {
      g.writeNullProperty(name);
    }
  }

  /** {@code {"name", "measurement", "bands": [{"atLeast", "below", "label", "meaning"}]}}; open bounds are null. */
  private static void writeScale(JsonGenerator g, Scale scale) {
    g.writeStartObject();
    g.writeStringProperty("name", scale.name());
    g.writeStringProperty("measurement", scale.measurement());
    g.writeArrayPropertyStart("bands");
    for (Band b : scale.bands()) {
      g.writeStartObject();
      writeBound(g, "atLeast", b.atLeast());
      writeBound(g, "below", b.below());
      g.writeStringProperty("label", b.label());
      g.writeStringProperty("meaning", b.meaning());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeBound(JsonGenerator g, String name, java.util.OptionalDouble bound) {
    if (bound.isEmpty()) {
      g.writeNullProperty(name);
    } else if (bound.getAsDouble() == Math.rint(bound.getAsDouble())) {
      g.writeNumberProperty(name, (long) bound.getAsDouble());
    } else {
      g.writeNumberProperty(name, bound.getAsDouble());
    }
  }

  private PeriodUnit unit(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "day":
        return PeriodUnit.DAY;
      case "week":
      case "iso-week":
        return PeriodUnit.ISO_WEEK;
      case "month":
        return PeriodUnit.MONTH;
      case "quarter":
        return PeriodUnit.QUARTER;
      case "year":
        return PeriodUnit.YEAR;
      default:
        throw new ParameterException(
            spec.commandLine(),
            "--every must be day, week, month, quarter or year but was '" + text + "'");
    }
  }

  private ZoneId zone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new ParameterException(
          spec.commandLine(), "--zone must be a zone such as UTC or Europe/Paris but was '" + text + "'");
    }
  }

  private Instant since(String text, ZoneId z) {
    try {
      return text.contains("T") ? Instant.parse(text.strip()) : LocalDate.parse(text.strip()).atStartOfDay(z).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--since must be a date such as 2024-01-01 or an instant such as 2024-01-01T00:00:00Z but was '"
              + text + "'");
    }
  }
}
