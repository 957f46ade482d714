package io.github.communitymetrics.github;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.forge.Sleeper;
import io.github.communitymetrics.testkit.ForgeCompatibilityKit;
import io.github.communitymetrics.testkit.ForgeRenderer;
import io.github.communitymetrics.testkit.ScriptedCommunity;
import io.github.communitymetrics.testkit.WireRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** {@link GitHubSource} against the forge compatibility kit, with GitHub's REST shapes. */
class GitHubCompatibilityTest extends ForgeCompatibilityKit {

  @Override
  protected Forge forge() {
    return Forge.GITHUB;
  }

  @Override
  protected Set<EventType> supportedTypes() {
    return EnumSet.of(
        EventType.STAR,
        EventType.FORK,
        EventType.ISSUE_OPENED,
        EventType.PULL_REQUEST_OPENED,
        EventType.ISSUE_COMMENT,
        EventType.REVIEW_COMMENT);
  }

  @Override
  protected ForgeRenderer renderer(ScriptedCommunity community) {
    return new GitHubRenderer(community);
  }

  @Override
  protected void fetch(
      URI baseUrl, ScriptedCommunity community, Path checkpointDirectory, Consumer<? super Event> sink) {
    GitHubSource source =
        GitHubSource.builder()
            .apiUrl(baseUrl)
            .sleeper(duration -> {})
            .random(new SplittableRandom(7))
            .build();
    for (Repository repo : community.repositories()) {
      source.fetch(
          GitHubTarget.parse(repo.fullName()),
          // Only the lists this renderer serves: issue events (closes, merges), reviews, releases
          // and commits are not rendered yet, so the kit does not check them for GitHub.
          FetchOptions.all()
              .withResources(
                  EnumSet.of(
                      GitHubResource.STARGAZERS,
                      GitHubResource.FORKS,
                      GitHubResource.ISSUES,
                      GitHubResource.ISSUE_COMMENTS,
                      GitHubResource.REVIEW_COMMENTS))
              .withCheckpointDirectory(checkpointDirectory),
          sink);
    }
  }

  /** The REST lists {@link GitHubSource} reads, oldest first. */
  private static final class GitHubRenderer implements ForgeRenderer {
    private final ScriptedCommunity community;

    GitHubRenderer(ScriptedCommunity community) {
      this.community = community;
    }

    @Override
    public Optional<String> object(WireRequest request) {
      String[] parts = request.path().split("/");
      // /repos/OWNER/NAME
      if (parts.length == 4 && parts[1].equals("repos")) {
        return community
            .repository(parts[2] + "/" + parts[3])
            .map(
                r ->
                    "{\"id\":" + r.id().getAsLong() + ",\"full_name\":\"" + r.fullName()
                        + "\",\"private\":false}");
      }
      return Optional.empty();
    }

    @Override
    public Optional<List<String>> list(WireRequest request) {
      String[] parts = request.path().split("/", 5);
      if (parts.length != 5 || !parts[1].equals("repos")) {
        return Optional.empty();
      }
      Optional<Repository> found = community.repository(parts[2] + "/" + parts[3]);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Repository repo = found.get();
      String api = request.baseUrl() + "/repos/" + repo.fullName();
      List<String> items = new ArrayList<>();
      switch (parts[4]) {
        case "stargazers":
          if (!request.header("Accept").orElse("").contains("star+json")) {
            return Optional.empty(); // without star+json GitHub lists users without starred_at
          }
          for (Event e : community.events(repo, EventType.STAR)) {
            items.add("{\"starred_at\":\"" + e.at() + "\",\"user\":" + user(e.actor()) + "}");
          }
          return Optional.of(items);
        case "forks":
          long forkId = 5000;
          for (Event e : community.events(repo, EventType.FORK)) {
            Fork f = (Fork) e;
            items.add(
                "{\"id\":" + forkId++ + ",\"full_name\":\"" + f.forkFullName().orElseThrow()
                    + "\",\"created_at\":\"" + f.at() + "\",\"owner\":" + user(f.actor()) + "}");
          }
          return Optional.of(items);
        case "issues":
          List<Event> opened = new ArrayList<>(community.events(repo, EventType.ISSUE_OPENED));
          opened.addAll(community.events(repo, EventType.PULL_REQUEST_OPENED));
          opened.sort(Comparator.comparing(Event::at));
          for (Event e : opened) {
            NumberedEvent n = (NumberedEvent) e;
            items.add(
                "{\"id\":" + (repo.id().getAsLong() * 1000 + n.number()) + ",\"number\":" + n.number()
                    + ",\"state\":\"open\",\"created_at\":\"" + e.at() + "\",\"user\":" + user(e.actor())
                    + ",\"author_association\":\"CONTRIBUTOR\""
                    + (n.onPullRequest() ? ",\"draft\":false,\"pull_request\":{\"url\":\"" + api + "/pulls/"
                        + n.number() + "\"}" : "")
                    + "}");
          }
          return Optional.of(items);
        case "issues/comments":
          for (Event e : community.events(repo, EventType.ISSUE_COMMENT)) {
            IssueComment c = (IssueComment) e;
            items.add(
                "{\"id\":" + c.commentId().getAsLong() + ",\"created_at\":\"" + c.at() + "\",\"user\":"
                    + user(c.actor()) + ",\"author_association\":\"CONTRIBUTOR\",\"issue_url\":\"" + api
                    + "/issues/" + c.number() + "\",\"html_url\":\"https://github.com/" + repo.fullName()
                    + (c.onPullRequest() ? "/pull/" : "/issues/") + c.number() + "#issuecomment-"
                    + c.commentId().getAsLong() + "\"}");
          }
          return Optional.of(items);
        case "pulls/comments":
          for (Event e : community.events(repo, EventType.REVIEW_COMMENT)) {
            ReviewComment c = (ReviewComment) e;
            items.add(
                "{\"id\":" + c.commentId().getAsLong() + ",\"created_at\":\"" + c.at() + "\",\"user\":"
                    + user(c.actor()) + ",\"author_association\":\"CONTRIBUTOR\",\"pull_request_url\":\""
                    + api + "/pulls/" + c.number() + "\"}");
          }
          return Optional.of(items);
        default:
          return Optional.empty();
      }
    }

    private static String user(Actor a) {
      String type =
          a.kind() == ActorKind.BOT ? "Bot" : a.kind() == ActorKind.ORGANIZATION ? "Organization" : "User";
      return "{\"login\":\"" + a.login().orElseThrow() + "\",\"id\":" + a.id().getAsLong() + ",\"type\":\""
          + type + "\"}";
    }
  }
}
