package io.github.communitymetrics.git;

import io.github.communitymetrics.git.internal.GitProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code git} executable whose version has been checked. Immutable.
 *
 * <p>The minimum is {@linkplain #MINIMUM_VERSION git 2.22}: the log format uses {@code
 * %(trailers:key=...,valueonly,separator=...)}, whose {@code separator} option arrived in 2.22.
 */
public final class GitExecutable {
  /** The oldest git this adapter accepts, as {@code {major, minor}}: 2.22. */
  public static final List<Integer> MINIMUM_VERSION = List.of(2, 22);

  private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)");

  private final Path path;
  private final String version;

  private GitExecutable(Path path, String version) {
    this.path = path;
    this.version = version;
  }

  /**
   * The first {@code git} on the {@code PATH} environment variable.
   *
   * @throws GitNotFoundException if there is none or it is older than {@link #MINIMUM_VERSION}
   */
  public static GitExecutable onPath() {
    String pathVariable = System.getenv("PATH");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(Pattern.quote(File.pathSeparator))) {
        if (dir.isEmpty()) {
          continue;
        }
        for (String name : List.of("git", "git.exe")) {
          Path candidate = Path.of(dir, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return at(candidate);
          }
        }
      }
    }
    throw new GitNotFoundException(
        "git not found on the PATH; install git " + minimum() + " or newer, or give its path", null);
  }

  /**
   * A given executable.
   *
   * @throws GitNotFoundException if it cannot run, does not answer {@code git --version} as git
   *     does, or is older than {@link #MINIMUM_VERSION}
   */
  public static GitExecutable at(Path executable) {
    Objects.requireNonNull(executable, "executable");
    String answer;
    try {
      answer = GitProcess.run(executable, Path.of("").toAbsolutePath(), List.of("--version"),
          out -> new String(out.readAllBytes(), StandardCharsets.UTF_8).strip());
    } catch (GitCommandException e) {
      throw new GitNotFoundException(executable + " --version failed: " + e.getMessage(), e);
    }
    Matcher m = VERSION.matcher(answer);
    if (!m.lookingAt()) {
      throw new GitNotFoundException(
          executable + " is not git: --version answered '" + answer + "'", null);
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major < MINIMUM_VERSION.get(0)
        || (major == MINIMUM_VERSION.get(0) && minor < MINIMUM_VERSION.get(1))) {
      throw new GitNotFoundException(executable + " is " + answer + "; this adapter needs git "
          + minimum() + " or newer (for %(trailers:...,separator=...))", null);
    }
    return new GitExecutable(executable, answer.substring("git version ".length()));
  }

  private static String minimum() {
    return MINIMUM_VERSION.get(0) + "." + MINIMUM_VERSION.get(1);
  }

  /** The executable's path as given or found. */
  public Path path() {
    return path;
  }

  /** What {@code git --version} printed after {@code "git version "}, e.g. {@code "2.39.5"}. */
  public String version() {
    return version;
  }

  /** The path and the version. */
  @Override
  public String toString() {
    return "git " + version + " at " + path;
  }
}
