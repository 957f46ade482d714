package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The per-kind encoding of what an event holds beyond its columns: small enumerations and flags in
 * one byte ({@code code}), a second actor in the sparse int column ({@code ref}), and anything else
 * as a compact object in the sparse object column ({@code payload}). Only commits and pushes
 * that {@link Columns} cannot pack into its own columns (see {@code Columns.pushBits} and {@code
 * Columns.commitBits}: GH Archive's are all packed), releases, forks with an unusual fork name,
 * pull request events with a branch or merge commit, opened issues and pull requests with labels, opened pull requests from another repository or
 * with closing references, and label changes (the label's interned name) have a payload object;
 * nothing else allocates per event. A pull request whose head repository is the repository itself
 * (the common case) costs one bit of its code ({@link #HEAD_SAME}), no payload. The store packs
 * the common {@link PullTail}s and {@link BranchAndSha}s into its own columns as well (see {@code
 * Columns.pullBits}); the staging keeps them as objects, and orders them by these.
 */
final class Payloads {
  private Payloads() {}

  // Bits of the code byte. The association takes the low 4 bits: 0 = empty, 1 + ordinal.
  static final int ASSOCIATION_MASK = 0x0f;
  static final int ON_PULL_REQUEST = 0x10;
  static final int DRAFT = 0x10;
  static final int HAS_BRANCH = 0x20;
  static final int REVIEW_STATE_SHIFT = 4; // 2 bits
  static final int HAS_PULL_REQUEST_AUTHOR = 0x40;
  /** An opened issue or pull request with labels: its payload is a {@link LabelledTail}. */
  static final int HAS_LABELS = 0x40;
  /**
   * An opened pull request whose head repository is the repository's own (as the store names it):
   * no payload needed for it. A head in another repository is in a {@link PullTail}.
   */
  static final int HEAD_SAME = 0x80;
  static final int HAS_AUTHOR = 0x01;
  static final int MERGE_HAS_BRANCH = 0x02;
  static final int MERGE_HAS_SHA = 0x04;
  // Fork codes.
  static final int FORK_NONE = 0;
  /** The fork is named {@code <actor login>/<repository name>}, as GitHub names new forks. */
  static final int FORK_DERIVED = 1;
  static final int FORK_EXPLICIT = 2;

  private static final AuthorAssociation[] ASSOCIATIONS = AuthorAssociation.values();
  private static final ReviewState[] REVIEW_STATES = ReviewState.values();
  private static final Permission[] PERMISSIONS = Permission.values();

  /** Shared Optionals, so decoding an association allocates nothing. */
  private static final List<Optional<AuthorAssociation>> OPTIONAL_ASSOCIATIONS =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(Optional.<AuthorAssociation>empty()),
              java.util.Arrays.stream(ASSOCIATIONS).map(Optional::of))
          .toList();

  static int association(Optional<AuthorAssociation> a) {
    return a.isEmpty() ? 0 : 1 + a.get().ordinal();
  }

  static Optional<AuthorAssociation> association(int code) {
    return OPTIONAL_ASSOCIATIONS.get(code & ASSOCIATION_MASK);
  }

  static int reviewState(ReviewState s) {
    return s.ordinal() << REVIEW_STATE_SHIFT;
  }

  static ReviewState reviewState(int code) {
    return REVIEW_STATES[(code >>> REVIEW_STATE_SHIFT) & 0x3];
  }

  static Permission permission(int code) {
    return PERMISSIONS[code];
  }

  /** A merged pull request's branch and merge commit, when it has both. */
  record BranchAndSha(String branch, String sha) {}

  /** A commit without the columns (time, repository, author). */
  record CommitTail(
      String sha,
      List<String> parents,
      Signature author,
      Signature committer,
      List<CoAuthor> coAuthors,
      List<FileChange> files) {}

  /** An opened issue's or pull request's base branch (never for an issue) and labels. */
  record LabelledTail(Optional<String> baseBranch, List<String> labels) {}

  /**
   * An opened pull request's base branch, labels, head repository when it is another repository
   * (else empty: see {@link #HEAD_SAME}) and closing references: only for pull requests with a
   * foreign head or closing references, so that the others do not pay for the two fields.
   */
  record PullTail(
      Optional<String> baseBranch,
      List<String> labels,
      Optional<String> headRepository,
      List<Integer> closes) {}

  /** A push without the columns. */
  record PushTail(String ref, String headSha, int commitCount) {}

  /** A release without the columns. */
  record ReleaseTail(String tag, Optional<String> name, boolean prerelease) {}

  private static final Comparator<BranchAndSha> BRANCH_AND_SHA =
      Comparator.comparing(BranchAndSha::branch).thenComparing(BranchAndSha::sha);

  private static final Comparator<CommitTail> COMMIT =
      Comparator.comparing(CommitTail::sha)
          .thenComparing(CommitTail::parents, Canonical.STRINGS)
          .thenComparing(CommitTail::author, Canonical.SIGNATURE)
          .thenComparing(CommitTail::committer, Canonical.SIGNATURE)
          .thenComparing(CommitTail::coAuthors, Canonical.list(Canonical.CO_AUTHOR))
          .thenComparing(CommitTail::files, Canonical.list(Canonical.FILE_CHANGE));

  private static final Comparator<LabelledTail> LABELLED =
      Comparator.comparing(LabelledTail::baseBranch, Canonical.OPTIONAL_STRING)
          .thenComparing(LabelledTail::labels, Canonical.STRINGS);

  private static final Comparator<PullTail> PULL =
      Comparator.comparing(PullTail::baseBranch, Canonical.OPTIONAL_STRING)
          .thenComparing(PullTail::labels, Canonical.STRINGS)
          .thenComparing(PullTail::headRepository, Canonical.OPTIONAL_STRING)
          .thenComparing(PullTail::closes, Canonical.list(Comparator.<Integer>naturalOrder()));

  private static final Comparator<PushTail> PUSH =
      Comparator.comparing(PushTail::ref)
          .thenComparing(PushTail::headSha)
          .thenComparingInt(PushTail::commitCount);

  private static final Comparator<ReleaseTail> RELEASE =
      Comparator.comparing(ReleaseTail::tag)
          .thenComparing(ReleaseTail::name, Canonical.OPTIONAL_STRING)
          .thenComparing(ReleaseTail::prerelease);

  /**
   * Orders two payloads of events of the same type and code. The code says which class the payload
   * is, except for opened pull requests: one with a {@link PullTail} can have the code of one
   * with a branch, labels or nothing, so those compare by class first (absent first).
   */
  static int compare(EventType type, Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (type == EventType.PULL_REQUEST_OPENED) {
      int c = Integer.compare(pullRank(a), pullRank(b));
      if (c != 0 || a == null) {
        return c;
      }
      if (a instanceof PullTail) {
        return PULL.compare((PullTail) a, (PullTail) b);
      }
    }
    switch (type) {
      case COMMIT:
        return COMMIT.compare((CommitTail) a, (CommitTail) b);
      case PUSH:
        return PUSH.compare((PushTail) a, (PushTail) b);
      case RELEASE:
        return RELEASE.compare((ReleaseTail) a, (ReleaseTail) b);
      default:
        if (a instanceof LabelledTail) {
          return LABELLED.compare((LabelledTail) a, (LabelledTail) b);
        }
        if (a instanceof BranchAndSha) {
          return BRANCH_AND_SHA.compare((BranchAndSha) a, (BranchAndSha) b);
        }
        return ((String) a).compareTo((String) b);
    }
  }

  private static int pullRank(Object payload) {
    if (payload == null) {
      return 0;
    }
    if (payload instanceof String) {
      return 1;
    }
    return payload instanceof LabelledTail ? 2 : 3;
  }

  /**
   * A rough size of a payload, not counting strings shared with other payloads (interned branch
   * names and refs are counted at most once per payload, so this overestimates a little).
   */
  static long estimatedBytes(Object payload) {
    if (payload instanceof String) {
      return Sizes.string((String) payload);
    }
    if (payload instanceof BranchAndSha) {
      BranchAndSha b = (BranchAndSha) payload;
      return Sizes.object(8) + Sizes.string(b.sha());
    }
    if (payload instanceof LabelledTail) {
      // The branch is interned, so only the labels count.
      List<String> labels = ((LabelledTail) payload).labels();
      return Sizes.object(8)
          + listBytes(labels.size())
          + labels.stream().mapToLong(Sizes::string).sum();
    }
    if (payload instanceof PullTail) {
      // The branch and the head repository are interned; small closing numbers are cached
      // Integers, so count one box per number as an upper bound.
      PullTail t = (PullTail) payload;
      return Sizes.object(16)
          + listBytes(t.labels().size())
          + t.labels().stream().mapToLong(Sizes::string).sum()
          + listBytes(t.closes().size())
          + (long) t.closes().size() * Sizes.object(4);
    }
    if (payload instanceof PushTail) {
      PushTail p = (PushTail) payload;
      return Sizes.object(12) + Sizes.string(p.headSha());
    }
    if (payload instanceof ReleaseTail) {
      ReleaseTail r = (ReleaseTail) payload;
      return Sizes.object(12)
          + Sizes.string(r.tag())
          + r.name().map(n -> Sizes.object(4) + Sizes.string(n)).orElse(0L);
    }
    CommitTail c = (CommitTail) payload;
    long bytes = Sizes.object(24) + Sizes.string(c.sha());
    bytes += listBytes(c.parents().size()) + c.parents().stream().mapToLong(Sizes::string).sum();
    // Signatures: their strings are interned, so count only the records.
    bytes += Sizes.object(12) + (c.committer() == c.author() ? 0 : Sizes.object(12));
    bytes += listBytes(c.coAuthors().size());
    for (CoAuthor a : c.coAuthors()) {
      bytes += Sizes.object(8) + Sizes.string(a.name()) + Sizes.string(a.email());
    }
    bytes += listBytes(c.files().size());
    for (FileChange f : c.files()) {
      // record + OptionalInts (shared when empty); paths are interned, so not counted.
      bytes += Sizes.object(20);
      bytes += f.oldPath().isPresent() ? Sizes.object(4) : 0;
      bytes += f.linesAdded().isPresent() ? Sizes.object(8) : 0;
      bytes += f.linesRemoved().isPresent() ? Sizes.object(8) : 0;
    }
    return bytes;
  }

  /**
   * Calls {@code action} with each string of {@code payload} that the staging may have interned
   * and {@link #estimatedBytes} therefore leaves out (branches, refs, head repositories, commit
   * authors' and committers' names and addresses, file paths), and with {@code payload} itself
   * when it is a string; the caller counts the interned ones once.
   */
  static void forEachInternable(Object payload, Consumer<String> action) {
    if (payload instanceof String) {
      action.accept((String) payload);
    } else if (payload instanceof BranchAndSha) {
      action.accept(((BranchAndSha) payload).branch());
    } else if (payload instanceof LabelledTail) {
      ((LabelledTail) payload).baseBranch().ifPresent(action);
    } else if (payload instanceof PullTail) {
      PullTail t = (PullTail) payload;
      t.baseBranch().ifPresent(action);
      t.headRepository().ifPresent(action);
    } else if (payload instanceof PushTail) {
      action.accept(((PushTail) payload).ref());
    } else if (payload instanceof CommitTail) {
      CommitTail c = (CommitTail) payload;
      for (Signature s : List.of(c.author(), c.committer())) {
        action.accept(s.name());
        action.accept(s.email());
      }
      for (FileChange f : c.files()) {
        action.accept(f.path());
        f.oldPath().ifPresent(action);
      }
    }
  }

  private static long listBytes(int size) {
    return size == 0 ? 0 : Sizes.object(4) + Sizes.array(size, Sizes.REFERENCE);
  }
}
