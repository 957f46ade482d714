package io.github.communitymetrics.cli;

import io.github.communitymetrics.cli.engine.ScoreEngine;
import io.github.communitymetrics.cli.engine.ScoreRequest;
import io.github.communitymetrics.cli.engine.ScoreResult;
import io.github.communitymetrics.cli.engine.ScoredGroup;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
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
import java.util.Optional;
import java.util.ServiceLoader;
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
      "Sources: --events FILE, --gharchive FILES or DIRS, --git DIR (repeatable) or --git-list"
          + " FILE (local clones), --github, --gitlab; default the simulated demo."
    })
final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin EventSource source;

  @Mixin GitClones clones;

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
          + " .csv, .json, .jsonl (one row object per line), .txt, or .parquet (one row per"
          + " repository or owner, metric and measurement; schema in docs/metrics.md).")
  java.nio.file.Path outFile;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
      description = "Where to compute: local (default, this JVM) or spark (when metrics-spark is on"
          + " the class path, as in community-metrics-spark.jar; Spark reads --gharchive and"
          + " --events itself, from any file system it knows).")
  String engine;

  @Option(names = "--follow",
      description = "With --gharchive DIR: after the table, watch the directories for new hour files and,"
          + " as each arrives, score again only the repositories whose results can have changed and"
          + " print the rows that changed (a table, or with --json one JSON object per line); with"
          + " --store, the new hours are appended to it. Runs until stopped, or --updates N.")
  boolean follow;

  @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "60s",
      description = "With --follow: how often to look for new files (default: ${DEFAULT-VALUE}); a new"
          + " file is read once its size has not changed between two looks.")
  String poll;

  @Option(names = "--updates", paramLabel = "N",
      description = "With --follow: stop after N updates (default: run until stopped).")
  Integer updates;

  /**
   * Writes {@code --json}'s documents. The command owns standard output: closing a document's
   * generator must not close it, or the line's end (and {@code --follow}'s next documents) would
   * be lost.
   */
  private static final JsonFactory DOCUMENTS =
      JsonFactory.builder().disable(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** What was scored: every group of the input, and how to name the input in the output. */
  record Scored(String label, boolean simulated, Evaluation evaluation, List<ScoredGroup> groups) {}

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
    if (!follow && (updates != null || spec.commandLine().getParseResult().hasMatchedOption("--poll"))) {
      throw new ParameterException(spec.commandLine(), "--poll and --updates go with --follow");
    }
    if (follow) {
      return new ScoreFollow(this).run(owners);
    }
    Optional<ScoreEngine> with = engine.equals("local") ? Optional.empty() : Optional.of(engine());
    List<MetricDescriptor<?>> chosen = chosen(owners);
    if (with.isPresent()) {
      chosen = computedBy(with.get(), chosen);
    }
    Optional<Instant> at =
        asOf == null ? Optional.empty() : Optional.of(SummaryOptions.asOf(spec.commandLine(), asOf));
    Duration length = SummaryOptions.duration(spec.commandLine(), window, "--window");
    Scored scored =
        with.isEmpty()
            ? scoreHere(chosen, owners, at, length)
            : scoreWith(with.get(), chosen, owners, at, length);
    List<ScoredGroup> kept =
        new ArrayList<>(scored.groups().stream().filter(r -> r.events() >= minEvents).toList());
    sort(kept, chosen);
    if (top != null && kept.size() > top) {
      kept = new ArrayList<>(kept.subList(0, top));
    }
    String format = json ? "json" : csv ? "csv" : "txt";
    if (outFile != null) {
      String name = outFile.getFileName().toString().toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      format = dot < 0 ? "" : name.substring(dot + 1);
      if (!List.of("csv", "json", "jsonl", "txt", "parquet").contains(format)) {
        throw new ParameterException(
            spec.commandLine(),
            "--out " + outFile + ": the extension says the format: .csv, .json, .jsonl, .txt or .parquet");
      }
      if (format.equals("parquet")) {
        long written =
            ScoreParquet.write(outFile, kept, chosen, owners, scored.evaluation(), scored.label(), scored.simulated());
        ProgressOptions.of(spec).info(
            "community-metrics: " + kept.size() + " rows (" + written
                + " Parquet rows, one per measurement) written to " + outFile);
        return CommunityMetricsCli.EXIT_OK;
      }
      try (PrintWriter file =
          new PrintWriter(java.nio.file.Files.newBufferedWriter(outFile, java.nio.charset.StandardCharsets.UTF_8))) {
        write(file, format, kept, chosen, scored, owners);
      }
      ProgressOptions.of(spec).info("community-metrics: " + kept.size() + " rows written to " + outFile);
      return CommunityMetricsCli.EXIT_OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    write(out, format, kept, chosen, scored, owners);
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  /** Scores in this JVM: one pass of the each-repository driver per metric over one store. */
  private Scored scoreHere(
      List<MetricDescriptor<?>> chosen, boolean owners, Optional<Instant> asOfGiven, Duration length)
      throws IOException {
    EventSource.Loaded loaded = source.with(clones).load();
    Progress progress = ProgressOptions.of(spec);
    EventStore store =
        progress.busy(String.format("indexing %,d events", loaded.events().size()), loaded::store);
    if (store.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no events to score");
    }
    People people = progress.busy("resolving identities", () -> People.resolve(store, source.threads()));
    Instant at = asOfGiven.orElseGet(() -> store.instant(store.size() - 1).plusSeconds(1));
    Evaluation evaluation = evaluation(at, length);
    Map<String, Map<String, List<Measurement>>> byGroup = new LinkedHashMap<>();
    Map<String, Long> events = new LinkedHashMap<>();
    int part = 0;
    try (ProgressTask task = progress.count("scoring", -1, owners ? " owners" : " repositories")) {
      if (owners) {
        for (MetricDescriptor<?> d : chosen) {
          SortedMap<Owner, List<Measurement>> each =
              eachOwner(d, store, people, evaluation, task.part(part++, chosen.size()), source.threads());
          each.forEach((o, m) -> {
            events.computeIfAbsent(o.name(), n -> (long) o.scope().restrict(store).size());
            byGroup.computeIfAbsent(o.name(), n -> new LinkedHashMap<>()).put(d.id(), m);
          });
        }
      } else {
        return new Scored(
            loaded.label(),
            loaded.simulated(),
            evaluation,
            eachRepository(chosen, store, people, evaluation, task, source.threads()));
      }
    }
    List<ScoredGroup> groups = new ArrayList<>();
    byGroup.forEach((name, m) -> groups.add(new ScoredGroup(name, events.get(name), m)));
    return new Scored(loaded.label(), loaded.simulated(), evaluation, groups);
  }

  /**
   * One row per repository with events, each metric's measurements in the order of {@code chosen}.
   * While the metrics run, a metric's measurements are one array slot per repository (most are
   * shared instances: no evidence); the rows are made once, at the end. Maps of maps per
   * repository, built as the metrics ran, held about 85 MB more on the 440 thousand rows of a GH
   * Archive-shaped day.
   */
  private static List<ScoredGroup> eachRepository(
      List<MetricDescriptor<?>> chosen,
      EventStore store,
      People people,
      Evaluation evaluation,
      ProgressTask task,
      int threads) {
    // Per row, from the first metric: its name, its events and its repository's hash code (to
    // check that the other metrics scored the same repositories in the same order). No
    // Repository object is kept: they are built from the store's arrays on each request, and
    // held all at once they took about 150 bytes a row.
    List<String> names = List.of();
    int[] events = new int[0];
    int[] hashes = new int[0];
    List<List<List<Measurement>>> byMetric = new ArrayList<>();
    int part = 0;
    for (MetricDescriptor<?> d : chosen) {
      // Repositories on --threads threads: the same results on any number (EachRepository).
      // Only the measurements are kept: the results of a day's half a million repositories
      // would not all fit beside the store.
      SortedMap<Repository, List<Measurement>> each =
          d.measureEachRepository(store, people, evaluation, task.part(part++, chosen.size()), threads);
      if (byMetric.isEmpty()) {
        List<Repository> keys = new ArrayList<>(each.keySet());
        names = rowNames(store.repositories(), keys);
        events = new int[keys.size()];
        hashes = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
          events[i] = store.slice(keys.get(i)).size();
          hashes[i] = keys.get(i).hashCode();
        }
      }
      // Every metric is computed for the same repositories, those with events, ascending.
      if (each.size() != hashes.length) {
        throw new IllegalStateException(d.id() + " scored other repositories than " + chosen.get(0).id());
      }
      List<List<Measurement>> column = new ArrayList<>(hashes.length);
      int i = 0;
      for (Map.Entry<Repository, List<Measurement>> e : each.entrySet()) {
        if (e.getKey().hashCode() != hashes[i++]) {
          throw new IllegalStateException(d.id() + " scored other repositories than " + chosen.get(0).id());
        }
        column.add(e.getValue());
      }
      byMetric.add(column);
    }
    List<ScoredGroup> rows = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      Map<String, List<Measurement>> row = new LinkedHashMap<>();
      for (int m = 0; m < chosen.size(); m++) {
        row.put(chosen.get(m).id(), byMetric.get(m).get(i));
      }
      rows.add(new ScoredGroup(names.get(i), events[i], row));
    }
    return rows;
  }

  /**
   * The name of each repository's row: its full name, unless two repositories held it (one
   * deleted, another created under its name; they are two repositories, with two ids): then
   * {@link ScoredGroup#nameOf}, as the Spark engine names its groups.
   */
  static Map<Repository, String> rowNames(java.util.Collection<Repository> repositories) {
    List<Repository> all = List.copyOf(repositories);
    List<String> names = rowNames(all, all);
    Map<Repository, String> out = new java.util.HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      out.put(all.get(i), names.get(i));
    }
    return out;
  }

  /**
   * The row name of each of {@code rows}, in their order, a name being shared when two of {@code
   * all} (the input's repositories) have it.
   */
  static List<String> rowNames(java.util.Collection<Repository> all, List<Repository> rows) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<String> shared = new java.util.HashSet<>();
    for (Repository r : all) {
      String name = r.fullName();
      if (!seen.add(name)) {
        shared.add(name);
      }
    }
    List<String> out = new ArrayList<>(rows.size());
    for (Repository r : rows) {
      out.add(ScoredGroup.nameOf(r, shared.contains(r.fullName())));
    }
    return out;
  }

  /**
   * The evaluation of every engine: every repository, the window ending at {@code at}, an e-mail
   * domain without a known organisation as an organisation of its own, commits counted.
   */
  static Evaluation evaluation(Instant at, Duration length) {
    return new Evaluation(
        RepositoryScope.all(),
        Window.endingAt(at, length),
        Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
        ContributionType.COMMIT,
        Map.of());
  }

  /**
   * The metrics {@code with} computes: named ones it cannot compute are a usage error; by
   * default, they are left out with a note.
   */
  private List<MetricDescriptor<?>> computedBy(ScoreEngine with, List<MetricDescriptor<?>> chosen) {
    List<MetricDescriptor<?>> out = new ArrayList<>();
    for (MetricDescriptor<?> d : chosen) {
      if (with.computes(d)) {
        out.add(d);
      } else if (metrics != null && !metrics.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "--engine " + with.name() + " does not compute " + d.id() + " (use --engine local)");
      } else {
        // A warning, which --quiet keeps: the output lacks a metric the same command has locally.
        ProgressOptions.of(spec).warning(
            "community-metrics: " + d.id() + " left out: the " + with.name() + " engine does not compute it");
      }
    }
    if (out.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no metric to score with --engine " + with.name());
    }
    return out;
  }

  /** The engine {@code --engine} names, found on the class path. */
  private ScoreEngine engine() {
    List<String> known = new ArrayList<>(List.of("local"));
    for (ScoreEngine e : ServiceLoader.load(ScoreEngine.class)) {
      if (e.name().equals(engine)) {
        return e;
      }
      known.add(e.name());
    }
    throw new ParameterException(
        spec.commandLine(),
        "--engine " + engine + ": not on the class path (known here: " + String.join(", ", known)
            + "; the spark engine is in community-metrics-spark.jar)");
  }

  /** Scores with another engine, which reads file inputs itself (by the names as typed). */
  private Scored scoreWith(
      ScoreEngine with, List<MetricDescriptor<?>> chosen, boolean owners, Optional<Instant> asOfGiven, Duration length) {
    picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    List<String> gharchive =
        parsed.hasMatchedOption("--gharchive")
            ? parsed.matchedOption("--gharchive").stringValues()
            : List.of();
    Optional<String> events =
        parsed.hasMatchedOption("--events")
            ? Optional.of(parsed.matchedOption("--events").stringValues().get(0))
            : Optional.empty();
    if (clones.isSet() && (!gharchive.isEmpty() || events.isPresent())) {
      // The engine reads those paths itself and would not see the clones.
      throw new ParameterException(
          spec.commandLine(), "give one of --events, --gharchive, --git/--git-list, --github or --gitlab");
    }
    EventSource.Loaded[] other = new EventSource.Loaded[1];
    String label =
        !gharchive.isEmpty()
            ? "GH Archive " + String.join(", ", gharchive)
            : events.orElse("");
    ScoreRequest request =
        new ScoreRequest(
            gharchive,
            events,
            () -> {
              other[0] = source.with(clones).load();
              return other[0].events();
            },
            label.isEmpty() ? "the input" : label,
            chosen,
            owners,
            asOfGiven,
            length);
    ScoreResult result = with.score(request);
    // The engine's account of its input, informational as the local readers' (--quiet drops it).
    result.notes().forEach(n -> ProgressOptions.of(spec).info("community-metrics: " + n));
    boolean simulated = other[0] != null && other[0].simulated();
    String shown = other[0] != null ? other[0].label() : label;
    return new Scored(shown, simulated, evaluation(result.asOf(), length), result.groups());
  }

  void write(
      PrintWriter out,
      String format,
      List<ScoredGroup> kept,
      List<MetricDescriptor<?>> chosen,
      Scored scored,
      boolean owners) {
    switch (format) {
      case "json":
        writeJson(out, kept, chosen, scored);
        break;
      case "jsonl":
        writeJsonLines(out, kept, chosen);
        break;
      case "csv":
        writeCsv(out, kept, chosen);
        break;
      default:
        writeText(out, kept, chosen, scored, owners);
    }
  }

  /** One JSON object per line: {@code {"name", "events", "metrics": {"<id>": [measurements]}}}. */
  private static void writeJsonLines(PrintWriter out, List<ScoredGroup> rows, List<MetricDescriptor<?>> chosen) {
    // One factory for all rows: a factory per row (its symbol tables and buffer recyclers) cost
    // more than the row's own JSON on the half a million rows of a GH Archive day.
    JsonFactory json = new JsonFactory();
    java.io.StringWriter line = new java.io.StringWriter();
    for (ScoredGroup r : rows) {
      line.getBuffer().setLength(0);
      try (JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), line)) {
        writeRow(g, r, chosen);
      }
      out.println(line);
    }
  }

  private static <R> SortedMap<Owner, List<Measurement>> eachOwner(
      MetricDescriptor<R> d, EventStore store, People people, Evaluation e,
      io.github.communitymetrics.core.ProgressListener progress, int threads) {
    SortedMap<Owner, R> results =
        EachRepository.computeEachOwner(store, people, scope -> d.metric(e.withScope(scope)), progress, threads);
    SortedMap<Owner, List<Measurement>> out = new java.util.TreeMap<>();
    results.forEach((o, r) -> out.put(o, d.measure(r, e.withScope(o.scope()))));
    return out;
  }

  /**
   * The metrics asked for; for owners, only those that describe an owner's repositories
   * (contributor confidence describes one repository). Whether a metric describes a scope depends
   * on its kind (one repository, an owner, all), so any owner stands for every owner.
   */
  List<MetricDescriptor<?>> chosen(boolean owners) {
    // Each repository is scored alone, which every metric describes; owners need asking.
    RepositoryScope anOwner = RepositoryScope.organization(Forge.GITHUB, "any-owner");
    MetricRegistry standard = MetricRegistry.standard();
    if (metrics == null || metrics.isEmpty()) {
      return standard.metrics().stream()
          .filter(StarAudit::perRepositoryDefault)
          .filter(d -> !owners || d.describes(anOwner))
          .toList();
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

  void sort(List<ScoredGroup> rows, List<MetricDescriptor<?>> chosen) {
    rows.sort(Comparator.comparing(ScoredGroup::name));
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
            (ScoredGroup r) -> headline(r, id).value(),
            (a, b) -> a.isPresent() && b.isPresent()
                ? order.compare(a.getAsDouble(), b.getAsDouble())
                : Boolean.compare(a.isEmpty(), b.isEmpty())));
  }

  private static Measurement headline(ScoredGroup r, String id) {
    return r.byMetric().get(id).get(0);
  }

  private void writeText(
      PrintWriter out,
      List<ScoredGroup> rows,
      List<MetricDescriptor<?>> chosen,
      Scored scored,
      boolean owners) {
    Evaluation e = scored.evaluation();
    out.println("Source: " + scored.label());
    out.println("As of:  " + e.asOf() + "   window: " + e.window());
    out.println(
        "Scored: " + scored.groups().size() + (owners ? " owners" : " repositories") + ", showing " + rows.size());
    out.println();
    writeTable(out, rows, chosen, owners);
    if (scored.simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  /** The table of the text output: a row's name, events and each metric's headline. */
  static void writeTable(PrintWriter out, List<ScoredGroup> rows, List<MetricDescriptor<?>> chosen, boolean owners) {
    List<String> header = new ArrayList<>();
    header.add(owners ? "Owner" : "Repository");
    header.add("Events");
    for (MetricDescriptor<?> d : chosen) {
      header.add(d.id() + " " + d.measurements().get(0).name());
    }
    TextTable t = new TextTable(header.toArray(String[]::new));
    for (ScoredGroup r : rows) {
      List<Object> cells = new ArrayList<>();
      cells.add(r.name());
      cells.add(r.events());
      for (MetricDescriptor<?> d : chosen) {
        cells.add(headline(r, d.id()).text());
      }
      t.row(cells.toArray());
    }
    t.print(out, "");
  }

  private static void writeCsv(PrintWriter out, List<ScoredGroup> rows, List<MetricDescriptor<?>> chosen) {
    StringBuilder h = new StringBuilder("name,events");
    for (MetricDescriptor<?> d : chosen) {
      h.append(',').append(d.id()).append('.').append(d.measurements().get(0).name());
    }
    out.println(h);
    for (ScoredGroup r : rows) {
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
      PrintWriter out, List<ScoredGroup> rows, List<MetricDescriptor<?>> chosen, Scored scored) {
    writeJson(out, rows, chosen, scored, Optional.empty());
  }

  /**
   * The document of {@code --json}: with {@code removed}, an update's of {@code --follow}, whose
   * rows are those that changed and which names the rows that are no more.
   */
  static void writeJson(
      PrintWriter out,
      List<ScoredGroup> rows,
      List<MetricDescriptor<?>> chosen,
      Scored scored,
      Optional<List<String>> removed) {
    Evaluation e = scored.evaluation();
    try (JsonGenerator g = DOCUMENTS.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", MetricsReport.SCHEMA_VERSION);
      g.writeStringProperty("source", scored.label());
      g.writeBooleanProperty("simulated", scored.simulated());
      g.writeStringProperty("asOf", e.asOf().toString());
      g.writeObjectPropertyStart("window");
      g.writeStringProperty("start", e.window().start().toString());
      g.writeStringProperty("end", e.window().end().toString());
      g.writeEndObject();
      g.writeArrayPropertyStart("rows");
      for (ScoredGroup r : rows) {
        writeRow(g, r, chosen);
      }
      g.writeEndArray();
      if (removed.isPresent()) {
        g.writeArrayPropertyStart("removed");
        for (String name : removed.get()) {
          g.writeString(name);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    out.println();
  }

  private static void writeRow(JsonGenerator g, ScoredGroup r, List<MetricDescriptor<?>> chosen) {
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
