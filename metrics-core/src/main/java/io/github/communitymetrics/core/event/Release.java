package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A release was published.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever published it
 * @param tag the release's tag
 * @param name the release's title, when it has one
 * @param prerelease whether it was marked as a pre-release
 */
public record Release(
    Instant at,
    Repository repo,
    Actor actor,
    String tag,
    Optional<String> name,
    boolean prerelease) implements Event {

  /** Checks the components. */
  public Release {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.notBlank(tag, "tag");
    Checks.notNull(name, "name");
  }

  @Override
  public EventType type() {
    return EventType.RELEASE;
  }
}
