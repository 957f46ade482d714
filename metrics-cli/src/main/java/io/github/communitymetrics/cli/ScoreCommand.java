package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.EachRepository;
import io.github.communitymetrics.core.metrics.Owner;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.Measurements;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
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

/**
 * {@code score}: the headline of each selected metric for every repository (or owner) of the
 * input, in one table: "which of my repositories has the lowest bus factor?" in one command. Each
 * metric goes through the each-repository driver once.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score every repository (or owner, --group-by owner) of the input: the headline measurement"
          + " of each metric (--metric, default every registered metric that describes any"
          + " scope), as of an instant over a window; sort, keep the top N, print a table, --json"
          + " or --csv.",
      "Example: community-metrics score --gharchive 2025-01-01-*.json.gz --metric"
          + " contributor-absence-factor --sort contributor-absence-factor:asc --top 10"
    })
final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Option(names = "--metric", paramLabel = "ID[,ID...]", split = ",",
      description = "Metrics to score (ids from `metrics --list`); the column is each one's first measurement.")
  List<String> metrics;

  @Option(names = "--group-by", paramLabel = "repository|owner", defaultValue = "repository",
      description = "Score each repository (default) or each owner (all its repositories together).")
  String groupBy;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "ISO-8601 instant (default: one second after the last event).")
  String asOf;

  @Option(names = "--window", paramLabel = "DURATION", defaultValue = "90d",
      description = "Activity window before --as-of (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(names = "--sort", paramLabel = "METRIC[:asc|desc]",
      description = "Sort by a metric's headline (no data last); default: by name.")
  String sort;

  @Option(names = "--top", paramLabel = "N", description = "Keep the first N rows after sorting.")
  Integer top;

  @Option(names = "--min-events", paramLabel = "N", defaultValue = "1",
      description = "Leave out repositories or owners with fewer events (default: ${DEFAULT-VALUE}).")
  int minEvents;

  @Option(names = "--json", description = "Print JSON: one object per row with each metric's measurements.")
  boolean json;

  @Option(names = "--csv", description = "Print CSV: one line per row, one column per metric headline.")
  boolean csv;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE instead of standard output, in the format of its extension:"
          + " .csv, .json, .jsonl (one row object per line) or .txt.")
  java.nio.file.Path outFile;

  /** One scored repository or owner. */
  private record Row(String name, long events, Map<String, List<Measurement>> byMetric) {}

  @Override
  public Integer call() throws IOException {
    if (json && csv) {
      throw new ParameterException(spec.commandLine(), "give one of --json and --csv");
    }
    if (top != null && top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1 but was " + top);
    }
    boolean owners;
    switch (groupBy.strip().toLowerCase(Locale.ROOT)) {
      case "repository":
        owners = false;
        break;
      case "owner":
        owners = true;
        break;
      default:
        throw new ParameterException(
            spec.commandLine(), "--group-by must be repository or owner but was '" + groupBy + "'");
    }
    List<MetricDescriptor<?>> chosen = chosen(owners);
    EventSource.Loaded loaded = source.load();
    EventStore store = EventStore.of(loaded.events());
    if (store.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no events to score");
    }
    People people = People.resolve(store);
    Instant at =
        asOf == null
            ? store.instant(store.size() - 1).plusSeconds(1)
            : SummaryOptions.asOf(spec.commandLine(), asOf);
    Duration length = SummaryOptions.duration(spec.commandLine(), window, "--window");
    Evaluation evaluation =
        new Evaluation(
            RepositoryScope.all(),
            Window.endingAt(at, length),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
            ContributionType.COMMIT,
            Map.of());
    Map<String, Row> rows = new LinkedHashMap<>();
    if (owners) {
      for (MetricDescriptor<?> d : chosen) {
        SortedMap<Owner, List<Measurement>> each = eachOwner(d, store, people, evaluation);
        each.forEach(
            (o, m) -> row(rows, o.name(), () -> o.scope().restrict(store).size()).byMetric().put(d.id(), m));
      }
    } else {
      for (MetricDescriptor<?> d : chosen) {
        d.evaluateEachRepository(store, people, evaluation)
            .forEach(
                (r, ev) ->
                    row(rows, r.fullName(), () -> store.slice(r).size())
                        .byMetric()
                        .put(d.id(), ev.measurements()));
      }
    }
    List<Row> kept = new ArrayList<>(rows.values().stream().filter(r -> r.events() >= minEvents).toList());
    sort(kept, chosen);
    if (top != null && kept.size() > top) {
      kept = new ArrayList<>(kept.subList(0, top));
    }
    String format = json ? "json" : csv ? "csv" : "txt";
    if (outFile != null) {
      String name = outFile.getFileName().toString().toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      format = dot < 0 ? "" : name.substring(dot + 1);
      if (!List.of("csv", "json", "jsonl", "txt").contains(format)) {
        throw new ParameterException(
            spec.commandLine(),
            "--out " + outFile + ": the extension says the format: .csv, .json, .jsonl or .txt");
      }
      try (PrintWriter file =
          new PrintWriter(java.nio.file.Files.newBufferedWriter(outFile, java.nio.charset.StandardCharsets.UTF_8))) {
        write(file, format, kept, chosen, evaluation, loaded, owners, rows.size());
      }
      spec.commandLine().getErr().println(
          "community-metrics: " + kept.size() + " rows written to " + outFile);
      spec.commandLine().getErr().flush();
      return CommunityMetricsCli.EXIT_OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    write(out, format, kept, chosen, evaluation, loaded, owners, rows.size());
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  private void write(
      PrintWriter out,
      String format,
      List<Row> kept,
      List<MetricDescriptor<?>> chosen,
      Evaluation evaluation,
      EventSource.Loaded loaded,
      boolean owners,
      int scored) {
    switch (format) {
      case "json":
        writeJson(out, kept, chosen, evaluation, loaded);
        break;
      case "jsonl":
        writeJsonLines(out, kept, chosen);
        break;
      case "csv":
        writeCsv(out, kept, chosen);
        break;
      default:
        writeText(out, kept, chosen, evaluation, loaded, owners, scored);
    }
  }

  /** One JSON object per line: {@code {"name", "events", "metrics": {"<id>": [measurements]}}}. */
  private static void writeJsonLines(PrintWriter out, List<Row> rows, List<MetricDescriptor<?>> chosen) {
    for (Row r : rows) {
      java.io.StringWriter line = new java.io.StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), line)) {
        writeRow(g, r, chosen);
      }
      out.println(line);
    }
  }

  /** The row of {@code name}, created (and its events counted) by the first metric only. */
  private static Row row(Map<String, Row> rows, String name, java.util.function.LongSupplier events) {
    return rows.computeIfAbsent(name, n -> new Row(n, events.getAsLong(), new LinkedHashMap<>()));
  }

  private static <R> SortedMap<Owner, List<Measurement>> eachOwner(
      MetricDescriptor<R> d, EventStore store, People people, Evaluation e) {
    SortedMap<Owner, R> results =
        EachRepository.computeEachOwner(store, people, scope -> d.metric(e.withScope(scope)));
    SortedMap<Owner, List<Measurement>> out = new java.util.TreeMap<>();
    results.forEach((o, r) -> out.put(o, d.measure(r, e.withScope(o.scope()))));
    return out;
  }

  /**
   * The metrics asked for; for owners, only those that describe an owner's repositories
   * (contributor confidence describes one repository). Whether a metric describes a scope depends
   * on its kind (one repository, an owner, all), so any owner stands for every owner.
   */
  private List<MetricDescriptor<?>> chosen(boolean owners) {
    // Each repository is scored alone, which every metric describes; owners need asking.
    RepositoryScope anOwner = RepositoryScope.organization(Forge.GITHUB, "any-owner");
    MetricRegistry standard = MetricRegistry.standard();
    if (metrics == null || metrics.isEmpty()) {
      return standard.metrics().stream().filter(d -> !owners || d.describes(anOwner)).toList();
    }
    List<MetricDescriptor<?>> out = new ArrayList<>();
    for (String id : metrics) {
      MetricDescriptor<?> d =
          standard.find(id.strip())
              .orElseThrow(
                  () -> new ParameterException(
                      spec.commandLine(),
                      "--metric: no metric " + id + " (community-metrics metrics --list)"));
      if (owners && !d.describes(anOwner)) {
        throw new ParameterException(
            spec.commandLine(), d.id() + " does not describe an owner's repositories (it describes one repository)");
      }
      out.add(d);
    }
    return out;
  }

  private void sort(List<Row> rows, List<MetricDescriptor<?>> chosen) {
    rows.sort(Comparator.comparing(Row::name));
    if (sort == null) {
      return;
    }
    String[] parts = sort.strip().split(":", 2);
    String id = parts[0];
    boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
    if (parts.length > 1 && !parts[1].equalsIgnoreCase("asc") && !descending) {
      throw new ParameterException(spec.commandLine(), "--sort must be METRIC, METRIC:asc or METRIC:desc");
    }
    if (chosen.stream().noneMatch(d -> d.id().equals(id))) {
      throw new ParameterException(spec.commandLine(), "--sort " + id + " is not among the scored metrics");
    }
    Comparator<Double> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    // No data sorts last whichever the direction: it is not a smallest or a largest value.
    rows.sort(
        Comparator.comparing(
            (Row r) -> headline(r, id).value(),
            (a, b) -> a.isPresent() && b.isPresent()
                ? order.compare(a.getAsDouble(), b.getAsDouble())
                : Boolean.compare(a.isEmpty(), b.isEmpty())));
  }

  private static Measurement headline(Row r, String id) {
    return r.byMetric().get(id).get(0);
  }

  private void writeText(
      PrintWriter out,
      List<Row> rows,
      List<MetricDescriptor<?>> chosen,
      Evaluation e,
      EventSource.Loaded loaded,
      boolean owners,
      int scored) {
    out.println("Source: " + loaded.label());
    out.println("As of:  " + e.asOf() + "   window: " + e.window());
    out.println(
        "Scored: " + scored + (owners ? " owners" : " repositories") + ", showing " + rows.size());
    out.println();
    List<String> header = new ArrayList<>();
    header.add(owners ? "Owner" : "Repository");
    header.add("Events");
    for (MetricDescriptor<?> d : chosen) {
      header.add(d.id() + " " + d.measurements().get(0).name());
    }
    TextTable t = new TextTable(header.toArray(String[]::new));
    for (Row r : rows) {
      List<Object> cells = new ArrayList<>();
      cells.add(r.name());
      cells.add(r.events());
      for (MetricDescriptor<?> d : chosen) {
        cells.add(headline(r, d.id()).text());
      }
      t.row(cells.toArray());
    }
    t.print(out, "");
    if (loaded.simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  private static void writeCsv(PrintWriter out, List<Row> rows, List<MetricDescriptor<?>> chosen) {
    StringBuilder h = new StringBuilder("name,events");
    for (MetricDescriptor<?> d : chosen) {
      h.append(',').append(d.id()).append('.').append(d.measurements().get(0).name());
    }
    out.println(h);
    for (Row r : rows) {
      StringBuilder line = new StringBuilder(csv(r.name())).append(',').append(r.events());
      for (MetricDescriptor<?> d : chosen) {
        // No data is an empty field, never 0.
        line.append(',').append(csv(Measurements.plain(headline(r, d.id()))));
      }
      out.println(line);
    }
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static void writeJson(
      PrintWriter out, List<Row> rows, List<MetricDescriptor<?>> chosen, Evaluation e, EventSource.Loaded loaded) {
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", MetricsReport.SCHEMA_VERSION);
      g.writeStringProperty("source", loaded.label());
      g.writeBooleanProperty("simulated", loaded.simulated());
      g.writeStringProperty("asOf", e.asOf().toString());
      g.writeObjectPropertyStart("window");
      g.writeStringProperty("start", e.window().start().toString());
      g.writeStringProperty("end", e.window().end().toString());
      g.writeEndObject();
      g.writeArrayPropertyStart("rows");
      for (Row r : rows) {
        writeRow(g, r, chosen);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void writeRow(JsonGenerator g, Row r, List<MetricDescriptor<?>> chosen) {
    g.writeStartObject();
    g.writeStringProperty("name", r.name());
    g.writeNumberProperty("events", r.events());
    g.writeObjectPropertyStart("metrics");
    for (MetricDescriptor<?> d : chosen) {
      g.writeName(d.id());
      Measurements.write(g, r.byMetric().get(d.id()));
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
