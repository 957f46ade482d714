package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.internal.HashIndex;
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
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntUnaryOperator;

/**
 * The events encoded into columns in arrival order, as they are added, ready to be sorted: what
 * an {@link EventStore.Builder} holds. No event object is kept: each is encoded into the columns
 * (and its actor, repository and repeated strings interned) when it is added.
 *
 * <p>Dense columns grow by chunks of {@value #CHUNK} events, so growing never copies them and
 * never leaves more than one chunk unused; the columns most events leave empty (second actor,
 * payload, comment or review id) hold only the events that have a value, with their positions.
 * Pushes and commits that the store packs are packed when they are added ({@link PackedTails}):
 * no payload object for them (56% of GH Archive-shaped events are commits).
 *
 * <p>Building a store ({@link Columns#build}) moves the staged columns into the store one at a
 * time, so that the staging and the store are not both whole in memory; the staging keeps the
 * store and the repository value each event was given with, and stages them again if more events
 * come ({@link #thaw}), so a later store includes the earlier events.
 */
final class Staging {
  private static final EventType[] TYPES = EventType.values();
  private static final int INSERTION_SORT_MAX = 24;
  /** Fewest events per thread worth a thread of their own when settling runs. */
  static final int PARALLEL_SETTLE_MIN = 1 << 16;
  private static final int SHIFT = 13;
  /** Events per chunk of a dense column. */
  static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  /** How many events are staged. */
  int size;
  /**
   * Seconds as offsets from the first second of their chunk ({@code secondBases}); a chunk whose
   * seconds spread wider than an int holds them whole in {@code wideSeconds} instead.
   */
  private int[][] seconds = new int[4][];
  private long[] secondBases = new long[4];
  private long[][] wideSeconds = new long[4][];
  /** Nanoseconds; a null chunk is all zeros (events on whole seconds are the rule). */
  private int[][] nanos = new int[4][];
  private byte[][] types = new byte[4][];
  /** The index of the event's repository value as given (before the identity rule). */
  private int[][] values = new int[4][];
  /** Provisional actor indices, in arrival order. */
  private int[][] actors = new int[4][];
  private int[][] numbers = new int[4][];
  private byte[][] codes = new byte[4][];
  private boolean anyNanos;

  /** Second actors (provisional indices) of the events that have one, by ascending position. */
  private IntList refPositions = new IntList();
  private IntList refValues = new IntList();
  private IntList payloadPositions = new IntList();
  private List<Object> payloadValues = new ArrayList<>();
  private IntList idPositions = new IntList();
  private LongList idValues = new LongList();
  /** Pushes and commits packed as the store packs them, which have no payload object. */
  private PackedTails packed = new PackedTails();

  /** The last store built, while no event came since; null otherwise. See {@link #thaw}. */
  private Columns frozen;
  /** The repository value each event of {@link #frozen} was given with. */
  private int[] frozenValues;
  /** Duplicates the stores built so far dropped: no longer staged, still counted. */
  long carriedDuplicates;

  private final StagedActors actorInterner = new StagedActors();
  private final StagedRepositories valueInterner = new StagedRepositories();
  /** First and last instant of each repository value's events. */
  // As numbers, not Instants: a list of the events' own Instants, set anew for most events (the
  // latest one moves with the input), kept every event's Instant alive into the old generation
  // through an old array, which each young collection then had to scan and copy.
  private long[] firstSeconds = new long[16];
  private int[] firstNanos = new int[16];
  private long[] lastSeconds = new long[16];
  private int[] lastNanos = new int[16];
  private int spans;
  /** Branch names, refs, paths, author names repeat; one instance each. */
  private final List<String> strings = new ArrayList<>();
  /** The index of {@link #strings} by hash: smaller than a map (see {@link HashIndex}). */
  private final HashIndex stringIds = new HashIndex();

  // What prepare() computes for one build: the store's interned tables and the maps to them.
  Repository[] repositoryTable;
  /** The actors in canonical order, rebuilt from the staging's when asked for. */
  List<Actor> actorTable;
  /** The same actors field by field, for the store's table. */
  ActorTable.Source actorSource;
  private int[] actorRank;
  /**
   * The staged actor at each actor index of the last store built, kept until its events are
   * staged again ({@link #thaw}) so that they need not be looked up again by value: rebuilding
   * and hashing every event's actor was a third of re-staging a GH Archive day.
   */
  private int[] actorOfRank;
  /** Store index of each repository value, or -1 when it depends on the event's time. */
  private int[] valueRank;
  private RepositoryIdentity.Resolution resolution;
  private Map<Repository, Integer> repositoryRanks;
  /** Whether some value is reported under another name (forks are re-encoded then). */
  private boolean renamed;

  /** Adds one event. */
  void add(Event e) {
    Checks.notNull(e, "event");
    thaw();
    Repository repo = e.repo();
    int v = valueInterner.intern(repo);
    Instant at = e.at();
    long second = at.getEpochSecond();
    int nano = at.getNano();
    if (v == spans) {
      if (v == firstSeconds.length) {
        int n = v + (v >> 1);
        firstSeconds = Arrays.copyOf(firstSeconds, n);
        firstNanos = Arrays.copyOf(firstNanos, n);
        lastSeconds = Arrays.copyOf(lastSeconds, n);
        lastNanos = Arrays.copyOf(lastNanos, n);
      }
      firstSeconds[v] = second;
      firstNanos[v] = nano;
      lastSeconds[v] = second;
      lastNanos[v] = nano;
      spans++;
    } else {
      if (second < firstSeconds[v] || (second == firstSeconds[v] && nano < firstNanos[v])) {
        firstSeconds[v] = second;
        firstNanos[v] = nano;
      }
      if (second > lastSeconds[v] || (second == lastSeconds[v] && nano > lastNanos[v])) {
        lastSeconds[v] = second;
        lastNanos[v] = nano;
      }
    }
    append(e, repo, v);
  }

  /** Stages {@code e} as an event of repository value {@code v} ({@code repo}). */
  private void append(Event e, Repository repo, int v) {
    append(e, repo, v, actorInterner.intern(e.actor()));
  }

  /** As {@link #append(Event, Repository, int)}, its actor already staged as {@code actor}. */
  private void append(Event e, Repository repo, int v, int actor) {
    int i = size;
    Instant at = e.at();
    int number = e instanceof NumberedEvent ? ((NumberedEvent) e).number() : 0;
    stage(i, at.getEpochSecond(), at.getNano(), e.type().ordinal(), v, actor, number);
    codes[i >>> SHIFT][i & MASK] = (byte) encode(i, e, repo);
    size++;
  }

  /** Stages event {@code i}, the next one, in every dense column but the code byte. */
  private void stage(int i, long second, int nano, int type, int v, int actor, int number) {
    int c = i >>> SHIFT;
    int o = i & MASK;
    if (o == 0) {
      grow(c);
    }
    setSecond(c, o, second);
    if (nano != 0) {
      if (nanos[c] == null) {
        nanos[c] = new int[CHUNK];
      }
      nanos[c][o] = nano;
      anyNanos = true;
    }
    types[c][o] = (byte) type;
    values[c][o] = v;
    actors[c][o] = actor;
    numbers[c][o] = number;
  }

  /**
   * After a build, the staging holds nothing but the store it built ({@link #freeze}); before
   * more events come or another build, the store's events are staged again, each as an event of
   * the repository value it was given with, so that the next store is the one all events would
   * give (identity rule, fork names and duplicates included). Packed pushes and commits are
   * staged from the store's packed bytes and indices, not rebuilt as events: the staging starts
   * from the store's tables, so the indices stay.
   */
  private void thaw() {
    if (frozen == null) {
      return;
    }
    Columns store = frozen;
    int[] given = frozenValues;
    frozen = null;
    frozenValues = null;
    packed = store.packedTails();
    // Set by the prepare() of the build that froze the store: its actor table is in this order.
    int[] staged = actorOfRank;
    actorOfRank = null;
    for (int j = 0; j < store.size; j++) {
      int v = given[j];
      int actor = staged[store.actor(j)];
      if (store.packed(j)) {
        stage(size, store.second(j), store.nano(j), store.types[j], v, actor, 0);
        store.restagePacked(j, size, packed); // the staged code stays 0: see compare
        size++;
      } else {
        Repository value = valueInterner.values.get(v);
        append(store.event(j, value), value, v, actor);
      }
    }
  }

  /**
   * Hands the staged events over to {@code store}, built from them: the chunks are gone, and
   * {@code given[j]} is the repository value event {@code j} of the store was given with.
   */
  void freeze(Columns store, int[] given) {
    frozen = store;
    frozenValues = given;
    carriedDuplicates = store.duplicatesDropped;
    size = 0;
    anyNanos = false;
    seconds = new int[4][];
    secondBases = new long[4];
    wideSeconds = new long[4][];
    nanos = new int[4][];
    types = new byte[4][];
    values = new int[4][];
    actors = new int[4][];
    numbers = new int[4][];
    codes = new byte[4][];
    refPositions = new IntList();
    refValues = new IntList();
    payloadPositions = new IntList();
    payloadValues = new ArrayList<>();
    idPositions = new IntList();
    idValues = new LongList();
    packed = new PackedTails(); // the store has the tables; thaw takes them back
  }

  /** Stages the events of the last store again, if it was built and nothing came since. */
  void prepareToBuild() {
    thaw();
  }

  /**
   * Whether the columns can be filled one at a time, freeing each staged column once copied:
   * not when a repository's name or identity depends on other columns (renames, a name held by
   * two ids in turn), which is rare.
   */
  boolean streamable() {
    return !renamed && (resolution == null || !resolution.timeDependent());
  }

  /** Frees staged columns once the store has its copy; see {@link #streamable}. */
  void freeValues() {
    values = null;
  }

  void freeSeconds() {
    seconds = null;
    secondBases = null;
    wideSeconds = null;
    nanos = null;
  }

  void freeTypesAndCodes() {
    types = null;
    codes = null;
  }

  void freeActors() {
    actors = null;
  }

  void freeNumbers() {
    numbers = null;
  }

  void freeRefs() {
    refPositions = null;
    refValues = null;
  }

  void freePayloads() {
    payloadPositions = null;
    payloadValues = null;
  }

  /** The packed pushes and commits; see {@link PackedTails}. */
  PackedTails packed() {
    return packed;
  }

  void freePacked() {
    packed = null;
  }

  /** The repository value event {@code p} was given with. */
  int givenValue(int p) {
    return value(p);
  }

  private void setSecond(int c, int o, long second) {
    if (o == 0) {
      secondBases[c] = second;
    }
    if (wideSeconds[c] == null) {
      long offset = second - secondBases[c];
      if (offset == (int) offset) {
        seconds[c][o] = (int) offset;
        return;
      }
      long[] wide = new long[CHUNK];
      for (int k = 0; k < o; k++) {
        wide[k] = secondBases[c] + seconds[c][k];
      }
      wideSeconds[c] = wide;
    }
    wideSeconds[c][o] = second;
  }

  private void grow(int c) {
    if (c == seconds.length) {
      int n = 2 * c;
      seconds = Arrays.copyOf(seconds, n);
      secondBases = Arrays.copyOf(secondBases, n);
      wideSeconds = Arrays.copyOf(wideSeconds, n);
      nanos = Arrays.copyOf(nanos, n);
      types = Arrays.copyOf(types, n);
      values = Arrays.copyOf(values, n);
      actors = Arrays.copyOf(actors, n);
      numbers = Arrays.copyOf(numbers, n);
      codes = Arrays.copyOf(codes, n);
    }
    seconds[c] = new int[CHUNK];
    types[c] = new byte[CHUNK];
    values[c] = new int[CHUNK];
    actors[c] = new int[CHUNK];
    numbers[c] = new int[CHUNK];
    codes[c] = new byte[CHUNK];
  }

  private void payload(int i, Object payload) {
    int n = payloadPositions.size;
    if (n > 0 && payloadPositions.get(n - 1) == i) {
      payloadValues.set(n - 1, payload); // a richer payload replaces the first one
    } else {
      payloadPositions.add(i);
      payloadValues.add(payload);
    }
  }

  private void ref(int i, int actor) {
    refPositions.add(i);
    refValues.add(actor);
  }

  /**
   * Encodes {@code e} at position {@code i} (the chunk exists); returns its code byte. Fork
   * names are encoded against the event's own repository value; {@link #code} and {@link
   * #payload} re-encode them against the store's repository when the two names differ.
   */
  private int encode(int i, Event e, Repository repo) {
    EventType type = e.type();
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
          payload(i, intern(opened.baseBranch().get()));
        }
        code |= encodeLabels(i, opened.baseBranch(), opened.labels());
        code |= encodeHeadAndCloses(i, opened, repo);
        break;
      case ISSUE_ASSIGNED:
        IssueAssigned assigned = (IssueAssigned) e;
        code = assigned.onPullRequest() ? Payloads.ON_PULL_REQUEST : 0;
        ref(i, actorInterner.intern(assigned.assignee()));
        break;
      case ISSUE_LABELED:
      case ISSUE_UNLABELED:
      case PULL_REQUEST_LABELED:
      case PULL_REQUEST_UNLABELED:
        // The type says issue or pull request, added or removed; label names repeat a lot.
        payload(i, intern(((LabelChanged) e).label()));
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
        if (PackedTails.packs(c)) {
          // The author's strings go to the packed authors' pool, not to the interned strings.
          packed.addCommit(i, c.sha(), c.author().name(), c.author().email());
          break;
        }
        Signature author = intern(c.author());
        Signature committer = c.committer().equals(c.author()) ? author : intern(c.committer());
        payload(i, new CommitTail(c.sha(), c.parents(), author, committer, c.coAuthors(), intern(c.files())));
        break;
      case PUSH:
        Push push = (Push) e;
        if (PackedTails.packs(push)) {
          // The code stays 0 as for other pushes (see compare); the store's holds the count.
          packed.addPush(i, intern(push.ref()), push.headSha(), push.commitCount());
          break;
        }
        payload(i, new PushTail(intern(push.ref()), push.headSha(), push.commitCount()));
        break;
      case RELEASE:
        Release release = (Release) e;
        payload(i, new ReleaseTail(release.tag(), release.name(), release.prerelease()));
        break;
      case MEMBER_ADDED:
        MemberAdded added = (MemberAdded) e;
        code = added.permission().ordinal();
        ref(i, actorInterner.intern(added.member()));
        break;
      default:
        // STAR, ISSUE_CLOSED, ISSUE_REOPENED, PULL_REQUEST_REOPENED: the columns say it all.
        break;
    }
    return code;
  }

  /** Replaces the payload with the branch and labels when there are labels. */
  private int encodeLabels(int i, Optional<String> branch, List<String> labels) {
    if (labels.isEmpty()) {
      return 0;
    }
    payload(i, new LabelledTail(branch.map(this::intern), labels));
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
    // The repository value as given (a builder re-staging a store passes the given value again).
    boolean same = head.isPresent() && head.get().equals(repo.fullName());
    Optional<String> foreign = same ? Optional.empty() : head.map(this::intern);
    if (foreign.isPresent() || !opened.closes().isEmpty()) {
      payload(i, new PullTail(
              opened.baseBranch().map(this::intern), opened.labels(), foreign, opened.closes()));
    }
    return same ? Payloads.HEAD_SAME : 0;
  }

  private void encodeId(int i, OptionalLong id) {
    if (id.isPresent()) {
      idPositions.add(i);
      idValues.add(id.getAsLong());
    }
  }

  private int encodeRef(int i, Optional<Actor> actor, int flag) {
    if (actor.isEmpty()) {
      return 0;
    }
    ref(i, actorInterner.intern(actor.get()));
    return flag;
  }

  private int encodeFork(int i, Fork fork, Repository repo) {
    Optional<String> name = fork.forkFullName();
    int code = forkCode(name, fork.actor(), repo);
    if (code == Payloads.FORK_EXPLICIT) {
      payload(i, name.get());
    }
    return code;
  }

  /**
   * How a fork named {@code name} of {@code repo} by {@code actor} is encoded: no name, the name
   * GitHub derives ({@code <login>/<repository name>}, read back from the store's repository),
   * or an explicit name in the payload.
   */
  static int forkCode(Optional<String> name, Actor actor, Repository repo) {
    if (name.isEmpty()) {
      return Payloads.FORK_NONE;
    }
    Optional<String> login = actor.login();
    if (login.isPresent()) {
      String l = login.get();
      String n = name.get();
      String repoName = repositoryName(repo);
      if (n.length() == l.length() + 1 + repoName.length()
          && n.startsWith(l)
          && n.charAt(l.length()) == '/'
          && n.endsWith(repoName)) {
        return Payloads.FORK_DERIVED;
      }
    }
    return Payloads.FORK_EXPLICIT;
  }

  private int encodeMerged(int i, PullRequestMerged merged) {
    int code = encodeRef(i, merged.author(), Payloads.HAS_AUTHOR);
    Optional<String> branch = merged.baseBranch();
    Optional<String> sha = merged.mergeCommitSha();
    if (branch.isPresent() && sha.isPresent()) {
      payload(i, new BranchAndSha(intern(branch.get()), sha.get()));
    } else if (branch.isPresent()) {
      payload(i, intern(branch.get()));
    } else if (sha.isPresent()) {
      payload(i, sha.get());
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
    int k = stringIds.find(s.hashCode(), e -> strings.get(e).equals(s));
    return k >= 0 && strings.get(k) == s;
  }

  private String intern(String s) {
    int k = stringIds.find(s.hashCode(), e -> strings.get(e).equals(s));
    if (k >= 0) {
      return strings.get(k);
    }
    stringIds.add(strings.size(), s.hashCode(), e -> strings.get(e).hashCode());
    strings.add(s);
    return s;
  }


  /**
   * Computes the store's interned tables for the events staged now: the repository of each
   * value by the identity rule, actors and repositories in canonical order. Call before {@link
   * #compare} and the accessors below; adding events afterwards needs another call.
   */
  void prepare() {
    // The interners' hash maps are not needed to build and would add to the peak: they are
    // rebuilt from the values if more events come.
    actorInterner.dropIndex();
    valueInterner.dropIndex();
    packed.dropIndex();
    // Rebuilt once here: the identity rule and the loops below read each value several times.
    List<Repository> given = new ArrayList<>(valueInterner.values);
    resolution = RepositoryIdentity.resolve(
        given, instants(firstSeconds, firstNanos, spans), instants(lastSeconds, lastNanos, spans));
    Interner<Repository> repositories = new Interner<>();
    int[] provisional = new int[given.size()];
    renamed = false;
    for (int v = 0; v < provisional.length; v++) {
      if (resolution == null) {
        provisional[v] = repositories.intern(given.get(v));
      } else if (resolution.timeDependent(v)) {
        provisional[v] = -1;
      } else {
        Repository r = resolution.fixed()[v];
        provisional[v] = repositories.intern(r);
        renamed |= !r.fullName().equals(given.get(v).fullName());
      }
    }
    if (resolution != null && resolution.timeDependent()) {
      // Values without id whose name several ids carried: their repositories by event time.
      for (int p = 0; p < size; p++) {
        int v = value(p);
        if (resolution.timeDependent(v)) {
          Repository r = resolution.of(v, instant(p));
          repositories.intern(r);
          renamed |= !r.fullName().equals(given.get(v).fullName());
        }
      }
    }
    // Interned indices follow the canonical order of the values, so that comparing indices is
    // comparing values and the same events give the same indices whatever their order.
    int[] repositoryRemap = repositories.canonicalize(
        Canonical.REPOSITORY, SortKeys.repositories(repositories.values));
    repositoryTable = repositories.sorted.toArray(new Repository[0]);
    valueRank = new int[provisional.length];
    for (int v = 0; v < provisional.length; v++) {
      valueRank[v] = provisional[v] < 0 ? -1 : repositoryRemap[provisional[v]];
    }
    repositoryRanks = null;
    if (resolution != null && resolution.timeDependent()) {
      repositoryRanks = new HashMap<>();
      for (int r = 0; r < repositoryTable.length; r++) {
        repositoryRanks.put(repositoryTable[r], r);
      }
    }
    // The actors stay in the staging's arrays: a list of them sorted would hold every actor as
    // an object again at the build, the peak.
    int[] byRank = SortKeys.sortedByPosition(
        actorInterner.values, Canonical.ACTOR, actorInterner.sortKeys());
    actorRank = new int[byRank.length];
    for (int r = 0; r < byRank.length; r++) {
      actorRank[byRank[r]] = r;
    }
    actorOfRank = byRank;
    actorSource = actorInterner.source(byRank);
    actorTable = new TableList<>(byRank.length, r -> actorInterner.get(byRank[r]),
        o -> o instanceof Actor actor
            ? Canonical.binarySearch(byRank.length,
                r -> Canonical.ACTOR.compare(actorInterner.get(byRank[r]), actor))
            : -1);
  }

  /** The instants of {@code seconds} and {@code nanos}, made when asked for. */
  private static List<Instant> instants(long[] seconds, int[] nanos, int size) {
    return new java.util.AbstractList<>() {
      @Override
      public Instant get(int k) {
        return Instant.ofEpochSecond(seconds[Objects.checkIndex(k, size)], nanos[k]);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Drops what {@link #prepare} computed, once the store is built. */
  void release() {
    repositoryTable = null;
    actorTable = null;
    actorSource = null;
    actorRank = null;
    valueRank = null;
    resolution = null;
    repositoryRanks = null;
  }

  long second(int p) {
    int c = p >>> SHIFT;
    long[] wide = wideSeconds[c];
    return wide != null ? wide[p & MASK] : secondBases[c] + seconds[c][p & MASK];
  }

  int nano(int p) {
    int[] chunk = nanos[p >>> SHIFT];
    return chunk == null ? 0 : chunk[p & MASK];
  }

  boolean anyNanos() {
    return anyNanos;
  }

  private Instant instant(int p) {
    return Instant.ofEpochSecond(second(p), nano(p));
  }

  byte type(int p) {
    return types[p >>> SHIFT][p & MASK];
  }

  private int value(int p) {
    return values[p >>> SHIFT][p & MASK];
  }

  /** The store's index of the repository of event {@code p}. */
  int repo(int p) {
    int v = value(p);
    int r = valueRank[v];
    return r >= 0 ? r : repositoryRanks.get(resolution.of(v, instant(p)));
  }

  /** The store's index of the actor of event {@code p}. */
  int actor(int p) {
    return actorRank[actors[p >>> SHIFT][p & MASK]];
  }

  int number(int p) {
    return numbers[p >>> SHIFT][p & MASK];
  }

  /** The code byte of event {@code p}, a fork's against the store's repository name. */
  int code(int p) {
    int code = codes[p >>> SHIFT][p & MASK] & 0xff;
    if (renamed && TYPES[type(p)] == EventType.FORK) {
      return Staging.forkCode(forkName(p, code), actorTable.get(actor(p)), repositoryTable[repo(p)]);
    }
    return code;
  }

  /** The name of fork {@code p} as given. */
  private Optional<String> forkName(int p, int code) {
    switch (code) {
      case Payloads.FORK_NONE:
        return Optional.empty();
      case Payloads.FORK_DERIVED:
        Repository given = valueInterner.values.get(value(p));
        return Optional.of(
            actorTable.get(actor(p)).login().orElseThrow() + "/" + repositoryName(given));
      default:
        return Optional.of((String) givenPayload(p));
    }
  }

  /** Whether the staged payloads must be read event by event ({@link #payload(int)}). */
  boolean renamed() {
    return renamed;
  }

  /** The payload of event {@code p}, or null: a fork's against the store's repository name. */
  Object payload(int p) {
    if (renamed && TYPES[type(p)] == EventType.FORK) {
      int given = codes[p >>> SHIFT][p & MASK] & 0xff;
      Optional<String> name = forkName(p, given);
      int code = Staging.forkCode(name, actorTable.get(actor(p)), repositoryTable[repo(p)]);
      return code == Payloads.FORK_EXPLICIT ? name.get() : null;
    }
    return givenPayload(p);
  }

  private Object givenPayload(int p) {
    int k = payloadPositions.indexOf(p);
    return k < 0 ? null : payloadValues.get(k);
  }

  /** The store's index of the second actor of event {@code p}, or -1. */
  int ref(int p) {
    int k = refPositions.indexOf(p);
    return k < 0 ? -1 : actorRank[refValues.get(k)];
  }

  /** The id of event {@code p}, 0 for none. */
  long id(int p) {
    int k = idPositions.indexOf(p);
    return k < 0 ? 0 : idValues.get(k);
  }

  /** Whether some staged event has a comment or review id. */
  boolean anyIds() {
    return idPositions.size > 0;
  }

  /** Positions and store actor indices of the second actors, by ascending position. */
  void forEachRef(PositionedInt action) {
    for (int k = 0; k < refPositions.size; k++) {
      action.accept(refPositions.get(k), actorRank[refValues.get(k)]);
    }
  }

  /** Positions and values of the payloads as given, by ascending position. */
  void forEachPayload(PositionedObject action) {
    for (int k = 0; k < payloadPositions.size; k++) {
      action.accept(payloadPositions.get(k), payloadValues.get(k));
    }
  }

  /** Positions and values of the ids, by ascending position. */
  void forEachId(PositionedLong action) {
    for (int k = 0; k < idPositions.size; k++) {
      action.accept(idPositions.get(k), idValues.get(k));
    }
  }

  interface PositionedInt {
    void accept(int position, int value);
  }

  interface PositionedObject {
    void accept(int position, Object value);
  }

  interface PositionedLong {
    void accept(int position, long value);
  }

  /**
   * The canonical total order of staged events: time (second, then nanosecond), type, repository,
   * actor, number, then the remaining content (the forge's comment or review id among it).
   * Returns 0 exactly when the events are equal. Needs {@link #prepare}.
   */
  int compare(int p, int q) {
    int c = Long.compare(second(p), second(q));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(nano(p), nano(q));
    if (c != 0) {
      return c;
    }
    c = Byte.compare(type(p), type(q));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(repo(p), repo(q));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(actor(p), actor(q));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(number(p), number(q));
    if (c != 0) {
      return c;
    }
    c = Byte.compare((byte) code(p), (byte) code(q));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(ref(p), ref(q));
    if (c != 0) {
      return c;
    }
    // 0 (no id) sorts before every id, as an absent OptionalLong does in Canonical.
    c = Long.compare(id(p), id(q));
    if (c != 0) {
      return c;
    }
    EventType type = TYPES[type(p)];
    if (type == EventType.PUSH || type == EventType.COMMIT) {
      return comparePushesOrCommits(type, p, q);
    }
    return Payloads.compare(type, payload(p), payload(q));
  }

  /**
   * Orders two pushes or two commits of one instant as {@link Payloads#compare} orders their
   * payload objects, whether they are packed or not: packed ones are compared in place, and
   * rebuilt as payload objects only to compare with an unpacked one (rare).
   */
  private int comparePushesOrCommits(EventType type, int p, int q) {
    boolean push = type == EventType.PUSH;
    PackedTails.Packed kind = push ? packed.pushes : packed.commits;
    int k = kind.indexOf(p);
    int l = kind.indexOf(q);
    if (k >= 0 && l >= 0) {
      return push ? packed.comparePushes(k, l) : packed.compareCommits(k, l);
    }
    return Payloads.compare(type, tail(push, p, k), tail(push, q, l));
  }

  /** The payload object of push or commit {@code p}, packed as entry {@code k} if not negative. */
  private Object tail(boolean push, int p, int k) {
    if (k < 0) {
      return payload(p);
    }
    return push ? packed.pushTail(k) : packed.commitTail(k, instant(p));
  }

  /**
   * Positions in canonical order. Sorts packed (second, position) longs with the primitive sort,
   * then settles runs within one second with the full comparison; runs are short in real data.
   * With {@code threads} above 1 the runs are settled by that many threads (the calling one
   * included), each over its own range of whole runs: the order is the same.
   */
  int[] canonicalOrder(int threads) {
    int[] order = new int[size];
    if (size == 0) {
      return order;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int p = 0; p < size; p++) {
      long s = second(p);
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    if (max - min < size) {
      countingOrder(order, min, (int) (max - min) + 1);
      settleRuns(order, threads);
      return order;
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
      keys[i] = ((second(i) - min) << positionBits) | i;
    }
    Arrays.sort(keys);
    long mask = (1L << positionBits) - 1;
    for (int k = 0; k < size; k++) {
      order[k] = (int) (keys[k] & mask);
    }
    keys = null;
    settleRuns(order, threads);
    return order;
  }

  /**
   * Fills {@code order} with the positions by second, ascending positions within a second (the
   * order the sorted (second, position) keys give), by counting the events of each of the {@code
   * range} seconds from {@code min}: an {@code int} per second beside the order, where the keys
   * took a {@code long} per event. Used when there are fewer seconds than events (a GH Archive
   * hour has 3,600 seconds and about 150,000 events), so that the build, which starts with every
   * staged column in memory (issue 24: its peak), does not add 8 bytes per event for the keys.
   */
  private void countingOrder(int[] order, long min, int range) {
    int[] starts = new int[range + 1];
    for (int p = 0; p < size; p++) {
      starts[(int) (second(p) - min) + 1]++;
    }
    for (int t = 0; t < range; t++) {
      starts[t + 1] += starts[t];
    }
    for (int p = 0; p < size; p++) {
      order[starts[(int) (second(p) - min)]++] = p;
    }
  }

  /**
   * Sorts each run of one second in {@code order} (ascending by second) by the full comparison,
   * on up to {@code threads} threads. The comparison only reads the staging, and each thread
   * sorts whole runs of its own range, so the result does not depend on the threads. On a GH
   * Archive-shaped day (6.2 million events, about 72 a second) this took 1.1 to 1.5 s of a build
   * of 9 to 11 s on one thread, 0.57 to 0.70 s on two.
   */
  private void settleRuns(int[] order, int threads) {
    int parts = Math.min(threads, size / PARALLEL_SETTLE_MIN);
    if (parts <= 1) {
      settleRuns(order, 0, size);
      return;
    }
    // Range boundaries moved forward to the start of a second, so no run is split.
    int[] bounds = new int[parts + 1];
    bounds[parts] = size;
    for (int t = 1; t < parts; t++) {
      int b = Math.max(bounds[t - 1], (int) ((long) size * t / parts));
      while (b > 0 && b < size && second(order[b]) == second(order[b - 1])) {
        b++;
      }
      bounds[t] = b;
    }
    Thread[] helpers = new Thread[parts - 1];
    Throwable[] failures = new Throwable[parts];
    for (int t = 1; t < parts; t++) {
      int part = t;
      helpers[t - 1] =
          new Thread(
              () -> {
                try {
                  settleRuns(order, bounds[part], bounds[part + 1]);
                } catch (RuntimeException | Error e) {
                  failures[part] = e;
                }
              },
              "event-store-build");
      helpers[t - 1].setDaemon(true);
      helpers[t - 1].start();
    }
    try {
      settleRuns(order, bounds[0], bounds[1]);
    } catch (RuntimeException | Error e) {
      failures[0] = e;
    }
    boolean interrupted = false;
    for (Thread h : helpers) {
      while (true) {
        try {
          h.join(); // the helpers do not block: waiting for them ends
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Throwable f : failures) {
      if (f instanceof RuntimeException r) {
        throw r;
      }
      if (f instanceof Error e) {
        throw e;
      }
    }
  }

  /** Sorts each run of one second within {@code order[from, to)}, which holds whole runs. */
  private void settleRuns(int[] order, int from, int to) {
    int runStart = from;
    for (int k = from + 1; k <= to; k++) {
      if (k == to || second(order[k]) != second(order[runStart])) {
        if (k - runStart > 1) {
          sortRun(order, runStart, k);
        }
        runStart = k;
      }
    }
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

  /**
   * Interns objects in arrival order ({@link ArrayInterner}: a {@link HashIndex} by hash code, not
   * a {@code HashMap}); {@link #canonicalize} sorts them. The build interns the store's
   * repositories with it; the staged values and actors are {@link StagedRepositories} and
   * {@link StagedActors}, arrays without an object per value.
   */
  private static final class Interner<T> extends ArrayInterner<T> {
    private final List<T> values = new ArrayList<>();
    /** The values in canonical order, after {@link #canonicalize}. */
    private List<T> sorted;

    @Override
    void add(int k, T value) {
      values.add(value);
    }

    @Override
    boolean matches(int k, T value) {
      return value.equals(values.get(k));
    }

    /**
     * Sorts the values into {@link #sorted}, leaving the provisional indices as they are (more
     * values may come); returns the map from provisional to canonical index. The sort goes by
     * {@code keys} first and compares values only where their keys are equal ({@link
     * SortKeys}): the same order as a stable sort by {@code order} alone.
     */
    int[] canonicalize(Comparator<? super T> order, SortKeys.Key<? super T> keys) {
      int n = values.size();
      int[] byValue = SortKeys.sortedPositions(values, order, keys);
      int[] remap = new int[n];
      List<T> s = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        remap[byValue[k]] = k;
        s.add(values.get(byValue[k]));
      }
      sorted = s;
      return remap;
    }
  }

  /** A growable list of ints, ascending when it holds positions. */
  private static final class IntList {
    private int[] items = new int[16];
    int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size + (size >> 1));
      }
      items[size++] = v;
    }

    int get(int k) {
      return items[k];
    }

    /** Where {@code v} is in this ascending list, or a negative number. */
    int indexOf(int v) {
      return Arrays.binarySearch(items, 0, size, v);
    }
  }

  /** A growable list of longs. */
  private static final class LongList {
    private long[] items = new long[16];
    int size;

    void add(long v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size + (size >> 1));
      }
      items[size++] = v;
    }

    long get(int k) {
      return items[k];
    }
  }
}
