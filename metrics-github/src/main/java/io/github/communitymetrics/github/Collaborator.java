package io.github.communitymetrics.github;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone with direct access to a repository when a fetch read {@code GET
 * /repos/{o}/{n}/collaborators?affiliation=direct}: a snapshot, not an event. GitHub does not say
 * since when someone has access, so no {@code MemberAdded} event is made of it (its time would be
 * invented); compare snapshots of two fetches to see who was added or removed between them.
 *
 * @param repo the repository
 * @param member the collaborator
 * @param permission the highest of write ({@code push}), maintain and admin that GitHub's {@code
 *     permissions} grant; empty for read and triage access, which the core model has no value for
 * @param roleName GitHub's {@code role_name}: {@code read}, {@code triage}, {@code write}, {@code
 *     maintain}, {@code admin} or an organisation's custom role; empty when GitHub did not send it
 * @param readAt when the list was read (the source's clock)
 */
public record Collaborator(
    Repository repo, Actor member, Optional<Permission> permission, Optional<String> roleName, Instant readAt) {

  /** Checks that nothing is null. */
  public Collaborator {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(readAt, "readAt");
  }
}
