package io.github.communitymetrics.core.event;

import java.util.Locale;
import java.util.Optional;

/**
 * GitHub's {@code author_association}: how the author of an issue, pull request, comment or review
 * relates to the repository at that moment. GitLab has no equivalent; its events leave it empty.
 */
public enum AuthorAssociation {
  /** Owner of the repository. */
  OWNER,
  /** Member of the organisation that owns the repository. */
  MEMBER,
  /** Invited to collaborate on the repository. */
  COLLABORATOR,
  /** Has previously committed to the repository. */
  CONTRIBUTOR,
  /** Has not previously committed to the repository. */
  FIRST_TIME_CONTRIBUTOR,
  /** Has never contributed to GitHub before. */
  FIRST_TIMER,
  /** A placeholder for an unclaimed, imported user. */
  MANNEQUIN,
  /** No association. */
  NONE;

  /** The upper-case name GitHub uses; the same as {@link #name()}. */
  public String wireName() {
    return name();
  }

  /** Parses GitHub's value, case-insensitively. */
  public static Optional<AuthorAssociation> fromWireName(String value) {
    try {
      return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether this association gives the person maintainer standing (owner, member, collaborator). */
  public boolean isMaintainerLike() {
    return this == OWNER || this == MEMBER || this == COLLABORATOR;
  }
}
