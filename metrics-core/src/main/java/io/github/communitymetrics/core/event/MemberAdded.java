package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * Write or maintainer access to the repository was granted. Sources that list members without
 * saying who granted access use the member as the actor.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever granted the access
 * @param member who received it
 * @param permission the access granted
 */
public record MemberAdded(
    Instant at,
    Repository repo,
    Actor actor,
    Actor member,
    Permission permission) implements Event {

  /** Checks the components. */
  public MemberAdded {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.notNull(member, "member");
    Checks.notNull(permission, "permission");
  }

  @Override
  public EventType type() {
    return EventType.MEMBER_ADDED;
  }
}
