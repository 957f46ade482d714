package io.github.communitymetrics.git;

import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Signature;
import java.util.List;
import java.util.Objects;

/**
 * The header line of one commit in a commit log.
 *
 * @param sha the commit id (lower-case hex)
 * @param parents the parent ids, first parent first; empty for a root commit
 * @param author the author line; its time is the author time
 * @param committer the committer line
 * @param coAuthors people named by {@code Co-authored-by} trailers, in trailer order
 * @param lineNumber the 1-based line number of the header in the log
 */
public record CommitHeader(
    String sha,
    List<String> parents,
    Signature author,
    Signature committer,
    List<CoAuthor> coAuthors,
    long lineNumber) {

  /** Checks the components and copies the lists. */
  public CommitHeader {
    Objects.requireNonNull(sha, "sha must not be null");
    parents = List.copyOf(parents);
    Objects.requireNonNull(author, "author must not be null");
    Objects.requireNonNull(committer, "committer must not be null");
    coAuthors = List.copyOf(coAuthors);
  }

  /** Whether the commit has more than one parent (merges carry no path lines). */
  public boolean isMerge() {
    return parents.size() > 1;
  }
}
