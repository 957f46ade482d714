package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import io.github.communitymetrics.core.metrics.truckfactor.RecencyTruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorAuthor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import io.github.communitymetrics.git.AliasList;
import io.github.communitymetrics.git.CommitLogAuthorship;
import io.github.communitymetrics.git.CommitLogReader;
import io.github.communitymetrics.git.ExclusionReason;
import io.github.communitymetrics.git.FileSelection;
import io.github.communitymetrics.git.GitExecutable;
import io.github.communitymetrics.git.GitRepository;
import io.github.communitymetrics.git.HistoryFile;
import io.github.communitymetrics.git.HistoryUpdate;
import io.github.communitymetrics.git.LogSnapshot;
import io.github.communitymetrics.git.PathList;
import io.github.communitymetrics.git.SelectionResult;
import io.github.communitymetrics.git.TextListFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** {@code truck-factor}: how many developers would have to leave before most files are orphaned. */
@Command(
    name = "truck-factor",
    mixinStandardHelpOptions = true,
    description = {
      "Estimate a repository's truck factor (Avelino et al., ICPC 2016) from its git history:"
          + " read a local repository with --git, or an exported log (docs/metrics.md) with"
          + " --git-log. JSON schema: docs/metrics.md."
    })
final class TruckFactorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--git", paramLabel = "PATH", description = "A local git repository.")
    Path git;

    @Option(
        names = "--git-log",
        paramLabel = "FILE",
        description = "A log in the commit-log format, plain or gzip.")
    Path gitLog;
  }

  @Option(
      names = "--ls-files",
      paramLabel = "FILE",
      description = "With --git-log: the snapshot's `git ls-files` (plain or gzip). Without it, the"
          + " files present at the log's newest commit are derived from the log.")
  Path lsFiles;

  @Option(
      names = "--linguist-files",
      paramLabel = "FILE",
      description = "With --git-log, instead of --ls-files: the snapshot's files as the reference"
          + " tool's Linguist step lists them, one 'Language;path' per line (plain or gzip).")
  Path linguistFiles;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      defaultValue = "HEAD",
      description = "With --git: the snapshot commit (default: ${DEFAULT-VALUE}).")
  String revision;

  @Option(
      names = "--git-executable",
      paramLabel = "FILE",
      description = "With --git: the git to run (default: git on the PATH; 2.22 or newer).")
  Path gitExecutable;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "With --git: keep the history read from git here (docs/metrics.md). If FILE"
          + " holds the history of an earlier commit of the same branch, only the newer commits"
          + " are read; otherwise (missing, rewritten history, changed mailmap, another format"
          + " version, damaged) the whole log is read, with a note on stderr. The result is the"
          + " same as without it; FILE is then replaced atomically. Not with --git-log: a log file"
          + " has no commits to read from.")
  Path historyFile;

  @Option(
      names = "--algorithm",
      paramLabel = "NAME",
      defaultValue = "avelino",
      description = "avelino (the paper's greedy), avelino-pruned or recency"
          + " (default: ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(
      names = "--aliases",
      paramLabel = "FILE",
      description = "Author aliases in the paper's format (repository;name;alias).")
  Path aliases;

  @Option(
      names = "--exclude",
      paramLabel = "FILE",
      description = "Files to leave out, in the paper's filtered-files format (system;path;info).")
  Path exclude;

  @Option(
      names = "--patterns",
      paramLabel = "FILE",
      description = "Extra exclusion patterns in the paper's patterns.txt format.")
  Path patterns;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "The encoding of --aliases, --exclude and --patterns (e.g. UTF-8,"
          + " windows-1252). Default: each line is UTF-8 if valid, else Windows-1252.")
  String encoding;

  @Option(
      names = "--system",
      paramLabel = "OWNER/NAME",
      defaultValue = "",
      description = "The first column to keep from --aliases and --exclude (default: every line).")
  String system;

  @Option(
      names = "--no-default-exclusions",
      description = "Do not apply the default Linguist vendor, documentation and generated rules.")
  boolean noDefaults;

  @Option(
      names = "--identity",
      paramLabel = "RULE",
      defaultValue = "name-or-email",
      description = "Which author lines are one developer: name (the paper's description) or"
          + " name-or-email (a shared name or e-mail address, as the reference tool does;"
          + " default: ${DEFAULT-VALUE}).")
  String identityRule;

  @Option(
      names = "--co-authors",
      description = "Credit Co-authored-by trailers like authors (the paper does not).")
  boolean coAuthors;

  @Option(names = "--by-directory", description = "Also give the truck factor of every directory.")
  boolean byDirectory;

  @Option(names = "--json", description = "Print JSON (docs/metrics.md) instead of tables.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Algorithm algo = Algorithm.parse(algorithm).orElseThrow(() -> new ParameterException(
        spec.commandLine(),
        "--algorithm must be avelino, avelino-pruned or recency but was '" + algorithm + "'"));
    if (source.git != null && lsFiles != null) {
      throw new ParameterException(spec.commandLine(), "--ls-files goes with --git-log, not --git");
    }
    if (linguistFiles != null && (source.git != null || lsFiles != null)) {
      throw new ParameterException(
          spec.commandLine(), "--linguist-files goes with --git-log, instead of --ls-files");
    }
    if (historyFile != null && source.git == null) {
      throw new ParameterException(spec.commandLine(), "--history goes with --git, not --git-log:"
          + " a log file cannot be read from a given commit on");
    }
    if (revision.isBlank() || revision.startsWith("-")) {
      throw new ParameterException(spec.commandLine(),
          "--revision must be a commit, branch or tag not starting with '-' but was '" + revision
              + "'");
    }
    Optional<Charset> charset = charset();
    for (Path file : new Path[] {source.gitLog, lsFiles, linguistFiles, aliases, exclude, patterns,
        historyFile}) {
      if (file != null && Files.isDirectory(file)) {
        throw new ParameterException(spec.commandLine(),
            file + " is a directory; the option expects a file");
      }
    }
    IdentityRule rule = switch (identityRule.strip().toLowerCase(Locale.ROOT)) {
      case "name" -> IdentityRule.NAME;
      case "name-or-email" -> IdentityRule.NAME_OR_EMAIL;
      default -> throw new ParameterException(spec.commandLine(),
          "--identity must be name or name-or-email but was '" + identityRule + "'");
    };
    FileSelection selection = selection(charset);
    UnaryOperator<String> identity = UnaryOperator.identity();
    if (aliases != null) {
      try (BufferedReader in = TextListFile.open(aliases, charset)) {
        identity = AliasList.read(in, system, aliases.toString()).asFunction();
      }
    }
    List<String> warnings = new ArrayList<>();

    String label;
    List<String> snapshot;
    SelectionResult selected;
    AuthorshipHistory history;
    if (source.git != null) {
      GitRepository repo = GitRepository.open(source.git,
          gitExecutable == null ? GitExecutable.onPath() : GitExecutable.at(gitExecutable));
      label = repo.directory() + " @ " + revision;
      boolean shallow = repo.isShallow();
      if (historyFile != null) {
        Optional<HistoryFile> saved = SavedHistories.load(historyFile, spec.commandLine().getErr());
        HistoryUpdate.Result update;
        try (ProgressTask task =
            ProgressOptions.of(spec).bytes("reading the git log of " + label, -1)) {
          update = HistoryUpdate.update(repo, revision, saved, task::counting);
        }
        if (saved.isPresent() && !update.incremental()) {
          spec.commandLine().getErr().println("Note: not extending " + historyFile + ": "
              + update.fullReadReason().orElseThrow()
              + "; read the whole history and replaced it.");
          spec.commandLine().getErr().flush();
        }
        if (saved.isEmpty() || update.history() != saved.get()) { // else it is up to date
          SavedHistories.save(historyFile, update.history());
        }
        snapshot = repo.listFiles(update.history().headCommit());
        selected = selection.select(snapshot);
        history = CommitLogAuthorship.collect(update.history().log(), selected.kept(), identity,
            rule, coAuthors);
      } else {
        snapshot = repo.listFiles(revision);
        selected = selection.select(snapshot);
        List<String> kept = selected.kept();
        UnaryOperator<String> names = identity;
        try (ProgressTask task =
            ProgressOptions.of(spec).bytes("reading the git log of " + label, -1)) {
          history = repo.readLog(revision, in -> CommitLogAuthorship.collect(
              CommitLogReader.of(task.counting(in), "git log " + revision, ReadOptions.strict()),
              kept, names, rule, coAuthors));
        }
      }
      if (shallow) {
        warnings.add(String.format(Locale.ROOT, "%s is a shallow clone: its history stops after"
            + " %,d commits, so this truck factor comes from a truncated history (run"
            + " 'git fetch --unshallow' for the full one)", repo.directory(), history.commits()));
      }
    } else {
      Progress progress = ProgressOptions.of(spec);
      label = source.gitLog.toString();
      if (lsFiles != null) {
        snapshot = PathList.read(lsFiles);
      } else if (linguistFiles != null) {
        snapshot = PathList.readLinguist(linguistFiles);
      } else {
        try (ProgressTask task = CommitLogs.reading(progress, "listing the files of", source.gitLog);
            CommitLogReader reader = CommitLogs.open(source.gitLog, task)) {
          snapshot = LogSnapshot.files(reader);
        }
      }
      selected = selection.select(snapshot);
      try (ProgressTask task = CommitLogs.reading(progress, "reading", source.gitLog);
          CommitLogReader reader = CommitLogs.open(source.gitLog, task)) {
        history = CommitLogAuthorship.collect(reader, selected.kept(), identity, rule, coAuthors);
      }
    }

    TruckFactorResult result = switch (algo) {
      case AVELINO -> TruckFactor.greedy().compute(history);
      case AVELINO_PRUNED -> TruckFactor.pruned().compute(history);
      case RECENCY -> RecencyTruckFactor.busFactorExplorer().compute(history);
    };
    SortedMap<String, TruckFactorResult> directories = !byDirectory ? null : switch (algo) {
      case AVELINO -> TruckFactor.greedy().perDirectory(history);
      case AVELINO_PRUNED -> TruckFactor.pruned().perDirectory(history);
      case RECENCY -> RecencyTruckFactor.busFactorExplorer().perDirectory(history);
    };
    PrintWriter out = spec.commandLine().getOut();
    Report report = new Report(label, algo.label, snapshot.size(), selected, history, result,
        directories, warnings, whyZero(algo, history, result));
    if (json) {
      report.writeJson(out);
    } else {
      report.writeText(out);
    }
    out.flush();
    return CommunityMetricsCli.EXIT_OK;
  }

  private Optional<Charset> charset() {
    if (encoding == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(encoding.strip()));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ParameterException(spec.commandLine(),
          "--encoding must be a charset such as UTF-8 or windows-1252 but was '" + encoding + "'");
    }
  }

  /**
   * Why the truck factor is 0, or empty when it is not: more than half the files were orphaned
   * before anyone left, which for the recency algorithm means no recent activity on them.
   */
  static Optional<String> whyZero(Algorithm algo, AuthorshipHistory history,
      TruckFactorResult result) {
    if (result.truckFactor() > 0) {
      return Optional.empty();
    }
    if (result.filesAnalyzed() == 0) {
      return Optional.of("no file was analysed: every file of the snapshot was excluded or has no"
          + " change in the history");
    }
    String share = String.format(Locale.ROOT, "%,d of %,d analysed files (%.1f%%)",
        result.orphanedFiles(), result.filesAnalyzed(),
        100.0 * result.orphanedFiles() / result.filesAnalyzed());
    if (algo == Algorithm.RECENCY) {
      RecencyTruckFactor recency = RecencyTruckFactor.busFactorExplorer();
      Instant head = Instant.ofEpochSecond(history.headEpochSecond());
      return Optional.of(share + " have no author with recent activity (a change within the "
          + recency.window().toDays() + " days before the newest commit, " + head
          + "), so at least half the files are orphaned before anyone leaves");
    }
    return Optional.of(share + " have no author whose degree of authorship passes the"
        + " thresholds, so at least half the files are orphaned before anyone leaves");
  }

  private FileSelection selection(Optional<Charset> charset) throws IOException {
    FileSelection.Builder builder = FileSelection.builder();
    if (exclude != null) {
      try (BufferedReader in = TextListFile.open(exclude, charset)) {
        builder.excludeListed(in, system, exclude.toString());
      }
    }
    if (!noDefaults) {
      builder.addLinguistDefaults();
    }
    if (patterns != null) {
      try (BufferedReader in = TextListFile.open(patterns, charset)) {
        builder.addPaperPatterns(in, patterns.toString());
      }
    }
    return builder.build();
  }

  enum Algorithm {
    AVELINO("avelino"),
    AVELINO_PRUNED("avelino-pruned"),
    RECENCY("recency");

    final String label;

    Algorithm(String label) {
      this.label = label;
    }

    static java.util.Optional<Algorithm> parse(String text) {
      for (Algorithm a : values()) {
        if (a.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
          return java.util.Optional.of(a);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /** What the command prints, as text or JSON. */
  record Report(
      String source,
      String algorithm,
      int filesInSnapshot,
      SelectionResult selection,
      AuthorshipHistory history,
      TruckFactorResult result,
      SortedMap<String, TruckFactorResult> directories,
      List<String> warnings,
      Optional<String> whyZero) {

    void writeText(PrintWriter out) {
      for (String warning : warnings) {
        out.println("Warning: " + warning + ".");
      }
      out.printf(Locale.ROOT, "Truck factor of %s: %d (algorithm %s)%n", source,
          result.truckFactor(), algorithm);
      whyZero.ifPresent(why -> out.println("Why 0: " + why + "."));
      out.printf(Locale.ROOT, "Files: %,d in the snapshot, %,d analysed%s%n", filesInSnapshot,
          result.filesAnalyzed(), excludedText());
      out.printf(Locale.ROOT,
          "Once these authors leave, %.1f%% of the analysed files still have an author"
              + " (%,d orphaned).%n", 100 * result.coverage(), result.orphanedFiles());
      out.printf(Locale.ROOT, "History: %,d commits, %,d developers.%n", history.commits(),
          history.developers().size());
      if (!result.authors().isEmpty()) {
        out.println();
        TextTable table = new TextTable("#", "author", "email", "files", "share").numeric(0, 3, 4);
        int rank = 0;
        for (TruckFactorAuthor a : result.authors()) {
          table.row(++rank, a.name(), a.email(), a.files(), percent(a.share()));
        }
        table.print(out, "  ");
      }
      if (directories != null) {
        out.println();
        out.println("By directory (truck factor 1 = a knowledge island):");
        TextTable table = new TextTable("directory", "truck factor", "files", "coverage", "authors")
            .numeric(1, 2, 3);
        for (Map.Entry<String, TruckFactorResult> e : directories.entrySet()) {
          TruckFactorResult r = e.getValue();
          table.row(e.getKey().isEmpty() ? "." : e.getKey(), r.truckFactor(), r.filesAnalyzed(),
              percent(r.coverage()),
              String.join(", ", r.authors().stream().map(TruckFactorAuthor::name).toList()));
        }
        table.print(out, "  ");
      }
    }

    private String excludedText() {
      Map<ExclusionReason, Integer> counts = selection.countsByReason();
      if (counts.isEmpty()) {
        return "";
      }
      StringBuilder text = new StringBuilder(" (excluded: ");
      boolean first = true;
      for (Map.Entry<ExclusionReason, Integer> e : counts.entrySet()) {
        text.append(first ? "" : ", ").append(String.format(Locale.ROOT, "%,d", e.getValue()))
            .append(' ').append(e.getKey().name().toLowerCase(Locale.ROOT));
        first = false;
      }
      return text.append(')').toString();
    }

    private static String percent(double share) {
      return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    void writeJson(PrintWriter out) {
      try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
        g.writeStartObject();
        g.writeStringProperty("source", source);
        g.writeStringProperty("algorithm", algorithm);
        writeResult(g, result);
        g.writeNumberProperty("filesInSnapshot", filesInSnapshot);
        g.writeName("excludedFiles");
        g.writeStartObject();
        for (Map.Entry<ExclusionReason, Integer> e : selection.countsByReason().entrySet()) {
          g.writeNumberProperty(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberProperty("commits", history.commits());
        g.writeNumberProperty("developers", history.developers().size());
        if (!warnings.isEmpty()) {
          g.writeName("warnings");
          g.writeStartArray();
          for (String warning : warnings) {
            g.writeString(warning);
          }
          g.writeEndArray();
        }
        if (whyZero.isPresent()) {
          g.writeStringProperty("whyZero", whyZero.get());
        }
        if (directories != null) {
          g.writeName("directories");
          g.writeStartArray();
          for (Map.Entry<String, TruckFactorResult> e : directories.entrySet()) {
            g.writeStartObject();
            g.writeStringProperty("path", e.getKey());
            writeResult(g, e.getValue());
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      out.println();
    }

    private static void writeResult(JsonGenerator g, TruckFactorResult r) {
      g.writeNumberProperty("truckFactor", r.truckFactor());
      g.writeNumberProperty("filesAnalyzed", r.filesAnalyzed());
      g.writeNumberProperty("coverage", r.coverage());
      g.writeNumberProperty("orphanedFiles", r.orphanedFiles());
      g.writeName("authors");
      g.writeStartArray();
      for (TruckFactorAuthor a : r.authors()) {
        g.writeStartObject();
        g.writeStringProperty("name", a.name());
        g.writeStringProperty("email", a.email());
        g.writeNumberProperty("files", a.files());
        g.writeNumberProperty("share", a.share());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
