package io.github.communitymetrics.git;

import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.ReadOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A local clone's history as core {@link Commit} events ({@link
 * io.github.communitymetrics.core.event.EventType#COMMIT}), named after the repository it was
 * cloned from, for the metrics that count commits (the absence, pony, elephant factors, ...).
 *
 * <p><b>Identities.</b> Each commit's actor is {@link
 * io.github.communitymetrics.core.event.Actor#git(String, String)} of its author line after the
 * clone's {@code .mailmap} (as {@link GitRepository#readLog} prints it). Nothing is merged here:
 * the commits of several clones go into one store, and {@link
 * io.github.communitymetrics.core.identity.IdentityResolver} joins author lines with the same
 * e-mail address (ignoring case) there, as it does for every other source.
 *
 * <p><b>Merge commits are left out</b> and counted in {@link Summary#mergeCommits()}: as in the
 * truck factor (docs/truck-factor.md, "Merges carry no paths and credit nobody"), a merge
 * integrates work that its parents' commits already credit, and crediting it to whoever merged
 * would count integration as authorship. (The GitHub adapters keep merge commits as the forge
 * lists them; {@link CommitLogReader#commits(Repository)} keeps them too.)
 *
 * <p><b>Naming.</b> See {@link #repositoryOf(GitRepository)}.
 */
public final class CloneHistory {
  private CloneHistory() {}

  /**
   * What reading one clone gave.
   *
   * @param repository the name the commits were given
   * @param commits commits handed to the sink (merge commits not included)
   * @param mergeCommits merge commits (more than one parent) left out
   * @param shallow whether the clone is shallow ({@code git clone --depth}): its history is
   *     truncated, and so are the counts
   */
  public record Summary(Repository repository, long commits, long mergeCommits, boolean shallow) {
    /** Checks the components. */
    public Summary {
      Objects.requireNonNull(repository, "repository");
      if (commits < 0 || mergeCommits < 0) {
        throw new IllegalArgumentException(
            "counts must not be negative: " + commits + ", " + mergeCommits);
      }
    }
  }

  /**
   * Streams the commits reachable from {@code revision}, newest first, merge commits left out,
   * as commits of {@code repository}.
   *
   * @param clone the local repository
   * @param revision a commit, branch or tag, e.g. {@code "HEAD"}
   * @param repository the repository the commits belong to, e.g. {@link #repositoryOf(GitRepository)}
   * @param sink receives each commit
   * @return the counts
   * @throws GitCommandException if git failed (an unknown revision, a repository without commits)
   * @throws CommitLogFormatException if git's output cannot be read as a commit log, or a commit
   *     is refused by the event model (an author time before 1970)
   */
  public static Summary read(
      GitRepository clone, String revision, Repository repository, Consumer<? super Commit> sink) {
    Objects.requireNonNull(clone, "clone");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(sink, "sink");
    long[] counts = new long[2];
    clone.readLog(revision, log -> {
      try (CommitLogReader reader =
          CommitLogReader.of(log, "git log of " + clone.directory(), ReadOptions.strict())) {
        reader.commits(repository).forEach(c -> {
          if (c.isMerge()) {
            counts[1]++;
          } else {
            counts[0]++;
            sink.accept(c);
          }
        });
      }
      return null;
    });
    return new Summary(repository, counts[0], counts[1], clone.isShallow());
  }

  /**
   * The repository a clone's commits belong to, from the URL of its {@code origin} remote:
   *
   * <ul>
   *   <li>a URL with a host ({@code https://HOST/PATH}, {@code ssh://[USER@]HOST[:PORT]/PATH}, or
   *       git's short form {@code [USER@]HOST:PATH}) whose path has at least two segments gives
   *       that path without a trailing {@code .git} or {@code /}: {@code OWNER/NAME} on GitHub,
   *       {@code GROUP/SUBGROUP/NAME} on GitLab. The forge is {@link Forge#GITHUB} for {@code
   *       github.com}, {@link Forge#GITLAB} for {@code gitlab.com}, else {@link Forge#GIT};
   *   <li>otherwise (no {@code origin}, a local path or {@code file://} URL, a path of one
   *       segment) the clone's directory name, without a trailing {@code .git}, on {@link
   *       Forge#GIT}.
   * </ul>
   *
   * User names, passwords and tokens in the URL are never part of the name.
   */
  public static Repository repositoryOf(GitRepository clone) {
    Objects.requireNonNull(clone, "clone");
    return clone.remoteUrl("origin")
        .flatMap(CloneHistory::fromRemoteUrl)
        .orElseGet(() -> Repository.of(Forge.GIT, directoryName(clone.directory())));
  }

  /**
   * The repository named by a remote URL (see {@link #repositoryOf(GitRepository)}), or empty
   * when the URL has no host or its path fewer than two segments.
   */
  public static Optional<Repository> fromRemoteUrl(String url) {
    Objects.requireNonNull(url, "url");
    String u = url.strip();
    String authority;
    String path;
    int scheme = u.indexOf("://");
    if (scheme > 0) {
      if (u.substring(0, scheme).equalsIgnoreCase("file")) {
        return Optional.empty();
      }
      String rest = u.substring(scheme + 3);
      int slash = rest.indexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      authority = rest.substring(0, slash);
      path = rest.substring(slash + 1);
      // A port (host:22); an IPv6 literal keeps its brackets and has no name to lose.
      int colon = authority.lastIndexOf(':');
      if (colon > authority.lastIndexOf(']') && colon > authority.lastIndexOf('@')) {
        authority = authority.substring(0, colon);
      }
    } else {
      // git's short form: a colon before any slash ([user@]host:path); otherwise a local path.
      int colon = u.indexOf(':');
      int slash = u.indexOf('/');
      if (colon <= 0 || (slash >= 0 && slash < colon)) {
        return Optional.empty();
      }
      authority = u.substring(0, colon);
      path = u.substring(colon + 1);
    }
    String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    int query = indexOfAny(path, "?#");
    if (query >= 0) {
      path = path.substring(0, query);
    }
    path = trimSlashes(path);
    if (path.endsWith(".git")) {
      path = trimSlashes(path.substring(0, path.length() - 4));
    }
    String[] segments = path.split("/", -1);
    if (host.isEmpty() || segments.length < 2) {
      return Optional.empty();
    }
    for (String s : segments) {
      if (s.isBlank() || s.equals(".") || s.equals("..") || !s.strip().equals(s)) {
        return Optional.empty();
      }
    }
    Forge forge =
        host.equals("github.com") || host.equals("www.github.com") ? Forge.GITHUB
            : host.equals("gitlab.com") || host.equals("www.gitlab.com") ? Forge.GITLAB
            : Forge.GIT;
    return Optional.of(Repository.of(forge, path));
  }

  private static String directoryName(Path directory) {
    Path name = directory.getFileName();
    String n = name == null ? directory.toString() : name.toString();
    if (n.endsWith(".git") && n.length() > 4) {
      n = n.substring(0, n.length() - 4);
    }
    return n.strip().isEmpty() ? directory.toString() : n.strip();
  }

  private static String trimSlashes(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '/') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '/') {
      to--;
    }
    return s.substring(from, to);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
