package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.internal.Failures;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * One run of {@link IdentityResolver}: keys per actor, evidence per key, union-find.
 *
 * <p>Order independence: actors are deduplicated and sorted first, so indices, keys and evidence
 * are functions of the set of actors. Bots and people are kept apart per actor, not per
 * component, which makes every applied link join two actors of the same kind and every component
 * pure; the refusal decision therefore does not depend on the order links are applied in.
 */
final class Resolution {
  private final Set<MergeRule> rules;
  private final Mailmap mailmap;
  private final Map<String, List<String>> aliasKeysByString;
  private final BotDetector botDetector;

  /** A key of one rule. Members are actor indices, with whether they hold the key "directly". */
  private record GroupKey(MergeRule rule, String key) implements Comparable<GroupKey> {
    @Override
    public int compareTo(GroupKey o) {
      int c = rule.compareTo(o.rule);
      return c != 0 ? c : key.compareTo(o.key);
    }
  }

  private final Set<String> sharedEmails;
  /** How many threads read the actors and derive their keys; see {@link #threads(int)}. */
  private int threads = 1;

  Resolution(
      Set<MergeRule> rules,
      Mailmap mailmap,
      AliasList aliases,
      BotDetector botDetector,
      Set<String> sharedEmails) {
    this.sharedEmails = sharedEmails;
    this.rules = rules;
    this.mailmap = mailmap;
    this.botDetector = botDetector;
    this.aliasKeysByString = new HashMap<>();
    Set<String> seen = new TreeSet<>();
    for (AliasList.Entry e : aliases.entries()) {
      Set<String> keys = e.keys();
      String groupKey = keys.toString();
      if (seen.add(groupKey)) {
        for (String k : keys) {
          aliasKeysByString.computeIfAbsent(k, x -> new ArrayList<>()).add(groupKey);
        }
      }
    }
  }

  /**
   * Reads the actors and derives their keys on {@code threads} threads, in batches, while the
   * calling thread puts the keys into the tables batch by batch in the actors' order: the tables,
   * and so the result, are those of one thread. Reading (each actor rebuilt by the store, its
   * keys normalised, bot detection) is most of a resolution of a store's actors.
   */
  Resolution threads(int threads) {
    this.threads = threads;
    return this;
  }

  Identities run(Collection<Actor> input) {
    List<Actor> in = input instanceof List && input instanceof RandomAccess
        ? (List<Actor>) input : new ArrayList<>(input);
    Sorted sorted = distinctSorted(in);
    return resolve(sorted.actors(), sorted.indexOfInput(), false);
  }

  /**
   * Distinct actors in {@link Normalize#ACTOR_ORDER}, and the index among them of each input
   * position; null when the input was already so (each position is its own index).
   */
  private record Sorted(List<Actor> actors, int[] indexOfInput) {}

  /**
   * Resolves actors known to be distinct, in {@link Normalize#ACTOR_ORDER} and immutable (a
   * store's): they are neither checked, nor sorted, nor copied; the result keeps the list.
   */
  Identities runDistinctSorted(List<Actor> actors) {
    return resolve(actors, null, true);
  }

  private Identities resolve(List<Actor> actors, int[] sortedIndexOfInput, boolean fromStore) {
    return link(onPool(actors.size(), (pool, batch) -> readAll(actors, pool, batch)), sortedIndexOfInput, fromStore);
  }

  /** What reads {@code n} actors, given a pool (null for this thread alone) and a batch size. */
  private interface Reading<T> {
    T run(ExecutorService pool, int batch);
  }

  /**
   * {@code reading} of {@code n} actors in batches on a pool of {@link #threads} threads, shut
   * down after, or on this thread when one thread or too few actors for two batches.
   */
  private <T> T onPool(int n, Reading<T> reading) {
    int batch = Math.max(256, Math.min(16_384, n / Math.max(1, threads * 8)));
    ExecutorService pool = threads > 1 && n >= 2 * batch ? pool(threads) : null;
    try {
      return reading.run(pool, batch);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * What reading a list of actors leaves before linking: each rule's table of keys (after the
   * noreply pass), the bot flags and reasons, and the hashes of each actor's indirect noreply
   * keys. Linking reads it and changes nothing, so one kept for a store's actors serves to
   * resolve them again together with another store's ({@link #resolveWith}).
   */
  static final class Read {
    final List<Actor> actors;
    final MergeRule[] rules;
    final Grouping[] groupings;
    final boolean[] bot;
    final List<Optional<String>> botReasons;
    /** Two per actor, see {@link #noreplyHashes(Actor, int, int[])}; null without the noreply rule. */
    final int[] noreplyHashes;

    Read(
        List<Actor> actors,
        MergeRule[] rules,
        Grouping[] groupings,
        boolean[] bot,
        List<Optional<String>> botReasons,
        int[] noreplyHashes) {
      this.actors = actors;
      this.rules = rules;
      this.groupings = groupings;
      this.bot = bot;
      this.botReasons = botReasons;
      this.noreplyHashes = noreplyHashes;
    }

  }

  /** Reads a store's actors (distinct, sorted, immutable) to resolve them with another store's later. */
  Read prepare(List<Actor> actors) {
    return onPool(actors.size(), (pool, batch) -> readAll(actors, pool, batch));
  }

  /** The resolution of {@code read}'s actors alone. */
  Identities resolve(Read read) {
    return link(read, null, true);
  }

  private Read readAll(List<Actor> actors, ExecutorService pool, int batch) {
    int n = actors.size();
    boolean[] bot = new boolean[n];
    List<Optional<String>> botReasons = new ArrayList<>(n);

    // Hash maps per rule, not one TreeMap of every key (issue 24: that was most of the time):
    // the order groups are linked in does not change the components, and the evidence and the
    // refusals are sorted by their own total order in Identities.of. Only keys with two or more
    // members can link, and Grouping lists those as they appear, so nothing walks the maps.
    // Actors are visited in index order, so a group's members arrive sorted; only the indirect
    // noreply members added afterwards can arrive out of order, and Group.members sorts those.
    // Forge ids and logins are keyed by (forge, value) instead of the key string, which is built
    // only for the keys that link something; such keys are equal exactly when their strings are
    // (LoginKey).
    MergeRule[] ruleArray = rules.toArray(new MergeRule[0]);
    Grouping[] groupings = new Grouping[ruleArray.length];
    Grouping noreply = null;
    for (int k = 0; k < ruleArray.length; k++) {
      groupings[k] = grouping(ruleArray[k], actors);
      if (ruleArray[k] == MergeRule.GITHUB_NOREPLY) {
        noreply = groupings[k];
      }
    }
    // The hash codes of each actor's indirect noreply keys (indirectNoreplyKeys), taken while the
    // actor is at hand: afterwards only the actors whose hash is in the noreply table are
    // rebuilt to join it. Rebuilding every actor a second time (a store rebuilds one each time it
    // is asked) and spelling its two keys was about a third of resolving a GH Archive-shaped day's
    // 1.5 million actors, nearly none of which holds a noreply key (docs/performance.md).
    int[] noreplyHashes = noreply == null ? null : new int[2 * n];
    readInto(pool, actors, null, ruleArray, groupings, bot, botReasons, noreplyHashes, batch);
    if (noreply != null && !noreply.isEmpty()) {
      // A GitHub account holds its own login and id keys only indirectly: such keys link
      // nothing unless a noreply address holds them directly, so they join existing groups only
      // (the common case, GH Archive's accounts without e-mail addresses, adds none). An actor
      // whose hashes are in no slot joins nothing; the others are rebuilt and joined exactly
      // (a hash of 0 is also an absent key's, so such actors are looked at too).
      joinNoreply(pool, actors, null, noreply, noreplyHashes, batch);
    }
    return new Read(actors, ruleArray, groupings, bot, botReasons, noreplyHashes);
  }

  /**
   * Reads {@code actors} into the tables: their bot flags and reasons (by position in {@code
   * actors}), their keys (as the actors {@code toIndex} numbers them, or as their positions when
   * it is null) and their noreply hashes (by position), on {@code pool} or on this thread.
   */
  private void readInto(
      ExecutorService pool,
      List<Actor> actors,
      int[] toIndex,
      MergeRule[] ruleArray,
      Grouping[] groupings,
      boolean[] bot,
      List<Optional<String>> botReasons,
      int[] noreplyHashes,
      int batch) {
    if (pool != null) {
      readInParallel(pool, actors, toIndex, ruleArray, groupings, bot, botReasons, noreplyHashes, batch);
    } else {
      // Actor by actor, bot detection and every rule: the actor's fields are read while they are
      // in the cache (at 10^6 actors, reading them is a cache miss each time).
      for (int i = 0, n = actors.size(); i < n; i++) {
        Actor a = actors.get(i);
        Optional<String> reason = botDetector.reason(a);
        botReasons.add(reason);
        bot[i] = reason.isPresent();
        for (int k = 0; k < ruleArray.length; k++) {
          groupings[k].index = toIndex == null ? i : toIndex[i];
          keys(ruleArray[k], a, groupings[k]);
        }
        noreplyHashes(a, i, noreplyHashes);
      }
    }
    for (Grouping g : groupings) {
      g.flush();
    }
  }

  /**
   * The noreply pass over {@code actors} (numbered as in {@link #readInto}): each GitHub account
   * whose noreply hashes are in the table is rebuilt and joins the groups of its indirect keys.
   */
  private static void joinNoreply(
      ExecutorService pool, List<Actor> actors, int[] toIndex, Grouping noreply, int[] noreplyHashes, int batch) {
    if (pool != null) {
      joinNoreplyInParallel(pool, actors, toIndex, noreply, noreplyHashes, batch);
      return;
    }
    for (int i = 0, n = actors.size(); i < n; i++) {
      if (noreply.holdsHash(noreplyHashes[2 * i]) || noreply.holdsHash(noreplyHashes[2 * i + 1])) {
        Actor a = actors.get(i);
        if (a.forge().equals(Forge.GITHUB)) {
          noreply.index = toIndex == null ? i : toIndex[i];
          indirectNoreplyKeys(a, noreply::join);
        }
      }
    }
  }

  /** Links the groups of {@code read}'s tables into people. */
  private static Identities link(Read read, int[] sortedIndexOfInput, boolean fromStore) {
    // As actors' indices: no actor is rebuilt for it (a store rebuilds an actor each time it is
    // asked for one), and no evidence object is kept (AppliedEvidence).
    AppliedEvidence applied = new AppliedEvidence();
    List<RefusedMerge> refused = new ArrayList<>();
    UnionFind uf = new UnionFind(read.actors.size());
    for (int k = 0; k < read.rules.length; k++) {
      for (Group g : read.groupings[k].linkable) {
        link(new GroupKey(read.rules[k], g.key.toString()), g.members(), read.actors, read.bot, read.botReasons,
            uf, applied, refused);
      }
    }
    return Identities.of(read.actors, sortedIndexOfInput, read.bot, uf, applied, refused, fromStore);
  }

  /**
   * The resolution of the actors of two stores together, the first's read before ({@link
   * #prepare}): the second's actors are read and put into copies of the first's tables, and
   * the first's accounts are rebuilt only when a key the second brought to the noreply table
   * may be theirs. The same result as {@link #runDistinctSorted} of the union: every table
   * ends holding the same keys with the same members (groups list their members sorted, and
   * neither the order groups are linked in nor the order of their members changes the result,
   * see {@link #readAll}).
   */
  Identities resolveWith(Read first, UnionActors union, List<Actor> second) {
    int n = union.size();
    int[] firstTo = union.firstToUnion();
    int[] secondTo = union.secondToUnion();
    MergeRule[] ruleArray = first.rules;
    Grouping[] groupings = new Grouping[ruleArray.length];
    Grouping noreply = null;
    for (int k = 0; k < ruleArray.length; k++) {
      groupings[k] = first.groupings[k].copy(firstTo, keyOf(ruleArray[k], union));
      if (ruleArray[k] == MergeRule.GITHUB_NOREPLY) {
        noreply = groupings[k];
        noreply.recordNewKeys();
      }
    }
    int m = second.size();
    boolean[] secondBot = new boolean[m];
    List<Optional<String>> secondReasons = new ArrayList<>(m);
    int[] secondNoreply = noreply == null ? null : new int[2 * m];
    Grouping table = noreply;
    onPool(m, (pool, batch) -> {
      readInto(pool, second, secondTo, ruleArray, groupings, secondBot, secondReasons, secondNoreply, batch);
      if (table != null && !table.isEmpty()) {
        joinNoreply(pool, second, secondTo, table, secondNoreply, batch);
        joinNewNoreplyKeys(first, firstTo, table);
      }
      return null;
    });
    boolean[] bot = new boolean[n];
    Optional<?>[] reasons = new Optional<?>[n];
    for (int i = 0; i < firstTo.length; i++) {
      bot[firstTo[i]] = first.bot[i];
      reasons[firstTo[i]] = first.botReasons.get(i);
    }
    for (int j = 0; j < m; j++) {
      bot[secondTo[j]] = secondBot[j];
      reasons[secondTo[j]] = secondReasons.get(j);
    }
    @SuppressWarnings("unchecked")
    List<Optional<String>> botReasons = (List<Optional<String>>) (List<?>) Arrays.asList(reasons);
    return link(new Read(union, ruleArray, groupings, bot, botReasons, null), null, true);
  }

  /**
   * The first store's accounts join the noreply keys new to {@code noreply} since {@link
   * Grouping#recordNewKeys}: they joined the keys the table held when they were read, so only
   * those whose hashes are among the new keys' are rebuilt.
   */
  private static void joinNewNoreplyKeys(Read first, int[] firstTo, Grouping noreply) {
    int[] fresh = noreply.newKeyHashes();
    if (fresh.length == 0) {
      return;
    }
    for (int i = 0, size = first.actors.size(); i < size; i++) {
      if (Arrays.binarySearch(fresh, first.noreplyHashes[2 * i]) < 0
          && Arrays.binarySearch(fresh, first.noreplyHashes[2 * i + 1]) < 0) {
        continue;
      }
      Actor a = first.actors.get(i);
      if (a.forge().equals(Forge.GITHUB)) {
        noreply.index = firstTo[i];
        indirectNoreplyKeys(a, key -> {
          if (Arrays.binarySearch(fresh, key.hashCode()) >= 0) {
            noreply.join(key);
          }
        });
      }
    }
  }

  /** The hashes of an actor's indirect noreply keys ({@link #indirectNoreplyKeys}), when kept. */
  private static void noreplyHashes(Actor a, int i, int[] noreplyHashes) {
    if (noreplyHashes != null && a.forge().equals(Forge.GITHUB)) {
      noreplyHashes[2 * i] = a.login().isPresent() ? extendedHash(LOGIN_PREFIX, Normalize.text(a.login().get())) : 0;
      noreplyHashes[2 * i + 1] = a.id().isPresent() ? extendedHash(ID_PREFIX, a.id().getAsLong()) : 0;
    }
  }

  /**
   * The keys of a batch of actors, rule by rule, in the order one thread derives them: for each
   * rule, the keys with their hash codes and their actors' codes ({@code index << 1 | direct}).
   */
  private static final class Batch {
    final int from;
    final List<Optional<String>> reasons;
    final Object[][] keys;
    final int[][] hashes;
    final int[][] codes;
    final int[] counts;

    Batch(int from, int to, int rules) {
      this.from = from;
      reasons = new ArrayList<>(to - from);
      keys = new Object[rules][];
      hashes = new int[rules][];
      codes = new int[rules][];
      counts = new int[rules];
      for (int k = 0; k < rules; k++) {
        keys[k] = new Object[to - from];
        hashes[k] = new int[to - from];
        codes[k] = new int[to - from];
      }
    }

    void add(int rule, Object key, int index, boolean direct) {
      int c = counts[rule];
      if (c == keys[rule].length) {
        int length = 2 * c + 1;
        keys[rule] = Arrays.copyOf(keys[rule], length);
        hashes[rule] = Arrays.copyOf(hashes[rule], length);
        codes[rule] = Arrays.copyOf(codes[rule], length);
      }
      keys[rule][c] = key;
      hashes[rule][c] = key.hashCode();
      codes[rule][c] = index << 1 | (direct ? 1 : 0);
      counts[rule] = c + 1;
    }
  }

  /** Reads actors {@code from} to {@code to}: their bot reasons, keys and noreply hashes. */
  private Batch read(
      List<Actor> actors, int[] toIndex, int from, int to, MergeRule[] rules, int[] noreplyHashes) {
    Batch b = new Batch(from, to, rules.length);
    for (int i = from; i < to; i++) {
      Actor a = actors.get(i);
      b.reasons.add(botDetector.reason(a));
      for (int k = 0; k < rules.length; k++) {
        int rule = k;
        int index = toIndex == null ? i : toIndex[i];
        keys(rules[k], a, (key, direct) -> b.add(rule, key, index, direct));
      }
      noreplyHashes(a, i, noreplyHashes); // each batch writes its own actors' slots
    }
    return b;
  }

  /**
   * The actors read in batches on {@link #threads} threads, a few batches ahead, and their keys
   * put into the tables on this thread in the actors' order, batch after batch: the same tables
   * as reading them on this thread.
   */
  private void readInParallel(
      ExecutorService pool,
      List<Actor> actors,
      int[] toIndex,
      MergeRule[] rules,
      Grouping[] groupings,
      boolean[] bot,
      List<Optional<String>> botReasons,
      int[] noreplyHashes,
      int batch) {
    int n = actors.size();
    try {
      ArrayDeque<Future<Batch>> ahead = new ArrayDeque<>();
      int next = 0;
      while (next < n && ahead.size() < 2 * threads) {
        int from = next;
        int to = Math.min(n, from + batch);
        ahead.add(pool.submit(() -> read(actors, toIndex, from, to, rules, noreplyHashes)));
        next = to;
      }
      while (!ahead.isEmpty()) {
        Batch b = ahead.poll().get();
        if (next < n) {
          int from = next;
          int to = Math.min(n, from + batch);
          ahead.add(pool.submit(() -> read(actors, toIndex, from, to, rules, noreplyHashes)));
          next = to;
        }
        for (int j = 0; j < b.reasons.size(); j++) {
          botReasons.add(b.reasons.get(j));
          bot[b.from + j] = b.reasons.get(j).isPresent();
        }
        for (int k = 0; k < rules.length; k++) {
          Grouping g = groupings[k];
          for (int c = 0; c < b.counts[k]; c++) {
            g.index = b.codes[k][c] >>> 1;
            g.key(b.keys[k][c], b.hashes[k][c], (b.codes[k][c] & 1) == 1);
          }
        }
      }
    } catch (InterruptedException e) {
      throw interrupted();
    } catch (ExecutionException e) {
      throw Failures.unchecked(e.getCause());
    }
  }

  /**
   * The second noreply pass ({@link #resolve}) on the pool: the actors whose indirect keys'
   * hashes are in the noreply table are found and rebuilt, and their keys derived, in batches
   * on the pool (the table is only read meanwhile); then this thread joins them in the actors'
   * order, as one thread does.
   */
  private static void joinNoreplyInParallel(
      ExecutorService pool, List<Actor> actors, int[] toIndex, Grouping noreply, int[] noreplyHashes, int batch) {
    int n = actors.size();
    List<Future<List<Object>>> found = new ArrayList<>();
    for (int from = 0; from < n; from += batch) {
      int start = from;
      int end = Math.min(n, from + batch);
      // Per batch: each actor that joins, as its index then its keys.
      found.add(pool.submit(() -> {
        List<Object> out = new ArrayList<>();
        for (int i = start; i < end; i++) {
          if (noreply.holdsHash(noreplyHashes[2 * i]) || noreply.holdsHash(noreplyHashes[2 * i + 1])) {
            Actor a = actors.get(i);
            if (a.forge().equals(Forge.GITHUB)) {
              out.add(toIndex == null ? i : toIndex[i]);
              indirectNoreplyKeys(a, out::add);
            }
          }
        }
        return out;
      }));
    }
    try {
      List<List<Object>> all = new ArrayList<>(found.size());
      for (Future<List<Object>> f : found) {
        all.add(f.get()); // every batch read before the first join writes the table
      }
      for (List<Object> batchFound : all) {
        for (Object o : batchFound) {
          if (o instanceof Integer i) {
            noreply.index = i;
          } else {
            noreply.join(o);
          }
        }
      }
    } catch (InterruptedException e) {
      throw interrupted();
    } catch (ExecutionException e) {
      throw Failures.unchecked(e.getCause());
    }
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "identity resolution");
      t.setDaemon(true);
      return t;
    });
  }

  /** As {@link io.github.communitymetrics.core.metrics.EachRepository}'s threads do when interrupted. */
  private static RuntimeException interrupted() {
    Thread.currentThread().interrupt();
    return new CancellationException("interrupted while resolving identities");
  }

  /**
   * The distinct actors in {@link Normalize#ACTOR_ORDER}, and the index among them of each input
   * position. Sorting first and then dropping neighbours that are
   * equal gives what {@code distinct().sorted()} gives, because the order is consistent with
   * {@link Actor#equals} (it compares every component).
   */
  private static Sorted distinctSorted(List<Actor> in) {
    // A store's actors come distinct and in this order already: one comparison each, no sort.
    boolean ascending = true;
    for (int k = 1; k < in.size() && ascending; k++) {
      ascending = Normalize.ACTOR_ORDER.compare(in.get(k - 1), in.get(k)) < 0;
    }
    if (ascending) {
      return new Sorted(List.copyOf(in), null);
    }
    int[] sortedIndexOfInput = new int[in.size()];
    Integer[] order = new Integer[in.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (x, y) -> Normalize.ACTOR_ORDER.compare(in.get(x), in.get(y)));
    Actor[] distinct = new Actor[order.length];
    int kept = 0;
    for (Integer k : order) {
      Actor a = in.get(k);
      if (kept == 0 || !a.equals(distinct[kept - 1])) {
        distinct[kept++] = a;
      }
      sortedIndexOfInput[k] = kept - 1;
    }
    return new Sorted(Arrays.asList(Arrays.copyOf(distinct, kept)), sortedIndexOfInput);
  }

  /** A forge id as a key: its string is {@code forge#id}. */
  private record IdKey(Forge forge, long id) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdKey k && id == k.id && (forge == k.forge || forge.equals(k.forge));
    }

    @Override
    public int hashCode() {
      return 31 * forge.name().hashCode() + Long.hashCode(id);
    }

    @Override
    public String toString() {
      return forge + "#" + id;
    }
  }

  /**
   * A normalised forge login as a key: its string is {@code forge:login}, and keys are equal
   * exactly when their strings are. That is when forge and login are, except where a forge's name
   * holds ':' ({@code "a:b" + ":" + "c"} is {@code "a" + ":" + "b:c"}); then the strings are
   * compared. (Before, every actor was read once more to find such forges first.)
   */
  private record LoginKey(Forge forge, String login) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof LoginKey k)) {
        return false;
      }
      if (forge == k.forge || forge.equals(k.forge)) {
        return login.equals(k.login);
      }
      return (forge.name().indexOf(':') >= 0 || k.forge.name().indexOf(':') >= 0) && toString().equals(k.toString());
    }

    /** The hash code of {@link #toString()}, without building it. */
    @Override
    public int hashCode() {
      return extendedHash(31 * forge.name().hashCode() + ':', login);
    }

    @Override
    public String toString() {
      return forge + ":" + login;
    }
  }

  /**
   * Collects the keys of one rule, for the actor at {@link #index}. A key's string ({@code
   * toString()}) is the evidence's key; keys are equal exactly when their strings are.
   */
  private static final class Grouping implements KeySink {
    // An open-addressing table from key to an int (issue 24: no map entry and no Group object
    // for the keys of one actor, which are nearly all of them): a member's code ({@code index <<
    // 1 | direct}, at least 0) while the key has one member, else -2 - the position of its Group
    // in linkable.
    // slots[i]: the key's hash in the high half, its value plus 1 in the low half, 0 when empty
    // (groups are -2 and below, so no value is -1); keys[i]: the key. A probe reads one long,
    // and the key only when the hashes agree.
    private long[] slots;
    /** The keys by slot; null when {@link #keyOf} gives them. */
    private Object[] keys;
    /**
     * For a rule that gives each actor at most one key: the key of the actor with this index,
     * asked for only when a probe meets a key with the same hash. Then no key is kept: at a
     * million actors, writing each key into a table of tens of megabytes was a cache miss per
     * actor and rule, on top of the probe's.
     */
    private final IntFunction<Object> keyOf;
    private int count;
    /** How many keys a table that keeps none holds back before inserting them: {@link #flush}. */
    private static final int BATCH = 16;
    /** The keys held back, with their hashes and codes; null for a table that keeps its keys. */
    private final Object[] pendingKeys;
    private final int[] pendingHashes;
    private final int[] pendingCodes;
    private int pending;
    /** The sum of the slots read ahead, kept so that the reads are not optimised away. */
    private long touched;
    /** The hashes of new keys while recording ({@link #recordNewKeys}); null otherwise. */
    private int[] newHashes;
    private int newCount;
    /** The groups that reached two members, in the order they did: only these can link. */
    final List<Group> linkable = new ArrayList<>();
    int index;

    /** A table that keeps its keys. */
    Grouping() {
      slots = new long[16];
      keys = new Object[16];
      keyOf = null;
      pendingKeys = null;
      pendingHashes = null;
      pendingCodes = null;
    }

    /**
     * A table for a rule with at most one key per actor, which asks {@code keyOf} for a member's
     * key instead of keeping it, sized for {@code expected} keys (no growing, which rehashes).
     */
    Grouping(IntFunction<Object> keyOf, int expected) {
      slots = new long[Math.max(16, Integer.highestOneBit(Math.min(Math.max(1, expected), 1 << 28)) << 2)];
      this.keyOf = keyOf;
      pendingKeys = new Object[BATCH];
      pendingHashes = new int[BATCH];
      pendingCodes = new int[BATCH];
    }

    boolean isEmpty() {
      return count == 0;
    }

    /**
     * A copy of this table (flushed) whose members are the actors {@code toIndex} renumbers
     * them to, and whose keys, when it keeps none, are asked of {@code keyOf} under the new
     * numbering. Slots stay where they are: a slot's place depends on its key's hash only.
     */
    Grouping copy(int[] toIndex, IntFunction<Object> keyOf) {
      if (pending != 0) {
        throw new IllegalStateException("copied before a flush");
      }
      Grouping g = this.keyOf == null ? new Grouping() : new Grouping(keyOf, 1);
      long[] to = new long[slots.length];
      for (int i = 0; i < to.length; i++) {
        long slot = slots[i];
        int v = (int) slot - 1;
        // A member's code is renumbered; a group's position (below -1) and an empty slot stay.
        to[i] = slot == 0 || v < 0
            ? slot
            : (slot & 0xFFFF_FFFF_0000_0000L) | (((long) (toIndex[v >>> 1] << 1 | (v & 1)) + 1L) & 0xFFFF_FFFFL);
      }
      g.slots = to;
      g.keys = keys == null ? null : keys.clone();
      g.count = count;
      for (Group group : linkable) {
        g.linkable.add(group.copy(toIndex));
      }
      return g;
    }

    /** From now on, keeps the hash of every key that takes an empty slot: {@link #newKeyHashes}. */
    void recordNewKeys() {
      newHashes = new int[16];
      newCount = 0;
    }

    /** The hashes of the keys that took an empty slot since {@link #recordNewKeys}, sorted, distinct. */
    int[] newKeyHashes() {
      return Arrays.stream(newHashes, 0, newCount).sorted().distinct().toArray();
    }

    @Override
    public void key(Object key, boolean direct) {
      key(key, key.hashCode(), direct);
    }

    /** {@link #key(Object, boolean)} with the key's hash code, derived before. */
    void key(Object key, int hash, boolean direct) {
      if (pendingKeys != null) {
        pendingKeys[pending] = key;
        pendingHashes[pending] = hash;
        pendingCodes[pending] = index << 1 | (direct ? 1 : 0);
        if (++pending == BATCH) {
          flush();
        }
        return;
      }
      insert(key, hash, direct);
    }

    /**
     * Inserts the keys held back, in the order they came: first reads the slot each one's probe
     * starts at, then inserts them. The reads do not depend on each other, so the processor
     * overlaps their cache misses (at a million keys, the table is tens of megabytes) instead of
     * waiting for one miss after the other. Then the result is the same as inserting each key
     * as it comes.
     */
    void flush() {
      if (pendingKeys == null) {
        return;
      }
      int mask = slots.length - 1;
      long seen = 0;
      for (int k = 0; k < pending; k++) {
        seen += slots[start(pendingHashes[k], mask)];
      }
      touched += seen;
      for (int k = 0; k < pending; k++) {
        index = pendingCodes[k] >>> 1;
        insert(pendingKeys[k], pendingHashes[k], (pendingCodes[k] & 1) == 1);
        pendingKeys[k] = null;
      }
      pending = 0;
    }

    private void insert(Object key, int hash, boolean direct) {
      int slot = slot(key, hash);
      if (slots[slot] == 0) {
        if (keys != null) {
          keys[slot] = key;
        }
        if (newHashes != null) {
          if (newCount == newHashes.length) {
            newHashes = Arrays.copyOf(newHashes, 2 * newCount);
          }
          newHashes[newCount++] = hash;
        }
        set(slot, hash, index << 1 | (direct ? 1 : 0));
        if (++count * 2 > slots.length) {
          grow();
        }
      } else {
        add(key, slot, hash, direct);
      }
    }

    /** Whether a key with this hash code is in the table (after {@link #flush}). */
    boolean holdsHash(int hash) {
      int mask = slots.length - 1;
      for (int i = start(hash, mask); slots[i] != 0; i = (i + 1) & mask) {
        if ((int) (slots[i] >>> 32) == hash) {
          return true;
        }
      }
      return false;
    }

    /** Adds the actor, indirectly, to the key's group if there is one. */
    void join(Object key) {
      int hash = key.hashCode();
      int slot = slot(key, hash);
      if (slots[slot] != 0) {
        add(key, slot, hash, false);
      }
    }

    private void set(int slot, int hash, int value) {
      slots[slot] = (long) hash << 32 | ((value + 1L) & 0xFFFF_FFFFL);
    }

    private int value(int slot) {
      return (int) slots[slot] - 1;
    }

    private void add(Object key, int slot, int hash, boolean direct) {
      int v = value(slot);
      if (v >= 0) {
        if (v >>> 1 == index) { // the same actor again: only the direct flag can change
          set(slot, hash, direct ? v | 1 : v);
          return;
        }
        // The key as first seen (equal to this one; kept tables hold that instance).
        Group g = new Group(keys == null ? key : keys[slot], v);
        g.add(index, direct);
        linkable.add(g);
        set(slot, hash, -1 - linkable.size());
      } else {
        linkable.get(-2 - v).add(index, direct);
      }
    }

    /** The key in this slot, which is not empty. */
    private Object keyAt(int slot) {
      if (keys != null) {
        return keys[slot];
      }
      int v = value(slot);
      return v >= 0 ? keyOf.apply(v >>> 1) : linkable.get(-2 - v).key;
    }

    /** The slot of the key, or the empty slot where it goes. */
    private int slot(Object key, int hash) {
      int mask = slots.length - 1;
      int i = start(hash, mask);
      while (slots[i] != 0 && !((int) (slots[i] >>> 32) == hash && keyAt(i).equals(key))) {
        i = (i + 1) & mask;
      }
      return i;
    }

    private static int start(int hash, int mask) {
      int h = hash * 0x9E3779B9;
      return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
      long[] oldSlots = slots;
      Object[] oldKeys = keys;
      slots = new long[oldSlots.length * 2];
      keys = oldKeys == null ? null : new Object[oldSlots.length * 2];
      int mask = slots.length - 1;
      for (int k = 0; k < oldSlots.length; k++) {
        if (oldSlots[k] != 0) {
          // The keys are distinct: the first empty slot is the key's, no key is compared.
          int slot = start((int) (oldSlots[k] >>> 32), mask);
          while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          slots[slot] = oldSlots[k];
          if (keys != null) {
            keys[slot] = oldKeys[k];
          }
        }
      }
    }
  }

  /**
   * The members of one key: actor indices with whether each holds the key directly, encoded as
   * {@code index << 1 | direct}. Most keys have one member; the array is made for the second.
   */
  private static final class Group {
    final Object key;
    private int first;
    private int[] more;
    private int size = 1;

    Group(Object key, int firstCode) {
      this.key = key;
      first = firstCode;
    }

    private int at(int k) {
      return k == 0 ? first : more[k - 1];
    }

    /** A copy whose members are renumbered by {@code toIndex}. */
    Group copy(int[] toIndex) {
      Group g = new Group(key, renumber(first, toIndex));
      if (more != null) {
        g.more = new int[more.length];
        for (int k = 0; k < size - 1; k++) {
          g.more[k] = renumber(more[k], toIndex);
        }
      }
      g.size = size;
      return g;
    }

    private static int renumber(int code, int[] toIndex) {
      return toIndex[code >>> 1] << 1 | (code & 1);
    }

    void add(int index, boolean direct) {
      int last = at(size - 1) >>> 1;
      if (last == index) {
        if (direct) {
          setDirect(size - 1);
        }
        return;
      }
      if (more == null) {
        more = new int[2];
      } else if (size - 1 == more.length) {
        more = Arrays.copyOf(more, more.length * 2);
      }
      more[size - 1] = index << 1 | (direct ? 1 : 0);
      size++;
    }

    private void setDirect(int k) {
      if (k == 0) {
        first |= 1;
      } else {
        more[k - 1] |= 1;
      }
    }

    /** Members in index order, each once, with whether it holds the key directly. */
    TreeMap<Integer, Boolean> members() {
      TreeMap<Integer, Boolean> m = new TreeMap<>();
      for (int k = 0; k < size; k++) {
        int e = at(k);
        m.merge(e >>> 1, (e & 1) == 1, Boolean::logicalOr);
      }
      return m;
    }
  }

  /**
   * Links the members of one key. Within each kind (bots, non-bots) every member is linked to the
   * first member that holds the key directly, so members that hold it only indirectly (a GitHub
   * account for a noreply key, say) are linked only through one that holds it directly. A group
   * with members of both kinds yields one refused link, from its first direct member to the first
   * member of the other kind.
   */
  private static void link(
      GroupKey key,
      TreeMap<Integer, Boolean> members,
      List<Actor> actors,
      boolean[] bot,
      List<Optional<String>> botReasons,
      UnionFind uf,
      AppliedEvidence applied,
      List<RefusedMerge> refused) {
    Integer firstDirect = null;
    Integer[] centers = new Integer[2];
    Integer[] firstOfKind = new Integer[2];
    for (Map.Entry<Integer, Boolean> m : members.entrySet()) {
      int kind = bot[m.getKey()] ? 1 : 0;
      if (firstOfKind[kind] == null) {
        firstOfKind[kind] = m.getKey();
      }
      if (m.getValue()) {
        if (centers[kind] == null) {
          centers[kind] = m.getKey();
        }
        if (firstDirect == null) {
          firstDirect = m.getKey();
        }
      }
    }
    if (firstDirect == null) {
      return;
    }
    for (int member : members.keySet()) {
      Integer center = centers[bot[member] ? 1 : 0];
      if (center != null && member != center) {
        // Union order does not matter: the components are the same whatever the order.
        uf.union(center, member);
        applied.add(key.rule(), key.key(), center, member);
      }
    }
    Integer other = firstOfKind[bot[firstDirect] ? 0 : 1];
    if (other != null) {
      int botIndex = bot[firstDirect] ? firstDirect : other;
      int personIndex = bot[firstDirect] ? other : firstDirect;
      refused.add(
          new RefusedMerge(
              evidence(key, actors, firstDirect, other),
              "'" + actors.get(botIndex).label() + "' is a bot ("
                  + botReasons.get(botIndex).orElseThrow() + ") and '"
                  + actors.get(personIndex).label() + "' is not"));
    }
  }

  private static MergeEvidence evidence(GroupKey key, List<Actor> actors, int a, int b) {
    return new MergeEvidence(
        key.rule(), actors.get(Math.min(a, b)), actors.get(Math.max(a, b)), key.key());
  }

  /**
   * The table of one rule's keys: for forge ids and logins, which an actor has at most one of,
   * one that keeps no keys (each actor's key is derived again if a probe needs it).
   */
  private Grouping grouping(MergeRule rule, List<Actor> actors) {
    IntFunction<Object> keyOf = keyOf(rule, actors);
    return keyOf == null ? new Grouping() : new Grouping(keyOf, actors.size());
  }

  /** For a rule with at most one key per actor, the key of the actor at an index of {@code actors}; else null. */
  private IntFunction<Object> keyOf(MergeRule rule, List<Actor> actors) {
    if (rule != MergeRule.SAME_FORGE_ID && rule != MergeRule.SAME_FORGE_LOGIN) {
      return null;
    }
    return i -> {
      Object[] only = new Object[1];
      keys(rule, actors.get(i), (key, direct) -> only[0] = key);
      return only[0];
    };
  }

  /** Receives the keys of one actor under one rule. */
  private interface KeySink {
    void key(Object key, boolean direct);
  }

  private static final int LOGIN_PREFIX = (Forge.GITHUB + ":").hashCode();
  private static final int ID_PREFIX = (Forge.GITHUB + "#").hashCode();

  /**
   * {@link String#hashCode()} of a string of hash {@code prefix} followed by {@code s}, without
   * building it: {@code (p + s).hashCode()} is {@code p.hashCode() * 31^s.length() + s.hashCode()}
   * in int arithmetic, by the definition of {@link String#hashCode()}.
   */
  static int extendedHash(int prefix, String s) {
    int h = prefix;
    for (int k = s.length(); k > 0; k--) {
      h *= 31;
    }
    return h + s.hashCode();
  }

  /** As {@link #extendedHash(int, String)} with {@code Long.toString(v)}, without building it. */
  static int extendedHash(int prefix, long v) {
    if (v < 0) {
      return extendedHash(prefix, Long.toString(v));
    }
    long div = 1;
    while (div <= v / 10) {
      div *= 10;
    }
    int h = prefix;
    for (; div > 0; div /= 10) {
      h = 31 * h + (char) ('0' + (v / div) % 10);
    }
    return h;
  }

  /** The keys a GitHub account holds indirectly under {@link MergeRule#GITHUB_NOREPLY}. */
  private static void indirectNoreplyKeys(Actor a, Consumer<String> sink) {
    a.login().ifPresent(l -> sink.accept(Forge.GITHUB + ":" + Normalize.text(l)));
    a.id().ifPresent(id -> sink.accept(Forge.GITHUB + "#" + id));
  }

  private void keys(MergeRule rule, Actor a, KeySink sink) {
    switch (rule) {
      case SAME_FORGE_ID:
        if (a.id().isPresent()) {
          sink.key(new IdKey(a.forge(), a.id().getAsLong()), true);
        }
        break;
      case SAME_FORGE_LOGIN:
        if (a.login().isPresent()) {
          LoginKey key = new LoginKey(a.forge(), Normalize.text(a.login().get()));
          sink.key(key, true);
        }
        break;
      case SAME_EMAIL:
        for (int k = 0; k < a.emails().size(); k++) {
          String normal = Normalize.email(a.emails().get(k));
          if (!IdentityResolver.isSharedPlaceholder(normal, sharedEmails)) {
            sink.key(normal, true);
          }
        }
        break;
      case GITHUB_NOREPLY:
        // The account's own login and id (held indirectly) come later: indirectNoreplyKeys.
        for (int k = 0; k < a.emails().size(); k++) {
          String e = a.emails().get(k);
          Normalize.githubNoreply(e)
              .ifPresent(
                  nr -> {
                    sink.key(Forge.GITHUB + ":" + nr.login(), true);
                    nr.id().ifPresent(id -> sink.key(Forge.GITHUB + "#" + id, true));
                  });
        }
        break;
      case MAILMAP:
        if (!mailmap.isEmpty()) {
          String name = a.name().orElse("");
          for (String e : a.emails()) {
            String canonical = Normalize.email(mailmap.map(name, e).email());
            if (!canonical.isEmpty()) {
              sink.key(canonical, mailmap.matches(name, e));
            }
          }
        }
        break;
      case ALIAS:
        if (!aliasKeysByString.isEmpty()) {
          Set<String> strings = new TreeSet<>();
          a.login().ifPresent(l -> strings.add(Normalize.text(l)));
          a.name().ifPresent(nm -> strings.add(Normalize.text(nm)));
          a.emails().forEach(e -> strings.add(Normalize.email(e)));
          for (String s : strings) {
            aliasKeysByString.getOrDefault(s, List.of()).forEach(k -> sink.key(k, true));
          }
        }
        break;
      case SAME_NAME:
        a.name().ifPresent(nm -> sink.key(Normalize.text(nm), true));
        break;
      default:
        throw new AssertionError(rule);
    }
  }
}
