package io.github.communitymetrics.core.store;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The head commits of a store's packed pushes (see {@code Columns.pushBits}), without a second
 * copy of a sha the store already holds: a GH Archive push's head is the last of the commits it
 * lists (409 of the 415 pushes with commits in a recorded hour), and the reader adds those
 * commits at the push's own second. So each push's head is either the rank of a packed commit
 * with the same 20 bytes (at the width the count of commits needs: 19 bits for the 350,000
 * commits of 4 GH Archive-shaped hours) or, when no commit of the same second has them, its own
 * 20 bytes; every push held 20 bytes before. The rebuilt sha is the same string either way: only
 * equal bytes are shared.
 *
 * <p>Commits are looked up among those of the push's second only, so that building needs a
 * table the size of one second's commits, not of all of them (a month of GH Archive has about
 * 10^8): a head whose commit was added at another second keeps its own bytes.
 */
final class PushHeads {
  /**
   * By push rank: a commit rank (below {@code commits}), or {@code commits + i} for own sha
   * {@code i}; at the width their count needs.
   */
  private final PackedInts heads;
  /** How many packed commits: heads below it are commit ranks. */
  private final int commits;
  /** The packed commits' shas (the store's own array, not a copy). */
  private final byte[] commitShas;
  /** The heads found among no commit of their second, 20 bytes each ({@link Shas}). */
  private final byte[] own;

  private PushHeads(PackedInts heads, int commits, byte[] commitShas, byte[] own) {
    this.heads = heads;
    this.commits = commits;
    this.commitShas = commitShas;
    this.own = own;
  }

  /**
   * The heads of the pushes in {@code pushBits} (shas {@code pushShas} by rank) among the
   * commits in {@code commitBits} (shas {@code commitShas} by rank), of {@code size} positions in
   * canonical order whose epoch seconds are {@code second} (never decreasing).
   */
  static PushHeads of(
      int size,
      IntToLongFunction second,
      RankBits pushBits,
      byte[] pushShas,
      RankBits commitBits,
      byte[] commitShas) {
    int pushes = pushBits.count();
    int[] heads = new int[pushes];
    int owned = 0;
    // An open-addressing table of commit rank + 1 (0: empty) for the current second's commits,
    // at most half full; cleared slot by slot at the end of each second.
    int[] table = new int[64];
    int[] used = new int[32];
    int from = 0;
    while (from < size) {
      long s = second.applyAsLong(from);
      int to = from + 1;
      while (to < size && second.applyAsLong(to) == s) {
        to++;
      }
      int commits = 0;
      for (int p = from; p < to; p++) {
        if (commitBits.get(p)) {
          commits++;
        }
      }
      if (2 * commits > table.length) {
        table = new int[Integer.highestOneBit(2 * commits - 1) * 2];
      }
      if (commits > used.length) {
        used = new int[commits];
      }
      int n = 0;
      for (int p = from; p < to; p++) {
        if (commitBits.get(p)) {
          int c = commitBits.rank(p);
          int slot = slot(commitShas, c, table.length);
          while (table[slot] != 0) {
            slot = (slot + 1) & (table.length - 1);
          }
          table[slot] = c + 1;
          used[n++] = slot;
        }
      }
      for (int p = from; p < to; p++) {
        if (pushBits.get(p)) {
          int k = pushBits.rank(p);
          int found = n == 0 ? -1 : find(table, commitShas, pushShas, k);
          if (found >= 0) {
            heads[k] = found;
          } else {
            // Kept in place for now: moved down to its own index below.
            System.arraycopy(pushShas, k * Shas.BYTES, pushShas, owned * Shas.BYTES, Shas.BYTES);
            heads[k] = -1 - owned++;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        table[used[i]] = 0;
      }
      from = to;
    }
    int commits = commitBits.count();
    PackedInts packed = new PackedInts(pushes, PackedInts.width(commits + owned));
    for (int k = 0; k < pushes; k++) {
      packed.set(k, heads[k] >= 0 ? heads[k] : commits - 1 - heads[k]);
    }
    return new PushHeads(packed, commits, commitShas, Arrays.copyOf(pushShas, owned * Shas.BYTES));
  }

  /** The first slot to probe for the sha at rank {@code k} of {@code shas}. */
  private static int slot(byte[] shas, int k, int length) {
    int at = k * Shas.BYTES;
    // A sha's bytes are uniformly spread: its first four make a good hash.
    int h = (shas[at] & 0xff) << 24 | (shas[at + 1] & 0xff) << 16 | (shas[at + 2] & 0xff) << 8
        | (shas[at + 3] & 0xff);
    return (h ^ (h >>> 16)) & (length - 1);
  }

  /** The commit rank whose sha equals push {@code k}'s in {@code pushShas}, or -1. */
  private static int find(int[] table, byte[] commitShas, byte[] pushShas, int k) {
    int slot = slot(pushShas, k, table.length);
    int at = k * Shas.BYTES;
    while (table[slot] != 0) {
      int c = table[slot] - 1;
      int cat = c * Shas.BYTES;
      if (Arrays.equals(commitShas, cat, cat + Shas.BYTES, pushShas, at, at + Shas.BYTES)) {
        return c;
      }
      slot = (slot + 1) & (table.length - 1);
    }
    return -1;
  }

  /** The array holding push {@code k}'s head sha: read it at {@link #slot(int)}. */
  byte[] array(int k) {
    return heads.get(k) < commits ? commitShas : own;
  }

  /** The slot of push {@code k}'s head sha in {@link #array(int)}. */
  int slot(int k) {
    int h = heads.get(k);
    return h < commits ? h : h - commits;
  }

  /** Push {@code k}'s head sha, as 40 lower-case hex digits. */
  String get(int k) {
    return Shas.get(array(k), slot(k));
  }

  /** How many heads are their own bytes, not a commit's. */
  int owned() {
    return own.length / Shas.BYTES;
  }

  /** The estimated bytes of the ranks and the own shas (the commits' shas are the store's). */
  long estimatedBytes() {
    return heads.estimatedBytes() + Sizes.array(own.length, 1) + Sizes.object(16);
  }
}
