package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * A commit, with who wrote it and the paths it changed.
 *
 * <p>{@link #at()} is the author time, which is when the work was done; a rebase or cherry-pick
 * changes only the committer time. Merge commits carry no paths, as in {@code git log
 * --name-status}.
 *
 * @param at the author time (UTC); equals {@code author().time()}
 * @param repo the repository
 * @param actor the author: a forge account when the forge links the commit to one, else
 *     {@link Actor#git(String, String)} of the author line
 * @param sha the commit id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits, or an
 *     abbreviation of at least 7
 * @param parents the parent commit ids, first parent first; empty for a root commit
 * @param author the author line
 * @param committer the committer line
 * @param coAuthors people credited by {@code Co-authored-by} trailers, in trailer order
 * @param files the paths changed, in the order git lists them; empty for merges
 */
public record Commit(
    Instant at,
    Repository repo,
    Actor actor,
    String sha,
    List<String> parents,
    Signature author,
    Signature committer,
    List<CoAuthor> coAuthors,
    List<FileChange> files)
    implements Event {

  /**
   * Checks the components and copies the lists.
   *
   * @throws IllegalArgumentException if a commit id is malformed or {@code at} is not the author
   *     time
   */
  public Commit {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    checkSha(sha, "sha");
    parents = List.copyOf(Checks.notNull(parents, "parents"));
    for (String p : parents) {
      checkSha(p, "parent");
    }
    Checks.notNull(author, "author");
    Checks.notNull(committer, "committer");
    coAuthors = List.copyOf(Checks.notNull(coAuthors, "coAuthors"));
    files = List.copyOf(Checks.notNull(files, "files"));
    if (!(at.equals(author.time()))) {
      throw new IllegalArgumentException("commit " + sha + ": at (" + at + ") must be the author time (" + author.time() + ")");
    }
  }

  /** Whether this commit has more than one parent. */
  public boolean isMerge() {
    return parents.size() > 1;
  }

  @Override
  public EventType type() {
    return EventType.COMMIT;
  }

  /**
   * Checks that {@code sha} looks like a git object id.
   *
   * @throws IllegalArgumentException if it is not 7 to 64 lower-case hex digits
   */
  static String checkSha(String sha, String name) {
    Checks.notNull(sha, name);
    // A loop rather than a regular expression: this runs for every commit, push and merge read.
    boolean ok = sha.length() >= 7 && sha.length() <= 64;
    for (int i = 0; ok && i < sha.length(); i++) {
      char c = sha.charAt(i);
      ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!(ok)) {
      throw new IllegalArgumentException(name + " must be 7 to 64 lower-case hex digits but was '" + sha + "'");
    }
    return sha;
  }
}
