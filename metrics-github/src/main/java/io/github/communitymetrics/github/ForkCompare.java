package io.github.communitymetrics.github;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.Divergence.Reason;
import io.github.communitymetrics.forge.ForbiddenException;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.GoneException;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.ResponseTooLargeException;
import io.github.communitymetrics.forge.ServerErrorException;
import io.github.communitymetrics.forge.UnavailableForLegalReasonsException;
import io.github.communitymetrics.forge.internal.ForgeHttpClient;
import io.github.communitymetrics.forge.internal.JsonValues;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * GitHub's compare API between an upstream and a fork, over {@link GitHubSource}'s HTTP client
 * (its credential, retries, rate-limit waits and typed errors). What concerns the one fork (its
 * absence, a branch gone, no common history, a comparison too large, a refusal) becomes a {@link
 * Divergence.Unknown} with its reason; what concerns the whole session (a wrong credential, a rate
 * limit that outlasts the waits) is thrown.
 */
final class ForkCompare {
  private final ForgeHttpClient http;
  private final Function<String, URI> api;
  private final Function<URI, ForgeRequest> get;

  ForkCompare(ForgeHttpClient http, Function<String, URI> api, Function<URI, ForgeRequest> get) {
    this.http = http;
    this.api = api;
    this.get = get;
  }

  /** The repository's default branch; empty when GitHub answers 404 (missing or not visible). */
  Optional<String> defaultBranch(GitHubTarget repository) {
    ForgeResponse response;
    try {
      response = http.execute(get.apply(api.apply("/repos/" + repository)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    JsonValues json = JsonValues.of(response);
    String branch = json.text(json.object(), "default_branch");
    if (branch.isBlank()) {
      throw json.malformed("a blank default_branch");
    }
    return Optional.of(branch);
  }

  Divergence compare(GitHubTarget upstream, String upstreamBranch, GitHubTarget fork, Optional<String> forkBranch) {
    Repository up = Repository.github(upstream.toString());
    Repository down = Repository.github(fork.toString());
    Instant asOf = http.clock().instant();
    String headBranch;
    try {
      Optional<String> branch = forkBranch.isPresent() ? forkBranch : defaultBranch(fork);
      if (branch.isEmpty()) {
        return unknown(down, up, asOf, Reason.FORK_NOT_FOUND, "GitHub answered 404 for the fork " + fork);
      }
      headBranch = branch.get();
    } catch (RuntimeException e) {
      return refused(down, up, asOf, e, "reading the fork " + fork);
    }
    // head as OWNER:REPO:BRANCH: the fork may carry another name than its upstream.
    String head = fork.owner() + ":" + fork.name().orElseThrow() + ":" + headBranch;
    // One commit a page: the counts are on every page, the commits are not needed.
    URI uri = api.apply("/repos/" + upstream + "/compare/" + ref(upstreamBranch) + "..." + ref(head) + "?per_page=1");
    ForgeResponse response;
    try {
      response = http.execute(get.apply(uri));
    } catch (NotFoundException e) {
      return notFound(upstream, upstreamBranch, fork, headBranch, down, up, asOf);
    } catch (RuntimeException e) {
      return refused(down, up, asOf, e, "comparing " + upstreamBranch + "..." + head);
    }
    try {
      return measured(JsonValues.of(response), down, up, asOf, upstreamBranch, head);
    } catch (MalformedResponseException e) {
      return unknown(down, up, asOf, Reason.UNAVAILABLE, "a malformed comparison: " + e.getMessage());
    }
  }

  private static Divergence measured(
      JsonValues json, Repository down, Repository up, Instant asOf, String base, String head) {
    Map<String, Object> body = json.object();
    long ahead = json.number(body, "ahead_by");
    long behind = json.number(body, "behind_by");
    String status = json.text(body, "status");
    if (ahead < 0 || behind < 0 || ahead > Integer.MAX_VALUE || behind > Integer.MAX_VALUE) {
      throw json.malformed("ahead_by " + ahead + ", behind_by " + behind);
    }
    Optional<String> mergeBase = json.optionalObject(body, "merge_base_commit").flatMap(c -> json.optionalText(c, "sha"));
    Divergence.Measured out = new Divergence.Measured(down, up, asOf, Divergence.Source.GITHUB_COMPARE, base, head,
        (int) ahead, (int) behind, mergeBase);
    // A status that the counts contradict (such as "diverged" with 0 and 0) is no count to trust.
    if (!out.status().equals(status)) {
      return unknown(down, up, asOf, Reason.UNAVAILABLE, "GitHub said " + status + " but counted " + ahead
          + " ahead and " + behind + " behind");
    }
    return out;
  }

  /**
   * A 404 on the comparison: the fork gone, a branch gone or no common history. GitHub says which
   * only in its message, so each is asked for: the fork, its branch, the upstream's branch; when
   * all exist the two histories share no commit (GitHub's "No common ancestor between ...").
   */
  private Divergence notFound(
      GitHubTarget upstream, String upstreamBranch, GitHubTarget fork, String forkBranch,
      Repository down, Repository up, Instant asOf) {
    try {
      if (!exists("/repos/" + fork)) {
        return unknown(down, up, asOf, Reason.FORK_NOT_FOUND, "GitHub answered 404 for the fork " + fork);
      }
      if (!exists("/repos/" + fork + "/branches/" + ref(forkBranch))) {
        return unknown(down, up, asOf, Reason.BRANCH_NOT_FOUND, "the fork has no branch " + forkBranch);
      }
      if (!exists("/repos/" + upstream + "/branches/" + ref(upstreamBranch))) {
        return unknown(down, up, asOf, Reason.BRANCH_NOT_FOUND, "the upstream has no branch " + upstreamBranch);
      }
    } catch (RuntimeException e) {
      return refused(down, up, asOf, e, "looking for what the comparison misses");
    }
    return unknown(down, up, asOf, Reason.NO_COMMON_HISTORY,
        upstream + ":" + upstreamBranch + " and " + fork + ":" + forkBranch + " share no commit");
  }

  private boolean exists(String path) {
    try {
      http.execute(get.apply(api.apply(path)));
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * A refusal that concerns this fork alone; anything else (a wrong credential, a rate limit that
   * outlasts the waits, an interrupt) is rethrown.
   */
  private static Divergence refused(Repository down, Repository up, Instant asOf, RuntimeException e, String doing) {
    if (e instanceof ResponseTooLargeException) {
      return unknown(down, up, asOf, Reason.TOO_LARGE, doing + ": the answer is larger than the client accepts");
    }
    if (e instanceof ServerErrorException s && s.status() >= 500) {
      // GitHub answers a comparison too large to compute in time with a 5xx ("this diff is taking
      // too long to generate"); an outage reads the same, after every retry.
      return unknown(down, up, asOf, Reason.TOO_LARGE, doing + ": HTTP " + s.status()
          + " after every retry (GitHub's answer to a comparison too large to compute, or an outage)");
    }
    if (e instanceof ServerErrorException || e instanceof ForbiddenException || e instanceof GoneException
        || e instanceof UnavailableForLegalReasonsException || e instanceof MalformedResponseException) {
      return unknown(down, up, asOf, Reason.UNAVAILABLE, doing + ": " + e.getMessage());
    }
    throw e;
  }

  private static Divergence.Unknown unknown(Repository down, Repository up, Instant asOf, Reason reason, String detail) {
    return new Divergence.Unknown(down, up, asOf, Divergence.Source.GITHUB_COMPARE, reason, detail);
  }

  /** A branch (or OWNER:REPO:BRANCH) in a path: percent-encoded but for its slashes, which GitHub takes as written. */
  static String ref(String branch) {
    return URLEncoder.encode(branch, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/").replace("%3A", ":");
  }
}
