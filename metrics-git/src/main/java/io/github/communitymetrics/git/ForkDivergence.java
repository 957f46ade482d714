package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.Divergence.Reason;
import io.github.communitymetrics.git.internal.GitProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How far a fork has diverged from its upstream, from both git histories: the counts of {@code
 * git rev-list --left-right --count UPSTREAM...FORK} (left: commits only the upstream has, the
 * fork's <em>behind</em>; right: commits only the fork has, its <em>ahead</em>), the same counts
 * as GitHub's compare API. Either one repository that holds both branches (the upstream and the
 * fork as remotes of one clone, {@link #compare}) or two clones ({@link #compareClones}).
 *
 * <p>A branch that does not resolve, two histories without a common commit, and a shallow clone
 * (whose history is cut, so the counts would be wrong) give a {@link Divergence.Unknown} with the
 * reason, never 0 ahead and 0 behind. Nothing is fetched: the counts describe the branches as the
 * local repository last fetched them, which is all {@link Divergence#asOf()} (given by the caller)
 * can say.
 */
public final class ForkDivergence {
  private ForkDivergence() {}

  /**
   * Compares two branches of one repository.
   *
   * @param repository holds both histories (say the upstream and the fork as remotes)
   * @param upstream the upstream compared
   * @param upstreamRef its branch or ref there, such as {@code upstream/main}; must not start with {@code -}
   * @param fork the fork compared
   * @param forkRef its branch or ref there, such as {@code bob/main}
   * @param asOf the instant the comparison describes (the caller's clock)
   * @return the comparison, with source {@link Divergence.Source#GIT_HISTORY}
   * @throws GitException if git fails otherwise
   */
  public static Divergence compare(
      GitRepository repository, Repository upstream, String upstreamRef, Repository fork, String forkRef, Instant asOf) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(fork, "fork");
    Objects.requireNonNull(asOf, "asOf");
    checkRef(upstreamRef, "upstreamRef");
    checkRef(forkRef, "forkRef");
    Optional<String> base = commit(repository, upstreamRef);
    Optional<String> head = commit(repository, forkRef);
    return compareCommits(repository, upstream, upstreamRef, base, fork, forkRef, head, asOf);
  }

  /**
   * Compares a branch of the upstream's clone with a branch of the fork's clone, without copying
   * or changing either: a temporary bare repository borrows both object stores ({@code
   * objects/info/alternates}) and is deleted afterwards.
   *
   * @param upstreamClone a clone of the upstream
   * @param upstreamRef the branch there, such as {@code HEAD} or {@code main}
   * @param forkClone a clone of the fork
   * @param forkRef the branch there
   * @return the comparison, with source {@link Divergence.Source#GIT_HISTORY}
   * @throws GitException if git fails otherwise
   * @throws CommunityMetricsIoException if the temporary repository cannot be written
   */
  public static Divergence compareClones(
      GitRepository upstreamClone, Repository upstream, String upstreamRef,
      GitRepository forkClone, Repository fork, String forkRef, Instant asOf) {
    Objects.requireNonNull(upstreamClone, "upstreamClone");
    Objects.requireNonNull(forkClone, "forkClone");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(fork, "fork");
    Objects.requireNonNull(asOf, "asOf");
    checkRef(upstreamRef, "upstreamRef");
    checkRef(forkRef, "forkRef");
    for (GitRepository clone : List.of(upstreamClone, forkClone)) {
      if (clone.isShallow()) {
        return unknown(fork, upstream, asOf, Reason.UNAVAILABLE, shallow(clone));
      }
    }
    Optional<String> base = commit(upstreamClone, upstreamRef);
    Optional<String> head = commit(forkClone, forkRef);
    if (base.isEmpty() || head.isEmpty()) {
      return compareCommits(upstreamClone, upstream, upstreamRef, base, fork, forkRef, head, asOf);
    }
    Path temporary = null;
    try {
      temporary = Files.createTempDirectory("fork-divergence");
      run(upstreamClone, List.of("init", "-q", "--bare", temporary.toString()));
      Files.writeString(temporary.resolve("objects").resolve("info").resolve("alternates"),
          objects(upstreamClone) + "\n" + objects(forkClone) + "\n", StandardCharsets.UTF_8);
      GitRepository both = GitRepository.open(temporary, upstreamClone.git());
      return compareCommits(both, upstream, upstreamRef, base, fork, forkRef, head, asOf);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot write a temporary repository for the comparison", e);
    } finally {
      delete(temporary);
    }
  }

  /**
   * The remote of {@code repository} whose URL names {@code named} (its last two path segments,
   * without {@code .git}, equal to the full name ignoring case: {@code https://github.com/bob/gizmo.git}
   * and {@code git@github.com:bob/gizmo} both name {@code bob/gizmo}); the first in git's order.
   *
   * @return the remote's name; empty when none names it
   */
  public static Optional<String> remoteOf(GitRepository repository, Repository named) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(named, "named");
    String wanted = named.fullName().toLowerCase(Locale.ROOT);
    for (String remote : text(repository, List.of("remote")).lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      Optional<String> url = repository.remoteUrl(remote);
      if (url.isPresent() && fullName(url.get()).filter(wanted::equals).isPresent()) {
        return Optional.of(remote);
      }
    }
    return Optional.empty();
  }

  /**
   * The branch a remote's {@code HEAD} points to ({@code refs/remotes/R/HEAD}, which {@code git
   * clone} sets and {@code git remote set-head R --auto} sets after a {@code git remote add}), as
   * {@code R/BRANCH}.
   *
   * @return such as {@code upstream/main}; empty when the remote's HEAD is not set
   */
  public static Optional<String> remoteHead(GitRepository repository, String remote) {
    Objects.requireNonNull(repository, "repository");
    checkRef(remote, "remote");
    try {
      String target = text(repository, List.of("symbolic-ref", "--quiet", "refs/remotes/" + remote + "/HEAD")).strip();
      String prefix = "refs/remotes/";
      return target.startsWith(prefix) ? Optional.of(target.substring(prefix.length())) : Optional.empty();
    } catch (GitCommandException e) {
      // symbolic-ref --quiet exits with 1 exactly when the ref is not a symbolic ref or is missing.
      if (e.exitStatus() == 1) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code OWNER/NAME} (lower case) of a remote URL: its last two path segments without {@code .git}. */
  static Optional<String> fullName(String url) {
    String path = url.strip().replaceAll("/+$", "");
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - ".git".length());
    }
    String[] parts = path.split("[/:]");
    if (parts.length < 2 || parts[parts.length - 1].isEmpty() || parts[parts.length - 2].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of((parts[parts.length - 2] + "/" + parts[parts.length - 1]).toLowerCase(Locale.ROOT));
  }

  private static Divergence compareCommits(
      GitRepository repository, Repository upstream, String upstreamRef, Optional<String> base,
      Repository fork, String forkRef, Optional<String> head, Instant asOf) {
    if (base.isEmpty()) {
      return unknown(fork, upstream, asOf, Reason.BRANCH_NOT_FOUND, "no commit " + upstreamRef + " in " + repository.directory());
    }
    if (head.isEmpty()) {
      return unknown(fork, upstream, asOf, Reason.BRANCH_NOT_FOUND, "no commit " + forkRef + " in " + repository.directory());
    }
    if (repository.isShallow()) {
      return unknown(fork, upstream, asOf, Reason.UNAVAILABLE, shallow(repository));
    }
    String mergeBase;
    try {
      mergeBase = text(repository, List.of("merge-base", base.get(), head.get())).strip();
    } catch (GitCommandException e) {
      // merge-base exits with 1 and prints nothing exactly when the commits share no ancestor.
      if (e.exitStatus() == 1 && e.stderr().isBlank()) {
        return unknown(fork, upstream, asOf, Reason.NO_COMMON_HISTORY,
            upstreamRef + " and " + forkRef + " share no commit");
      }
      throw e;
    }
    String counts = text(repository, List.of("rev-list", "--left-right", "--count", base.get() + "..." + head.get())).strip();
    String[] lr = counts.split("\\s+");
    if (lr.length != 2) {
      throw new GitException("git rev-list --left-right --count printed '" + counts + "', not two counts");
    }
    return new Divergence.Measured(fork, upstream, asOf, Divergence.Source.GIT_HISTORY, upstreamRef, forkRef,
        Integer.parseInt(lr[1]), Integer.parseInt(lr[0]), Optional.of(mergeBase));
  }

  /** The commit a ref names; empty when it names none. */
  private static Optional<String> commit(GitRepository repository, String ref) {
    try {
      return Optional.of(text(repository, List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}")).strip());
    } catch (GitCommandException e) {
      // rev-parse --verify --quiet exits with 1 and says nothing exactly when the ref is not a commit.
      if (e.exitStatus() == 1) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String objects(GitRepository clone) {
    Path common = Path.of(text(clone, List.of("rev-parse", "--git-common-dir")).strip());
    return clone.directory().resolve(common).resolve("objects").toAbsolutePath().normalize().toString();
  }

  private static String shallow(GitRepository repository) {
    return repository.directory() + " is a shallow clone: its history is cut, so the counts would be wrong";
  }

  private static Divergence.Unknown unknown(Repository fork, Repository upstream, Instant asOf, Reason reason, String detail) {
    return new Divergence.Unknown(fork, upstream, asOf, Divergence.Source.GIT_HISTORY, reason, detail);
  }

  private static String text(GitRepository repository, List<String> arguments) {
    return GitProcess.run(repository.git().path(), repository.directory(), arguments,
        (InputStream in) -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void run(GitRepository repository, List<String> arguments) {
    text(repository, arguments);
  }

  private static void checkRef(String ref, String name) {
    Objects.requireNonNull(ref, name);
    if (ref.isBlank() || ref.startsWith("-") || ref.contains("\n") || ref.contains("...")) {
      throw new IllegalArgumentException(name + " must be a branch or ref not starting with '-', got '" + ref + "'");
    }
  }

  private static void delete(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(directory)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory left behind costs disk, not correctness.
    }
  }
}
