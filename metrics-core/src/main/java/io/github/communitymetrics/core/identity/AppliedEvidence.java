package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The applied evidence of a resolution as arrays over the actors' indices: each piece's rule,
 * key and two actors, grouped by person and, within a person, in {@link MergeEvidence}'s natural
 * order. A {@link MergeEvidence} is built only when a person's evidence is asked for.
 *
 * <p>Issue 24: on a GH Archive-shaped day about 600 thousand pieces of evidence (commit e-mail
 * addresses joined to accounts) were kept as objects holding two rebuilt actors each, about 250 MB
 * beside a 225 MB store.
 */
final class AppliedEvidence {
  private static final MergeRule[] RULES = MergeRule.values();

  private byte[] rules = new byte[16];
  private int[] firsts = new int[16];
  private int[] seconds = new int[16];
  private String[] keys = new String[16];
  private int size;
  /** After {@link #groupBy}: the evidence of person p is {@code start[p] .. start[p + 1] - 1}. */
  private int[] start;

  /** Adds a piece of evidence between the actors at indices {@code a} and {@code b} (distinct). */
  void add(MergeRule rule, String key, int a, int b) {
    if (size == rules.length) {
      int grown = size * 2;
      rules = Arrays.copyOf(rules, grown);
      firsts = Arrays.copyOf(firsts, grown);
      seconds = Arrays.copyOf(seconds, grown);
      keys = Arrays.copyOf(keys, grown);
    }
    rules[size] = (byte) rule.ordinal();
    keys[size] = key;
    firsts[size] = Math.min(a, b);
    seconds[size] = Math.max(a, b);
    size++;
  }

  /** How many pieces were added. */
  int size() {
    return size;
  }

  /**
   * Groups the evidence by the person of its first actor, in {@link MergeEvidence}'s natural
   * order within each person (rule, key, then the actors, whose indices follow {@link
   * Normalize#ACTOR_ORDER}), and trims the arrays.
   */
  void groupBy(int[] personOfActor, int people) {
    int[] from = new int[people + 1];
    for (int k = 0; k < size; k++) {
      from[personOfActor[firsts[k]] + 1]++;
    }
    for (int p = 0; p < people; p++) {
      from[p + 1] += from[p];
    }
    int[] next = Arrays.copyOf(from, people);
    int[] order = new int[size];
    for (int k = 0; k < size; k++) {
      order[next[personOfActor[firsts[k]]]++] = k;
    }
    byte[] r = new byte[size];
    int[] f = new int[size];
    int[] s = new int[size];
    String[] key = new String[size];
    for (int i = 0; i < size; i++) {
      int k = order[i];
      r[i] = rules[k];
      f[i] = firsts[k];
      s[i] = seconds[k];
      key[i] = keys[k];
    }
    rules = r;
    firsts = f;
    seconds = s;
    keys = key;
    start = from;
    // Most people have no evidence or one piece; an insertion sort within each person suffices.
    for (int p = 0; p < people; p++) {
      for (int i = from[p] + 1; i < from[p + 1]; i++) {
        for (int j = i; j > from[p] && compare(j - 1, j) > 0; j--) {
          swap(j - 1, j);
        }
      }
    }
  }

  private int compare(int x, int y) {
    int c = Integer.compare(rules[x], rules[y]);
    if (c == 0) {
      c = keys[x].compareTo(keys[y]);
    }
    if (c == 0) {
      c = Integer.compare(firsts[x], firsts[y]);
    }
    return c != 0 ? c : Integer.compare(seconds[x], seconds[y]);
  }

  private void swap(int x, int y) {
    byte r = rules[x];
    rules[x] = rules[y];
    rules[y] = r;
    int f = firsts[x];
    firsts[x] = firsts[y];
    firsts[y] = f;
    int s = seconds[x];
    seconds[x] = seconds[y];
    seconds[y] = s;
    String k = keys[x];
    keys[x] = keys[y];
    keys[y] = k;
  }

  /** The evidence of person {@code p} (after {@link #groupBy}), built from {@code actors}. */
  List<MergeEvidence> of(int p, List<Actor> actors) {
    int from = start[p];
    int to = start[p + 1];
    if (from == to) {
      return List.of();
    }
    List<MergeEvidence> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(new MergeEvidence(RULES[rules[i]], actors.get(firsts[i]), actors.get(seconds[i]), keys[i]));
    }
    return List.copyOf(out);
  }
}
