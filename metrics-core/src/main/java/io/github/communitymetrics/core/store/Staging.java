package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.store.Payloads.BranchAndSha;
import io.github.communitymetrics.core.store.Payloads.CommitTail;
import io.github.communitymetrics.core.store.Payloads.LabelledTail;
import io.github.communitymetrics.core.store.Payloads.PullTail;
import io.github.communitymetrics.core.store.Payloads.PushTail;
import io.github.communitymetrics.core.store.Payloads.ReleaseTail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The events encoded into columns in input order, with actors and repositories interned in
 * canonical order, ready to be sorted. Lives only during {@link Columns#build}.
 */
final class Staging {
  private static final EventType[] TYPES = EventType.values();
  private static final int INSERTION_SORT_MAX = 24;

  final int size;
  final long[] seconds;
  final int[] nanos;
  final byte[] types;
  final int[] repos;
  final int[] actors;
  final int[] numbers;
  final byte[] codes;
  /** Actor index of the second actor; -1 for none. */
  final int[] refs;
  final Object[] payloads;
  /**
   * The forge's comment or review id, 0 for none (ids are positive); null until an event has one,
   * so histories without ids do not pay for the column.
   */
  long[] ids;
  final Repository[] repositoryTable;
  final Actor[] actorTable;

  private final Interner<Actor> actorInterner = new Interner<>();
  private final Interner<Repository> repositoryInterner = new Interner<>();
  /** Branch names, refs, paths, author names repeat; one instance each. */
  private final Map<String, String> strings = new HashMap<>();

  Staging(List<? extends Event> events) {
    size = events.size();
    seconds = new long[size];
    nanos = new int[size];
    types = new byte[size];
    repos = new int[size];
    actors = new int[size];
    numbers = new int[size];
    codes = new byte[size];
    refs = new int[size];
    payloads = new Object[size];
    // One repository per identity (id, names, renames): see RepositoryIdentity.
    Repository[] canonical = RepositoryIdentity.canonical(events);
    for (int i = 0; i < size; i++) {
      Event e = Checks.notNull(events.get(i), "event");
      encode(i, e, canonical == null ? e.repo() : canonical[i]);
    }
    // Interned indices follow the canonical order of the values, so that comparing indices is
    // comparing values and the same events give the same indices whatever their order.
    int[] actorRemap = actorInterner.canonicalize(Canonical.ACTOR);
    int[] repositoryRemap = repositoryInterner.canonicalize(Canonical.REPOSITORY);
    for (int i = 0; i < size; i++) {
      actors[i] = actorRemap[actors[i]];
      repos[i] = repositoryRemap[repos[i]];
      if (refs[i] >= 0) {
        refs[i] = actorRemap[refs[i]];
      }
    }
    actorTable = actorInterner.values.toArray(new Actor[0]);
    repositoryTable = repositoryInterner.values.toArray(new Repository[0]);
  }

  private void encode(int i, Event e, Repository repo) {
    Instant at = e.at();
    seconds[i] = at.getEpochSecond();
    nanos[i] = at.getNano();
    EventType type = e.type();
    types[i] = (byte) type.ordinal();
    repos[i] = repositoryInterner.intern(repo);
    actors[i] = actorInterner.intern(e.actor());
    numbers[i] = e instanceof NumberedEvent ? ((NumberedEvent) e).number() : 0;
    refs[i] = -1;
    int code = 0;
    switch (type) {
      case FORK:
        code = encodeFork(i, (Fork) e, repo);
        break;
      case ISSUE_OPENED:
        IssueOpened issue = (IssueOpened) e;
        code = Payloads.association(issue.association());
        code |= encodeLabels(i, Optional.empty(), issue.labels());
        break;
      case ISSUE_COMMENT:
        IssueComment comment = (IssueComment) e;
        code = Payloads.association(comment.association());
        code |= comment.onPullRequest() ? Payloads.ON_PULL_REQUEST : 0;
        encodeId(i, comment.commentId());
        break;
      case REVIEW_COMMENT:
        ReviewComment reviewComment = (ReviewComment) e;
        code = Payloads.association(reviewComment.association());
        encodeId(i, reviewComment.commentId());
        break;
      case PULL_REQUEST_OPENED:
        PullRequestOpened opened = (PullRequestOpened) e;
        code = Payloads.association(opened.association());
        code |= opened.draft() ? Payloads.DRAFT : 0;
        if (opened.baseBranch().isPresent()) {
          code |= Payloads.HAS_BRANCH;
          payloads[i] = intern(opened.baseBranch().get());
        }
        code |= encodeLabels(i, opened.baseBranch(), opened.labels());
        code |= encodeHeadAndCloses(i, opened, repo);
        break;
      case ISSUE_ASSIGNED:
        IssueAssigned assigned = (IssueAssigned) e;
        code = assigned.onPullRequest() ? Payloads.ON_PULL_REQUEST : 0;
        refs[i] = actorInterner.intern(assigned.assignee());
        break;
      case ISSUE_LABELED:
      case ISSUE_UNLABELED:
      case PULL_REQUEST_LABELED:
      case PULL_REQUEST_UNLABELED:
        // The type says issue or pull request, added or removed; label names repeat a lot.
        payloads[i] = intern(((LabelChanged) e).label());
        break;
      case PULL_REQUEST_CLOSED:
        code = encodeRef(i, ((PullRequestClosed) e).author(), Payloads.HAS_AUTHOR);
        break;
      case PULL_REQUEST_MERGED:
        code = encodeMerged(i, (PullRequestMerged) e);
        break;
      case REVIEW:
        Review review = (Review) e;
        code = Payloads.association(review.association()) | Payloads.reviewState(review.state());
        code |= encodeRef(i, review.pullRequestAuthor(), Payloads.HAS_PULL_REQUEST_AUTHOR);
        encodeId(i, review.reviewId());
        break;
      case COMMIT:
        Commit c = (Commit) e;
        Signature author = intern(c.author());
        Signature committer = c.committer().equals(c.author()) ? author : intern(c.committer());
        payloads[i] =
            new CommitTail(c.sha(), c.parents(), author, committer, c.coAuthors(), intern(c.files()));
        break;
      case PUSH:
        Push push = (Push) e;
        payloads[i] = new PushTail(intern(push.ref()), push.headSha(), push.commitCount());
        break;
      case RELEASE:
        Release release = (Release) e;
        payloads[i] = new ReleaseTail(release.tag(), release.name(), release.prerelease());
        break;
      case MEMBER_ADDED:
        MemberAdded added = (MemberAdded) e;
        code = added.permission().ordinal();
        refs[i] = actorInterner.intern(added.member());
        break;
      default:
        // STAR, ISSUE_CLOSED, ISSUE_REOPENED, PULL_REQUEST_REOPENED: the columns say it all.
        break;
    }
    codes[i] = (byte) code;
  }

  /** Replaces the payload with the branch and labels when there are labels. */
  private int encodeLabels(int i, Optional<String> branch, List<String> labels) {
    if (labels.isEmpty()) {
      return 0;
    }
    payloads[i] = new LabelledTail(branch.map(this::intern), labels);
    return Payloads.HAS_LABELS;
  }

  /**
   * Sets {@link Payloads#HEAD_SAME} when the head repository is the repository itself, and
   * replaces the payload with a {@link PullTail} when the head is another repository or the pull
   * request names issues it closes. The head is compared with the event's own repository name but
   * read back as the store's name for it ({@code repo}), as the repository itself is.
   */
  private int encodeHeadAndCloses(int i, PullRequestOpened opened, Repository repo) {
    Optional<String> head = opened.headRepository();
    boolean same = head.isPresent() && head.get().equals(opened.repo().fullName());
    Optional<String> foreign = same ? Optional.empty() : head.map(this::intern);
    if (foreign.isPresent() || !opened.closes().isEmpty()) {
      payloads[i] =
          new PullTail(
              opened.baseBranch().map(this::intern), opened.labels(), foreign, opened.closes());
    }
    return same ? Payloads.HEAD_SAME : 0;
  }

  private void encodeId(int i, OptionalLong id) {
    if (id.isPresent()) {
      if (ids == null) {
        ids = new long[size];
      }
      ids[i] = id.getAsLong();
    }
  }

  /** The id of event {@code i}, 0 for none. */
  long id(int i) {
    return ids == null ? 0 : ids[i];
  }

  private int encodeRef(int i, Optional<Actor> actor, int flag) {
    if (actor.isEmpty()) {
      return 0;
    }
    refs[i] = actorInterner.intern(actor.get());
    return flag;
  }

  private int encodeFork(int i, Fork fork, Repository repo) {
    if (fork.forkFullName().isEmpty()) {
      return Payloads.FORK_NONE;
    }
    String name = fork.forkFullName().get();
    Optional<String> login = fork.actor().login();
    if (login.isPresent()) {
      String l = login.get();
      // The store's repository, whose name the fork name is derived from when read back.
      String repoName = repositoryName(repo);
      if (name.length() == l.length() + 1 + repoName.length()
          && name.startsWith(l)
          && name.charAt(l.length()) == '/'
          && name.endsWith(repoName)) {
        return Payloads.FORK_DERIVED;
      }
    }
    payloads[i] = name;
    return Payloads.FORK_EXPLICIT;
  }

  private int encodeMerged(int i, PullRequestMerged merged) {
    int code = encodeRef(i, merged.author(), Payloads.HAS_AUTHOR);
    Optional<String> branch = merged.baseBranch();
    Optional<String> sha = merged.mergeCommitSha();
    if (branch.isPresent() && sha.isPresent()) {
      payloads[i] = new BranchAndSha(intern(branch.get()), sha.get());
    } else if (branch.isPresent()) {
      payloads[i] = intern(branch.get());
    } else if (sha.isPresent()) {
      payloads[i] = sha.get();
    }
    code |= branch.isPresent() ? Payloads.MERGE_HAS_BRANCH : 0;
    code |= sha.isPresent() ? Payloads.MERGE_HAS_SHA : 0;
    return code;
  }

  /** The part of the full name after the last {@code /}: what a fork of it is called. */
  static String repositoryName(Repository repo) {
    String full = repo.fullName();
    return full.substring(full.lastIndexOf('/') + 1);
  }

  /** The signature with shared name and e-mail strings: one author commits many times. */
  private Signature intern(Signature s) {
    return new Signature(intern(s.name()), intern(s.email()), s.time());
  }

  /** The changes with shared path strings: the same files change again and again. */
  private List<FileChange> intern(List<FileChange> files) {
    List<FileChange> shared = new ArrayList<>(files.size());
    for (FileChange f : files) {
      shared.add(
          new FileChange(
              f.status(),
              intern(f.path()),
              f.oldPath().map(this::intern),
              f.linesAdded(),
              f.linesRemoved()));
    }
    return List.copyOf(shared);
  }

  /** Whether {@code s} is the shared instance of an interned string. */
  boolean isShared(String s) {
    return strings.get(s) == s;
  }

  /** The estimated size of the interned strings, each counted once. */
  long sharedStringBytes() {
    long bytes = 0;
    for (String s : strings.keySet()) {
      bytes += Sizes.string(s);
    }
    return bytes;
  }

  private String intern(String s) {
    String shared = strings.putIfAbsent(s, s);
    return shared == null ? s : shared;
  }

  /**
   * The canonical total order of staged events: time (second, then nanosecond), type, repository,
   * actor, number, then the remaining content (the forge's comment or review id among it).
   * Returns 0 exactly when the events are equal.
   */
  int compare(int p, int q) {
    int c = Long.compare(seconds[p], seconds[q]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(nanos[p], nanos[q]);
    if (c != 0) {
      return c;
    }
    c = Byte.compare(types[p], types[q]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(repos[p], repos[q]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(actors[p], actors[q]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(numbers[p], numbers[q]);
    if (c != 0) {
      return c;
    }
    c = Byte.compare(codes[p], codes[q]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(refs[p], refs[q]);
    if (c != 0) {
      return c;
    }
    // 0 (no id) sorts before every id, as an absent OptionalLong does in Canonical.
    c = Long.compare(id(p), id(q));
    if (c != 0) {
      return c;
    }
    return Payloads.compare(TYPES[types[p]], payloads[p], payloads[q]);
  }

  /**
   * Positions in canonical order. Sorts packed (second, position) longs with the primitive sort,
   * then settles runs within one second with the full comparison; runs are short in real data.
   */
  int[] canonicalOrder() {
    int[] order = new int[size];
    if (size == 0) {
      return order;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long s : seconds) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    int positionBits = 32 - Integer.numberOfLeadingZeros(size - 1);
    int rangeBits = 64 - Long.numberOfLeadingZeros(max - min);
    if (positionBits + rangeBits > 63) {
      // Instants spread over more than ~2^(63 - positionBits) seconds: sort by the comparator.
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      sortRun(order, 0, size);
      return order;
    }
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = ((seconds[i] - min) << positionBits) | i;
    }
    Arrays.sort(keys);
    long mask = (1L << positionBits) - 1;
    for (int k = 0; k < size; k++) {
      order[k] = (int) (keys[k] & mask);
    }
    int runStart = 0;
    for (int k = 1; k <= size; k++) {
      if (k == size || seconds[order[k]] != seconds[order[runStart]]) {
        if (k - runStart > 1) {
          sortRun(order, runStart, k);
        }
        runStart = k;
      }
    }
    return order;
  }

  private void sortRun(int[] order, int from, int to) {
    if (to - from <= INSERTION_SORT_MAX) {
      for (int k = from + 1; k < to; k++) {
        int p = order[k];
        int j = k - 1;
        while (j >= from && compare(order[j], p) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = p;
      }
      return;
    }
    Integer[] boxed = new Integer[to - from];
    for (int k = from; k < to; k++) {
      boxed[k - from] = order[k];
    }
    Arrays.sort(boxed, this::compare);
    for (int k = from; k < to; k++) {
      order[k] = boxed[k - from];
    }
  }

  /** Assigns provisional indices in arrival order; {@link #canonicalize} reorders them. */
  private static final class Interner<T> {
    private final Map<T, Integer> index = new HashMap<>();
    private List<T> values = new ArrayList<>();
    /** Consecutive events often share an instance; skips the hash lookup then. */
    private T last;
    private int lastIndex;

    int intern(T value) {
      if (value == last) {
        return lastIndex;
      }
      Integer i = index.get(value);
      if (i == null) {
        i = values.size();
        index.put(value, i);
        values.add(value);
      }
      last = value;
      lastIndex = i;
      return i;
    }

    /** Sorts the values; returns the map from provisional to canonical index. */
    int[] canonicalize(Comparator<? super T> order) {
      int n = values.size();
      Integer[] byValue = new Integer[n];
      for (int i = 0; i < n; i++) {
        byValue[i] = i;
      }
      List<T> provisional = values;
      Arrays.sort(byValue, (a, b) -> order.compare(provisional.get(a), provisional.get(b)));
      int[] remap = new int[n];
      List<T> sorted = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        remap[byValue[k]] = k;
        sorted.add(provisional.get(byValue[k]));
      }
      values = sorted;
      return remap;
    }
  }
}
