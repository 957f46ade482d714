package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.PlantedTruth;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where a command's events come from: a JSON Lines file, GH Archive hours, the GitHub or GitLab
 * API, or the simulated demo community.
 */
final class EventSource {
  @picocli.CommandLine.Mixin GitHubOptions github = new GitHubOptions();

  @picocli.CommandLine.Mixin GitLabOptions gitlab = new GitLabOptions();

  @picocli.CommandLine.Mixin ThreadOptions threads = new ThreadOptions();

  /**
   * Local git clones: not a mixin of every reading command ({@code report --git} is the truck
   * factor's clone), so a command that reads them mixes {@link GitClones} in itself and hands it
   * over with {@link #with(GitClones)}.
   */
  private GitClones git = new GitClones();

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "Canonical JSON Lines events (docs/events.md); gzip is detected. Default: the"
          + " simulated demo community.")
  Path eventsFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--gharchive",
      paramLabel = "FILE|DIR",
      arity = "1..*",
      description = "GH Archive hourly files (.json.gz or .json), or directories of them (searched"
          + " recursively), read in parallel; with --repo only"
          + " that repository's events are kept. Malformed lines and damaged files are skipped"
          + " and reported.")
  List<Path> gharchiveFiles;

  @Option(
      names = "--store",
      paramLabel = "FILE",
      description = "With --gharchive: a saved event store (docs/store.md) holding the files"
          + " already read. Created from the files if absent; otherwise only the given files it"
          + " does not hold are read, and appended to it. The output is the same as without it.")
  Path storeFile;

  @Option(
      names = "--skip-malformed",
      description = "Skip and count malformed lines of --events instead of stopping at the first.")
  boolean skipMalformed;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the simulated demo community (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  /**
   * Events loaded from a source, with what is known about how they were obtained. A file source
   * (JSON Lines, GH Archive) streams its events into a store as it parses them ({@code
   * streamed}): {@link #events()} is then a view of the store, in its order (time, then the
   * canonical order; duplicates once), and {@link #store()} is that store, built once.
   */
  record Loaded(
      String label,
      boolean simulated,
      List<Event> events,
      Optional<ReadReport> readReport,
      Optional<PlantedTruth> truth,
      long beforeSince,
      Optional<EventStore> streamed) {
    /** Events of which none were dropped by {@code --since} (the forges apply it themselves). */
    Loaded(
        String label,
        boolean simulated,
        List<Event> events,
        Optional<ReadReport> readReport,
        Optional<PlantedTruth> truth) {
      this(label, simulated, events, readReport, truth, 0, Optional.empty());
    }

    /** Events already in a store: {@link #events()} views it. */
    static Loaded of(
        String label,
        EventStore store,
        Optional<ReadReport> readReport,
        Optional<PlantedTruth> truth,
        long beforeSince) {
      return new Loaded(
          label, false, StoreEvents.view(store), readReport, truth, beforeSince, Optional.of(store));
    }

    /** The store of these events: the streamed one, or one built from the list now. */
    EventStore store() {
      return streamed.orElseGet(() -> EventStore.of(events));
    }
  }

  /** The {@code --since} option as given, if it was. */
  Optional<String> since() {
    return Optional.ofNullable(github.since);
  }

  /**
   * How many threads read GH Archive files and score each repository or owner: {@code
   * --threads}, by default the available processors.
   */
  int threads() {
    return threads.threads();
  }

  /** Whether the events come from a file or a forge rather than the simulator. */
  boolean fromFiles() {
    return eventsFile != null || gharchiveFiles != null || github.present() || gitlab.isSet()
        || git.isSet();
  }

  /** This source, with the clones of {@code --git} and {@code --git-list} as one more source. */
  EventSource with(GitClones clones) {
    this.git = java.util.Objects.requireNonNull(clones, "clones");
    return this;
  }

  Loaded load() throws IOException {
    return load(Optional.empty());
  }

  /**
   * Loads the events.
   *
   * @param repository for GH Archive input, the only {@code OWNER/NAME} to keep while parsing
   */
  Loaded load(Optional<String> repository) throws IOException {
    return load(repository, true);
  }

  /**
   * Loads the events.
   *
   * @param repository for GH Archive input, the only {@code OWNER/NAME} to keep while parsing
   * @param applySince whether a file's or the demo's events before {@code --since} are left out;
   *     a series keeps them as history and starts at {@code --since} instead
   */
  Loaded load(Optional<String> repository, boolean applySince) throws IOException {
    Loaded loaded = loadAll(repository);
    if (!applySince || github.since == null || github.present() || gitlab.isSet()) {
      return loaded;
    }
    // The forges keep only events at or after --since; a file or the demo is held to the same
    // rule, so that --since means one thing whatever the source.
    java.time.Instant since = GitHubOptions.instant(mixee.commandLine(), github.since);
    if (loaded.streamed().isPresent()) {
      EventStore kept = StoreEvents.since(loaded.streamed().get(), since);
      long dropped = loaded.streamed().get().size() - kept.size();
      ProgressOptions.of(mixee).info(String.format("--since %s: %,d events before it left out", since, dropped));
      return Loaded.of(loaded.label(), kept, loaded.readReport(), loaded.truth(), dropped);
    }
    List<Event> kept = loaded.events().stream().filter(e -> !e.at().isBefore(since)).toList();
    long dropped = loaded.events().size() - kept.size();
    ProgressOptions.of(mixee).info(String.format("--since %s: %,d events before it left out", since, dropped));
    return new Loaded(
        loaded.label(), loaded.simulated(), kept, loaded.readReport(), loaded.truth(), dropped,
        Optional.empty());
  }

  private Loaded loadAll(Optional<String> repository) throws IOException {
    int sources = (eventsFile != null ? 1 : 0) + (gharchiveFiles != null ? 1 : 0)
        + (github.present() ? 1 : 0) + (gitlab.isSet() ? 1 : 0) + (git.isSet() ? 1 : 0);
    if (sources > 1) {
      throw new picocli.CommandLine.ParameterException(
          mixee.commandLine(), "give one of --events, --gharchive, --git/--git-list, --github or --gitlab");
    }
    if (storeFile != null && gharchiveFiles == null) {
      throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "--store needs --gharchive");
    }
    if (git.isSet()) {
      return git.load(mixee.commandLine());
    }
    if (gitlab.isSet()) {
      return gitlab.load(mixee.commandLine(), github);
    }
    if (github.present()) {
      if (eventsFile != null || gharchiveFiles != null) {
        throw new picocli.CommandLine.ParameterException(
            mixee.commandLine(), "give one of --events, --gharchive, --github or --gitlab");
      }
      List<Event> events = new ArrayList<>();
      io.github.communitymetrics.github.FetchReport report =
          github.fetch(mixee.commandLine(), System.getenv(), events::add);
      GitHubOptions.print(report, ProgressOptions.of(mixee).info());
      return new Loaded(
          "GitHub " + report.target(), false, List.copyOf(events), Optional.empty(), Optional.empty());
    }
    if (gharchiveFiles != null) {
      if (eventsFile != null) {
        throw new picocli.CommandLine.ParameterException(
            mixee.commandLine(), "give one of --events, --gharchive, --github or --gitlab");
      }
      return loadGhArchive(repository);
    }
    if (eventsFile == null) {
      SimulationConfig config = SimulationConfig.demo().toBuilder().seed(seed).build();
      SimulatedCommunity community = CommunitySimulator.simulate(config);
      return new Loaded(
          "SIMULATED demo community (seed " + seed + "; not real data)",
          true,
          community.events(),
          Optional.empty(),
          Optional.of(community.truth()));
    }
    ReadOptions options =
        skipMalformed ? ReadOptions.skipMalformed(20) : ReadOptions.strict();
    // Each event goes into the store's columns as it is parsed: no list of events on the way.
    EventStore.Builder events = EventStore.builder().threads(threads());
    ReadReport report;
    try (ProgressTask task = ProgressOptions.of(mixee).bytes("reading " + eventsFile.getFileName(), Files2.size(eventsFile));
        InputStream in = Files2.openBytes(eventsFile, task::counting);
        EventReader reader = EventJsonLines.reader(in, options)) {
      reader.forEachRemaining(
          e -> {
            events.add(e);
            task.item("events");
          });
      report = reader.report();
    } catch (io.github.communitymetrics.core.io.MalformedEventException e) {
      // Name the file as well as the line: several files may be in play.
      throw new io.github.communitymetrics.core.io.MalformedEventException(
          eventsFile.toString(), e.lineNumber(), e.reason(), e);
    }
    return Loaded.of(eventsFile.toString(), events.build(), Optional.of(report), Optional.empty(), 0);
  }

  private Loaded loadGhArchive(Optional<String> repository) throws IOException {
    List<Path> files = GhArchiveInputs.files(mixee.commandLine(), gharchiveFiles);
    if (storeFile != null) {
      return GhArchiveStore.open(
          mixee.commandLine(), ProgressOptions.of(mixee), storeFile, files, repository, threads()).loaded();
    }
    return readGhArchive(files, repository);
  }

  /** The events of GH Archive {@code files}, read without a store, their account on standard error. */
  Loaded readGhArchive(List<Path> files, Optional<String> repository) throws IOException {
    GhArchiveReader.Builder reader =
        GhArchiveReader.builder()
            .filter(GhArchiveInputs.filter(mixee.commandLine(), repository))
            .threads(Math.max(1, Math.min(files.size(), threads())))
            .options(ReadOptions.skipMalformed(20));
    // The reader parses the files in parallel and hands their events over as they are parsed
    // (not in file order: the store sorts them, so it is the same for any order and any number
    // of threads, and no reading thread waits for the caller to finish an earlier file); each
    // goes into the store's columns at once, so no list of events is built.
    EventStore.Builder parsed = EventStore.builder().threads(threads());
    GhArchiveReport r;
    Progress progress = ProgressOptions.of(mixee);
    try (ProgressTask task = progress.bytes("reading " + Files2.count(files.size(), "GH Archive file"), Files2.size(files))) {
      r = reader.opener(f -> task.counting(java.nio.file.Files.newInputStream(f))).build()
          .readUnordered(files, e -> {
            parsed.add(e);
            task.item("events");
          });
    }
    EventStore all = parsed.build();
    EventStore events = repository.map(name -> StoreEvents.ofRepository(all, name)).orElse(all);
    // Duplicates (an hour given twice) count as events of other repositories, as before.
    long dropped = r.eventsMapped() - events.size() - events.duplicatesDropped();
    // The archive's own accounting goes to stderr, so that --json output stays clean; damaged
    // input is a warning, which --quiet keeps.
    java.io.PrintWriter err = mixee.commandLine().getErr();
    java.io.PrintWriter info = progress.info();
    info.printf(
        "GH Archive: %,d files, %,d lines, %,d events mapped (%,d of them commits), %,d not used by"
            + " the metrics, %,d unmappable, %,d of other repositories, %,d malformed lines,"
            + " %,d damaged files%n",
        // Pull requests of other repositories by people who did not star or fork --repo were
        // parsed but are dropped here: they count as events of other repositories.
        r.files(), r.lines(), r.eventsMapped() - dropped, r.mapped(EventType.COMMIT),
        r.eventsNotMapped(), r.eventsUnmappable(), r.filteredOut() + dropped, r.malformedLines(),
        r.corruptInputs().size());
    GhArchiveReport.Commits c = r.commits();
    info.printf(
        "GH Archive pushes: %,d without a commit list (GitHub's public feed stopped listing commits"
            + " in 2025), %,d with a truncated list (%,d commits not listed), %,d listed commits"
            + " not distinct, %,d unmappable%n",
        c.pushesWithoutList(), c.pushesTruncated(), c.commitsNotListed(), c.notDistinct(),
        c.unmappable());
    r.malformed().forEach(p -> err.println("  malformed " + p));
    r.corruptInputs().forEach(p -> err.println("  damaged " + p));
    info.flush();
    err.flush();
    List<ReadReport.SkippedLine> skipped = new ArrayList<>();
    r.malformed().forEach(p -> skipped.add(new ReadReport.SkippedLine(p.line(), p.file() + ": " + p.reason())));
    ReadReport read =
        new ReadReport(
            r.lines(), r.blankLines(), r.eventsMapped(), r.malformedLines(), skipped, r.malformedByReason());
    return Loaded.of(
        "GH Archive (" + files.size() + " file" + (files.size() == 1 ? "" : "s") + ")",
        events,
        Optional.of(read),
        Optional.empty(),
        0);
  }
}
