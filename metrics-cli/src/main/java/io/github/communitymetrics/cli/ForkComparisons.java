package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.Divergences;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.forge.RateLimitedException;
import io.github.communitymetrics.git.ForkDivergence;
import io.github.communitymetrics.git.GitException;
import io.github.communitymetrics.git.GitRepository;
import io.github.communitymetrics.github.GitHubSource;
import io.github.communitymetrics.github.GitHubTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code forks}' options to compare forks with their upstreams (commits ahead and behind) beside
 * the events: through GitHub's compare API ({@code --compare-github}, at most {@code
 * --compare-limit} forks, each one or two requests), and from local git histories ({@code
 * --compare-git} for repositories that hold the upstream and forks as remotes, {@code
 * --compare-clone} for clones of each). Every fork not compared keeps no data, with the reason.
 */
final class ForkComparisons {
  /** The default of {@code --compare-limit}: a handful, since each fork costs API requests. */
  static final int DEFAULT_LIMIT = 5;

  @Option(names = "--compare-github",
      description = "Compare forks with their upstream through GitHub's compare API (commits ahead"
          + " and behind the upstream's default branch, of the fork's default branch): at most"
          + " --compare-limit forks, those active last first; each costs two requests (the fork,"
          + " then the comparison) and each upstream one. Token from GITHUB_TOKEN or GH_TOKEN;"
          + " --api-url and the bounds of the GitHub fetch apply.")
  boolean github;

  @Option(names = "--compare-limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
      description = "At most N forks compared through GitHub (default: ${DEFAULT-VALUE}); the others are no data.")
  int limit;

  @Option(names = "--compare-git", paramLabel = "DIR",
      description = "A git repository holding the upstream and forks as remotes, matched by their"
          + " URLs (OWNER/NAME at the end): each fork's remote HEAD (else the upstream's branch"
          + " name) is compared with the upstream remote's HEAD (git remote set-head R --auto), as"
          + " last fetched. Repeatable; nothing is fetched.")
  List<Path> gitRepositories;

  @Option(names = "--compare-clone", paramLabel = "OWNER/NAME=DIR",
      description = "A local clone of a repository (an upstream or a fork): a fork and its upstream"
          + " that both have one are compared at their HEADs, without changing either. Repeatable.")
  Map<String, Path> clones;

  /** Whether any comparison was asked for. */
  boolean asked() {
    return github || gitRepositories != null || clones != null;
  }

  /**
   * The comparisons asked for, of the forks of {@code upstreams}; what was not compared and why.
   *
   * @param why per fork (by {@link ForksCommand#key}) not compared, the reason
   * @param notes lines that say what was compared and at what cost
   */
  record Outcome(Divergences divergences, Map<String, String> why, List<String> notes) {}

  Outcome compare(CommandLine commandLine, EventSource source, ForkActivity.Result activity, List<Repository> upstreams) {
    if (limit < 0) {
      throw new CommandLine.ParameterException(commandLine, "--compare-limit must not be negative but was " + limit);
    }
    Set<Repository> wanted = new HashSet<>(upstreams); // a list's contains would cost forks x upstreams
    List<ForkActivity.ForkFacts> forks = activity.forks().stream().filter(f -> wanted.contains(f.upstream())).toList();
    List<Divergence> found = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, String> why = new HashMap<>();
    String none = "not compared (no --compare-github, --compare-git or --compare-clone)";
    if (!asked()) {
      forks.forEach(f -> why.put(ForksCommand.key(f.fork()), none));
      return new Outcome(Divergences.none(), why, notes);
    }
    Instant now = Clock.systemUTC().instant();
    if (gitRepositories != null) {
      for (Path dir : gitRepositories) {
        found.addAll(fromRemotes(commandLine, dir, forks, now));
      }
    }
    if (clones != null) {
      found.addAll(fromClones(commandLine, forks, now));
    }
    if (github) {
      found.addAll(fromGitHub(commandLine, source, forks, notes));
    }
    Divergences given = Divergences.of(found);
    for (ForkActivity.ForkFacts f : forks) {
      if (given.of(f.fork(), f.upstream()).isEmpty()) {
        why.put(ForksCommand.key(f.fork()), "not compared (" + (github ? "beyond --compare-limit " + limit
            + (f.fork().forge() == Forge.GITHUB ? "" : " or not on GitHub") + ", " : "")
            + "no remote or clone of it and its upstream given)");
      }
    }
    return new Outcome(given, why, notes);
  }

  /** The forks with a remote in {@code dir} whose upstream has one too. */
  private static List<Divergence> fromRemotes(
      CommandLine commandLine, Path dir, List<ForkActivity.ForkFacts> forks, Instant now) {
    GitRepository repo = open(commandLine, dir, "--compare-git");
    List<Divergence> out = new ArrayList<>();
    Map<Repository, Optional<String>> upstreamRemotes = new HashMap<>();
    for (ForkActivity.ForkFacts f : forks) {
      Optional<String> up = upstreamRemotes.computeIfAbsent(f.upstream(), u -> ForkDivergence.remoteOf(repo, u));
      Optional<String> down = ForkDivergence.remoteOf(repo, f.fork());
      if (up.isEmpty() || down.isEmpty()) {
        continue;
      }
      Optional<String> upRef = ForkDivergence.remoteHead(repo, up.get());
      if (upRef.isEmpty()) {
        out.add(new Divergence.Unknown(f.fork(), f.upstream(), now, Divergence.Source.GIT_HISTORY,
            Divergence.Reason.BRANCH_NOT_FOUND, "the remote " + up.get() + " of " + dir
                + " has no HEAD (git remote set-head " + up.get() + " --auto)"));
        continue;
      }
      // A fork's default branch is its upstream's, unless it was changed: then its remote HEAD says.
      String branch = upRef.get().substring(up.get().length() + 1);
      String downRef = ForkDivergence.remoteHead(repo, down.get()).orElse(down.get() + "/" + branch);
      out.add(ForkDivergence.compare(repo, f.upstream(), upRef.get(), f.fork(), downRef, now));
    }
    return out;
  }

  /** The forks with a clone whose upstream has one too, at their HEADs. */
  private List<Divergence> fromClones(CommandLine commandLine, List<ForkActivity.ForkFacts> forks, Instant now) {
    Map<String, GitRepository> byName = new LinkedHashMap<>();
    clones.forEach((name, dir) -> byName.put(name.strip().toLowerCase(Locale.ROOT), open(commandLine, dir, "--compare-clone " + name)));
    List<Divergence> out = new ArrayList<>();
    for (ForkActivity.ForkFacts f : forks) {
      GitRepository up = byName.get(f.upstream().fullName().toLowerCase(Locale.ROOT));
      GitRepository down = byName.get(f.fork().fullName().toLowerCase(Locale.ROOT));
      if (up != null && down != null) {
        out.add(ForkDivergence.compareClones(up, f.upstream(), "HEAD", down, f.fork(), "HEAD", now));
      }
    }
    return out;
  }

  private static GitRepository open(CommandLine commandLine, Path dir, String option) {
    try {
      return GitRepository.open(dir);
    } catch (GitException e) {
      throw new CommandLine.ParameterException(commandLine, option + ": " + e.getMessage());
    }
  }

  /**
   * At most {@code --compare-limit} GitHub forks, those active last first (then in the listed
   * order): the forks that changed are those worth the requests. A rate limit that outlasts the
   * waits stops the comparisons; the forks left are not compared, and a note says so.
   */
  private List<Divergence> fromGitHub(
      CommandLine commandLine, EventSource source, List<ForkActivity.ForkFacts> forks, List<String> notes) {
    List<ForkActivity.ForkFacts> candidates = new ArrayList<>(forks.stream().filter(f -> f.fork().forge() == Forge.GITHUB).toList());
    candidates.sort(Comparator.comparing((ForkActivity.ForkFacts f) -> f.lastActive().orElse(Instant.MIN)).reversed());
    List<ForkActivity.ForkFacts> chosen = candidates.subList(0, Math.min(limit, candidates.size()));
    GitHubSource.Builder builder = source.github.bounds(GitHubSource.builder().tokensFromEnvironment(System.getenv()));
    if (source.github.apiUrl != null) {
      builder.apiUrl(source.github.apiUrl);
    }
    GitHubSource api = builder.build();
    Map<Repository, Optional<String>> branches = new HashMap<>();
    List<Divergence> out = new ArrayList<>();
    int done = 0;
    try {
      for (ForkActivity.ForkFacts f : chosen) {
        out.add(oneOnGitHub(api, f, branches));
        done++;
      }
    } catch (RateLimitedException e) {
      notes.add("GitHub compare stopped by a rate limit after " + done + " forks: " + e.getMessage());
    }
    notes.add("GitHub compare: " + done + " of " + candidates.size() + " forks on GitHub compared (--compare-limit "
        + limit + ")");
    return out;
  }

  private static Divergence oneOnGitHub(GitHubSource api, ForkActivity.ForkFacts f, Map<Repository, Optional<String>> branches) {
    Instant now = Clock.systemUTC().instant();
    GitHubTarget upstream;
    GitHubTarget fork;
    try {
      upstream = GitHubTarget.parse(f.upstream().fullName());
      fork = GitHubTarget.parse(f.fork().fullName());
    } catch (IllegalArgumentException e) {
      return new Divergence.Unknown(f.fork(), f.upstream(), now, Divergence.Source.GITHUB_COMPARE,
          Divergence.Reason.UNAVAILABLE, "not GitHub names: " + e.getMessage());
    }
    Optional<String> base = branches.computeIfAbsent(f.upstream(), u -> api.defaultBranch(upstream));
    if (base.isEmpty()) {
      return new Divergence.Unknown(f.fork(), f.upstream(), now, Divergence.Source.GITHUB_COMPARE,
          Divergence.Reason.UNAVAILABLE, "GitHub answered 404 for the upstream " + upstream);
    }
    return api.compareFork(upstream, base.get(), fork, Optional.empty());
  }
}
