package io.github.communitymetrics.git;

import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipAccumulator;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.IdentityRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Feeds a commit log into the truck-factor authorship model: a {@link CommitLogVisitor} over an
 * {@link AuthorshipAccumulator}. Merge commits are skipped (they carry no paths).
 */
public final class CommitLogAuthorship implements CommitLogVisitor {

  private final AuthorshipAccumulator accumulator;
  private final UnaryOperator<String> identity;
  private final boolean creditCoAuthors;
  private boolean inMerge;

  private CommitLogAuthorship(
      AuthorshipAccumulator accumulator, UnaryOperator<String> identity, boolean creditCoAuthors) {
    this.accumulator = accumulator;
    this.identity = Objects.requireNonNull(identity, "identity must not be null");
    this.creditCoAuthors = creditCoAuthors;
  }

  /**
   * Reads the whole log and returns the authorship of {@code snapshotFiles}.
   *
   * @param reader an unread log of the snapshot's history (newest first)
   * @param snapshotFiles the files to analyse, as at the log's newest commit
   * @param identity maps an author name to the identity key (alias unification); {@code
   *     UnaryOperator.identity()} keeps raw names
   * @param identityRule which author lines count as one developer ({@link
   *     IdentityRule#NAME_OR_EMAIL} reproduces the reference tool)
   * @param creditCoAuthors whether {@code Co-authored-by} trailers are credited like the author
   *     (the paper's model: false)
   * @throws CommitLogFormatException if the log is malformed (strict mode)
   */
  public static AuthorshipHistory collect(
      CommitLogReader reader,
      Collection<String> snapshotFiles,
      UnaryOperator<String> identity,
      IdentityRule identityRule,
      boolean creditCoAuthors) {
    Objects.requireNonNull(reader, "reader must not be null");
    return run(reader, AuthorshipAccumulator.newestFirst(snapshotFiles, identityRule), identity,
        creditCoAuthors);
  }

  /**
   * The authorship of {@code snapshotFiles} from a recorded log: equal to {@link
   * #collect(CommitLogReader, Collection, UnaryOperator, IdentityRule, boolean)} on the log that
   * was recorded, with the same arguments.
   *
   * @param log the snapshot's history, newest first, as recorded (see {@link HistoryFile})
   * @param snapshotFiles the files to analyse, as at the log's newest commit
   * @param identity maps an author name to the identity key (alias unification)
   * @param identityRule which author lines count as one developer
   * @param creditCoAuthors whether {@code Co-authored-by} trailers are credited like the author
   */
  public static AuthorshipHistory collect(
      RecordedLog log,
      Collection<String> snapshotFiles,
      UnaryOperator<String> identity,
      IdentityRule identityRule,
      boolean creditCoAuthors) {
    Objects.requireNonNull(log, "log must not be null");
    AuthorshipAccumulator acc = AuthorshipAccumulator.newestFirst(snapshotFiles, identityRule);
    log.replay(new CommitLogAuthorship(acc, identity, creditCoAuthors));
    return acc.finish();
  }

  /**
   * Reads the whole log without a snapshot list: the files analysed are those the log shows alive
   * at its newest commit and {@code include} accepts (see {@link
   * AuthorshipAccumulator#newestFirstDiscovering}).
   *
   * @param reader an unread log (newest first)
   * @param include which alive paths to analyse
   * @param identity maps an author name to the identity key (alias unification)
   * @param identityRule which author lines count as one developer
   * @param creditCoAuthors whether {@code Co-authored-by} trailers are credited like the author
   * @throws CommitLogFormatException if the log is malformed (strict mode)
   */
  public static AuthorshipHistory collectDiscovering(
      CommitLogReader reader,
      Predicate<String> include,
      UnaryOperator<String> identity,
      IdentityRule identityRule,
      boolean creditCoAuthors) {
    Objects.requireNonNull(reader, "reader must not be null");
    return run(reader, AuthorshipAccumulator.newestFirstDiscovering(include, identityRule),
        identity, creditCoAuthors);
  }

  private static AuthorshipHistory run(CommitLogReader reader, AuthorshipAccumulator acc,
      UnaryOperator<String> identity, boolean creditCoAuthors) {
    CommitLogAuthorship v = new CommitLogAuthorship(acc, identity, creditCoAuthors);
    reader.accept(v);
    return acc.finish();
  }

  @Override
  public void commit(CommitHeader header) {
    List<String> coNames = new ArrayList<>(header.coAuthors().size());
    List<String> coEmails = new ArrayList<>(header.coAuthors().size());
    for (CoAuthor c : header.coAuthors()) {
      coNames.add(c.name());
      coEmails.add(c.email());
    }
    commit(header.isMerge(), header.author().name(), header.author().email(),
        header.author().time().getEpochSecond(), coNames, coEmails);
  }

  /**
   * A commit starts: what {@link #commit(CommitHeader)} reads of its header, without the header,
   * which {@link CommitLogReader} then need not build.
   *
   * @param coAuthorNames the {@code Co-authored-by} names, in trailer order
   * @param coAuthorEmails their addresses, at the same indexes
   */
  void commit(boolean merge, String authorName, String authorEmail, long authorEpochSecond,
      List<String> coAuthorNames, List<String> coAuthorEmails) {
    inMerge = merge;
    if (inMerge) {
      accumulator.uncredited(authorEpochSecond);
      return;
    }
    accumulator.commit(identity.apply(authorName), authorEmail, authorEpochSecond);
    if (creditCoAuthors) {
      for (int i = 0; i < coAuthorNames.size(); i++) {
        accumulator.coAuthor(identity.apply(coAuthorNames.get(i)), coAuthorEmails.get(i));
      }
    }
  }

  @Override
  public void change(ChangeStatus status, String path) {
    if (inMerge) {
      return;
    }
    switch (status) {
      case ADDED:
        accumulator.added(path);
        break;
      case DELETED:
        accumulator.deleted(path);
        break;
      case MODIFIED:
      case TYPE_CHANGED:
        accumulator.modified(path);
        break;
      default:
        throw new IllegalArgumentException(status + " needs an old path");
    }
  }

  @Override
  public void move(ChangeStatus status, String oldPath, String path) {
    if (inMerge) {
      return;
    }
    if (status == ChangeStatus.RENAMED) {
      accumulator.renamed(oldPath, path);
    } else {
      accumulator.copied(oldPath, path);
    }
  }
}
