package io.github.communitymetrics.git;

import io.github.communitymetrics.git.internal.GitProcess;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A local git repository read through the {@code git} command. Immutable; every call runs a new
 * {@code git} process.
 *
 * <p>The log is streamed: {@link #readLog(String, LogHandler)} hands git's standard output to the
 * handler while git writes it, so memory does not grow with the history. Its format is the
 * commit-log format of the project's shared data (one header line per commit, a blank line, one
 * {@code --name-status} line per path, newest first) with one difference: names and e-mail
 * addresses of authors and committers go through the repository's {@code .mailmap} (git's {@code
 * %aN}, {@code %aE}, {@code %cN}, {@code %cE}). git applies the mailmap itself, exactly as {@code
 * git shortlog} would, including {@code mailmap.file} and {@code mailmap.blob} settings; {@code
 * Co-authored-by} trailers are printed as written, since git does not map them.
 */
public final class GitRepository {
  /**
   * The {@code --format} of {@link #readLog}: the shared-data format with mailmapped names and
   * e-mail addresses.
   */
  public static final String LOG_FORMAT = "commit%x09%H%x09%P%x09%at%x09%aN%x09%aE%x09%ct%x09%cN"
      + "%x09%cE%x09%(trailers:key=Co-authored-by,valueonly,separator=%x1f)";

  private final GitExecutable git;
  private final Path directory;

  private GitRepository(GitExecutable git, Path directory) {
    this.git = git;
    this.directory = directory;
  }

  /**
   * Opens the repository containing {@code directory} with the {@code git} found on the {@code
   * PATH}.
   *
   * @throws GitNotFoundException if there is no usable git
   * @throws NotARepositoryException if {@code directory} is missing or not in a repository
   */
  public static GitRepository open(Path directory) {
    return open(directory, GitExecutable.onPath());
  }

  /**
   * Opens the repository containing {@code directory} with a given git.
   *
   * @throws NotARepositoryException if {@code directory} is missing or not in a repository
   */
  public static GitRepository open(Path directory, GitExecutable git) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(git, "git");
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new NotARepositoryException(dir + " is not a directory");
    }
    try {
      GitProcess.run(git.path(), dir, List.of("rev-parse", "--git-dir"), InputStream::readAllBytes);
    } catch (TruncatedOutputException e) {
      throw e;
    } catch (GitCommandException e) {
      throw new NotARepositoryException(dir + " is not a git repository: " + e.stderr().strip());
    }
    return new GitRepository(git, dir);
  }

  /** The directory the repository was opened at (absolute). */
  public Path directory() {
    return directory;
  }

  /** The git that runs the commands. */
  public GitExecutable git() {
    return git;
  }

  /**
   * The arguments after {@code git} that {@link #readLog} runs for {@code revision}: the data
   * README's command with {@link #LOG_FORMAT}.
   */
  public static List<String> logArguments(String revision) {
    checkRevision(revision);
    return List.of("-c", "core.quotePath=false", "-c", "diff.renameLimit=999999",
        "-c", "log.showSignature=false", "log", "--no-color", "--find-renames", "--name-status",
        "--format=" + LOG_FORMAT, revision, "--");
  }

  /**
   * Streams the history reachable from {@code revision} to {@code handler}, newest commit first.
   *
   * @param revision a commit, branch or tag, e.g. {@code "HEAD"}; must not start with {@code -}
   * @return what the handler returns
   * @throws TruncatedOutputException if a signal killed git mid-stream
   * @throws GitCommandException if git failed, e.g. on an unknown revision
   * @throws io.github.communitymetrics.core.CommunityMetricsIoException if reading git's output
   *     failed
   */
  public <T> T readLog(String revision, LogHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    return GitProcess.run(git.path(), directory, logArguments(revision), handler::read);
  }

  /**
   * The files of the snapshot at {@code revision}, as {@code git ls-files} lists them in a clean
   * checkout of that commit (read with {@code git ls-tree -r -z --name-only --full-tree}, so that
   * neither the index nor the working tree matters and odd names arrive unquoted), in git's order.
   *
   * @throws GitCommandException if git failed, e.g. on an unknown revision
   */
  public List<String> listFiles(String revision) {
    checkRevision(revision);
    return GitProcess.run(git.path(), directory,
        List.of("ls-tree", "-r", "-z", "--name-only", "--full-tree", revision, "--"),
        GitRepository::nulSeparated);
  }

  /**
   * Whether the repository is a shallow clone ({@code git clone --depth}, {@code .git/shallow}):
   * its history stops at grafted commits, so a log from it is a truncated history. Asks {@code git
   * rev-parse --is-shallow-repository} (git 2.15 and newer).
   *
   * @throws GitCommandException if git failed
   */
  public boolean isShallow() {
    String answer = GitProcess.run(git.path(), directory,
        List.of("rev-parse", "--is-shallow-repository"),
        in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).strip();
    return answer.equals("true");
  }

  /**
   * The URL configured for a remote ({@code git config --get remote.NAME.url}), as written in the
   * configuration: {@code url.*.insteadOf} rewriting is not applied. It may hold credentials
   * ({@code https://user:token@host/...}): callers must not print or log it.
   *
   * @param remote the remote's name, e.g. {@code "origin"}; must not start with {@code -}
   * @return the URL, or empty when the remote is not configured or has no URL
   * @throws GitCommandException if git failed otherwise
   */
  public java.util.Optional<String> remoteUrl(String remote) {
    Objects.requireNonNull(remote, "remote");
    if (remote.isBlank() || remote.startsWith("-") || remote.contains("\n")) {
      throw new IllegalArgumentException("remote must be a remote's name, got '" + remote + "'");
    }
    try {
      String url = GitProcess.run(git.path(), directory,
          List.of("config", "--get", "remote." + remote + ".url"),
          in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).strip();
      return url.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(url);
    } catch (TruncatedOutputException e) {
      throw e;
    } catch (GitCommandException e) {
      // git config exits with 1 exactly when the key is not set.
      if (e.exitStatus() == 1) {
        return java.util.Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The commit {@code revision} names, as its 40-hex-digit id ({@code git rev-parse --verify
   * REV^{commit}}).
   *
   * @throws GitCommandException if git failed, e.g. on an unknown revision
   */
  public String resolveCommit(String revision) {
    checkRevision(revision);
    return GitProcess.run(git.path(), directory,
        List.of("rev-parse", "--verify", revision + "^{commit}"),
        in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).strip();
  }

  /**
   * Whether {@code commit} is a commit of this repository and an ancestor of {@code descendant}
   * (or the same commit). False for a commit that no longer exists, such as one dropped by a
   * rewritten history and pruned.
   *
   * @throws GitCommandException if git failed otherwise
   */
  public boolean isAncestor(String commit, String descendant) {
    checkRevision(commit);
    checkRevision(descendant);
    try {
      GitProcess.run(git.path(), directory,
          List.of("cat-file", "-e", commit + "^{commit}"), InputStream::readAllBytes);
    } catch (TruncatedOutputException e) {
      throw e;
    } catch (GitCommandException e) {
      return false; // not a commit (any more)
    }
    try {
      GitProcess.run(git.path(), directory,
          List.of("merge-base", "--is-ancestor", commit, descendant), InputStream::readAllBytes);
      return true;
    } catch (TruncatedOutputException e) {
      throw e;
    } catch (GitCommandException e) {
      if (e.exitStatus() == 1) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The ids of the commits {@link #readLog} lists for {@code revision}, in the same order ({@code
   * git rev-list}: the same walk without the diffs, so far cheaper).
   *
   * @throws GitCommandException if git failed, e.g. on an unknown revision
   */
  public List<String> listCommits(String revision) {
    checkRevision(revision);
    return GitProcess.run(git.path(), directory, List.of("rev-list", revision, "--"), in -> {
      List<String> ids = new ArrayList<>();
      java.io.BufferedReader r = new java.io.BufferedReader(
          new java.io.InputStreamReader(in, StandardCharsets.US_ASCII), 65536);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        ids.add(line);
      }
      return ids;
    });
  }

  /**
   * A fingerprint of the settings that change what {@link #readLog} prints for a commit already
   * read: the {@code mailmap.*}, {@code diff.*}, {@code log.*}, {@code core.quotepath} and {@code
   * i18n.*} configuration, the {@code .mailmap} file at the top of the working tree, the file
   * {@code mailmap.file} names and the blob {@code mailmap.blob} (or, in a bare repository, {@code
   * HEAD:.mailmap}) names. Two equal fingerprints mean the same names, e-mail addresses and path
   * lines for the same commits, as far as these settings go.
   *
   * @throws GitCommandException if git failed
   */
  public String logSettingsFingerprint() {
    java.security.MessageDigest d = RecordedLog.sha256();
    String config = optionalOutput(List.of("config", "-z", "--get-regexp",
        "^(mailmap|diff|log|i18n)\\.|^core\\.quotepath$"));
    d.update(("config\n" + config + "\n").getBytes(StandardCharsets.UTF_8));
    String top = optionalOutput(List.of("rev-parse", "--show-toplevel")).strip();
    if (!top.isEmpty()) {
      d.update(("worktree .mailmap\n").getBytes(StandardCharsets.UTF_8));
      d.update(fileBytes(Path.of(top, ".mailmap")));
    }
    // -z prints "key\nvalue\0" per setting; the last value of a key wins, as in git.
    String file = "";
    String blob = "";
    for (String entry : config.split("\0")) {
      int nl = entry.indexOf('\n');
      String key = nl < 0 ? entry : entry.substring(0, nl);
      String value = nl < 0 ? "" : entry.substring(nl + 1);
      if (key.equals("mailmap.file")) {
        file = value.strip();
      } else if (key.equals("mailmap.blob")) {
        blob = value.strip();
      }
    }
    if (!file.isEmpty()) {
      Path f = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1)
          : file);
      d.update(("mailmap.file\n").getBytes(StandardCharsets.UTF_8));
      d.update(fileBytes(f.isAbsolute() ? f : directory.resolve(f)));
    }
    if (blob.isEmpty() && top.isEmpty()) {
      blob = "HEAD:.mailmap";
    }
    if (!blob.isEmpty() && !blob.startsWith("-")) {
      d.update(("mailmap.blob " + optionalOutput(List.of("rev-parse", "--verify", "-q", blob))
          + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return java.util.HexFormat.of().formatHex(d.digest());
  }

  /** git's output, or empty when it exits with a status other than 0 (such as "not set"). */
  private String optionalOutput(List<String> arguments) {
    try {
      return GitProcess.run(git.path(), directory, arguments,
          in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (TruncatedOutputException e) {
      throw e;
    } catch (GitCommandException e) {
      return "";
    }
  }

  private static byte[] fileBytes(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
    } catch (java.io.IOException e) {
      throw io.github.communitymetrics.core.CommunityMetricsIoException.of("cannot read " + file, e);
    }
  }

  private static List<String> nulSeparated(InputStream raw) throws java.io.IOException {
    List<String> names = new ArrayList<>();
    InputStream in = new BufferedInputStream(raw, 65536);
    ByteArrayOutputStream name = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == 0) {
        names.add(name.toString(StandardCharsets.UTF_8));
        name.reset();
      } else {
        name.write(b);
      }
    }
    if (name.size() > 0) {
      names.add(name.toString(StandardCharsets.UTF_8));
    }
    return names;
  }

  private static void checkRevision(String revision) {
    Objects.requireNonNull(revision, "revision");
    if (revision.isBlank() || revision.startsWith("-")) {
      throw new IllegalArgumentException(
          "revision must be a commit, branch or tag not starting with '-', got '" + revision + "'");
    }
  }

  /** The directory and the git. */
  @Override
  public String toString() {
    return "GitRepository[" + directory + ", " + git + "]";
  }
}
