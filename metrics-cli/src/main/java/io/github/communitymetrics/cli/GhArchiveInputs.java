package io.github.communitymetrics.cli;

import io.github.communitymetrics.github.archive.GhArchiveFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The files of {@code --gharchive}: a file is read as given (whatever its name: the shell may
 * have expanded a glob), a directory stands for every {@code *.json.gz} and {@code *.json} file
 * in it and in its subdirectories (recursively, symbolic links to directories not followed), in
 * the order of their paths.
 */
final class GhArchiveInputs {
  private GhArchiveInputs() {}

  /**
   * The files to read.
   *
   * @throws CommandLine.ParameterException if a directory holds no hour file
   * @throws IOException if a directory cannot be listed
   */
  static List<Path> files(CommandLine commandLine, List<Path> given) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      List<Path> found = hourFiles(p);
      if (found.isEmpty()) {
        throw new CommandLine.ParameterException(
            commandLine, "--gharchive " + p + ": no *.json.gz or *.json file in this directory or below");
      }
      out.addAll(found);
    }
    return out;
  }

  /**
   * What to keep while parsing: everything, or for {@code --repo R} R's events and the pull
   * requests of every repository (contributor confidence reads the pull requests of R's
   * stargazers and forkers in every repository: those are kept while parsing, and cut to R's
   * people afterwards).
   *
   * @throws CommandLine.ParameterException if {@code R} is not {@code OWNER/NAME} (a comma list,
   *     a GitLab path): a usage error, not a failure
   */
  static GhArchiveFilter filter(CommandLine commandLine, Optional<String> repository) {
    try {
      return repository
          .map(r -> GhArchiveFilter.repositories(List.of(r)).withPullRequestsOfAnyRepository())
          .orElse(GhArchiveFilter.all());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--repo: " + e.getMessage(), e);
    }
  }

  /** The hour files in {@code dir} and below, in the order of their paths; none is no error. */
  static List<Path> hourFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(f -> isHourFile(f) && Files.isRegularFile(f)).sorted().toList();
    }
  }

  private static boolean isHourFile(Path f) {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json.gz") || name.endsWith(".json");
  }
}
