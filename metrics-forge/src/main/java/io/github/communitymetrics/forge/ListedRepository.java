package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

/**
 * A repository as the listing of an owner (GitHub) or group (GitLab) names it, before it is read.
 *
 * @param fullName its full path as listed: {@code OWNER/NAME} on GitHub, {@code
 *     group/subgroup/project} on GitLab
 * @param id the forge's numeric id, which survives renames
 * @param fork whether the listing marks it as a fork of another repository
 * @param archived whether the listing marks it as archived (read-only)
 */
public record ListedRepository(String fullName, long id, boolean fork, boolean archived) {
  /** Checks that the name has an owner and a name, and that the id is positive. */
  public ListedRepository {
    Args.notBlank(fullName, "fullName");
    int slash = fullName.lastIndexOf('/');
    if (slash <= 0 || slash == fullName.length() - 1) {
      throw new IllegalArgumentException("fullName must be OWNER/NAME or GROUP/.../PROJECT but was '" + fullName + "'");
    }
    Args.positive(id, "id");
  }

  /**
   * The last segment of the full name: {@code widget} of {@code acme/widget}, {@code gadget} of
   * {@code acme/sub/gadget}.
   *
   * @return the name without owner or group
   */
  public String name() {
    return fullName.substring(fullName.lastIndexOf('/') + 1);
  }
}
