package io.github.communitymetrics.gitlab;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.testkit.ForgeCompatibilityKit;
import io.github.communitymetrics.testkit.ForgeRenderer;
import io.github.communitymetrics.testkit.GitLabRenderer;
import io.github.communitymetrics.testkit.ScriptedCommunity;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@link GitLabSource} against the forge compatibility kit: the scripted community served in
 * GitLab's REST v4 shapes ({@link GitLabRenderer}) as the group {@code scripted}, read whole with
 * every resource. Closings and reopenings come from the renderer's resource state events (the
 * lists show a reopened item opened, so they alone give a close followed by a reopening).
 */
class GitLabCompatibilityKitTest extends ForgeCompatibilityKit {

  @Override
  protected Forge forge() {
    return Forge.GITLAB;
  }

  @Override
  protected Set<EventType> supportedTypes() {
    return EnumSet.of(
        EventType.STAR,
        EventType.FORK,
        EventType.ISSUE_OPENED,
        EventType.ISSUE_CLOSED,
        EventType.ISSUE_REOPENED,
        EventType.PULL_REQUEST_OPENED,
        EventType.PULL_REQUEST_MERGED,
        EventType.PULL_REQUEST_CLOSED,
        EventType.PULL_REQUEST_REOPENED,
        EventType.ISSUE_COMMENT,
        EventType.REVIEW_COMMENT,
        EventType.REVIEW);
  }

  /** A GitLab group acts through users; only a fork into a group namespace shows the group. */
  @Override
  protected ActorKind reportedKind(EventType type, Actor scripted) {
    return scripted.kind() == ActorKind.ORGANIZATION && type != EventType.FORK ? ActorKind.USER : scripted.kind();
  }

  @Override
  protected ForgeRenderer renderer(ScriptedCommunity community) {
    return new GitLabRenderer(community);
  }

  @Override
  protected void fetch(
      URI baseUrl, ScriptedCommunity community, Path checkpointDirectory, Consumer<? super Event> sink) {
    GitLabSource.builder()
        .baseUrl(baseUrl)
        .sleeper(duration -> {})
        .random(new SplittableRandom(7))
        .build()
        .fetch(GitLabTarget.group("scripted"), FetchOptions.all().withCheckpointDirectory(checkpointDirectory), sink);
  }
}
