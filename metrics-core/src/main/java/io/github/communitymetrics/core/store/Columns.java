package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.store.Payloads.BranchAndSha;
import io.github.communitymetrics.core.store.Payloads.CommitTail;
import io.github.communitymetrics.core.store.Payloads.LabelledTail;
import io.github.communitymetrics.core.store.Payloads.PullTail;
import io.github.communitymetrics.core.store.Payloads.PushTail;
import io.github.communitymetrics.core.store.Payloads.ReleaseTail;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.OptionalLong;

/**
 * The shared, immutable columns of an {@link EventStore} and its slices, in canonical order (see
 * {@link Staging#compare}). Positions here are "base" positions; views map their own positions to
 * these.
 */
final class Columns {
  private static final EventType[] TYPES = EventType.values();

  final int size;
  /** Seconds since the epoch, about a byte each in canonical order ({@link BlockSeconds}). */
  private final BlockSeconds seconds;
  /** Nanosecond adjustments; null when every event is on a whole second. */
  final int[] nanos;

  final byte[] types;
  /**
   * The indices of each event's repository and actor in their tables, in as many bits as the
   * table's size needs ({@link PackedInts}): read them with {@link #repo} and {@link #actor}.
   */
  private final PackedInts repos;
  private final PackedInts actors;
  /**
   * Issue or pull request numbers: which events have one other than 0 (kinds without a number
   * have 0), and the numbers by rank. Over half of GH Archive's events (pushes, branch creations,
   * stars) have none.
   */
  final RankBits numberBits;
  private final int[] numberValues;
  /** Per-kind flags and small enumerations ({@link Payloads}). */
  final byte[] codes;

  /** A second actor (pull request author, new member): which events have one, and its index. */
  final RankBits refBits;
  private final PackedInts refs;
  /** Everything else, for the few kinds that have more ({@link Payloads}). */
  final RankBits payloadBits;
  final Object[] payloads;
  /**
   * The forge's comment or review id: which events have one, and the ids in position order. Both
   * null when no event has an id, so histories without them pay nothing.
   */
  final RankBits idBits;
  final long[] ids;
  /**
   * Pushes held without a payload object: which events, and by rank the head commit ({@link
   * PushHeads}: a packed commit's rank, or 20 bytes of its own) and the ref (an index into {@code
   * refTable}); the commit count is the code byte. Only pushes whose head is 40 lower-case hex
   * digits and whose count is at most 255; any other
   * push keeps its {@link PushTail} payload, so every push is rebuilt exactly as added. The
   * staging packs them the same way when they are added ({@link PackedTails#packs(Push)}).
   */
  final RankBits pushBits;
  /** The packed pushes' heads: most are a packed commit's sha, held once ({@link PushHeads}). */
  private final PushHeads pushHeads;
  private final PackedInts pushRefs;
  /** The distinct refs of the packed pushes (shared with the staging's interned strings). */
  private final String[] refTable;
  /**
   * Commits held without a payload object: which events, and by rank the commit (20 bytes, {@link
   * Shas}) and the author (an index into {@code authorNames} and {@code authorEmails}, themselves
   * indices into {@code strings}; the author time is the event's). Only commits as GH Archive lists them: a sha of 40 lower-case hex
   * digits, no parents, co-authors or files, the committer equal to the author. Any other commit
   * keeps its {@link CommitTail} payload. The staging packs them the same way when they are
   * added ({@link PackedTails#packs(Commit)}).
   */
  final RankBits commitBits;
  private final byte[] commitShas;
  private final PackedInts commitAuthors;
  /** Names and e-mail addresses of the packed commits' authors, as indices into {@code strings}. */
  private final int[] authorNames;
  private final int[] authorEmails;
  /**
   * Pull requests held without a payload object: which events, and by rank the base branch (an
   * index into {@code strings}, or -1 for none) and in {@code pullExtras}, for an opened pull
   * request, its head repository ({@link #DERIVED_HEAD} when it is the name GitHub gives the
   * author's fork, {@code <actor login>/<repository name>}, else an index into {@code strings}),
   * and for a merged one the slot of its merge commit in {@code mergeShas} (20 bytes, {@link
   * Shas}). Only opened pull requests from another repository without labels or closing
   * references, and merged ones with a branch and a merge commit of 40 lower-case hex digits
   * ({@link #packs(Object)}): any other keeps its payload object, so every pull request is
   * rebuilt exactly as added. They are packed here, once the staging has settled the canonical
   * order on their payload objects, so the order is the one those give.
   */
  final RankBits pullBits;
  private final int[] pullBranches;
  private final int[] pullExtras;
  private final byte[] mergeShas;
  /** The head of a packed opened pull request that is {@code <actor login>/<repository name>}. */
  private static final int DERIVED_HEAD = -1;
  private final long payloadBytes;

  /**
   * The strings of the tables below and of the packed commits' authors, each once: a git author's
   * name and address are those of its git actor.
   */
  private final StringPool strings;
  final RepositoryTable repositoryTable;
  final ActorTable actorTable;
  final long duplicatesDropped;

  /** Per-repository position lists, built on the first repository slice. */
  private volatile RepositoryIndex byRepository;

  /**
   * Positions grouped by repository: those of repository {@code r} are {@code
   * events[start[r]..start[r+1])}, ascending, so each group is itself in canonical order; and
   * each repository's index by hashing, since slicing every repository of a large store in turn
   * would otherwise spend most of its time comparing names in binary searches: {@code slots} is
   * an open-addressing table of {@code r + 1} (0 for an empty slot) by {@link
   * Repository#hashCode()}, at most half full, so it holds no {@link Repository} value.
   */
  record RepositoryIndex(int[] start, int[] events, int[] slots) {
    /** The estimated bytes of the index of {@code repositories} repositories, {@code size} events. */
    static long estimatedBytes(int repositories, int size) {
      return Sizes.array(repositories + 1, 4) + Sizes.array(size, 4)
          + Sizes.array(slotCount(repositories), 4);
    }

    /** A power of two at least twice {@code repositories}. */
    static int slotCount(int repositories) {
      return Integer.highestOneBit(Math.max(1, repositories) * 2 - 1) * 2;
    }

    /** The first slot to probe for a repository whose hash code is {@code hash}. */
    int slot(int hash) {
      // Spread the high bits, as HashMap does: names differing at the end differ there.
      return (hash ^ (hash >>> 16)) & (slots.length - 1);
    }
  }

  /**
   * The columns of the staged events: {@code slot[p]} is the position of staged event {@code p}
   * in the store, or -1 for a duplicate; {@code m} events are kept. Fills one column at a time,
   * scattering from the staging, so that no column needs a second temporary array.
   */
  private Columns(Staging st, int[] slot, int m, int[] given) {
    size = m;
    int n = st.size;
    // With a streamable staging each staged column is freed as soon as it is copied, so the
    // peak is the staging plus one column, not the staging plus the store.
    boolean free = st.streamable();
    repos = new PackedInts(m, PackedInts.width(st.repositoryTable.length));
    for (int p = 0; p < n; p++) {
      if (slot[p] >= 0) {
        repos.set(slot[p], st.repo(p));
        given[slot[p]] = st.givenValue(p);
      }
    }
    if (free) {
      st.freeValues();
    }
    types = new byte[m];
    codes = new byte[m];
    for (int p = 0; p < n; p++) {
      if (slot[p] >= 0) {
        types[slot[p]] = st.type(p);
        codes[slot[p]] = (byte) st.code(p);
      }
    }
    if (free) {
      st.freeTypesAndCodes();
    }
    int actorWidth = PackedInts.width(st.actorTable.size());
    actors = new PackedInts(m, actorWidth);
    for (int p = 0; p < n; p++) {
      if (slot[p] >= 0) {
        actors.set(slot[p], st.actor(p));
      }
    }
    if (free) {
      st.freeActors();
    }
    long[] numberWords = new long[words(m)];
    for (int p = 0; p < n; p++) {
      if (slot[p] >= 0 && st.number(p) != 0) {
        set(numberWords, slot[p]);
      }
    }
    numberBits = RankBits.ofWords(numberWords);
    numberValues = new int[numberBits.count()];
    for (int p = 0; p < n; p++) {
      if (slot[p] >= 0 && numberBits.get(slot[p])) {
        numberValues[numberBits.rank(slot[p])] = st.number(p);
      }
    }
    if (free) {
      st.freeNumbers();
    }
    // Sparse columns: first which store positions have a value, then the values by rank.
    long[] refWords = new long[words(m)];
    st.forEachRef((p, actor) -> set(refWords, slot[p]));
    refBits = RankBits.ofWords(refWords);
    refs = new PackedInts(refBits.count(), actorWidth);
    st.forEachRef(
        (p, actor) -> {
          if (slot[p] >= 0) {
            refs.set(refBits.rank(slot[p]), actor);
          }
        });
    if (free) {
      st.freeRefs();
    }
    // Pushes and commits that pack (see pushBits, commitBits) were packed in the staging, not
    // in its payload column: their bytes and indices are copied as they are.
    long[] payloadWords = new long[words(m)];
    // Pull requests that pack (see pullBits) are packed here, from their payload objects.
    long[] pullWords = new long[words(m)];
    int[] merges = new int[1];
    eachPayload(
        st,
        free,
        (p, payload) -> {
          if (slot[p] >= 0 && packs(payload)) {
            set(pullWords, slot[p]);
            merges[0] += payload instanceof BranchAndSha ? 1 : 0;
          } else {
            set(payloadWords, slot[p]);
          }
        });
    payloadBits = RankBits.ofWords(payloadWords);
    payloads = new Object[payloadBits.count()];
    pullBits = RankBits.ofWords(pullWords);
    pullBranches = new int[pullBits.count()];
    pullExtras = new int[pullBits.count()];
    mergeShas = new byte[merges[0] * Shas.BYTES];
    merges[0] = 0;
    // About the strings the tables below add: each actor's login or name, each repository's
    // full name, each commit author's name and address, a few branches.
    StringPool pool = new StringPool(
        st.actorTable.size() + st.repositoryTable.length + 2 * st.packed().authorCount());
    eachPayload(
        st,
        free,
        (p, payload) -> {
          int j = slot[p];
          if (j >= 0 && pullBits.get(j)) {
            packPull(j, payload, st, pool, merges);
          } else if (j >= 0) {
            payloads[payloadBits.rank(j)] = payload;
          }
        });
    if (free) {
      st.freePayloads();
    }
    PackedTails packed = st.packed();
    refTable = packed.refTable();
    int authors = packed.authorCount();
    pushBits = bits(packed.pushes, slot, m);
    byte[] pushShas = new byte[pushBits.count() * Shas.BYTES];
    // Indices into the tables at their width: a GH Archive day's pushes name one ref or a few.
    pushRefs = new PackedInts(pushBits.count(), PackedInts.width(refTable.length));
    scatter(packed.pushes, slot, pushBits, pushShas, pushRefs, codes);
    commitBits = bits(packed.commits, slot, m);
    commitShas = new byte[commitBits.count() * Shas.BYTES];
    commitAuthors = new PackedInts(commitBits.count(), PackedInts.width(authors));
    scatter(packed.commits, slot, commitBits, commitShas, commitAuthors, null);
    step("tails moved");
    authorNames = new int[authors];
    authorEmails = new int[authors];
    for (int a = 0; a < authors; a++) {
      authorNames[a] = pool.add(packed.authorName(a));
      authorEmails[a] = pool.add(packed.authorEmail(a));
    }
    // The local too: this constructor runs once, interpreted or barely compiled, where a local
    // keeps what it references alive to the end (the staging's packed tables, about 140 MB on a
    // GH Archive-shaped day, were held through the building of the actor table, the peak).
    packed = null;
    st.freePacked(); // read by nothing else: freed whether or not the staging streams
    step("tails freed");
    payloadBytes = payloadBytes(st);
    if (!st.anyIds()) {
      idBits = null;
      ids = null;
    } else {
      long[] idWords = new long[words(m)];
      st.forEachId((p, id) -> set(idWords, slot[p]));
      idBits = RankBits.ofWords(idWords);
      ids = new long[idBits.count()];
      st.forEachId(
          (p, id) -> {
            if (slot[p] >= 0) {
              ids[idBits.rank(slot[p])] = id;
            }
          });
    }
    // Times last: a name held by two ids in turn resolves by time in the columns above.
    seconds =
        BlockSeconds.of(
            m,
            sink -> {
              for (int p = 0; p < n; p++) {
                if (slot[p] >= 0) {
                  sink.accept(slot[p], st.second(p));
                }
              }
            });
    int[] ns = null;
    if (st.anyNanos()) {
      ns = new int[m];
      for (int p = 0; p < n; p++) {
        if (slot[p] >= 0) {
          ns[slot[p]] = st.nano(p);
        }
      }
    }
    nanos = ns;
    pushHeads = PushHeads.of(m, this::second, pushBits, pushShas, commitBits, commitShas);
    repositoryTable = new RepositoryTable(st.repositoryTable, pool);
    actorTable = new ActorTable(st.actorSource, pool);
    pool.seal();
    strings = pool;
    duplicatesDropped = n - m + st.carriedDuplicates;
  }

  /**
   * Calls {@code action} with each staged payload that is not null: every event's, read one by
   * one, when the staging cannot stream (renamed forks may gain or lose their payload); the
   * staged list otherwise.
   */
  private static void eachPayload(Staging st, boolean free, Staging.PositionedObject action) {
    if (free) {
      st.forEachPayload(action);
      return;
    }
    for (int p = 0; p < st.size; p++) {
      Object payload = st.payload(p);
      if (payload != null) {
        action.accept(p, payload);
      }
    }
  }

  /** The store positions of the staged entries of {@code kind} that are kept. */
  private static RankBits bits(PackedTails.Packed kind, int[] slot, int m) {
    long[] words = new long[words(m)];
    for (int k = 0; k < kind.size; k++) {
      set(words, slot[kind.position(k)]);
    }
    return RankBits.ofWords(words);
  }

  /**
   * Moves the kept staged entries of {@code kind} to their ranks in {@code bits}: shas, table
   * indices, and a push's count into its code byte ({@code codes} null for commits). {@code
   * kind} is left empty, each chunk dropped once copied ({@link PackedTails.Packed#drain}).
   */
  private static void scatter(
      PackedTails.Packed kind, int[] slot, RankBits bits, byte[] shas, PackedInts indices, byte[] codes) {
    kind.drain(
        k -> {
          int j = slot[kind.position(k)];
          if (j >= 0) {
            int r = bits.rank(j);
            kind.copySha(k, shas, r);
            indices.set(r, kind.index(k));
            if (codes != null) {
              codes[j] = (byte) kind.count(k);
            }
          }
        });
  }

  /**
   * Whether the store holds the pull request whose staged payload is {@code payload} in its pull
   * request columns (see {@link #pullBits}): an opened one from another repository without labels
   * or closing references, a merged one whose merge commit is 40 lower-case hex digits.
   */
  private static boolean packs(Object payload) {
    if (payload instanceof PullTail) {
      PullTail t = (PullTail) payload;
      return t.headRepository().isPresent() && t.labels().isEmpty() && t.closes().isEmpty();
    }
    return payload instanceof BranchAndSha && Shas.packable(((BranchAndSha) payload).sha());
  }

  /**
   * Packs the pull request at store position {@code j} ({@link #packs}): its branch and head
   * into {@code pool}, its merge commit into the next slot of {@code mergeShas}, {@code
   * merges[0]}. A head is derived when it is the name the store's repository and actor give
   * back, so it is rebuilt as given even when the store names the repository otherwise.
   */
  private void packPull(int j, Object payload, Staging st, StringPool pool, int[] merges) {
    int k = pullBits.rank(j);
    if (payload instanceof BranchAndSha) {
      BranchAndSha b = (BranchAndSha) payload;
      pullBranches[k] = pool.add(b.branch());
      pullExtras[k] = merges[0];
      Shas.put(b.sha(), mergeShas, merges[0]++);
      return;
    }
    PullTail t = (PullTail) payload;
    pullBranches[k] = t.baseBranch().isPresent() ? pool.add(t.baseBranch().get()) : -1;
    Optional<String> head = t.headRepository();
    boolean derived =
        Staging.forkCode(head, st.actorTable.get(actors.get(j)), st.repositoryTable[repos.get(j)])
            == Payloads.FORK_DERIVED;
    pullExtras[k] = derived ? DERIVED_HEAD : pool.add(head.get());
  }

  /** Whether base position {@code p} is a packed push or commit. */
  boolean packed(int p) {
    return pushBits.get(p) || commitBits.get(p);
  }

  /**
   * Stages packed push or commit {@code p} ({@link #packed}) again as entry {@code position} of
   * {@code to}, which has this store's tables ({@link #packedTails}).
   */
  void restagePacked(int p, int position, PackedTails to) {
    if (pushBits.get(p)) {
      int k = pushBits.rank(p);
      to.pushes.add(position, pushHeads.array(k), pushHeads.slot(k), pushRefs.get(k), codes[p] & 0xff);
    } else {
      int k = commitBits.rank(p);
      to.commits.add(position, commitShas, k, commitAuthors.get(k), 0);
    }
  }

  /** An empty staging of packed pushes and commits with this store's tables. */
  PackedTails packedTails() {
    String[] names = new String[authorNames.length];
    String[] emails = new String[authorNames.length];
    for (int a = 0; a < names.length; a++) {
      names[a] = strings.get(authorNames[a]);
      emails[a] = strings.get(authorEmails[a]);
    }
    return new PackedTails(refTable, names, emails);
  }

  /**
   * The estimated bytes of the payload objects and of the staging's interned strings the store
   * keeps (refs, and those of the payloads: branches, paths, unpacked commits' authors), each
   * counted once.
   */
  private long payloadBytes(Staging st) {
    long bytes = 0;
    java.util.Set<String> shared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.function.Consumer<String> count = s -> {
      if (st.isShared(s)) {
        shared.add(s);
      }
    };
    for (String ref : refTable) {
      count.accept(ref);
    }
    for (Object payload : payloads) {
      if (!(payload instanceof String && st.isShared((String) payload))) {
        bytes += Payloads.estimatedBytes(payload);
      }
      Payloads.forEachInternable(payload, count);
    }
    for (String s : shared) {
      bytes += Sizes.string(s);
    }
    return bytes;
  }

  private static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  /** Sets bit {@code j} unless it is -1 (a duplicate left out). */
  private static void set(long[] words, int j) {
    if (j >= 0) {
      words[j >>> 6] |= 1L << j;
    }
  }

  /**
   * Builds the columns of the staged events, in this thread, moving them out of the staging (see
   * {@link Staging#freeze}): more events can be added afterwards and built again.
   */
  /**
   * Tests only: hears the steps of a build that tests watch, by name ({@code "tails moved"}: the
   * staged pushes and commits are copied; {@code "tails freed"}: the staging no longer has them),
   * on the building thread as each ends; null, the default, for nobody.
   */
  static volatile Consumer<String> steps;

  private static void step(String name) {
    Consumer<String> listener = steps;
    if (listener != null) {
      listener.accept(name);
    }
  }

  /** Builds on up to {@code threads} threads where the work divides (the canonical order). */
  static Columns build(Staging st, int threads) {
    st.prepareToBuild();
    st.prepare();
    try {
      int[] order = st.canonicalOrder(threads);
      // Equal events are adjacent in a total order, and compare == 0 exactly when they are
      // equal: keep the first of each run. The store position of each staged event, -1 if left
      // out, replaces the order in place (one array, not two).
      int[] slot = new int[st.size];
      int m = 0;
      for (int k = 0; k < order.length; k++) {
        if (k > 0 && st.compare(order[k - 1], order[k]) == 0) {
          slot[order[k]] = -1;
          continue;
        }
        slot[order[k]] = m++;
      }
      order = null;
      int[] given = new int[m];
      Columns columns = new Columns(st, slot, m, given);
      st.freeze(columns, given);
      return columns;
    } finally {
      st.release();
    }
  }

  EventType type(int p) {
    return TYPES[types[p]];
  }

  int nano(int p) {
    return nanos == null ? 0 : nanos[p];
  }

  /** The epoch second of base position {@code p}. */
  long second(int p) {
    return seconds.get(p);
  }

  /** The index in {@link #repositoryTable} of the repository of base position {@code p}. */
  int repo(int p) {
    return repos.get(p);
  }

  /** The index in {@link #actorTable} of the actor of base position {@code p}. */
  int actor(int p) {
    return actors.get(p);
  }

  /** The index in {@link #actorTable} of the second actor of base position {@code p}, or -1. */
  int secondActor(int p) {
    return refBits.get(p) ? refs.get(refBits.rank(p)) : -1;
  }

  /** The issue or pull request number of base position {@code p}, or 0. */
  int number(int p) {
    return numberBits.get(p) ? numberValues[numberBits.rank(p)] : 0;
  }

  Instant instant(int p) {
    return Instant.ofEpochSecond(second(p), nano(p));
  }

  /** The association that {@link #event} gives the event at base position {@code p}, if any. */
  Optional<AuthorAssociation> association(int p) {
    switch (type(p)) {
      case ISSUE_OPENED:
      case PULL_REQUEST_OPENED:
      case ISSUE_COMMENT:
      case REVIEW:
      case REVIEW_COMMENT:
        return Payloads.association(codes[p] & 0xff);
      default:
        return Optional.empty();
    }
  }

  private Actor ref(int p) {
    return actorTable.get(refs.get(refBits.rank(p)));
  }

  private Optional<Actor> optionalRef(int p, boolean present) {
    return present ? Optional.of(ref(p)) : Optional.empty();
  }

  /** The comment or review id of base position {@code p}, if it has one. */
  private OptionalLong id(int p) {
    if (idBits == null || !idBits.get(p)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(ids[idBits.rank(p)]);
  }

  private Object payload(int p) {
    return payloads[payloadBits.rank(p)];
  }

  /** Rebuilds the event at base position {@code p}, equal to the one added. */
  Event event(int p) {
    return event(p, repositoryTable.get(repos.get(p)));
  }

  /**
   * The event at {@code p} as an event of {@code repo}: names the store derives from the
   * repository's (a pull request's head in the repository itself, a fork named after it) are
   * derived from {@code repo}'s. Re-staging passes the repository value the event was given with,
   * so that the event staged again is the one given, even when the store names its repository
   * otherwise (a rename).
   */
  Event event(int p, Repository repo) {
    Instant at = instant(p);
    Actor actor = actorTable.get(actors.get(p));
    int number = number(p);
    int code = codes[p] & 0xff;
    switch (type(p)) {
      case STAR:
        return new Star(at, repo, actor);
      case FORK:
        return new Fork(at, repo, actor, forkName(code, p, repo, actor));
      case ISSUE_OPENED:
        return new IssueOpened(
            at, repo, actor, number, Payloads.association(code), labels(p, code));
      case ISSUE_CLOSED:
        return new IssueClosed(at, repo, actor, number);
      case ISSUE_REOPENED:
        return new IssueReopened(at, repo, actor, number);
      case ISSUE_COMMENT:
        return new IssueComment(
            at,
            repo,
            actor,
            number,
            (code & Payloads.ON_PULL_REQUEST) != 0,
            Payloads.association(code),
            id(p));
      case PULL_REQUEST_OPENED:
        return pullRequestOpened(p, at, repo, actor, number, code);
      case ISSUE_ASSIGNED:
        return new IssueAssigned(
            at, repo, actor, number, (code & Payloads.ON_PULL_REQUEST) != 0, ref(p));
      case PULL_REQUEST_CLOSED:
        return new PullRequestClosed(
            at, repo, actor, number, optionalRef(p, (code & Payloads.HAS_AUTHOR) != 0));
      case PULL_REQUEST_MERGED:
        return merged(p, at, repo, actor, number, code);
      case PULL_REQUEST_REOPENED:
        return new PullRequestReopened(at, repo, actor, number);
      case REVIEW:
        return new Review(
            at,
            repo,
            actor,
            number,
            Payloads.reviewState(code),
            optionalRef(p, (code & Payloads.HAS_PULL_REQUEST_AUTHOR) != 0),
            Payloads.association(code),
            id(p));
      case REVIEW_COMMENT:
        return new ReviewComment(at, repo, actor, number, Payloads.association(code), id(p));
      case COMMIT:
        if (commitBits.get(p)) {
          int k = commitBits.rank(p);
          int a = commitAuthors.get(k);
          Signature author =
              new Signature(strings.get(authorNames[a]), strings.get(authorEmails[a]), at);
          return new Commit(at, repo, actor, Shas.get(commitShas, k), List.of(), author, author,
              List.of(), List.of());
        }
        CommitTail c = (CommitTail) payload(p);
        return new Commit(
            at, repo, actor, c.sha(), c.parents(), c.author(), c.committer(), c.coAuthors(),
            c.files());
      case PUSH:
        if (pushBits.get(p)) {
          int k = pushBits.rank(p);
          return new Push(at, repo, actor, refTable[pushRefs.get(k)], pushHeads.get(k), code);
        }
        PushTail push = (PushTail) payload(p);
        return new Push(at, repo, actor, push.ref(), push.headSha(), push.commitCount());
      case RELEASE:
        ReleaseTail r = (ReleaseTail) payload(p);
        return new Release(at, repo, actor, r.tag(), r.name(), r.prerelease());
      case MEMBER_ADDED:
        return new MemberAdded(at, repo, actor, ref(p), Payloads.permission(code));
      case ISSUE_LABELED:
      case ISSUE_UNLABELED:
      case PULL_REQUEST_LABELED:
      case PULL_REQUEST_UNLABELED:
        return LabelChanged.of(type(p), at, repo, actor, number, (String) payload(p));
      default:
        throw new AssertionError(type(p));
    }
  }

  private PullRequestOpened pullRequestOpened(
      int p, Instant at, Repository repo, Actor actor, int number, int code) {
    Optional<String> head =
        (code & Payloads.HEAD_SAME) != 0 ? Optional.of(repo.fullName()) : Optional.empty();
    Optional<String> branch;
    List<String> labels;
    List<Integer> closes = List.of();
    if (pullBits.get(p)) {
      int k = pullBits.rank(p);
      branch = pullBranches[k] < 0 ? Optional.empty() : Optional.of(strings.get(pullBranches[k]));
      labels = List.of();
      int h = pullExtras[k];
      head = Optional.of(h == DERIVED_HEAD ? derivedName(actor, repo) : strings.get(h));
    } else if (payloadBits.get(p) && payload(p) instanceof PullTail) {
      PullTail t = (PullTail) payload(p);
      branch = t.baseBranch();
      labels = t.labels();
      head = t.headRepository().isPresent() ? t.headRepository() : head;
      closes = t.closes();
    } else {
      branch = baseBranch(p, code);
      labels = labels(p, code);
    }
    return new PullRequestOpened(
        at, repo, actor, number, (code & Payloads.DRAFT) != 0, branch,
        Payloads.association(code), labels, head, closes);
  }

  private List<String> labels(int p, int code) {
    return (code & Payloads.HAS_LABELS) != 0 ? ((LabelledTail) payload(p)).labels() : List.of();
  }

  private Optional<String> baseBranch(int p, int code) {
    if ((code & Payloads.HAS_BRANCH) == 0) {
      return Optional.empty();
    }
    if ((code & Payloads.HAS_LABELS) != 0) {
      return ((LabelledTail) payload(p)).baseBranch();
    }
    return Optional.of((String) payload(p));
  }

  private Optional<String> forkName(int code, int p, Repository repo, Actor actor) {
    switch (code) {
      case Payloads.FORK_NONE:
        return Optional.empty();
      case Payloads.FORK_DERIVED:
        return Optional.of(derivedName(actor, repo));
      default:
        return Optional.of((String) payload(p));
    }
  }

  /** {@code <login>/<repository name>}: the name GitHub gives {@code actor}'s fork of {@code repo}. */
  private static String derivedName(Actor actor, Repository repo) {
    return actor.login().orElseThrow() + "/" + Staging.repositoryName(repo);
  }

  private PullRequestMerged merged(
      int p, Instant at, Repository repo, Actor actor, int number, int code) {
    Optional<String> branch = Optional.empty();
    Optional<String> sha = Optional.empty();
    boolean hasBranch = (code & Payloads.MERGE_HAS_BRANCH) != 0;
    boolean hasSha = (code & Payloads.MERGE_HAS_SHA) != 0;
    if (hasBranch && hasSha && pullBits.get(p)) {
      int k = pullBits.rank(p);
      branch = Optional.of(strings.get(pullBranches[k]));
      sha = Optional.of(Shas.get(mergeShas, pullExtras[k]));
    } else if (hasBranch && hasSha) {
      BranchAndSha b = (BranchAndSha) payload(p);
      branch = Optional.of(b.branch());
      sha = Optional.of(b.sha());
    } else if (hasBranch) {
      branch = Optional.of((String) payload(p));
    } else if (hasSha) {
      sha = Optional.of((String) payload(p));
    }
    return new PullRequestMerged(
        at,
        repo,
        actor,
        number,
        optionalRef(p, (code & Payloads.HAS_AUTHOR) != 0),
        branch,
        sha);
  }

  RepositoryIndex byRepository() {
    RepositoryIndex index = byRepository;
    if (index == null) {
      synchronized (this) {
        index = byRepository;
        if (index == null) {
          index = indexRepositories();
          byRepository = index;
        }
      }
    }
    return index;
  }

  /** The shared per-repository position list, or null before the first repository slice. */
  int[] byRepositoryIfBuilt() {
    RepositoryIndex index = byRepository;
    return index == null ? null : index.events();
  }

  /**
   * The index of the last repository found by {@link #repositoryIndexOf}: scoring every repository
   * in turn (EachRepository) asks for the repositories of the table in order, each a few times,
   * so the table's own instance at this index or the next one is most often the one asked for,
   * and an identity test there saves a lookup (whose cache misses cost more than the rest of
   * slicing a small repository). Read and written without synchronization: a stale hint only
   * fails the identity test.
   */
  private int repositoryHint;

  /** The index of {@code repository} in the table, or -1: by hashing once the index is built. */
  int repositoryIndexOf(Repository repository) {
    int hint = repositoryHint;
    int n = repositoryTable.size();
    if (hint < n && repositoryTable.equalsAt(hint, repository)) {
      return hint;
    }
    if (hint + 1 < n && repositoryTable.equalsAt(hint + 1, repository)) {
      repositoryHint = hint + 1;
      return hint + 1;
    }
    int r = -1;
    RepositoryIndex index = byRepository;
    if (index != null) {
      int[] slots = index.slots();
      for (int k = index.slot(repository.hashCode()); slots[k] != 0; k = (k + 1) & (slots.length - 1)) {
        if (repositoryTable.equalsAt(slots[k] - 1, repository)) {
          r = slots[k] - 1;
          break;
        }
      }
    } else {
      r = repositoryTable.binarySearch(repository);
    }
    if (r >= 0) {
      repositoryHint = r;
    }
    return r >= 0 ? r : -1;
  }

  private RepositoryIndex indexRepositories() {
    int n = repositoryTable.size();
    int[] start = new int[n + 1];
    for (int p = 0; p < size; p++) {
      start[repos.get(p) + 1]++;
    }
    for (int r = 0; r < n; r++) {
      start[r + 1] += start[r];
    }
    int[] next = Arrays.copyOf(start, n);
    int[] events = new int[size];
    for (int p = 0; p < size; p++) {
      events[next[repos.get(p)]++] = p;
    }
    RepositoryIndex index = new RepositoryIndex(start, events, new int[RepositoryIndex.slotCount(n)]);
    int[] slots = index.slots();
    for (int r = 0; r < n; r++) {
      // Rebuilt once each, for the hash code a query's value will have.
      int k = index.slot(repositoryTable.get(r).hashCode());
      while (slots[k] != 0) {
        k = (k + 1) & (slots.length - 1);
      }
      slots[k] = r + 1;
    }
    return index;
  }

  /** The estimate documented on {@link EventStore#estimatedBytes()}. */
  long estimatedBytes() {
    long bytes = Sizes.object(132); // 29 ints and references, 2 longs
    bytes += seconds.estimatedBytes();
    bytes += nanos == null ? 0 : Sizes.array(size, 4);
    bytes += 2 * Sizes.array(size, 1); // types, codes
    bytes += repos.estimatedBytes() + actors.estimatedBytes();
    bytes += numberBits.estimatedBytes() + Sizes.array(numberValues.length, 4);
    // The refs are interned strings, counted with the payloads' shared strings.
    bytes += pushBits.estimatedBytes() + pushHeads.estimatedBytes();
    bytes += pushRefs.estimatedBytes() + Sizes.array(refTable.length, Sizes.REFERENCE);
    // The authors' names and addresses are interned strings too.
    bytes += commitBits.estimatedBytes() + Sizes.array(commitShas.length, 1);
    bytes += commitAuthors.estimatedBytes();
    bytes += 2 * Sizes.array(authorNames.length, 4);
    bytes += refBits.estimatedBytes() + refs.estimatedBytes();
    // The packed pull requests, and the four fields that hold them; branches and heads are in
    // strings.
    bytes += 4 * Sizes.REFERENCE + pullBits.estimatedBytes() + Sizes.array(pullBranches.length, 4);
    bytes += Sizes.array(pullExtras.length, 4) + Sizes.array(mergeShas.length, 1);
    bytes += payloadBits.estimatedBytes() + Sizes.array(payloads.length, Sizes.REFERENCE);
    bytes += payloadBytes;
    bytes += idBits == null ? 0 : idBits.estimatedBytes() + Sizes.array(ids.length, 8);
    bytes += strings.estimatedBytes() + repositoryTable.estimatedBytes() + actorTable.estimatedBytes();
    RepositoryIndex index = byRepository;
    if (index != null) {
      bytes += RepositoryIndex.estimatedBytes(repositoryTable.size(), size);
    }
    return bytes;
  }
}
