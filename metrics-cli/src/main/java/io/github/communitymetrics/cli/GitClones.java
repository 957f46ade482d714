package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.git.CloneHistory;
import io.github.communitymetrics.git.GitCommandException;
import io.github.communitymetrics.git.GitException;
import io.github.communitymetrics.git.GitRepository;
import io.github.communitymetrics.git.NotARepositoryException;
import io.github.communitymetrics.git.TextListFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Local git clones as a source: {@code --git DIR} (repeatable, or a comma list) and {@code
 * --git-list FILE}. Each clone's history (HEAD, merge commits left out) becomes commit events
 * named by {@link CloneHistory#repositoryOf}; the commits of all clones go into one store, where
 * author lines with the same e-mail address resolve to one person whatever the clone.
 */
final class GitClones {
  @Option(
      names = "--git",
      paramLabel = "DIR",
      split = ",",
      description = "Local git clones (repeatable or a comma list): the commits of HEAD, merge"
          + " commits left out, each clone named OWNER/NAME from its origin remote, else by its"
          + " directory. A path with a comma goes in --git-list.")
  List<Path> directories;

  @Option(
      names = "--git-list",
      paramLabel = "FILE",
      description = "A text file of clone directories, one per line; blank lines and lines"
          + " starting with # are ignored, relative paths are resolved against the file's"
          + " directory.")
  Path listFile;

  /** Whether a git source was asked for. */
  boolean isSet() {
    return directories != null || listFile != null;
  }

  /** A clone and where it was named: {@code --git DIR} or {@code FILE:LINE}. */
  private record Clone(GitRepository repository, String where) {}

  /**
   * Reads every clone.
   *
   * @throws NotARepositoryException if a directory is missing or not a repository, naming the
   *     option or the list file and line
   * @throws CommandLine.ParameterException if two clones name the same repository
   */
  EventSource.Loaded load(CommandLine commandLine) {
    List<Clone> clones = new ArrayList<>();
    if (directories != null) {
      for (Path d : directories) {
        clones.add(new Clone(open(d, "--git " + d), "--git " + d));
      }
    }
    if (listFile != null) {
      clones.addAll(readList(listFile));
    }
    Map<String, Clone> byName = new LinkedHashMap<>();
    Map<Clone, Repository> names = new LinkedHashMap<>();
    for (Clone c : clones) {
      Repository name = CloneHistory.repositoryOf(c.repository());
      // The store keeps repositories apart by forge and full name; two clones of one
      // repository (or one clone listed twice) would count its commits twice.
      Clone before = byName.putIfAbsent(name.forge() + ":" + name.fullName().toLowerCase(Locale.ROOT), c);
      if (before != null) {
        throw new CommandLine.ParameterException(
            commandLine,
            before.where() + " and " + c.where() + " are both repository " + name.fullName()
                + ": give each repository once");
      }
      names.put(c, name);
    }
    List<Event> events = new ArrayList<>();
    Progress progress = ProgressOptions.of(commandLine.getCommandSpec());
    long commits = 0;
    long merges = 0;
    try (ProgressTask task = progress.count("reading the git logs", names.size(), " clones")) {
      for (Map.Entry<Clone, Repository> e : names.entrySet()) {
        Clone c = e.getKey();
        CloneHistory.Summary s;
        try {
          s = CloneHistory.read(c.repository(), "HEAD", e.getValue(), event -> {
            events.add(event);
            task.item("commits");
          });
        } catch (GitCommandException x) {
          // git's message names the command, not the clone: say which one failed.
          throw new GitException(c.where() + ": " + x.getMessage(), x);
        }
        task.step(1);
        commits += s.commits();
        merges += s.mergeCommits();
        String line = String.format(
            "git: %s (%s): %,d commits, %,d merge commits left out%s",
            s.repository().fullName(), c.repository().directory(), s.commits(), s.mergeCommits(),
            s.shallow() ? "; a shallow clone: its history is truncated" : "");
        // A truncated history is a warning, which --quiet keeps.
        if (s.shallow()) {
          progress.warning(line);
        } else {
          progress.info(line);
        }
      }
    }
    if (names.size() > 1) {
      progress.info(String.format("git: %,d clones, %,d commits, %,d merge commits left out", names.size(), commits, merges));
    }
    String label =
        names.size() == 1
            ? "git clone " + clones.get(0).repository().directory()
            : names.size() + " git clones";
    return new EventSource.Loaded(label, false, List.copyOf(events), Optional.empty(), Optional.empty());
  }

  /** The clones of a list file, each remembered with its line. */
  private static List<Clone> readList(Path file) {
    List<Clone> out = new ArrayList<>();
    Path base = file.toAbsolutePath().getParent();
    try (BufferedReader in = TextListFile.open(file, Optional.empty())) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        String where = file + ":" + lineNumber;
        Path dir;
        try {
          dir = base.resolve(entry).normalize();
        } catch (InvalidPathException e) {
          throw new NotARepositoryException(where + ": '" + entry + "' is not a path: " + e.getReason());
        }
        out.add(new Clone(open(dir, where), where));
      }
    } catch (IOException e) {
      // TextListFile has read the whole file already; reading its text cannot fail.
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static GitRepository open(Path dir, String where) {
    try {
      return GitRepository.open(dir);
    } catch (NotARepositoryException e) {
      throw new NotARepositoryException(where + ": " + e.getMessage());
    }
  }
}
