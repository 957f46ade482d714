package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.ProgressListener;
import io.github.communitymetrics.gitlab.FetchOptions;
import io.github.communitymetrics.gitlab.FetchReport;
import io.github.communitymetrics.gitlab.GitLabResource;
import io.github.communitymetrics.gitlab.GitLabSource;
import io.github.communitymetrics.gitlab.GitLabTarget;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A GitLab source for a command: {@code --gitlab PROJECT} or {@code --gitlab-group GROUP} on
 * {@code --gitlab-url} (default gitlab.com), with the token from {@code GITLAB_TOKEN}. A mixin so
 * that {@code metrics} and {@code fetch-gitlab} share it without touching the other sources.
 */
final class GitLabOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--gitlab",
      paramLabel = "PROJECT",
      description = "A GitLab project by path (GROUP/PROJECT, subgroups allowed) or numeric id.")
  String project;

  @Option(
      names = "--gitlab-group",
      paramLabel = "GROUP",
      description = "Every project of a GitLab group and its subgroups.")
  String group;

  @Option(
      names = "--gitlab-url",
      paramLabel = "URL",
      description = "The GitLab instance (default: ${DEFAULT-VALUE}); the token comes from GITLAB_TOKEN.",
      defaultValue = "https://gitlab.com")
  URI url;

  @Option(
      names = "--gitlab-resources",
      paramLabel = "LIST",
      split = ",",
      description = "What to read (default: all): starrers, forks, merge_requests,"
          + " merge_request_notes, issues, issue_notes, members.")
  List<String> resources;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      description = "Save per-resource cursors here so an interrupted or later fetch resumes.")
  Path checkpoints;

  /** Whether a GitLab source was asked for. */
  boolean isSet() {
    return project != null || group != null;
  }

  /** Fetches into the sink, reporting progress and the summary to {@code err}. */
  FetchReport fetch(Consumer<? super Event> sink, PrintWriter err) {
    if (project != null && group != null) {
      throw new ParameterException(mixee.commandLine(), "give either --gitlab or --gitlab-group, not both");
    }
    GitLabTarget target;
    Set<GitLabResource> wanted = EnumSet.allOf(GitLabResource.class);
    try {
      target = project != null ? GitLabTarget.project(project) : GitLabTarget.group(group);
      if (resources != null) {
        wanted = EnumSet.noneOf(GitLabResource.class);
        for (String r : resources) {
          wanted.add(GitLabResource.fromWireName(r.strip()));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage(), e);
    }
    FetchOptions options = new FetchOptions(wanted, Optional.ofNullable(checkpoints));
    GitLabSource source =
        GitLabSource.builder()
            .baseUrl(url)
            .tokenFromEnvironment(System.getenv())
            .listener(new ProgressListener() {
              @Override
              public void onPage(String resource, int page, int items) {
                err.println("gitlab " + resource + ": page " + page + " (" + items + " items)");
              }
            })
            .build();
    FetchReport report = source.fetch(target, options, sink);
    err.println("gitlab " + target + ": " + report.items() + ", skipped " + report.skipped()
        + ", duplicates " + report.duplicatesSkipped() + ", " + report.requests().requests() + " requests");
    err.flush();
    return report;
  }

  /** The fetched events as a loaded source for {@code metrics}. */
  EventSource.Loaded load(PrintWriter err) {
    List<Event> events = new ArrayList<>();
    fetch(events::add, err);
    return new EventSource.Loaded(
        "GitLab " + (project != null ? project : group) + " at " + url,
        false,
        List.copyOf(events),
        Optional.empty(),
        Optional.empty());
  }
}
