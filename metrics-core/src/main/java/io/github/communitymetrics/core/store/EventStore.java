package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.RandomAccess;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An immutable, compact, column-oriented set of events, for metrics that scan many events.
 *
 * <p><b>Order.</b> Events are sorted by time and, among events at the same instant, by a canonical
 * total order (type, repository, actor, number, then the rest of the event), so a store built from
 * any permutation of the same events is the same store: the same {@link #event(int)} sequence and
 * the same interned indices. Ingestion order never matters.
 *
 * <p><b>Duplicates.</b> Events are values: two equal events are the same event (seen twice through
 * overlapping API pages or archive hours), so the store keeps one and counts the others in {@link
 * #duplicatesDropped()}. Comments and reviews that carry the forge's id ({@code commentId}, {@code
 * reviewId}) are distinct whenever their ids differ, even when posted by the same person on the
 * same item in the same second; without ids such events are equal and kept once.
 *
 * <p><b>Repository identity.</b> Events of one repository may name it differently: with and
 * without its id, or under an old name. The store keeps one repository per forge and id, reported
 * under the name of its latest event; a value without id joins the repository with an id that
 * carried its name (by time, if several did), so {@link #event(int)} may return a different
 * {@link Repository} value than the one given (docs/events.md, "Repository identity").
 *
 * <p><b>Interning.</b> Each distinct {@link Repository} (after the identity rule above) and
 * {@link Actor} value gets an index once, in the values' canonical order (their natural order,
 * made total). Metrics can compare and count
 * these {@code int}s instead of the values. Positions ({@code i} below) are 0 to {@link #size()}
 * - 1, in the order above. The store holds the tables as arrays and one pool of strings, not as
 * objects: {@link #actor(int)}, {@link #repository(int)}, their lists and {@link #event(int)}
 * rebuild the values, equal to those added (not the same instances), the last few asked for
 * cached.
 *
 * <p><b>Columns.</b> Times, types, repository and actor indices and numbers are primitive arrays,
 * read by {@link #type(int)}, {@link #epochSecond(int)}, {@link #actorIndex(int)} and the like
 * without allocating, so tight loops over millions of events create no garbage. {@link
 * #event(int)} rebuilds an event equal to the one added, allocating it.
 *
 * <p><b>Slices.</b> {@link #slice(Window)} and {@link #slice(Repository)} return stores that view a
 * part of this one without copying its columns, and compose: {@code
 * store.slice(repo).slice(window)}. A slice has the same interned lists as the store it came from,
 * so indices mean the same thing in both.
 *
 * <p>Instances are immutable and safe to read from many threads.
 */
public final class EventStore implements Iterable<Event> {
  private static final EventType[] TYPES = EventType.values();

  private final Columns columns;
  /** Base positions of this view's events, in order; null for the contiguous run [from, to). */
  private final int[] index;

  private final int from;
  private final int to;

  private EventStore(Columns columns, int[] index, int from, int to) {
    this.columns = columns;
    this.index = index;
    this.from = from;
    this.to = to;
  }

  /**
   * A store of the given events, in any order; equal events are kept once.
   *
   * @throws NullPointerException if {@code events} or one of them is null
   */
  public static EventStore of(Iterable<? extends Event> events) {
    Checks.notNull(events, "events");
    return builder().addAll(events).build();
  }

  /** A builder that collects events one by one. */
  public static Builder builder() {
    return new Builder();
  }

  private static EventStore whole(Columns columns) {
    return new EventStore(columns, null, 0, columns.size);
  }

  /**
   * Collects events for an {@link EventStore}. Each event is encoded into the builder's columns
   * when it is added and not kept, so a reader can stream events of any number into a builder
   * without holding them (about 27 bytes per event of GH Archive-shaped data for the columns,
   * pushes and commits packed as the store packs them, plus the distinct actors, repositories
   * and payloads the store keeps anyway). {@link #build}
   * moves the columns into the store one by one, so that the builder and the store are not both
   * whole in memory. Not thread-safe.
   */
  public static final class Builder {
    private final Staging staging = new Staging();
    private int threads = 1;

    private Builder() {}

    /**
     * How many threads {@link #build} may use, the calling one included (default 1): the events
     * of each second are put in order by several threads. The store is the same with any number.
     *
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      this.threads = Checks.positive(threads, "threads");
      return this;
    }

    /**
     * Adds an event.
     *
     * @return this builder
     * @throws NullPointerException if {@code event} is null
     */
    public Builder add(Event event) {
      staging.add(Checks.notNull(event, "event"));
      return this;
    }


    /**
     * Adds events.
     *
     * @return this builder
     * @throws NullPointerException if {@code events} or one of them is null
     */
    public Builder addAll(Iterable<? extends Event> events) {
      Checks.notNull(events, "events");
      for (Event e : events) {
        add(e);
      }
      return this;
    }

    /**
     * A store of the events added so far, sorted and without duplicates. The builder can go on
     * collecting afterwards; later stores include the earlier events (the builder then stages
     * the last store's events again, about as costly as adding them). The builder keeps 4
     * bytes per event of the store until it is dropped or used again.
     */
    public EventStore build() {
      return whole(Columns.build(staging, threads));
    }
  }

  /** How many events this store (or slice) holds. */
  public int size() {
    return to - from;
  }

  /** Whether it holds no event. */
  public boolean isEmpty() {
    return to == from;
  }

  /**
   * Whether this is a whole store as built, not a slice of one: then every repository of {@link
   * #repositories()} and every actor of {@link #actors()} has events here, and a store built
   * from this one's events is equal to it.
   */
  public boolean isWhole() {
    return index == null && from == 0 && to == columns.size;
  }

  /**
   * How many events equal to an event already present were left out when the store was built.
   * Slices report the value of the store they came from.
   */
  public long duplicatesDropped() {
    return columns.duplicatesDropped;
  }

  private int base(int i) {
    int k = from + java.util.Objects.checkIndex(i, to - from);
    return index == null ? k : index[k];
  }

  /**
   * The event at position {@code i}, equal to the event that was added. Allocates the event.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
   */
  public Event event(int i) {
    return columns.event(base(i));
  }

  /** The type of the event at position {@code i}. */
  public EventType type(int i) {
    return TYPES[columns.types[base(i)]];
  }

  /** The time of the event at position {@code i}: seconds since 1970-01-01T00:00:00Z. */
  public long epochSecond(int i) {
    return columns.second(base(i));
  }

  /** The nanoseconds after {@link #epochSecond(int)} of the event at {@code i}, 0 to 999,999,999. */
  public int nano(int i) {
    return columns.nano(base(i));
  }

  /** The time of the event at position {@code i}. Allocates; loops should use {@link #epochSecond}. */
  public Instant instant(int i) {
    return columns.instant(base(i));
  }

  /** The interned index of the repository of the event at {@code i}: see {@link #repository(int)}. */
  public int repositoryIndex(int i) {
    return columns.repo(base(i));
  }

  /** The interned index of the actor of the event at {@code i}: see {@link #actor(int)}. */
  public int actorIndex(int i) {
    return columns.actor(base(i));
  }

  /**
   * The interned index of the event's second actor, or -1 when it has none: the pull request's
   * author of a {@code pull_request_closed}, {@code pull_request_merged} or {@code review} event
   * (when the source named it), the new member of a {@code member_added}, the assignee of an
   * {@code issue_assigned}. Constant time and no
   * allocation, for scans that credit a merge to its author without rebuilding the event.
   */
  public int secondActorIndex(int i) {
    return columns.secondActor(base(i));
  }

  /**
   * GitHub's relation of the author to the repository ({@code author_association}) as the event at
   * {@code i} carries it: that of an {@link io.github.communitymetrics.core.event.IssueOpened},
   * {@link io.github.communitymetrics.core.event.PullRequestOpened}, {@link
   * io.github.communitymetrics.core.event.IssueComment}, {@link
   * io.github.communitymetrics.core.event.Review} or {@link
   * io.github.communitymetrics.core.event.ReviewComment}, equal to the rebuilt event's; empty for
   * the other kinds and where the source gave none. Constant time and no allocation: scans that
   * need only the association need not rebuild the event.
   */
  public Optional<AuthorAssociation> association(int i) {
    return columns.association(base(i));
  }

  /**
   * The issue or pull request number of the event at {@code i}, or 0 for kinds without one (see
   * {@link io.github.communitymetrics.core.event.NumberedEvent}).
   */
  public int number(int i) {
    return columns.number(base(i));
  }

  /**
   * The repository with interned index {@code repositoryIndex} (not an event position). Rebuilt
   * from the store's arrays unless it is among the last few asked for: equal each time, not
   * always the same instance.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= repositoryIndex < repositories().size()}
   */
  public Repository repository(int repositoryIndex) {
    return columns.repositoryTable.get(repositoryIndex);
  }

  /**
   * The actor with interned index {@code actorIndex} (not an event position). Rebuilt from the
   * store's arrays unless it is among the last few asked for: equal each time, not always the
   * same instance; loops over many actors should compare {@link #actorIndex} values instead.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= actorIndex < actors().size()}
   */
  public Actor actor(int actorIndex) {
    return columns.actorTable.get(actorIndex);
  }

  /**
   * Every distinct repository of the store, at its interned index, in canonical order. A slice
   * returns its store's list (the same instance), which may include repositories with no event in
   * the slice. A view: each element is rebuilt as {@link #repository(int)} rebuilds it.
   */
  public List<Repository> repositories() {
    return columns.repositoryTable.list;
  }

  /**
   * Every distinct actor of the store (event actors, pull request authors, new members), at its
   * interned index, in canonical order. A slice returns its store's list (the same instance). A
   * view: each element is rebuilt as {@link #actor(int)} rebuilds it.
   */
  public List<Actor> actors() {
    return columns.actorTable.list;
  }

  /** The interned index of {@code repository}, if the store has it. Takes O(log n). */
  public OptionalInt indexOf(Repository repository) {
    Checks.notNull(repository, "repository");
    int r = columns.repositoryIndexOf(repository);
    return r >= 0 ? OptionalInt.of(r) : OptionalInt.empty();
  }

  /** The interned index of {@code actor}, if the store has it. Takes O(log n). */
  public OptionalInt indexOf(Actor actor) {
    Checks.notNull(actor, "actor");
    int a = columns.actorTable.binarySearch(actor);
    return a >= 0 ? OptionalInt.of(a) : OptionalInt.empty();
  }

  /**
   * Where {@code actor} is among the store's actors, as {@link java.util.Arrays#binarySearch}
   * answers: its interned index if the store has it, else {@code -(the index it would have) - 1}.
   * Takes O(log n). Merging the actors of two stores without rebuilding every actor of the larger
   * one needs the second form.
   */
  public int binarySearch(Actor actor) {
    Checks.notNull(actor, "actor");
    return columns.actorTable.binarySearch(actor);
  }

  /** As {@link #binarySearch(Actor)}, for the store's repositories. Takes O(log n). */
  public int binarySearch(Repository repository) {
    Checks.notNull(repository, "repository");
    return columns.repositoryTable.binarySearch(repository);
  }

  /** The events in order, rebuilt one by one as they are consumed. */
  public Stream<Event> stream() {
    return IntStream.range(0, size()).mapToObj(this::event);
  }

  /** The events in order, rebuilt one by one. */
  @Override
  public Iterator<Event> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size();
      }

      @Override
      public Event next() {
        if (next >= size()) {
          throw new NoSuchElementException();
        }
        return event(next++);
      }
    };
  }

  /** How many events of each type: every {@link EventType} is a key, with 0 when absent. */
  public Map<EventType, Long> countByType() {
    long[] counts = new long[TYPES.length];
    byte[] types = columns.types;
    if (index == null) {
      for (int p = from; p < to; p++) {
        counts[types[p]]++;
      }
    } else {
      for (int k = from; k < to; k++) {
        counts[types[index[k]]]++;
      }
    }
    Map<EventType, Long> map = new EnumMap<>(EventType.class);
    for (EventType t : TYPES) {
      map.put(t, counts[t.ordinal()]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The smallest window holding every event: from the first event's instant to one nanosecond
   * after the last one's (windows are half-open); empty for an empty store. If the last event is
   * at {@link Instant#MAX}, the window ends there and so excludes it.
   */
  public Optional<Window> timeSpan() {
    if (isEmpty()) {
      return Optional.empty();
    }
    Instant last = instant(size() - 1);
    Instant end = last.equals(Instant.MAX) ? last : last.plusNanos(1);
    return Optional.of(new Window(instant(0), end));
  }

  /**
   * An estimate of the heap this store retains, in bytes: the capacities of its arrays (the
   * interned actors and repositories and their strings among them), plus approximate sizes of
   * the side objects of rich events (commits, pushes and pull requests that are not packed into
   * columns, releases), assuming compressed references. A slice retains the whole store it came
   * from, so it reports that plus any index list of its own. The per-repository
   * index, built on the first repository slice, adds 4 bytes per event and 12 to 20 per
   * repository from then on.
   */
  public long estimatedBytes() {
    long own = 0;
    if (index != null && index != columns.byRepositoryIfBuilt()) {
      own = Sizes.array(index.length, 4);
    }
    return columns.estimatedBytes() + Sizes.object(16) + own;
  }

  /**
   * The events inside {@code window} ({@code start <= at < end}), without copying. Takes
   * O(log n).
   */
  public EventStore slice(Window window) {
    Checks.notNull(window, "window");
    int lo = lowerBound(window.start());
    int hi = Math.max(lo, lowerBound(window.end()));
    return new EventStore(columns, index, from + lo, from + hi);
  }

  /** The first position whose instant is not before {@code t}, or {@link #size()}. */
  private int lowerBound(Instant t) {
    long s = t.getEpochSecond();
    int n = t.getNano();
    int lo = 0;
    int hi = size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int p = base(mid);
      long ps = columns.second(p);
      if (ps < s || (ps == s && columns.nano(p) < n)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The events of {@code repository}; empty if it has none here. Shares the store's
   * per-repository index (built once, on first use), so it copies nothing.
   */
  public EventStore slice(Repository repository) {
    Checks.notNull(repository, "repository");
    Columns.RepositoryIndex byRepo = columns.byRepository();
    int r = columns.repositoryIndexOf(repository);
    if (r < 0) {
      return empty();
    }
    int start = byRepo.start()[r];
    int end = byRepo.start()[r + 1];
    int[] events = byRepo.events();
    if (index == null) {
      // Positions of one repository ascend, so [from, to) maps to a sub-range of them.
      int lo = ascendingLowerBound(events, start, end, from);
      int hi = ascendingLowerBound(events, lo, end, to);
      return new EventStore(columns, events, lo, hi);
    }
    if (index == events) {
      // Already a range of the per-repository list: intersect the two ranges.
      int lo = Math.max(from, start);
      int hi = Math.max(lo, Math.min(to, end));
      return new EventStore(columns, events, lo, hi);
    }
    boolean[] wanted = new boolean[columns.repositoryTable.size()];
    wanted[r] = true;
    return filter(wanted);
  }

  /**
   * The events of any of {@code repositories}; repositories absent here are ignored. With one
   * repository this is {@link #slice(Repository)}; with more it builds one list of positions (4
   * bytes per event of the slice) but never copies columns.
   */
  public EventStore slice(Collection<Repository> repositories) {
    Checks.notNull(repositories, "repositories");
    // The distinct indices first: with none or one, no mask as long as the store's repositories.
    int[] found = new int[Math.max(1, Math.min(repositories.size(), 16))];
    int distinct = 0;
    Repository one = null;
    for (Repository repository : repositories) {
      OptionalInt r = indexOf(Checks.notNull(repository, "repository"));
      if (r.isPresent()) {
        if (distinct == found.length) {
          found = Arrays.copyOf(found, 2 * distinct);
        }
        found[distinct++] = r.getAsInt();
        one = repository;
      }
    }
    if (distinct == 0) {
      return empty();
    }
    boolean same = true;
    for (int k = 1; k < distinct && same; k++) {
      same = found[k] == found[0];
    }
    if (same) {
      return slice(one);
    }
    if (index == null) {
      // A whole store or a time range of one: gather each repository's positions from the
      // per-repository index and sort them, in time proportional to the slice, not the store.
      Columns.RepositoryIndex byRepo = columns.byRepository();
      int[] events = byRepo.events();
      Arrays.sort(found, 0, distinct);
      int[] lo = new int[distinct];
      int[] hi = new int[distinct];
      int m = 0;
      for (int k = 0; k < distinct; k++) {
        if (k == 0 || found[k] != found[k - 1]) { // a repository named twice is taken once
          int end = byRepo.start()[found[k] + 1];
          lo[k] = ascendingLowerBound(events, byRepo.start()[found[k]], end, from);
          hi[k] = ascendingLowerBound(events, lo[k], end, to);
          m += hi[k] - lo[k];
        }
      }
      int[] kept = new int[m];
      m = 0;
      for (int k = 0; k < distinct; k++) {
        System.arraycopy(events, lo[k], kept, m, hi[k] - lo[k]);
        m += hi[k] - lo[k];
      }
      Arrays.sort(kept); // positions are the canonical order
      return new EventStore(columns, kept, 0, m);
    }
    boolean[] wanted = new boolean[columns.repositoryTable.size()];
    for (int k = 0; k < distinct; k++) {
      wanted[found[k]] = true;
    }
    return filter(wanted);
  }

  private EventStore empty() {
    return new EventStore(columns, null, 0, 0);
  }

  /** A copy of this view's positions whose repository is wanted. */
  private EventStore filter(boolean[] wanted) {
    int[] kept = new int[size()];
    int m = 0;
    for (int i = 0; i < size(); i++) {
      int p = base(i);
      if (wanted[columns.repo(p)]) {
        kept[m++] = p;
      }
    }
    return new EventStore(columns, Arrays.copyOf(kept, m), 0, m);
  }

  /** The first k in [lo, hi) with a[k] >= key, or hi. */
  private static int ascendingLowerBound(int[] a, int lo, int hi, int key) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return "EventStore[size="
        + size()
        + ", repositories="
        + columns.repositoryTable.size()
        + ", actors="
        + columns.actorTable.size()
        + ", duplicatesDropped="
        + columns.duplicatesDropped
        + "]";
  }
}
