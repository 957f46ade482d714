package io.github.communitymetrics.core.event;

import java.util.Locale;
import java.util.Optional;

/**
 * Access granted by a {@link MemberAdded} event. Only grants that let someone change the
 * repository are events; read or triage access is not recorded.
 */
public enum Permission {
  /** Push access (GitHub write, GitLab developer). */
  WRITE,
  /** Maintainer access (GitHub maintain, GitLab maintainer). */
  MAINTAIN,
  /** Full control (GitHub admin, GitLab owner). */
  ADMIN;

  /** The lower-case name used in the JSON Lines format. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a JSON Lines value, case-insensitively. */
  public static Optional<Permission> fromWireName(String value) {
    try {
      return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
