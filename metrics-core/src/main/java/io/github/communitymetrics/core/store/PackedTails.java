package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.internal.HashIndex;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.store.Payloads.CommitTail;
import io.github.communitymetrics.core.store.Payloads.PushTail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * The pushes and commits of a {@link Staging} that the store packs (see {@code Columns.pushBits}
 * and {@code Columns.commitBits}), already packed as the store holds them when they are added,
 * so that staging a GH Archive-shaped event costs no payload object: by ascending staged
 * position, the 20 bytes of the sha ({@link Shas}), the ref or the author as an index into a
 * table, and a push's commit count. The other pushes and commits stay payload objects.
 *
 * <p>The tables only grow while events are staged, and a store takes a copy of them, so a
 * store's indices are the staging's: when more events follow a build, the store's packed events
 * are staged again by copying their bytes and indices ({@link Columns#restagePacked}), not
 * rebuilt as events.
 */
final class PackedTails {
  /** The staged packed pushes; their index is the ref's, their count the commit count. */
  final Packed pushes = new Packed(true);
  /** The staged packed commits; their index is the author's (name and e-mail address). */
  final Packed commits = new Packed(false);

  /** The distinct refs of packed pushes, in order of first appearance (interned strings). */
  private final List<String> refs;
  /**
   * The distinct (name, e-mail) authors of packed commits, in order of first appearance: author
   * {@code a}'s name and address are strings {@code authorNames[a]} and {@code authorEmails[a]}
   * of {@code authorStrings}, with {@code authorHashes[a]} ({@link #hash}) to spread {@link
   * #authorIds} again. A pool of bytes, not {@link String}s: a GH Archive-shaped hour has about
   * 25,000 distinct authors, each a name and an address of about 40 bytes as {@link String}s
   * plus their arrays (issue 24: they were a tenth of the live heap at the build).
   */
  private final StringPool authorStrings = new StringPool();
  private int[] authorNames = new int[16];
  private int[] authorEmails = new int[16];
  private int[] authorHashes = new int[16];
  private int authorCount;
  /** The indices of the refs and authors by hash; null while not needed (see {@link #dropIndex}). */
  private HashIndex refIds;
  private HashIndex authorIds;

  /** Empty, with empty tables. */
  PackedTails() {
    this(new String[0], new String[0], new String[0]);
  }

  /** Empty, with the tables of a store built before (whose events are staged again). */
  PackedTails(String[] refTable, String[] names, String[] emails) {
    refs = new ArrayList<>(Arrays.asList(refTable));
    for (int a = 0; a < names.length; a++) {
      addAuthor(names[a], emails[a], hash(names[a], emails[a]));
    }
  }

  /** Whether the store packs {@code push}: its head is 40 lower-case hex digits, its count a byte. */
  static boolean packs(Push push) {
    return push.commitCount() <= 0xff && Shas.packable(push.headSha());
  }

  /**
   * Whether the store packs {@code commit}: as GH Archive lists commits, a sha of 40 lower-case
   * hex digits, no parents, co-authors or files, the committer equal to the author (whose time
   * is the event's, as for every commit).
   */
  static boolean packs(Commit commit) {
    return commit.parents().isEmpty()
        && commit.coAuthors().isEmpty()
        && commit.files().isEmpty()
        && commit.committer().equals(commit.author())
        && Shas.packable(commit.sha());
  }

  /** Stages packed push at {@code position} ({@link #packs}; {@code ref} interned). */
  void addPush(int position, String ref, String headSha, int commitCount) {
    IntUnaryOperator hashOf = k -> refs.get(k).hashCode();
    if (refIds == null) {
      refIds = new HashIndex();
      for (int k = 0; k < refs.size(); k++) {
        refIds.add(k, hashOf.applyAsInt(k), hashOf);
      }
    }
    int id = refIds.find(ref.hashCode(), k -> refs.get(k).equals(ref));
    if (id < 0) {
      id = refs.size();
      refs.add(ref);
      refIds.add(id, ref.hashCode(), hashOf);
    }
    pushes.add(position, headSha, id, commitCount);
  }

  /** Stages packed commit at {@code position} ({@link #packs}). */
  void addCommit(int position, String sha, String name, String email) {
    int hash = hash(name, email);
    int id = authorIndex().find(hash, k -> isAuthor(k, name, email));
    if (id < 0) {
      id = addAuthor(name, email, hash);
    }
    commits.add(position, sha, id, 0);
  }

  /** Whether author {@code a} is {@code name} and {@code email}, compared in the pool's bytes. */
  private boolean isAuthor(int a, String name, String email) {
    return authorStrings.compare(authorNames[a], name) == 0
        && authorStrings.compare(authorEmails[a], email) == 0;
  }

  /** Adds author {@code (name, email)}, absent so far, whose {@link #hash} is {@code hash}. */
  private int addAuthor(String name, String email, int hash) {
    int a = authorCount;
    if (a == authorNames.length) {
      int n = a + (a >> 1);
      authorNames = Arrays.copyOf(authorNames, n);
      authorEmails = Arrays.copyOf(authorEmails, n);
      authorHashes = Arrays.copyOf(authorHashes, n);
    }
    authorNames[a] = authorStrings.add(name);
    authorEmails[a] = authorStrings.add(email);
    authorHashes[a] = hash;
    authorIndex().add(a, hash, this::authorHash);
    authorCount++;
    return a;
  }

  /** The index of the authors by {@link #hash}, rebuilt if dropped ({@link #dropIndex}). */
  private HashIndex authorIndex() {
    if (authorIds == null) {
      authorIds = new HashIndex();
      for (int k = 0; k < authorCount; k++) {
        authorIds.add(k, authorHashes[k], this::authorHash);
      }
    }
    return authorIds;
  }

  private int authorHash(int a) {
    return authorHashes[a];
  }

  private static int hash(String name, String email) {
    return 31 * name.hashCode() + email.hashCode();
  }

  /**
   * Drops the maps from refs and authors to their indices, which building a store does not need
   * and which would add to its peak; they are rebuilt from the tables if more events come.
   */
  void dropIndex() {
    refIds = null;
    authorIds = null;
  }

  /** The refs of packed pushes, by index: a copy for the store. */
  String[] refTable() {
    return refs.toArray(new String[0]);
  }

  /** How many distinct authors the packed commits have. */
  int authorCount() {
    return authorCount;
  }

  /** The name of author {@code a}, a new instance. */
  String authorName(int a) {
    return authorStrings.get(authorNames[Objects.checkIndex(a, authorCount)]);
  }

  /** The e-mail address of author {@code a}, a new instance. */
  String authorEmail(int a) {
    return authorStrings.get(authorEmails[Objects.checkIndex(a, authorCount)]);
  }

  /**
   * Orders packed push {@code k} and packed push {@code l} as {@link Payloads#compare} orders
   * their {@link PushTail}s: ref, head (hex strings of one length order as their bytes), count.
   */
  int comparePushes(int k, int l) {
    int a = pushes.index(k);
    int b = pushes.index(l);
    int c = a == b ? 0 : refs.get(a).compareTo(refs.get(b));
    if (c != 0) {
      return c;
    }
    c = pushes.compareShas(k, l);
    return c != 0 ? c : Integer.compare(pushes.count(k), pushes.count(l));
  }

  /**
   * Orders packed commits {@code k} and {@code l} of one instant as {@link Payloads#compare}
   * orders their {@link CommitTail}s: sha, then author name and address (the author time is the
   * instant, the committer the author, the lists empty).
   */
  int compareCommits(int k, int l) {
    int c = commits.compareShas(k, l);
    int a = commits.index(k);
    int b = commits.index(l);
    if (c != 0 || a == b) {
      return c;
    }
    // Rare (one sha, two authors): the strings are rebuilt to compare them.
    c = authorName(a).compareTo(authorName(b));
    return c != 0 ? c : authorEmail(a).compareTo(authorEmail(b));
  }

  /** Packed push {@code k} as a payload object, to compare it with an unpacked one. */
  PushTail pushTail(int k) {
    return new PushTail(refs.get(pushes.index(k)), pushes.sha(k), pushes.count(k));
  }

  /** Packed commit {@code k} at {@code at} as a payload object, to compare it with an unpacked one. */
  CommitTail commitTail(int k, Instant at) {
    int a = commits.index(k);
    Signature author = new Signature(authorName(a), authorEmail(a), at);
    return new CommitTail(commits.sha(k), List.of(), author, author, List.of(), List.of());
  }

  /**
   * One kind of packed event, by ascending staged position: positions, shas, table indices and
   * (for pushes) counts, in chunks of {@value #CHUNK} so that growing never copies more than a
   * chunk; the first chunk grows from a few entries, so a small builder stays small.
   */
  static final class Packed {
    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final boolean withCounts;
    int size;
    private int[][] positions = new int[1][];
    private byte[][] shas = new byte[1][];
    private int[][] indices = new int[1][];
    private byte[][] counts = new byte[1][];

    Packed(boolean withCounts) {
      this.withCounts = withCounts;
    }

    /** Adds one entry at a position after every staged one; {@code sha} is {@link Shas#packable}. */
    void add(int position, String sha, int index, int count) {
      int k = slot();
      Shas.put(sha, shas[k >>> SHIFT], k & MASK);
      set(k, position, index, count);
    }

    /** Adds one entry whose sha is packed at {@code slot} of {@code from}. */
    void add(int position, byte[] from, int slot, int index, int count) {
      int k = slot();
      System.arraycopy(from, slot * Shas.BYTES, shas[k >>> SHIFT], (k & MASK) * Shas.BYTES, Shas.BYTES);
      set(k, position, index, count);
    }

    private void set(int k, int position, int index, int count) {
      positions[k >>> SHIFT][k & MASK] = position;
      indices[k >>> SHIFT][k & MASK] = index;
      if (withCounts) {
        counts[k >>> SHIFT][k & MASK] = (byte) count;
      }
      size++;
    }

    /** Makes room for entry {@code size} and returns it. */
    private int slot() {
      int k = size;
      int c = k >>> SHIFT;
      int o = k & MASK;
      if (c == positions.length) {
        int n = 2 * c;
        positions = Arrays.copyOf(positions, n);
        shas = Arrays.copyOf(shas, n);
        indices = Arrays.copyOf(indices, n);
        counts = Arrays.copyOf(counts, n);
      }
      int[] chunk = positions[c];
      if (chunk == null || o == chunk.length) {
        // The first chunk doubles from 16 entries; later ones start whole.
        int length = c > 0 ? CHUNK : chunk == null ? 16 : 2 * o;
        positions[c] = chunk == null ? new int[length] : Arrays.copyOf(chunk, length);
        indices[c] = indices[c] == null ? new int[length] : Arrays.copyOf(indices[c], length);
        shas[c] =
            shas[c] == null ? new byte[length * Shas.BYTES] : Arrays.copyOf(shas[c], length * Shas.BYTES);
        if (withCounts) {
          counts[c] = counts[c] == null ? new byte[length] : Arrays.copyOf(counts[c], length);
        }
      }
      return k;
    }

    /**
     * Calls {@code each} with every entry in order, dropping each chunk once its last entry has
     * been seen, and leaves this empty: for the build, which copies the entries into the store,
     * so that a chunk's shas and the store's copy of them are not both held (issue 24: the
     * shas of a GH Archive-shaped day are a fifth of the staging, about 100 MB).
     */
    void drain(java.util.function.IntConsumer each) {
      int n = size;
      for (int k = 0; k < n; k++) {
        each.accept(k);
        if ((k & MASK) == MASK || k == n - 1) {
          int c = k >>> SHIFT;
          positions[c] = null;
          shas[c] = null;
          indices[c] = null;
          counts[c] = null;
        }
      }
      size = 0;
    }

    int position(int k) {
      return positions[k >>> SHIFT][k & MASK];
    }

    int index(int k) {
      return indices[k >>> SHIFT][k & MASK];
    }

    int count(int k) {
      return counts[k >>> SHIFT][k & MASK] & 0xff;
    }

    String sha(int k) {
      return Shas.get(shas[k >>> SHIFT], k & MASK);
    }

    /** Copies the sha of entry {@code k} to {@code slot} of {@code to}. */
    void copySha(int k, byte[] to, int slot) {
      System.arraycopy(shas[k >>> SHIFT], (k & MASK) * Shas.BYTES, to, slot * Shas.BYTES, Shas.BYTES);
    }

    /** Orders the shas of entries {@code k} and {@code l} as their hex strings order. */
    int compareShas(int k, int l) {
      return Arrays.compareUnsigned(
          shas[k >>> SHIFT], (k & MASK) * Shas.BYTES, (k & MASK) * Shas.BYTES + Shas.BYTES,
          shas[l >>> SHIFT], (l & MASK) * Shas.BYTES, (l & MASK) * Shas.BYTES + Shas.BYTES);
    }

    /** The entry staged at {@code position}, or a negative number. */
    int indexOf(int position) {
      if (size == 0) {
        return -1;
      }
      // The chunk: the last whose first position is at most the position.
      int lo = 0;
      int hi = (size - 1) >>> SHIFT;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (positions[mid][0] <= position) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      int end = lo == (size - 1) >>> SHIFT ? ((size - 1) & MASK) + 1 : CHUNK;
      int o = Arrays.binarySearch(positions[lo], 0, end, position);
      return o < 0 ? -1 : (lo << SHIFT) + o;
    }
  }
}
