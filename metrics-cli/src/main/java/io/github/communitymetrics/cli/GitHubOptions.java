package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.ForgeSourceBuilder;
import io.github.communitymetrics.forge.RateLimitPolicy;
import io.github.communitymetrics.forge.RequestCounts;
import io.github.communitymetrics.github.Collaborator;
import io.github.communitymetrics.github.FetchOptions;
import io.github.communitymetrics.github.FetchReport;
import io.github.communitymetrics.github.GitHubResource;
import io.github.communitymetrics.github.GitHubSource;
import io.github.communitymetrics.github.GitHubTarget;
import io.github.communitymetrics.github.ReviewsApi;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How to read GitHub: the target, the resources, the API and the checkpoint directory. */
final class GitHubOptions {
  /** Which repositories of an owner or group; shared with the GitLab fetch like the rest. */
  @CommandLine.Mixin PortfolioOptions portfolio = new PortfolioOptions();

  @Option(
      names = "--github",
      paramLabel = "OWNER/NAME|OWNER",
      description = "Read this repository, or every repository of this owner, from the GitHub API"
          + " (token from GITHUB_TOKEN or GH_TOKEN).")
  String github;

  @Option(
      names = "--only",
      paramLabel = "RESOURCE",
      split = ",",
      description = "Read only these (default: all). GitHub: stargazers, forks, issues,"
          + " issue_comments, review_comments, issue_events, reviews, releases, commits. GitLab:"
          + " starrers, forks, merge_requests, merge_request_notes, issues, issue_notes, members,"
          + " releases, commits, pushes.")
  List<String> only;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "The REST API base URL (default: https://api.github.com; Enterprise:"
          + " https://HOST/api/v3).")
  URI apiUrl;

  @Option(
      names = "--graphql-url",
      paramLabel = "URL",
      description = "The GraphQL endpoint (default: derived from --api-url; github.com:"
          + " https://api.github.com/graphql, Enterprise: https://HOST/api/graphql).")
  URI graphQlUrl;

  @Option(
      names = "--reviews-api",
      paramLabel = "auto|graphql|rest",
      description = "How reviews are read: graphql (50 pull requests with their reviews per query;"
          + " needs a token), rest (one request per pull request) or auto (default: graphql with a"
          + " token, rest without).")
  String reviewsApi;

  @Option(
      names = "--collaborators",
      description = "Also list each repository's direct collaborators and their permission, where"
          + " the token may (a refusal is reported as a skip, not a failure).")
  boolean collaborators;

  @Option(
      names = "--checkpoint",
      paramLabel = "DIR",
      description = "Keep a cursor per resource here: an interrupted fetch resumes and a later one"
          + " reads only what is new.")
  Path checkpoint;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Keep responses here with their ETag: a later request for the same page is"
          + " conditional, and an unchanged page (304) costs no rate limit.")
  Path cache;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Write only events at or after this date (2024-01-31, UTC midnight) or instant"
          + " (2024-01-31T12:00:00Z); GitHub filters the commits by it, GitLab also the merge"
          + " requests, issues and pushes.")
  String since;

  @Option(
      names = "--max-body-size",
      paramLabel = "SIZE",
      converter = BoundsConverters.Size.class,
      description = "The largest response body read, such as 32MB, 512KB or a number of bytes"
          + " (KB, MB, GB are powers of 1024; default 32MB). A larger page fails the fetch without"
          + " being read whole.")
  Long maxBodySize;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = BoundsConverters.Span.class,
      description = "The longest time to open a connection, such as 10s or PT10S (default 10s).")
  Duration connectTimeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = BoundsConverters.Span.class,
      description = "The longest wait for a response's headers and then for each next byte of its"
          + " body (default 60s); a request that idles longer is retried as a transport failure.")
  Duration idleTimeout;

  @Option(
      names = "--request-deadline",
      paramLabel = "DURATION",
      converter = BoundsConverters.Span.class,
      description = "The longest time for one whole request, body included (default 5m); a"
          + " request that takes longer is retried as a transport failure.")
  Duration requestDeadline;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      converter = BoundsConverters.Span.class,
      description = "The longest single wait, such as 30m, 1h or PT1H (default 1h): a rate limit"
          + " that asks for longer fails the fetch, naming when the limit resets; retry delays are"
          + " cut to it.")
  Duration maxWait;

  @Option(
      names = "--trusted-host",
      paramLabel = "URL",
      description = "Also send the token to this origin (scheme, host and port of the URL), such as"
          + " an uploads host; repeatable. Without it the token goes to the API's origin only, and a"
          + " next page, redirect or other URL on another host is followed without it.")
  java.util.List<java.net.URI> trustedHosts;

  @Option(
      names = "--fail-fast",
      description = "Fail on the first rate limit instead of waiting for its reset (retries of"
          + " server errors and transport failures are unchanged), and, of an owner or group, on the"
          + " first repository that fails instead of passing over it.")
  boolean failFast;

  /**
   * Applies the bound flags given ({@code --max-body-size}, the timeouts, {@code --max-wait},
   * {@code --fail-fast}) and {@code --trusted-host} to a source's builder; the GitLab fetch shares
   * them.
   */
  <B extends ForgeSourceBuilder<B>> B bounds(B builder) {
    if (maxBodySize != null) {
      builder.maxBodySize(maxBodySize);
    }
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    if (idleTimeout != null) {
      builder.idleTimeout(idleTimeout);
    }
    if (requestDeadline != null) {
      builder.requestDeadline(requestDeadline);
    }
    if (maxWait != null) {
      builder.maxWait(maxWait);
    }
    if (failFast) {
      builder.rateLimitPolicy(RateLimitPolicy.FAIL_FAST);
    }
    if (trustedHosts != null) {
      trustedHosts.forEach(builder::trustedHost);
    }
    return builder;
  }

  /** Whether a GitHub target was given. */
  boolean present() {
    return github != null;
  }

  /**
   * Fetches into the sink, showing its progress as the run shows any ({@link ForgeProgress}).
   *
   * @throws CommandLine.ParameterException for a malformed target, resource or URL (exit 2)
   */
  FetchReport fetch(CommandLine commandLine, Map<String, String> environment, Consumer<? super Event> sink) {
    GitHubTarget target;
    Set<GitHubResource> resources = EnumSet.allOf(GitHubResource.class);
    GitHubSource.Builder builder = bounds(GitHubSource.builder().tokensFromEnvironment(environment));
    try {
      target = GitHubTarget.parse(github);
      if (only != null) {
        resources = EnumSet.noneOf(GitHubResource.class);
        for (String name : only) {
          resources.add(GitHubResource.fromWireName(name.strip()));
        }
      }
      if (apiUrl != null) {
        builder.apiUrl(apiUrl);
      }
      if (graphQlUrl != null) {
        builder.graphQlUrl(graphQlUrl);
      }
      if (reviewsApi != null) {
        builder.reviewsApi(reviewsApi(reviewsApi));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
    }
    FetchOptions options =
        FetchOptions.all().withResources(resources).withSelection(portfolio.selection(commandLine, target.isOwner()));
    if (failFast) {
      options = options.stoppingAtFailedRepository();
    }
    if (checkpoint != null) {
      options = options.withCheckpointDirectory(checkpoint);
    }
    if (since != null) {
      options = options.withSince(instant(commandLine, since));
    }
    if (cache != null) {
      options = options.withCacheDirectory(cache);
    }
    if (collaborators) {
      options = options.withCollaborators();
    }
    try (ForgeProgress progress = new ForgeProgress(commandLine, target.toString())) {
      return builder.listener(progress).build().fetch(target, options, sink);
    }
  }

  private static ReviewsApi reviewsApi(String text) {
    try {
      return ReviewsApi.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--reviews-api must be auto, graphql or rest but was '" + text + "'", e);
    }
  }

  static java.time.Instant instant(CommandLine commandLine, String text) {
    try {
      return text.contains("T")
          ? java.time.Instant.parse(text)
          : java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          commandLine, "--since must be a date such as 2024-01-31 or an instant such as 2024-01-31T12:00:00Z");
    }
  }

  /** Writes what a fetch read and cost. */
  static void print(FetchReport report, PrintWriter out) {
    RequestCounts r = report.requests();
    out.printf(
        "fetched %s: %d requests (%d not modified, %d retries, %d rate-limit waits, %d s waited)%n",
        report.target(), r.requests(), r.notModified(), r.retries(), r.rateLimitWaits(), r.waited().toSeconds());
    for (GitHubResource resource : GitHubResource.values()) {
      Long items = report.items().get(resource);
      if (items != null) {
        out.printf("  %-16s %d events%n", resource.wireName(), items);
      }
    }
    out.printf(
        "  skipped: %d duplicates; %d closes folded into their merges; %d before --since;"
            + " %d events by deleted accounts (as ghost)%n",
        report.duplicatesSkipped(), report.mergeClosesFolded(), report.beforeSince(), report.ghostActors());
    if (report.graphQlPoints() > 0) {
      out.printf("  GraphQL: %d rate-limit points%n", report.graphQlPoints());
    }
    PortfolioOptions.print(report.listing(), report.failed(), out);
    for (FetchReport.Skip skip : report.skipped()) {
      out.printf("  not read: %s %s: %s%n", skip.repository(), skip.what(), skip.reason());
    }
    if (!report.collaborators().isEmpty()) {
      out.printf("  collaborators: %d%n", report.collaborators().size());
      for (Collaborator c : report.collaborators()) {
        out.printf("    %s %s %s%n", c.repo().fullName(), c.member().login().orElse("?"),
            c.permission().map(p -> p.wireName()).or(c::roleName).orElse("?"));
      }
    }
  }
}
