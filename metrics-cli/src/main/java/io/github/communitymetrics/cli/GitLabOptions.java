package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.RequestCounts;
import io.github.communitymetrics.gitlab.FetchOptions;
import io.github.communitymetrics.gitlab.FetchReport;
import io.github.communitymetrics.gitlab.GitLabResource;
import io.github.communitymetrics.gitlab.GitLabSource;
import io.github.communitymetrics.gitlab.GitLabTarget;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How to read GitLab: {@code --gitlab PROJECT|GROUP} or {@code --gitlab-group GROUP} on {@code
 * --gitlab-url} (default gitlab.com), with the token from {@code GITLAB_TOKEN}. What to read,
 * from when, where cursors live and the bounds on time and size come from the options the forges
 * share ({@code --only}, {@code --since}, {@code --checkpoint}, {@code --max-body-size}, {@code
 * --connect-timeout}, {@code --idle-timeout}, {@code --request-deadline}, {@code --max-wait},
 * {@code --fail-fast}, declared by {@link GitHubOptions}).
 */
final class GitLabOptions {
  @Option(
      names = "--gitlab",
      paramLabel = "GROUP/PROJECT|GROUP",
      description = "Read this GitLab project (full path, subgroups allowed, or numeric id) or, for"
          + " a name without '/', every project of that group and its subgroups (token from"
          + " GITLAB_TOKEN).")
  String target;

  @Option(
      names = "--gitlab-group",
      paramLabel = "GROUP",
      description = "Every project of this GitLab group (full path, such as a subgroup's a/b, or"
          + " numeric id) and its subgroups.")
  String group;

  @Option(
      names = "--gitlab-url",
      paramLabel = "URL",
      description = "The GitLab instance (default: ${DEFAULT-VALUE}).",
      defaultValue = "https://gitlab.com")
  URI url;

  /** Whether a GitLab source was asked for. */
  boolean isSet() {
    return target != null || group != null;
  }

  /**
   * Fetches into the sink, showing its progress like the GitHub fetch.
   *
   * @param common the shared {@code --only}, {@code --since} and {@code --checkpoint}
   * @throws CommandLine.ParameterException for a malformed target, resource, URL or date (exit 2)
   */
  FetchReport fetch(
      CommandLine commandLine,
      Map<String, String> environment,
      GitHubOptions common,
      Consumer<? super Event> sink) {
    if (target != null && group != null) {
      throw new CommandLine.ParameterException(commandLine, "give either --gitlab or --gitlab-group, not both");
    }
    if (common.cache != null || common.apiUrl != null) {
      throw new CommandLine.ParameterException(commandLine, "--cache and --api-url are for --github");
    }
    GitLabTarget what;
    Set<GitLabResource> resources = EnumSet.allOf(GitLabResource.class);
    GitLabSource.Builder builder = common.bounds(GitLabSource.builder().tokenFromEnvironment(environment));
    try {
      if (group != null) {
        what = GitLabTarget.group(group);
      } else if (target.contains("/") || target.matches("[0-9]+")) {
        what = GitLabTarget.project(target);
      } else {
        // A project always has a namespace: a bare name is a top-level group.
        what = GitLabTarget.group(target);
      }
      if (common.only != null) {
        resources = EnumSet.noneOf(GitLabResource.class);
        for (String name : common.only) {
          resources.add(GitLabResource.fromWireName(name.strip()));
        }
      }
      builder.baseUrl(url);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage(), e);
    }
    FetchOptions options =
        FetchOptions.all().withResources(resources).withSelection(common.portfolio.selection(commandLine, what.group()));
    if (common.failFast) {
      options = options.stoppingAtFailedRepository();
    }
    if (common.checkpoint != null) {
      options = options.withCheckpointDirectory(common.checkpoint);
    }
    if (common.since != null) {
      options = options.withSince(GitHubOptions.instant(commandLine, common.since));
    }
    try (ForgeProgress progress = new ForgeProgress(commandLine, what.path())) {
      return builder.listener(progress).build().fetch(what, options, sink);
    }
  }

  /** Writes what a fetch read and cost. */
  static void print(FetchReport report, PrintWriter out) {
    RequestCounts r = report.requests();
    out.printf(
        "fetched %s: %d requests (%d retries, %d rate-limit waits, %d s waited)%n",
        report.target(), r.requests(), r.retries(), r.rateLimitWaits(), r.waited().toSeconds());
    for (GitLabResource resource : GitLabResource.values()) {
      Long items = report.items().get(resource);
      if (items != null) {
        out.printf("  %-20s %d events%n", resource.wireName(), items);
      }
    }
    out.printf(
        "  skipped: %d duplicates; %d before --since; not events: %s%n",
        report.duplicatesSkipped(), report.beforeSince(), report.skipped());
    PortfolioOptions.print(report.listing(), report.failed(), out);
  }

  /** The fetched events as a loaded source for {@code metrics} and the other reading commands. */
  EventSource.Loaded load(CommandLine commandLine, GitHubOptions common) {
    List<Event> events = new ArrayList<>();
    FetchReport report = fetch(commandLine, System.getenv(), common, events::add);
    PrintWriter info = ProgressOptions.of(commandLine.getCommandSpec()).info();
    print(report, info);
    info.flush();
    return new EventSource.Loaded(
        "GitLab " + report.target() + " at " + url,
        false,
        List.copyOf(events),
        Optional.empty(),
        Optional.empty());
  }
}
