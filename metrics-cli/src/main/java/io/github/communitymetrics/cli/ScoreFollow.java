package io.github.communitymetrics.cli;

import io.github.communitymetrics.cli.engine.ScoredGroup;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.IncrementalScores;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code score --follow}: the table of {@code score}, then, as new GH Archive hours arrive in the
 * directories of {@code --gharchive}, the rows that changed. The scores are kept between hours
 * ({@link IncrementalScores}), so each hour computes again only the repositories whose results
 * can have changed (docs/incremental-scoring.md). Applying each update's rows (and dropping its
 * removed names) to the first table gives, after every update, the table {@code score} prints for
 * all the files read so far; the as-of instant is always one second after the last event.
 */
final class ScoreFollow {
  private final ScoreCommand command;
  private final CommandLine commandLine;
  private final Progress progress;
  private final EventSource source;

  ScoreFollow(ScoreCommand command) {
    this.command = command;
    this.commandLine = command.spec.commandLine();
    this.progress = ProgressOptions.of(command.spec);
    this.source = command.source;
  }

  int run(boolean owners) throws IOException {
    List<Path> dirs = checkOptions(owners);
    Duration poll = SummaryOptions.duration(commandLine, command.poll, "--poll");
    Duration length = SummaryOptions.duration(commandLine, command.window, "--window");
    List<MetricDescriptor<?>> chosen = command.chosen(false);
    String format = command.json ? "json" : "txt";
    List<Path> files = firstFiles();
    Set<Path> taken = new HashSet<>();
    Set<String> takenNames = new HashSet<>();
    for (Path f : files) {
      taken.add(key(f));
      takenNames.add(f.getFileName().toString());
    }
    Started started = start(files, chosen, length);
    IncrementalScores scores = started.scores();
    long end = started.end();
    Rows rows = new Rows(scores, chosen);
    List<Repository> all = List.copyOf(scores.measurements(chosen.get(0)).keySet());
    all.forEach(rows::known);
    rows.settleNames();
    List<ScoredGroup> scored = rows.of(all);
    List<ScoredGroup> table = kept(scored);
    PrintWriter out = commandLine.getOut();
    command.sort(table, chosen);
    command.write(out, format, table,
        chosen, new ScoreCommand.Scored(label(files.size()), false, scores.evaluation(), scored), false);
    out.flush();
    // A file's size at the last look, until it is read: it is read once the size stays the same.
    Map<Path, Long> sizes = new HashMap<>();
    int done = 0;
    while (command.updates == null || done < command.updates) {
      List<Path> ready = new ArrayList<>();
      List<String> sameName = new ArrayList<>();
      for (Path dir : dirs) {
        for (Path f : look(dir)) {
          Path k = key(f);
          if (taken.contains(k)) {
            continue;
          }
          long size;
          try {
            size = Files.size(f);
          } catch (java.nio.file.NoSuchFileException gone) {
            sizes.remove(k); // moved away since it was listed: not an hour to read
            continue;
          }
          Long before = sizes.put(k, size);
          if (before == null || before != size) {
            continue;
          }
          taken.add(k);
          sizes.remove(k);
          if (!takenNames.add(f.getFileName().toString())) {
            sameName.add(f.toString());
          } else {
            ready.add(f);
          }
        }
      }
      if (!sameName.isEmpty()) {
        // A saved store names its hours by file name, and an hour given twice would count twice.
        progress.warning(String.format(
            "community-metrics: %s not read: a file of the same name was read before: %s",
            Files2.count(sameName.size(), "file"), String.join(", ", sameName)));
      }
      if (ready.isEmpty()) {
        if (!sleep(poll)) {
          break;
        }
        continue;
      }
      EventStore hour;
      if (source.storeFile != null) {
        GhArchiveStore.Appended appended =
            GhArchiveStore.appendMore(commandLine, progress, source.storeFile, end, ready, source.threads());
        hour = appended.events();
        end = appended.end();
      } else {
        hour = source.readGhArchive(ready, Optional.empty()).store();
      }
      update(scores, rows, hour, ready, chosen, format, out);
      done++;
    }
    return CommunityMetricsCli.EXIT_OK;
  }

  /** The scores of the first files, and where the store ends (-1 without one). */
  private record Started(IncrementalScores scores, long end) {}

  /**
   * Reads the first files (with {@code --store}: loads what it holds and appends the rest) and
   * scores them. The store read is dropped on return: the scores hold the events from then on.
   */
  private Started start(List<Path> files, List<MetricDescriptor<?>> chosen, Duration length) throws IOException {
    EventSource.Loaded loaded;
    long end = -1;
    if (source.storeFile != null) {
      GhArchiveStore.Opened opened =
          GhArchiveStore.open(commandLine, progress, source.storeFile, files, Optional.empty(), source.threads());
      loaded = opened.loaded();
      end = opened.end();
    } else {
      loaded = source.readGhArchive(files, Optional.empty());
    }
    EventStore store = loaded.store();
    if (store.isEmpty()) {
      throw new ParameterException(commandLine, "no events to score");
    }
    Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
    IncrementalScores scores = progress.busy(
        String.format("scoring %,d events", store.size()),
        () -> IncrementalScores.start(chosen, ScoreCommand.evaluation(asOf, length), store, source.threads()));
    return new Started(scores, end);
  }

  /** One hour (or several files found at one look): re-scored, its changed rows printed. */
  private void update(
      IncrementalScores scores,
      Rows rows,
      EventStore hour,
      List<Path> ready,
      List<MetricDescriptor<?>> chosen,
      String format,
      PrintWriter out) {
    long started = System.nanoTime();
    Instant asOf = scores.evaluation().asOf();
    SortedSet<Repository> touched = new TreeSet<>();
    Map<Repository, Integer> eventsBefore = new HashMap<>();
    if (!hour.isEmpty()) {
      Instant last = hour.instant(hour.size() - 1).plusSeconds(1);
      asOf = last.isAfter(asOf) ? last : asOf;
      for (Repository r : hour.repositories()) {
        eventsBefore.put(r, scores.events(r));
      }
    }
    IncrementalScores.Update u = scores.add(hour, asOf);
    eventsBefore.forEach((r, n) -> {
      if (scores.events(r) != n) {
        touched.add(r);
      }
    });
    SortedSet<Repository> removed = new TreeSet<>();
    StringBuilder recomputed = new StringBuilder();
    for (IncrementalScores.MetricUpdate m : u.metrics()) {
      touched.addAll(m.changed().keySet());
      removed.addAll(m.removed());
      recomputed.append(recomputed.length() == 0 ? "" : ", ")
          .append(String.format("%s %,d", m.metric().id(), m.recomputed()));
    }
    // Names first: a new repository may share a name with a known one, whose row is renamed.
    List<String> gone = new ArrayList<>();
    for (Repository r : removed) {
      gone.add(rows.name(r));
    }
    Set<Repository> renamed = new HashSet<>();
    removed.forEach(r -> renamed.addAll(rows.forget(r)));
    for (Repository r : touched) {
      if (!rows.isKnown(r)) {
        renamed.addAll(rows.known(r));
      }
    }
    for (Repository r : renamed) {
      // Its row goes under its old name and comes back under the new one.
      if (!removed.contains(r) && rows.isKnown(r)) {
        gone.add(rows.previousName(r));
        touched.add(r);
      }
    }
    rows.settleNames();
    List<ScoredGroup> changed = kept(rows.of(new ArrayList<>(touched)));
    command.sort(changed, chosen);
    double seconds = (System.nanoTime() - started) / 1e9;
    Evaluation e = scores.evaluation();
    ScoreCommand.Scored scored = new ScoreCommand.Scored(
        label(ready.size()) + ": " + names(ready), false, e, changed);
    if (format.equals("json")) {
      ScoreCommand.writeJson(out, changed, chosen, scored, Optional.of(gone));
    } else {
      out.println();
      out.println("Update: " + names(ready) + String.format(" (%,d events)", u.events()));
      out.println("As of:  " + e.asOf() + "   window: " + e.window());
      out.println(String.format("Changed: %,d rows%s", changed.size(),
          gone.isEmpty() ? "" : String.format(", %,d removed: %s", gone.size(), String.join(", ", gone))));
      if (!changed.isEmpty()) {
        out.println();
        ScoreCommand.writeTable(out, changed, chosen, false);
      }
    }
    out.flush();
    progress.info(String.format(Locale.ROOT,
        "community-metrics: %s: %,d new events, as of %s, %,d rows changed, %,d removed; re-scored in %.2f s"
            + " (repositories computed again: %s; %s)",
        names(ready), u.events(), e.asOf(), changed.size(), gone.size(), seconds, recomputed,
        u.built() ? "the store of every event built again" : "no store of every event built"));
  }

  /** The rows of at least {@code --min-events} events, as {@code score} keeps them. */
  private List<ScoredGroup> kept(List<ScoredGroup> rows) {
    return new ArrayList<>(rows.stream().filter(r -> r.events() >= command.minEvents).toList());
  }

  /** The directories to watch, after checking that the other options go with {@code --follow}. */
  private List<Path> checkOptions(boolean owners) {
    String no = null;
    if (owners) {
      no = "--group-by owner";
    } else if (!command.engine.equals("local")) {
      no = "--engine " + command.engine;
    } else if (command.asOf != null) {
      no = "--as-of (the as-of instant follows the events: one second after the last)";
    } else if (command.top != null) {
      no = "--top";
    } else if (command.csv) {
      no = "--csv (text or --json)";
    } else if (command.outFile != null) {
      no = "--out (the updates go to standard output)";
    } else if (command.clones.isSet()) {
      no = "--git";
    }
    if (no != null) {
      throw new ParameterException(commandLine, "--follow does not go with " + no);
    }
    if (command.updates != null && command.updates < 1) {
      throw new ParameterException(commandLine, "--updates must be at least 1 but was " + command.updates);
    }
    List<Path> dirs = source.gharchiveFiles == null
        ? List.of()
        : source.gharchiveFiles.stream().filter(Files::isDirectory).toList();
    if (dirs.isEmpty()) {
      throw new ParameterException(
          commandLine, "--follow watches the directories of --gharchive for new hours: give --gharchive DIR");
    }
    return dirs;
  }

  /**
   * The files of {@code --gharchive} at the start, listed again when a directory below a given
   * one disappears while listed (see {@link #look}); a given path that does not exist is still
   * the error it is for {@code score}.
   */
  private List<Path> firstFiles() throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return GhArchiveInputs.files(commandLine, source.gharchiveFiles);
      } catch (java.io.UncheckedIOException e) {
        if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 10) {
          throw e;
        }
      }
    }
  }

  /**
   * The hour files in {@code dir} now; none when it (or a directory below it) disappears while
   * listed, as a download tool's temporary directory may: the next look lists it again.
   */
  private static List<Path> look(Path dir) throws IOException {
    try {
      return GhArchiveInputs.hourFiles(dir);
    } catch (java.nio.file.NoSuchFileException e) {
      return List.of();
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
        return List.of();
      }
      throw e;
    }
  }

  /** Sleeps; false when interrupted (the command then ends as if stopped). */
  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path key(Path f) {
    return f.toAbsolutePath().normalize();
  }

  private static String label(int files) {
    return "GH Archive (" + files + " file" + (files == 1 ? "" : "s") + ")";
  }

  private static String names(List<Path> files) {
    return String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
  }

  /**
   * The rows' names and contents, from the scores: a repository's row is named by its full name,
   * or with its id when two repositories have that name ({@link ScoredGroup#nameOf}), as {@code
   * score} names it.
   */
  private static final class Rows {
    private final IncrementalScores scores;
    private final List<MetricDescriptor<?>> chosen;
    /** The repositories with a row, by full name. */
    private final Map<String, List<Repository>> byName = new HashMap<>();
    /** The names rows had before the last changes of {@link #byName}, until {@link #settleNames}. */
    private final Map<Repository, String> previous = new HashMap<>();

    Rows(IncrementalScores scores, List<MetricDescriptor<?>> chosen) {
      this.scores = scores;
      this.chosen = chosen;
    }

    boolean isKnown(Repository r) {
      List<Repository> same = byName.get(r.fullName());
      return same != null && same.contains(r);
    }

    /** Adds a row; returns the rows whose name this changes. */
    List<Repository> known(Repository r) {
      List<Repository> same = byName.computeIfAbsent(r.fullName(), k -> new ArrayList<>(1));
      List<Repository> renamed = List.copyOf(same.size() == 1 ? same : List.of());
      renamed.forEach(o -> previous.putIfAbsent(o, name(o)));
      same.add(r);
      return renamed;
    }

    /** Drops a row; returns the rows whose name this changes. */
    List<Repository> forget(Repository r) {
      List<Repository> same = byName.get(r.fullName());
      if (same == null || !same.contains(r)) {
        return List.of();
      }
      same.forEach(o -> previous.putIfAbsent(o, name(o)));
      same.remove(r);
      if (same.isEmpty()) {
        byName.remove(r.fullName());
      }
      return same.size() == 1 ? List.copyOf(same) : List.of();
    }

    String previousName(Repository r) {
      return previous.getOrDefault(r, name(r));
    }

    void settleNames() {
      previous.clear();
    }

    String name(Repository r) {
      List<Repository> same = byName.get(r.fullName());
      return ScoredGroup.nameOf(r, same != null && same.size() > 1);
    }

    List<ScoredGroup> of(List<Repository> repositories) {
      List<ScoredGroup> out = new ArrayList<>(repositories.size());
      for (Repository r : repositories) {
        Map<String, List<Measurement>> row = new LinkedHashMap<>();
        for (MetricDescriptor<?> d : chosen) {
          row.put(d.id(), scores.measurements(d).get(r));
        }
        out.add(new ScoredGroup(name(r), scores.events(r), row));
      }
      return out;
    }
  }
}
