package io.github.communitymetrics.core.event;

import java.util.Locale;
import java.util.Optional;

/** How a commit changed a path, as {@code git log --name-status} reports it. */
public enum ChangeStatus {
  /** Created ({@code A}). */
  ADDED('A'),
  /** Changed in place ({@code M}). */
  MODIFIED('M'),
  /** Removed ({@code D}). */
  DELETED('D'),
  /** Moved from {@link FileChange#oldPath()} ({@code R}), possibly with changes. */
  RENAMED('R'),
  /** Copied from {@link FileChange#oldPath()} ({@code C}); the old path still exists. */
  COPIED('C'),
  /** Its type changed, such as a file becoming a symbolic link ({@code T}). */
  TYPE_CHANGED('T');

  private final char gitLetter;

  ChangeStatus(char gitLetter) {
    this.gitLetter = gitLetter;
  }

  /** The letter {@code git log --name-status} prints. */
  public char gitLetter() {
    return gitLetter;
  }

  /** Whether this status carries an old path. */
  public boolean hasOldPath() {
    return this == RENAMED || this == COPIED;
  }

  /** The lower-case name used in the JSON Lines format, such as {@code type_changed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a JSON Lines value, case-insensitively. */
  public static Optional<ChangeStatus> fromWireName(String value) {
    try {
      return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The status for a {@code --name-status} letter ({@code R100} and {@code C075} start with R, C). */
  public static Optional<ChangeStatus> fromGitLetter(char letter) {
    for (ChangeStatus s : values()) {
      if (s.gitLetter == letter) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
